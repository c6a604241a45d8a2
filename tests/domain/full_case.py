"""A case with every list at its limit and texts as long as a real workshop types them (for tests/domain).

The bench has its own case at every limit for timing; this one answers a question of size: does a case
that holds everything it may still fit within MAX_CASE_BYTES?
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from negotiation.data import limits as L
from negotiation.data.agreement import Agreement, Commitment, EscalationTier, Level
from negotiation.data.case import Case
from negotiation.data.caucus import Caucus, CaucusNote, ConfidentialFigure, SideCaucus
from negotiation.data.intake import (
    CLIENT_CATEGORIES,
    VENDOR_CATEGORIES,
    Answer,
    Branch,
    Complaint,
    Intake,
    Path,
    PathKind,
    RecognitionAnswer,
    RecognitionCheck,
    Statement,
    WarningSign,
    WarningSignKind,
)
from negotiation.data.interests import (
    Interest,
    InterestLink,
    InterestMap,
    LinkKind,
    PeopleAspect,
    PeopleNote,
    Position,
    TrustIncident,
)
from negotiation.data.margin import CostItem, EffortLine, MarginModel, MarginStandard, Scenario, VendorCosts
from negotiation.data.options import Issue, ObjectiveCriterion, Option, OptionsBoard
from negotiation.data.parties import Party, PartyRole, Person, Tier
from negotiation.data.smart import Acceptance, DecentSystem, SmartCriterion

SIDES = (PartyRole.CLIENT, PartyRole.VENDOR)
WORDS = ("the vendor delivered the release late and the client could not test it in time for the board "
         "meeting, so the invoices were held back and both sides wrote letters instead of talking ")


def text(length: int, seed: int = 0) -> str:
    """Prose of `length` characters (a realistic sentence or paragraph, not padding of one letter)."""
    start = seed % 40
    return ((WORDS * (length // len(WORDS) + 2))[start:start + length]).strip() or "text"


def people(role: PartyRole) -> list[Person]:
    tiers = (Tier.OPERATIONAL, Tier.MANAGEMENT, Tier.EXECUTIVE)
    return [Person(id=f"{role.value[0]}p{n}", name=f"Person {n} of the {role.value}", title=text(40, n),
                   email=f"person{n}@{role.value}.example", tier=tiers[n % 3], signs=n == 2)
            for n in range(L.MAX_PEOPLE_PER_SIDE)]


def full_case(demo: Case) -> Case:
    day = dt.date(2026, 6, 1)
    client = Party(role=PartyRole.CLIENT, name=demo.client.name, place=text(60), people=people(PartyRole.CLIENT))
    vendor = Party(role=PartyRole.VENDOR, name=demo.vendor.name, place=text(60), people=people(PartyRole.VENDOR))
    complaints = []
    for n in range(L.MAX_COMPLAINTS):
        side = SIDES[n % 2]
        categories = CLIENT_CATEGORIES if side is PartyRole.CLIENT else VENDOR_CATEGORIES
        complaints.append(Complaint(id=f"c{n}", raised_by=side, category=categories[n % len(categories)],
                                    statement=text(200, n), evidence=text(60, n), since=day,
                                    disputed=n % 3 == 0, other_side_account=text(150, n) if n % 3 == 0 else ""))
    branches = [Branch(label=text(60, n), chance=Decimal(100) / L.MAX_BRANCHES, money_in=Decimal("1000.00"),
                       cost=Decimal("500.00"), months=Decimal(6)) for n in range(L.MAX_BRANCHES)]
    intake = Intake(
        complaints=complaints,
        warning_signs=[WarningSign(kind=kind, seen_on=day, note=text(100)) for kind in WarningSignKind],
        paths=[Path(side=side, kind=kind, branches=branches, note=text(150)) for side in SIDES
               for kind in PathKind if kind is not PathKind.LITIGATE] +
              [Path(side=side, kind=PathKind.LITIGATE, note=text(150)) for side in SIDES],
        recognition=RecognitionCheck(answers=[RecognitionAnswer(side=side, statement=s, answer=Answer.YES)
                                              for side in SIDES for s in Statement]),
    )
    per_side = L.MAX_INTERESTS_PER_SIDE
    interests = InterestMap(
        positions=[Position(id=f"{side.value[0]}pos{n}", side=side, statement=text(150, n))
                   for side in SIDES for n in range(L.MAX_POSITIONS_PER_SIDE)],
        interests=[Interest(id=f"{side.value[0]}i{n}", side=side, statement=text(200, n),
                            position_id=f"{side.value[0]}pos{n}") for side in SIDES for n in range(per_side)],
        # Link n joins client interest a to vendor interest a + k (a = n mod per_side, k = n div per_side): no pair twice.
        links=[InterestLink(id=f"l{n}", first_id=f"ci{n % per_side}",
                            second_id=f"vi{(n % per_side + n // per_side) % per_side}",
                            kind=LinkKind.COMPATIBLE, note=text(80, n)) for n in range(L.MAX_LINKS)],
        people=[PeopleNote(id=f"{side.value[0]}n{n}", side=side, aspect=PeopleAspect.EMOTION, statement=text(150, n))
                for side in SIDES for n in range(L.MAX_PEOPLE_NOTES_PER_SIDE)],
        incidents=[TrustIncident(id=f"t{n}", what=text(200, n), when=day, cost=text(100, n),
                                 acknowledgement=text(200, n)) for n in range(L.MAX_TRUST_INCIDENTS)],
    )
    interest_ids = [f"{side.value[0]}i{n}" for side in SIDES for n in range(per_side)]
    criterion_ids = [f"oc{n}" for n in range(L.MAX_OBJECTIVE_CRITERIA)]
    issues = [Issue(id=f"is{n}", title=text(80, n)) for n in range(L.MAX_ISSUES)]
    placed = [Option(id=f"o{i}-{n}", statement=text(150, n), issue_id=issue.id,
                     serves=interest_ids[:L.MAX_SERVES_PER_OPTION], criteria=criterion_ids[:L.MAX_CRITERIA_PER_OPTION],
                     client_score=5, vendor_score=6)
              for i, issue in enumerate(issues) for n in range(L.MAX_OPTIONS_PER_ISSUE)]
    unplaced = [Option(id=f"u{n}", statement=text(150, n)) for n in range(L.MAX_UNPLACED_OPTIONS)]
    options = OptionsBoard(
        issues=issues, options=placed + unplaced,
        criteria=[ObjectiveCriterion(id=cid, name=text(80, n), source=text(150, n), standard=text(150, n),
                                     dated=day, url=f"https://example.org/standard/{n}")
                  for n, cid in enumerate(criterion_ids)],
    )
    accepted = {"accepted": True, "on": day}
    system = DecentSystem(criteria=[SmartCriterion(
        id=f"s{n}", statement=text(250, n), metric=text(80, n), unit="%", target=Decimal(95), measured_how=text(150, n),
        measured_where=text(60, n), date=dt.date(2027, 3, 1), client_owner="cp0", vendor_owner="vp0",
        achievable_why=text(150, n), confirmed_by="vp1",
        complaint_ids=[f"c{k}" for k in range(L.MAX_COMPLAINTS_PER_CRITERION)],
        interest_ids=interest_ids[:L.MAX_INTERESTS_PER_CRITERION],
        client_acceptance=Acceptance(by="cp2", **accepted), vendor_acceptance=Acceptance(by="vp2", **accepted))
        for n in range(L.MAX_CRITERIA)])
    margin = MarginModel(
        currency=demo.contract.currency,
        costs=VendorCosts(
            effort=[EffortLine(id=f"e{n}", role=text(40, n), days=Decimal(10), day_rate=Decimal("900.00"))
                    for n in range(L.MAX_EFFORT_LINES)],
            items=[CostItem(id=f"k{n}", description=text(80, n), amount=Decimal("1200.00"))
                   for n in range(L.MAX_COST_ITEMS)]),
        standards=[MarginStandard(id=f"m{n}", name=text(60, n), low=Decimal(8), high=Decimal(15), source=text(150, n),
                                  url=f"https://example.org/margin/{n}", published=day, note=text(100, n))
                   for n in range(L.MAX_MARGIN_STANDARDS)],
        scenarios=[Scenario(id=f"sc{n}", name=f"Scenario {n}", price=Decimal("100000.00"))
                   for n in range(L.MAX_SCENARIOS)],
    )
    contacts = {side: [f"{side.value[0]}p{n}" for n in range(L.MAX_CONTACTS_PER_LEVEL)] for side in SIDES}
    ladder = [EscalationTier(level=level, client_contact_ids=contacts[PartyRole.CLIENT] if level.tier else [],
                             vendor_contact_ids=contacts[PartyRole.VENDOR] if level.tier else [],
                             forum="" if level.tier else text(80), handles=text(120), days=10, expedited_days=2)
              for level in Level]
    agreement = Agreement(
        place=text(40), signing_date=day, ladder=ladder,
        commitments=[Commitment(id=f"a{n}", side=SIDES[n % 2], owner_id=f"{SIDES[n % 2].value[0]}p0", what=text(200, n),
                                due=dt.date(2027, 1, 1), delivery_confirmed=n % 2 == 1,
                                confirmed_by="Delivery lead" if n % 2 == 1 else "")
                     for n in range(L.MAX_COMMITMENTS)],
    )
    side_caucus = SideCaucus(
        notes=[CaucusNote(id=f"cn{n}", text=text(200, n)) for n in range(L.MAX_CAUCUS_NOTES_PER_SIDE)],
        figures=[ConfidentialFigure(id=f"cf{n}", label=text(40, n), amount=Decimal("5000.00"), note=text(80, n))
                 for n in range(L.MAX_CAUCUS_FIGURES_PER_SIDE)])
    case = demo.model_copy(update=dict(
        client=client, vendor=vendor, summary=text(1500), intake=intake, interests=interests, options=options,
        system=system, margin=margin, agreement=agreement, caucus=Caucus(client=side_caucus, vendor=side_caucus)))
    return Case.model_validate(case.model_dump())
