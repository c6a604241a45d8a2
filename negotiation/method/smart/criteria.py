"""Step 5, the decently working system: SMART criteria accepted by both sides.

The definition of the decently working system is the set of criteria that are SMART and
accepted by both sides (`definition`). Whether a criterion is SMART is a business judgement, made
by `negotiation.method.smart.check.check` (findings per letter, never a validator that raises).
Here: what a criterion contradicts in its case, revising and accepting it, what the criteria
cover of the complaints and interests, and the criteria's section of the PDF.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from negotiation.data.case import Case
from negotiation.data.parties import PartyRole
from negotiation.data.smart import Acceptance, SmartCriterion, is_percent
from negotiation.kernel.errors import Problem
from negotiation.kernel.i18n import fmt_date, fmt_number, t
from negotiation.method.smart.check import check

SUBSTANCE = ("statement", "area", "metric", "unit", "target", "direction", "measured_how", "measured_where",
             "frequency", "date", "date_kind", "client_owner", "vendor_owner")
"""The fields whose change means both sides must accept the criterion again."""


# -- validation against the case ------------------------------------------------------------


def problems_in_case(case: "Case", criterion: SmartCriterion) -> list[Problem]:
    """What makes `criterion` impossible in this case, each next to its field.

    The Case validator cannot see these rules (they need the case's dates and people), so the
    page runs them before saving; an empty list means the criterion may be stored.
    """
    problems: list[Problem] = []
    if criterion.date is not None:
        if criterion.date < case.contract.start:
            problems.append(Problem("date", t("system.error.date_before_contract", date=fmt_date(criterion.date),
                                                start=fmt_date(case.contract.start))))
        elif criterion.date < case.opened:
            problems.append(Problem("date", t("system.error.date_before_case", date=fmt_date(criterion.date),
                                                opened=fmt_date(case.opened))))
    for role, name in ((PartyRole.CLIENT, "client_owner"), (PartyRole.VENDOR, "vendor_owner")):
        owner = criterion.owner(role)
        if owner is not None and owner not in {p.id for p in case.party(role).people}:
            problems.append(Problem(name, t("system.error.owner_not_of_side", side=t(f"system.side.{role.value}"))))
    if criterion.confirmed_by is not None and criterion.confirmed_by not in {p.id for p in case.vendor.people}:
        problems.append(Problem("confirmed_by", t("system.error.confirmer_not_vendor")))
    known_complaints = {c.id for c in case.intake.complaints}
    if any(cid not in known_complaints for cid in criterion.complaint_ids):
        problems.append(Problem("complaint_ids", t("system.error.unknown_complaint")))
    known_interests = {i.id for i in case.interests.interests}
    if any(iid not in known_interests for iid in criterion.interest_ids):
        problems.append(Problem("interest_ids", t("system.error.unknown_interest")))
    for role in PartyRole:
        acceptance = criterion.acceptance(role)
        if acceptance.accepted:
            if acceptance.by not in {p.id for p in case.party(role).people}:
                problems.append(Problem(f"{role.value}_acceptance",
                                        t("system.error.acceptor_not_of_side", side=t(f"system.side.{role.value}"))))
            if acceptance.on is not None and acceptance.on < case.opened:
                problems.append(Problem(f"{role.value}_acceptance", t("system.error.accepted_before_case",
                                                                      opened=fmt_date(case.opened))))
    return problems


def target_problems(target: Decimal | None, unit: str) -> list[Problem]:
    """The model's own rules for a target, placed next to their fields (the model would report them on the whole)."""
    if target is None:
        return []
    if not unit.strip():
        return [Problem("unit", t("system.error.missing_unit"))]
    if is_percent(unit) and target > 100:
        return [Problem("target", t("system.error.percent_above_100"))]
    return []


def revised(old: SmartCriterion | None, new: SmartCriterion) -> tuple[SmartCriterion, bool]:
    """`new`, with both acceptances withdrawn when its substance differs from `old`.

    Returns (criterion, acceptances withdrawn). A side accepted the wording it saw; a changed
    target or date is a new criterion for both sides.
    """
    if old is None:
        return new, False
    changed = any(getattr(old, name) != getattr(new, name) for name in SUBSTANCE)
    had = old.client_acceptance.accepted or old.vendor_acceptance.accepted
    if changed and had:
        return new.model_copy(update={"client_acceptance": Acceptance(), "vendor_acceptance": Acceptance()}), True
    if not changed:
        new = new.model_copy(update={"client_acceptance": old.client_acceptance,
                                     "vendor_acceptance": old.vendor_acceptance})
    return new, False


def accept(criterion: SmartCriterion, role: PartyRole, person_id: str, on: dt.date) -> SmartCriterion:
    update = {f"{role.value}_acceptance": Acceptance(accepted=True, by=person_id, on=on)}
    return criterion.model_copy(update=update)


def withdraw(criterion: SmartCriterion, role: PartyRole) -> SmartCriterion:
    return criterion.model_copy(update={f"{role.value}_acceptance": Acceptance()})


# -- coverage and the definition --------------------------------------------------------------


@dataclass(frozen=True)
class Covered:
    """One complaint or interest, and the criteria that answer it."""

    id: str
    side: PartyRole
    statement: str
    criteria: tuple[str, ...]
    """Ids of every criterion that answers it."""
    defined: tuple[str, ...]
    """Ids of the criteria in the definition (SMART and accepted by both) that answer it."""

    @property
    def covered(self) -> bool:
        return bool(self.criteria)


@dataclass(frozen=True)
class Coverage:
    complaints: tuple[Covered, ...]
    interests: tuple[Covered, ...]
    total: int
    smart: int
    accepted_by_both: int
    defined: int
    """SMART and accepted by both: the size of the definition."""
    smart_ids: frozenset[str] = field(default_factory=frozenset)

    @property
    def complaints_covered(self) -> int:
        return sum(c.covered for c in self.complaints)

    @property
    def interests_covered(self) -> int:
        return sum(i.covered for i in self.interests)

    @property
    def complete(self) -> bool:
        """Every criterion is in the definition, and every complaint has one."""
        return self.total > 0 and self.defined == self.total and self.complaints_covered == len(self.complaints)


def coverage(case: "Case") -> Coverage:

    criteria = case.system.criteria
    smart_ids = frozenset(c.id for c in criteria if check(c, case).smart)
    defined_ids = {c.id for c in criteria if c.id in smart_ids and c.accepted_by_both}

    def answered(ids_of) -> tuple[tuple[str, ...], tuple[str, ...]]:
        hits = tuple(c.id for c in criteria if ids_of(c))
        return hits, tuple(h for h in hits if h in defined_ids)

    complaints = []
    for complaint in case.intake.complaints:
        hits, defined = answered(lambda c, cid=complaint.id: cid in c.complaint_ids)
        complaints.append(Covered(complaint.id, complaint.raised_by, complaint.statement, hits, defined))
    interests = []
    for interest in case.interests.interests:
        hits, defined = answered(lambda c, iid=interest.id: iid in c.interest_ids)
        interests.append(Covered(interest.id, interest.side, interest.statement, hits, defined))
    return Coverage(
        complaints=tuple(complaints), interests=tuple(interests), total=len(criteria), smart=len(smart_ids),
        accepted_by_both=sum(c.accepted_by_both for c in criteria), defined=len(defined_ids), smart_ids=smart_ids,
    )


def definition(case: "Case") -> list[SmartCriterion]:
    """The decently working system: the criteria that are SMART and accepted by both sides."""

    return [c for c in case.system.criteria if c.accepted_by_both and check(c, case).smart]


# -- the PDF section ------------------------------------------------------------------------------


def brief(criterion: SmartCriterion, case: "Case") -> str:
    """The criterion in one short line for the directors' summary: what is measured, the target, the
    date and the two owners ("Priority-1 incidents resolved within 8 business hours: at least 95 %,
    from 1 February 2027; owned by …"). Its full wording stands in the report's own section. Without
    a metric, target or date there is nothing shorter to say, and the wording itself is the brief."""

    if not (criterion.metric and criterion.target is not None and criterion.date):
        return criterion.statement
    metric = criterion.metric[0].upper() + criterion.metric[1:]
    return t("system.brief", metric=metric, target=target_text(criterion),
             date=t(f"system.date_kind_phrase.{criterion.date_kind.value}", date=fmt_date(criterion.date)),
             client=_person_name(case, PartyRole.CLIENT, criterion.client_owner),
             vendor=_person_name(case, PartyRole.VENDOR, criterion.vendor_owner))


def _person_name(case: "Case", role: PartyRole, person_id: str | None) -> str:
    person = next((p for p in case.party(role).people if p.id == person_id), None)
    return person.name if person else "—"


def target_text(criterion: SmartCriterion) -> str:
    """"at least 95 %", in the current language, or "—"."""

    if criterion.target is None:
        return "—"
    amount = fmt_number(criterion.target)
    unit = criterion.unit
    value = f"{amount} %" if is_percent(unit) else f"{amount} {unit}"
    if criterion.direction is None:
        return value
    return t(f"system.direction_phrase.{criterion.direction.value}", value=value)


def _accepted_together(case: "Case", rows: list[dict[str, Any]]) -> str | None:
    """One sentence for the report when both sides accepted every criterion (two or more), each side by
    one person on one day, as in a workshop: then the table needs no acceptance column. None otherwise."""
    if len(rows) < 2:
        return None
    first = rows[0]["acceptance"]
    if not all(first[side]["accepted"] for side in first) or any(row["acceptance"] != first for row in rows):
        return None
    client, vendor = first[PartyRole.CLIENT.value], first[PartyRole.VENDOR.value]
    same_day = client["when"] == vendor["when"]
    return t("system.report.accepted_together" + ("" if same_day else "_apart"), count=len(rows),
             client=case.client.name, client_who=client["who"], client_when=client["when"],
             vendor=case.vendor.name, vendor_who=vendor["who"], vendor_when=vendor["when"])


def report_view(case: "Case") -> dict[str, Any]:

    rows = []
    for number, criterion in enumerate(case.system.criteria, start=1):
        verdict = check(criterion, case)
        measurement = ", ".join(part for part in (
            criterion.measured_where, criterion.measured_how,
            t(f"system.frequency.{criterion.frequency.value}") if criterion.frequency else "") if part)
        acceptance = {}
        for role in PartyRole:
            given = criterion.acceptance(role)
            acceptance[role.value] = (
                dict(accepted=True, who=_person_name(case, role, given.by), when=fmt_date(given.on, "medium"))
                if given.accepted else dict(accepted=False, who="", when=""))
        rows.append(dict(
            number=number,
            statement=criterion.statement,
            area=t(f"system.area.{criterion.area.value}"),
            metric=criterion.metric or "—",
            target=target_text(criterion),
            measurement=measurement or "—",
            date=(t(f"system.date_kind_phrase.{criterion.date_kind.value}", date=fmt_date(criterion.date))
                  if criterion.date else "—"),
            client_owner=_person_name(case, PartyRole.CLIENT, criterion.client_owner),
            vendor_owner=_person_name(case, PartyRole.VENDOR, criterion.vendor_owner),
            acceptance=acceptance,
            smart=verdict.smart,
            letters="".join(r.letter if r.passed else "·" for r in verdict.letters),
            in_definition=verdict.smart and criterion.accepted_by_both,
        ))
    cover = coverage(case)
    return dict(
        rows=rows,
        accepted_together=_accepted_together(case, rows),
        total=cover.total,
        defined=cover.defined,
        complaints=[dict(side=c.side.value, statement=c.statement,
                         answered=", ".join(str(_number(case, i)) for i in c.criteria), covered=c.covered)
                    for c in cover.complaints],
        interests=[dict(side=i.side.value, statement=i.statement,
                        answered=", ".join(str(_number(case, x)) for x in i.criteria), covered=i.covered)
                   for i in cover.interests],
        complaints_covered=cover.complaints_covered,
        interests_covered=cover.interests_covered,
    )


def _number(case: "Case", criterion_id: str) -> int:
    return next(n for n, c in enumerate(case.system.criteria, start=1) if c.id == criterion_id)
