"""Step 2, intake: where it pinches, early warning signs, each side's paths, mutual recognition.

The Complaint entity (its fields and categories) is relied on by other steps (SMART templates,
coverage, commitments): extend it, do not rename its fields.

The judgements of this step are pure functions that return sentences, not validators that raise:
`escalation` (how far the relationship has escalated, from the warning signs seen), `batna`
(each side's best alternative to a negotiated agreement, set against solving), `judge` /
`verdict` (the mutual recognition check) and `workshop_warning` (the sentence every later page
shows when the verdict is not "proceed").
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from negotiation.data.case import Case
from negotiation.data.intake import (
    Answer,
    Intake,
    Path,
    PathKind,
    RecognitionAnswer,
    RecognitionCheck,
    Statement,
    WarningSignKind,
    categories_for,
)
from negotiation.data.parties import PartyRole
from negotiation.kernel.i18n import fmt_money, fmt_number, fmt_percent, t

SIGN_LEVEL = {
    WarningSignKind.FORMAL_TONE: 1,
    WarningSignKind.MISSED_DEADLINES: 1,
    WarningSignKind.CLAUSE_LETTERS: 2,
    WarningSignKind.KEY_PEOPLE_REPLACED: 2,
    WarningSignKind.MONITORING_IMPOSED: 2,
    WarningSignKind.THREATS: 3,
    WarningSignKind.PAYMENTS_WITHHELD: 3,
    WarningSignKind.LAWYERS_INVOLVED: 4,
}
"""How far each sign, on its own, says the relationship has escalated (see ESCALATION_LEVELS)."""

ESCALATION_LEVELS = ("calm", "strained", "formal", "open_conflict", "legal")
"""0 calm · 1 strained · 2 the parties talk through the contract · 3 sanctions and threats · 4 lawyers in."""


ALTERNATIVES = (PathKind.MUDDLE_ON, PathKind.LITIGATE)
"""The alternatives to a negotiated agreement: a side's BATNA is the better of these."""
"""Litigation's typical costs, each prompted for on its own: legal fees, the investment written off
(disinvestment), and restarting (the client with a new vendor; the vendor replacing the account)."""


# -- judgements: pure functions that return sentences -------------------------------------


@dataclass(frozen=True)
class Escalation:
    level: int
    """0 calm … 4 lawyers involved (ESCALATION_LEVELS)."""
    name: str
    sentence: str


def escalation(intake: Intake) -> Escalation:
    """How far the relationship has escalated, in words, from the warning signs seen.

    The level is that of the most serious sign seen (SIGN_LEVEL); the sentence names the signs
    that put it there and how many were seen in all.
    """
    if not intake.warning_signs:
        return Escalation(0, t("intake.escalation.level.calm"), t("intake.escalation.sentence.calm"))
    levels = sorted((SIGN_LEVEL[s.kind] for s in intake.warning_signs), reverse=True)
    level = levels[0]
    drivers = [s for s in intake.warning_signs if SIGN_LEVEL[s.kind] == level]
    driver_names = ", ".join(t(f"intake.sign.{s.kind.value}").lower() for s in drivers)
    key = ESCALATION_LEVELS[level]
    return Escalation(level, t(f"intake.escalation.level.{key}"),
                      t(f"intake.escalation.sentence.{key}", count=len(intake.warning_signs), signs=driver_names))


def risk_adjusted(path: Path) -> Decimal | None:
    """The cost of the path per good outcome: its whole cost divided by its chance of a good outcome.

    A path that costs 2 million with a 50 % chance of a good outcome costs 4 million per good
    outcome. None when the path is not fully estimated or has no chance of a good outcome at all.
    """
    if not path.complete or not path.chance:
        return None
    return (path.total_cost * 100 / path.chance).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Batna:
    """One side's best alternative to a negotiated agreement, set against solving."""

    side: PartyRole
    best: PathKind | None
    """The cheapest alternative once risk-adjusted; None when no alternative is fully estimated."""
    value: Decimal | None
    """Its risk-adjusted cost."""
    solve_value: Decimal | None
    """Solving's risk-adjusted cost, when estimated."""
    reason: str
    """Why this path is the best alternative, in words."""
    against_solving: str
    """How solving compares with it, in words."""

    @property
    def solving_is_better(self) -> bool | None:
        if self.value is None or self.solve_value is None:
            return None
        return self.solve_value < self.value


