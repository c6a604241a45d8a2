"""The demo's interests. Interest ids are fixed: options and SMART criteria of the demo refer to them.

The positions each side states, the interests behind them, how they relate across the table,
the people side, and the trust incidents of the laptop-refresh story.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from negotiation.data.case import Case
from negotiation.data.interests import (
    Decision,
    Interest,
    InterestLink,
    InterestMap,
    LinkKind,
    PeopleNote,
    Position,
    TrustIncident,
)
from negotiation.data.interests import (
    InterestKind as Kind,
)
from negotiation.data.interests import (
    PeopleAspect as Aspect,
)
from negotiation.data.parties import PartyRole

CLIENT, VENDOR = PartyRole.CLIENT, PartyRole.VENDOR


def positions() -> list[Position]:
    return [
        Position(id="pc-withhold", side=CLIENT,
                 statement="We will not pay the withheld invoices until every laptop is replaced"),
        Position(id="pc-monitoring", side=CLIENT,
                 statement="The milestone-monitoring tool stays, with daily status reports"),
        Position(id="pc-exit", side=CLIENT,
                 statement="If the refresh is not finished by June, we end the contract"),
        Position(id="pc-penalty", side=CLIENT,
                 statement="Meridian pays a penalty for every month of delay"),
        Position(id="pv-payfirst", side=VENDOR,
                 statement="No further refresh waves until the withheld invoices are paid"),
        Position(id="pv-changes", side=VENDOR,
                 statement="Regional images and the factory network link are change requests, billed extra"),
        Position(id="pv-monitoring", side=VENDOR,
                 statement="The monitoring tool must go"),
        Position(id="pv-delay", side=VENDOR,
                 statement="Half of the delay is Nordhaven's: end-of-life lists and image approvals took months"),
    ]


def interests() -> list[Interest]:
    return [
        Interest(id="ic-productive", side=CLIENT, priority=5, kind=Kind.SUBSTANTIVE, position_id="pc-exit",
                 statement="Staff work on reliable, current laptops without losing days to old devices"),
        Interest(id="ic-cost", side=CLIENT, priority=4, kind=Kind.SUBSTANTIVE, position_id="pc-withhold",
                 statement="Pay only for what is delivered, and keep the programme within the approved budget"),
        Interest(id="ic-predictable", side=CLIENT, priority=4, kind=Kind.PROCEDURAL, position_id="pc-monitoring",
                 statement="Dates it can plan around and report to its board"),
        Interest(id="ic-trust", side=CLIENT, priority=3, kind=Kind.RELATIONSHIP, position_id="pc-monitoring",
                 statement="A vendor whose promises hold, without having to police it"),
        Interest(id="ic-continuity", side=CLIENT, priority=3, kind=Kind.RELATIONSHIP,
                 statement="No disruptive change of vendor in the middle of a global rollout"),
        Interest(id="iv-margin", side=VENDOR, priority=5, kind=Kind.SUBSTANTIVE, position_id="pv-changes",
                 statement="The account earns a normal margin again instead of a loss"),
        Interest(id="iv-reference", side=VENDOR, priority=4, kind=Kind.RELATIONSHIP,
                 statement="Keep Nordhaven as a reference client for European workplace services"),
        Interest(id="iv-decisions", side=VENDOR, priority=4, kind=Kind.PROCEDURAL, position_id="pv-delay",
                 statement="Decisions and approvals from the client within agreed days"),
        Interest(id="iv-cash", side=VENDOR, priority=4, kind=Kind.SUBSTANTIVE, position_id="pv-payfirst",
                 statement="Withheld invoices paid, and disputes handled through the contract's procedure"),
        Interest(id="iv-overhead", side=VENDOR, priority=3, kind=Kind.PROCEDURAL, position_id="pv-monitoring",
                 statement="Proportionate reporting instead of daily micro-management"),
    ]


def links() -> list[InterestLink]:
    return [
        InterestLink(id="lk-continuity", first_id="ic-continuity", second_id="iv-reference", kind=LinkKind.SHARED,
                     note="Both want the relationship to last beyond this rollout"),
        InterestLink(id="lk-plan", first_id="ic-predictable", second_id="iv-decisions", kind=LinkKind.SHARED,
                     note="Both need a plan with fixed decision days that each side keeps"),
        InterestLink(id="lk-depots", first_id="ic-productive", second_id="iv-margin", kind=LinkKind.COMPATIBLE,
                     note="A faster refresh through regional staging depots also lowers the vendor's cost per device"),
        InterestLink(id="lk-reporting", first_id="ic-trust", second_id="iv-overhead", kind=LinkKind.COMPATIBLE,
                     note="Weekly reports of verified milestones replace daily policing"),
        InterestLink(id="lk-invoices", first_id="ic-cost", second_id="iv-cash", kind=LinkKind.CONFLICTING,
                     note="Pay on delivery against release of the withheld invoices"),
        InterestLink(id="lk-changes", first_id="iv-margin", second_id="ic-cost", kind=LinkKind.CONFLICTING,
                     note="Who pays for regional images and the factory network link"),
    ]


def people() -> list[PeopleNote]:
    return [
        PeopleNote(id="pp-c-sold", side=CLIENT, aspect=Aspect.PERCEPTION,
                   statement="Meridian sold us a six-month refresh it knew it could not deliver"),
        PeopleNote(id="pp-c-numbers", side=CLIENT, aspect=Aspect.PERCEPTION,
                   statement="They only talk to us about invoices and change requests"),
        PeopleNote(id="pp-c-face", side=CLIENT, aspect=Aspect.EMOTION,
                   statement="The CIO lost face with the board after reporting the refresh as on track"),
        PeopleNote(id="pp-c-letters", side=CLIENT, aspect=Aspect.COMMUNICATION,
                   statement="Procurement now writes formal letters that cite contract clauses"),
        PeopleNote(id="pp-v-blamed", side=VENDOR, aspect=Aspect.PERCEPTION,
                   statement="Nordhaven blames us for delays its own approvals caused"),
        PeopleNote(id="pp-v-distrusted", side=VENDOR, aspect=Aspect.EMOTION,
                   statement="The delivery team feels treated as suspects, not partners"),
        PeopleNote(id="pp-v-channels", side=VENDOR, aspect=Aspect.COMMUNICATION,
                   statement="Sales made the promises; delivery only hears about them in escalations"),
    ]


def incidents() -> list[TrustIncident]:
    return [
        TrustIncident(
            id="ti-sales", felt_by=CLIENT, when=dt.date(2024, 10, 15), decision=Decision.ACCEPTED,
            what="In the sales phase Meridian committed to refresh every ageing laptop within six months, "
                 "without checking end-of-life lists, regional images or the OEM's factory preload",
            cost="A plan the client's board approved on a promise that could not hold",
            acknowledgement="Meridian acknowledges that the six-month refresh was committed in the sales phase "
                            "without a delivery check, and that Nordhaven planned and reported on it in good faith."),
        TrustIncident(
            id="ti-promise", felt_by=CLIENT, when=dt.date(2025, 7, 7), decision=Decision.ACCEPTED,
            what="The refresh date of 7 July 2025 passed with about a fifth of the laptops replaced, "
                 "and a new date was announced only after the client asked",
            cost="Eighteen months of lost productivity on old devices and the CIO's credibility with the board",
            cost_amount=Decimal("1850000.00"),
            acknowledgement="Meridian acknowledges that it broke its refresh promise and told Nordhaven too late, "
                            "and what that cost Nordhaven's staff and its CIO."),
        TrustIncident(
            id="ti-monitoring", felt_by=VENDOR, when=dt.date(2026, 5, 4), decision=Decision.ACCEPTED,
            what="Nordhaven imposed a milestone-monitoring tool with daily status reports, without discussing it",
            cost="About two full-time staff on reporting, and a delivery team that feels distrusted",
            cost_amount=Decimal("210000.00")),
        TrustIncident(
            id="ti-numbers", felt_by=None, when=dt.date(2026, 6, 1), decision=Decision.ACCEPTED,
            what=("The relationship became purely number-driven: meetings only about invoices, penalties "
                  "and change requests"),
            acknowledgement="Nordhaven and Meridian both acknowledge that their meetings became only about numbers, "
                            "and agree to put the working relationship back on the agenda of every review."),
        TrustIncident(
            id="ti-exit", felt_by=VENDOR, when=dt.date(2026, 9, 14),
            what="Nordhaven's letter threatened to end the contract without first using the escalation procedure",
            cost="Meridian's board put the account on its risk list"),
    ]


def build(case: Case) -> InterestMap:
    return InterestMap(positions=positions(), interests=interests(), links=links(), people=people(),
                       incidents=incidents())