def _months_text(months: Decimal) -> str:
    return t("intake.path.months_value", months=fmt_number(months, digits=1))


def batna(intake: Intake, side: PartyRole, currency: str, party_name: str | None = None) -> Batna:
    """The side's BATNA: of muddling on and stopping to litigate, the one with the lowest risk-adjusted cost.

    Ties go to the path with the shorter time to an outcome. The reason names the figures that
    decided it; solving is then set against it.
    """
    who = party_name or t(f"case.role.{side.value}")
    money = lambda v: fmt_money(v, currency)  # noqa: E731
    scored = []
    for kind in ALTERNATIVES:
        path = intake.path(side, kind)
        value = risk_adjusted(path) if path else None
        if value is not None:
            scored.append((value, path.months, kind, path))
    solve = intake.path(side, PathKind.SOLVE)
    solve_value = risk_adjusted(solve) if solve else None
    if not scored:
        missing = [t(f"intake.path.{k.value}").lower() for k in ALTERNATIVES]
        return Batna(side, None, None, solve_value,
                     t("intake.batna.incomplete", who=who, paths=t("intake.batna.and").join(missing)),
                     t("intake.batna.cannot_compare"))
    scored.sort(key=lambda item: (item[0], item[1]))
    value, _, kind, path = scored[0]
    reason = t("intake.batna.reason", who=who, path=t(f"intake.path.{kind.value}").lower(),
               cost=money(path.total_cost), chance=fmt_percent(path.chance, 0), months=_months_text(path.months),
               adjusted=money(value))
    if len(scored) > 1:
        other_value, _, other_kind, _ = scored[1]
        reason += " " + t("intake.batna.beats", other=t(f"intake.path.{other_kind.value}").lower(),
                          other_adjusted=money(other_value))
    else:
        other_kind = next(k for k in ALTERNATIVES if k is not kind)
        reason += " " + t("intake.batna.other_unknown", other=t(f"intake.path.{other_kind.value}").lower())
    if solve_value is None:
        against = t("intake.batna.solve_unknown", who=who)
    elif solve_value < value:
        against = t("intake.batna.solve_better", who=who, solve=money(solve_value), gain=money(value - solve_value))
    else:
        against = t("intake.batna.solve_worse", who=who, solve=money(solve_value), loss=money(solve_value - value))
    return Batna(side, kind, value, solve_value, reason, against)


class Outcome(StrEnum):
    PROCEED = "proceed"
    CONDITIONS = "conditions"
    """Proceed on conditions."""
    DO_NOT_PROCEED = "do_not_proceed"
    INCOMPLETE = "incomplete"
    """Not every statement has been answered by both sides yet."""


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    headline: str
    reasons: list[str] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)
    """For "proceed on conditions": what must hold, one sentence each."""
    better_paths: list[str] = field(default_factory=list)
    """When it does not pass: each side's better path, from its BATNA."""


def judge(check: RecognitionCheck, names: dict[PartyRole, str],
          batnas: dict[PartyRole, Batna] | None = None) -> Verdict:
    """The verdict of the mutual recognition check, with its reasons in words.

    Any "no" means do not proceed; otherwise any hesitation makes a condition (naming it);
    six times "yes" from both sides means proceed. Until every statement has both answers
    the check is incomplete.
    """
    batnas = batnas or {}
    refusals, hesitations, open_ = [], [], []
    for side in PartyRole:
        for statement in Statement:
            given = check.answer(side, statement)
            if given is None:
                open_.append((side, statement))
            elif given.answer is Answer.NO:
                refusals.append(given)
            elif given.answer is Answer.HESITANT:
                hesitations.append(given)

    def phrase(answer: RecognitionAnswer, kind: str) -> str:
        return t(f"intake.verdict.{kind}", who=names[answer.side],
                 statement=t(f"intake.statement.{answer.statement.value}.{answer.side.value}").lower(),
                 note=answer.note)

    if refusals:
        reasons = [phrase(a, "refuses") for a in refusals] + [phrase(a, "hesitates") for a in hesitations]
        better = []
        for side in PartyRole:
            found = batnas.get(side)
            if found is None or found.best is None:
                better.append(t("intake.verdict.better_path_unknown", who=names[side]))
            else:
                better.append(t("intake.verdict.better_path", who=names[side],
                                path=t(f"intake.path.{found.best.value}").lower(), reason=found.reason))
        return Verdict(Outcome.DO_NOT_PROCEED, t("intake.verdict.headline.do_not_proceed"), reasons, [], better)
    if open_:
        reasons = [t("intake.verdict.unanswered", who=names[side],
                     statement=t(f"intake.statement.{statement.value}.{side.value}").lower())
                   for side, statement in open_]
        return Verdict(Outcome.INCOMPLETE, t("intake.verdict.headline.incomplete", count=len(open_)), reasons)
    if hesitations:
        conditions = [t(f"intake.condition.{a.statement.value}", who=names[a.side], note=a.note) for a in hesitations]
        reasons = [phrase(a, "hesitates") for a in hesitations]
        return Verdict(Outcome.CONDITIONS, t("intake.verdict.headline.conditions", count=len(conditions)),
                       reasons, conditions)
    return Verdict(Outcome.PROCEED, t("intake.verdict.headline.proceed"), [t("intake.verdict.all_yes")])


def party_names(case: "Case") -> dict[PartyRole, str]:
    return {PartyRole.CLIENT: case.client.name, PartyRole.VENDOR: case.vendor.name}


def batnas(case: "Case") -> dict[PartyRole, Batna]:
    names = party_names(case)
    return {side: batna(case.intake, side, case.contract.currency, names[side]) for side in PartyRole}


def verdict(case: "Case") -> Verdict:
    """The recognition verdict of the case, with each side's better path when it does not pass."""
    return judge(case.intake.recognition, party_names(case), batnas(case))


def batna_value(case: "Case", side: PartyRole) -> Decimal | None:
    """The risk-adjusted (expected) cost of the side's best alternative; None until its paths are estimated.

    For the margin step: the client's walk-away is what it would pay to avoid this cost.
    """
    return batna(case.intake, side, case.contract.currency).value


def workshop_warning(case: "Case") -> str | None:
    """The plain sentence every later page must show when the verdict is not "proceed"; None when it is."""
    found = verdict(case)
    if found.outcome is Outcome.PROCEED:
        return None
    if found.outcome is Outcome.CONDITIONS:
        return t("intake.warning.conditions", conditions=" ".join(found.conditions))
    return t(f"intake.warning.{found.outcome.value}")


# -- the PDF section ----------------------------------------------------------------------


def report_view(case: "Case") -> dict[str, Any]:
    """What the intake section of the PDF shows, computed from the same functions as the screen."""
    intake = case.intake
    currency = case.contract.currency
    complaints = []
    for side in PartyRole:
        groups = []
        for category in categories_for(side):
            items = sorted((c for c in intake.complaints if c.raised_by is side and c.category is category),
                           key=lambda c: -c.severity)
            if items:
                groups.append(dict(category=t(f"intake.category.{category.value}"), complaints=items))
        complaints.append(dict(side=side.value, name=case.party(side).name, groups=groups))
    signs = [dict(name=t(f"intake.sign.{s.kind.value}"), seen_on=s.seen_on, note=s.note)
             for s in sorted(intake.warning_signs, key=lambda s: (s.seen_on or dt.date.max, s.kind.value))]
    found_batnas = batnas(case)
    values = [risk_adjusted(p) for p in intake.paths]
    top = max((v for v in values if v is not None), default=None)
    paths = []
    for side in PartyRole:
        rows = []
        for kind in PathKind:
            path = intake.path(side, kind)
            adjusted = risk_adjusted(path) if path else None
            rows.append(dict(
                kind=kind.value, name=t(f"intake.path.{kind.value}"), path=path, adjusted=adjusted,
                width=float(adjusted * 100 / top) if adjusted is not None and top else 0.0,
                batna=found_batnas[side].best is kind,
            ))
        paths.append(dict(side=side.value, name=case.party(side).name, rows=rows, batna=found_batnas[side]))
    found = verdict(case)
    recognition = [dict(statement=statement.value,
                        answers=[dict(side=side.value, given=intake.recognition.answer(side, statement))
                                 for side in PartyRole])
                   for statement in Statement]
    return dict(complaints=complaints, signs=signs, escalation=escalation(intake), paths=paths,
                currency=currency, verdict=found, recognition=recognition, has_paths=bool(intake.paths))
