"""Step 2, intake: where it pinches, early warning signs, each side's paths, mutual recognition.

The Complaint entity (its fields and categories) is relied on by other steps (SMART templates,
coverage, commitments): extend it, do not rename its fields.

The judgements of this step are pure functions that return sentences, not validators that raise:
`escalation` (how far the relationship has escalated, from the warning signs seen), `value_path`
(a path's expected net value and range, as a small decision tree), `batna` (each side's best
alternative to a negotiated agreement, set against solving), `suggested_walk_away` (the highest
price at which solving is still worth the client's BATNA, for the margin step), `judge` /
`verdict` (the mutual recognition check) and `workshop_warning` (the sentence every later page
shows when the verdict is not "proceed").
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from negotiation.data.case import Case
from negotiation.data.intake import (
    CHANCE_TOTAL,
    LITIGATION_COSTS,
    Answer,
    Branch,
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
from negotiation.kernel.i18n import fmt_money_rounded, fmt_number, fmt_percent, t

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
CENT = Decimal("0.01")


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


# -- each side's paths, valued as small decision trees ------------------------------------


@dataclass(frozen=True)
class BranchValue:
    """One branch of a path as valued: its chance (as given, or the rest of 100 %) and its net value."""

    name: str
    """The branch's label, or "Branch N" when it has none."""
    chance: Decimal | None
    implied: bool
    """The chance was left empty and is the rest of 100 %."""
    net: Decimal | None
    """Money in minus money out for the side (a cost is negative); None while no amount is estimated."""
    value: Decimal | None
    """`net`, discounted for time when the case has a discount rate; None while it cannot be."""
    months: Decimal | None
    branch: Branch


@dataclass(frozen=True)
class PathValue:
    """A path's expected net value, its range and what stops it from being valued, in sentences."""

    side: PartyRole
    kind: PathKind
    path: Path | None
    branches: tuple[BranchValue, ...]
    value: Decimal | None
    """The expected net value: each branch's net value weighted by its chance, discounted when a rate is set."""
    undiscounted: Decimal | None
    """The expected net value before discounting for time (the same as `value` without a rate)."""
    low: Decimal | None
    """The worst branch that can happen (chance above 0), in the same terms as `value`."""
    high: Decimal | None
    months_low: Decimal | None
    months_high: Decimal | None
    expected_months: Decimal | None
    """The branches' months weighted by their chances: ties between alternatives go to the sooner."""
    rate: Decimal | None
    missing: tuple[str, ...]
    """Why the path cannot be valued yet, one sentence each; empty when it has a value."""
    prompts: tuple[str, ...]
    """What is still asked for although the path has a value (money in not entered, litigation's costs)."""

    @property
    def valued(self) -> bool:
        return self.value is not None


def money_for_people(amount: Decimal, currency: str, significant: int = 3) -> str:
    """An amount rounded for people ("€347M"); a negative one with a true minus sign joined to its figure.

    The word joiner keeps a line from breaking between the sign and the amount, where a reader of
    the printed page would lose the sign of a cost.
    """
    text = fmt_money_rounded(amount, currency, significant)
    return text.replace("-", "\u2212\u2060", 1) if amount < 0 else text


def branch_name(branch: Branch, index: int) -> str:
    return branch.label or t("intake.branch.numbered", number=index + 1)


def _quoted(names: list[str]) -> str:
    return ", ".join(t("intake.branch.quoted", name=n) for n in names)


def percent_text(value: Decimal) -> str:
    """"65%", "33.3%": whole percentages without a decimal."""
    return fmt_percent(value, 0 if value == value.to_integral_value() else 1)


def chance_text(chance: Decimal | None) -> str:
    return t("intake.value.no_chance") if chance is None else percent_text(chance)


def discounted(amount: Decimal, months: Decimal, rate: Decimal) -> Decimal:
    """`amount` received (or paid) `months` from now, worth today at `rate` percent a year (compounded)."""
    factor = (Decimal(1) + rate / 100) ** (months / 12)
    return (amount / factor).quantize(CENT, ROUND_HALF_UP)


def _cost_name(name: str, side: PartyRole) -> str:
    return t(f"intake.report.restart.{side.value}" if name == "restart" else f"intake.report.{name}")


def value_path(path: Path | None, side: PartyRole, kind: PathKind, rate: Decimal | None = None) -> PathValue:
    """The path's expected net value and range, or the sentences that say what is missing for one.

    Chances are in percent and must add up to 100 %; one branch left without a chance takes the
    rest. Money in not yet entered counts as nothing, and is asked for. With a discount `rate`
    (percent a year), each branch is counted at its months from now.
    """
    branches = list(path.branches) if path else []
    missing: list[str] = []
    prompts: list[str] = []
    if not branches:
        missing.append(t("intake.value.not_estimated"))
    given = [b.chance for b in branches if b.chance is not None]
    open_chances = len(branches) - len(given)
    total = sum(given, Decimal(0))
    rest = CHANCE_TOTAL - total if open_chances == 1 else None
    if open_chances > 1:
        missing.append(t("intake.value.chances_open", count=open_chances))
    elif rest is not None and rest < 0:
        missing.append(t("intake.value.chances_over", total=percent_text(total)))
    elif branches and open_chances == 0 and total != CHANCE_TOTAL:
        missing.append(t("intake.value.chances_sum", total=percent_text(total)))
    valued: list[BranchValue] = []
    for index, branch in enumerate(branches):
        name = branch_name(branch, index)
        chance = branch.chance if branch.chance is not None else (rest if rest is not None and rest >= 0 else None)
        net = branch.net
        value = net
        if net is None:
            missing.append(t("intake.value.branch_no_money", branch=name))
        if rate is not None and net is not None:
            if branch.months is None:
                missing.append(t("intake.value.months_for_discount", branch=name))
                value = None
            else:
                value = discounted(net, branch.months, rate)
        valued.append(BranchValue(name, chance, branch.chance is None, net, value, branch.months, branch))
    no_money_in = [v.name for v in valued if v.branch.money_in is None and v.net is not None]
    if no_money_in:
        prompts.append(t("intake.value.money_in_open", branches=_quoted(no_money_in)))
    if path is not None and path.unprompted():
        prompts.append(t("intake.path.unprompted", items=", ".join(_cost_name(n, side) for n in path.unprompted())))
    months = [v.months for v in valued if v.months is not None]
    months_low, months_high = (min(months), max(months)) if months else (None, None)
    if missing:
        return PathValue(side, kind, path, tuple(valued), None, None, None, None, months_low, months_high, None,
                         rate, tuple(missing), tuple(prompts))
    value = sum((v.chance * v.value / 100 for v in valued), Decimal(0)).quantize(CENT, ROUND_HALF_UP)
    undiscounted = sum((v.chance * v.net / 100 for v in valued), Decimal(0)).quantize(CENT, ROUND_HALF_UP)
    possible = [v.value for v in valued if v.chance > 0]
    expected_months = (sum((v.chance * v.months / 100 for v in valued), Decimal(0))
                       if len(months) == len(valued) else None)
    return PathValue(side, kind, path, tuple(valued), value, undiscounted, min(possible), max(possible),
                     months_low, months_high, expected_months, rate, (), tuple(prompts))


def path_values(intake: Intake, side: PartyRole) -> dict[PathKind, PathValue]:
    """Each of the side's three paths, valued at the case's discount rate."""
    return {kind: value_path(intake.path(side, kind), side, kind, intake.discount_rate) for kind in PathKind}


def months_text(low: Decimal | None, high: Decimal | None) -> str:
    """"24 months", "36 to 42 months", or "" when no branch says how long it takes."""
    if low is None or high is None:
        return ""
    if low == high:
        return t("intake.path.months_value", months=fmt_number(low, digits=1))
    return t("intake.path.months_range", low=fmt_number(low, digits=1), high=fmt_number(high, digits=1))


def range_text(found: PathValue, currency: str) -> str:
    """The path's range in words: from its worst branch to its best."""
    money = lambda v: money_for_people(v, currency)  # noqa: E731
    if found.low == found.high:
        return t("intake.value.range_same")
    return t("intake.value.range", low=money(found.low), high=money(found.high))


def value_sentence(found: PathValue, currency: str) -> str:
    """What the path is worth in one sentence, or why it cannot be valued yet."""
    if not found.valued:
        return " ".join(found.missing)
    when = months_text(found.months_low, found.months_high)
    sentence = t("intake.value.sentence", value=money_for_people(found.value, currency),
                 range=range_text(found, currency))
    if when:
        sentence += " " + t("intake.value.when", time=when)
    return sentence


def discount_note(rate: Decimal | None) -> str:
    """How the amounts of the paths are counted, in one sentence."""
    if rate is None:
        return t("intake.value.not_discounted")
    return t("intake.value.discounted", rate=percent_text(rate))


@dataclass(frozen=True)
class Batna:
    """One side's best alternative to a negotiated agreement, set against solving."""

    side: PartyRole
    best: PathKind | None
    """The alternative with the best expected net value; None when no alternative can be valued yet."""
    value: Decimal | None
    """Its expected net value: money in minus money out for the side, so a cost is negative."""
    low: Decimal | None
    """Its worst branch."""
    high: Decimal | None
    """Its best branch."""
    solve_value: Decimal | None
    """Solving's expected net value, when it can be valued."""
    reason: str
    """Why this path is the best alternative, in words."""
    against_solving: str
    """How solving compares with it, in words."""

    @property
    def solving_is_better(self) -> bool | None:
        if self.value is None or self.solve_value is None:
            return None
        return self.solve_value > self.value


def _path_name(kind: PathKind) -> str:
    return t(f"intake.path.{kind.value}").lower()


def _sooner_first(found: PathValue) -> tuple[Decimal, Decimal]:
    return (-found.value, found.expected_months if found.expected_months is not None else Decimal("Infinity"))


def batna(intake: Intake, side: PartyRole, currency: str, party_name: str | None = None) -> Batna:
    """The side's BATNA: of muddling on and stopping to litigate, the one with the best expected net value.

    Ties go to the path whose outcome is expected sooner. The reason states its value, its range and
    its time in a sentence, and the other alternative beside it; solving is then set against it.
    """
    who = party_name or t(f"case.role.{side.value}")
    money = lambda v: money_for_people(v, currency)  # noqa: E731
    values = path_values(intake, side)
    solve = values[PathKind.SOLVE]
    scored = sorted((values[k] for k in ALTERNATIVES if values[k].valued), key=_sooner_first)
    if not scored:
        missing = [_path_name(k) for k in ALTERNATIVES]
        return Batna(side, None, None, None, None, solve.value,
                     t("intake.batna.incomplete", who=who, paths=t("intake.batna.and").join(missing)),
                     t("intake.batna.cannot_compare"))
    best = scored[0]
    when = months_text(best.months_low, best.months_high)
    reason = t("intake.batna.reason", who=who, path=_path_name(best.kind), value=money(best.value),
               range=range_text(best, currency))
    if when:
        reason += " " + t("intake.value.when", time=when)
    if len(scored) > 1:
        other = scored[1]
        reason += " " + t("intake.batna.beats", other=_path_name(other.kind), other_value=money(other.value))
    else:
        other_kind = next(k for k in ALTERNATIVES if k is not best.kind)
        reason += " " + t("intake.batna.other_unknown", other=_path_name(other_kind))
    if intake.discount_rate is not None:
        reason += " " + t("intake.batna.discounted", rate=percent_text(intake.discount_rate))
    if solve.value is None:
        against = t("intake.batna.solve_unknown", who=who)
    elif solve.value > best.value:
        against = t("intake.batna.solve_better", who=who, solve=money(solve.value),
                    gain=money(solve.value - best.value))
    elif solve.value == best.value:
        against = t("intake.batna.solve_equal", who=who, solve=money(solve.value))
    else:
        against = t("intake.batna.solve_worse", who=who, solve=money(solve.value),
                    loss=money(best.value - solve.value))
    return Batna(side, best.kind, best.value, best.low, best.high, solve.value, reason, against)


@dataclass(frozen=True)
class WalkAway:
    """The client's walk-away suggested to the margin step, with its formula, or what it still needs."""

    price: Decimal | None
    """The highest price at which solving is still worth at least the client's BATNA; None while it cannot be given."""
    formula: str
    """The formula with its figures, as a sentence; "" when there is no price."""
    missing: tuple[str, ...]
    """What the suggestion still needs, one sentence each; empty when there is a price."""
    sentence: str
    """The suggestion, or why there is none, in one sentence."""
    today_price: Decimal | None
    solve_value: Decimal | None
    batna_value: Decimal | None
    """The client's best alternative's expected net value (negative when it costs)."""
    batna: PathKind | None


def suggested_walk_away(case: "Case", today_price: Decimal | None) -> WalkAway:
    """The highest contract price at which solving is still worth at least the client's BATNA.

    Solving's figures are the client's own estimate at today's contract price, so each extra unit
    of price takes as much off what solving is worth. Solving stays worth the BATNA while
        price ≤ today's price + solving's expected net value − the BATNA's expected net value.
    There is no suggestion while a figure it needs is missing: today's price, each of the client's
    three paths valued, and none of their money in or litigation costs still asked for.
    """
    side = PartyRole.CLIENT
    currency = case.contract.currency
    money = lambda v: money_for_people(v, currency, significant=4)  # noqa: E731
    values = path_values(case.intake, side)
    missing: list[str] = []
    if today_price is None:
        missing.append(t("intake.walk_away.missing.price"))
    for kind in PathKind:
        found, name = values[kind], t(f"intake.path.{kind.value}")
        if not found.valued:
            missing.append(t("intake.walk_away.missing.unvalued", path=name, reason=found.missing[0]))
            continue
        no_money_in = [v.name for v in found.branches if v.branch.money_in is None]
        if no_money_in:
            missing.append(t("intake.walk_away.missing.money_in", path=name, branches=_quoted(no_money_in)))
        if found.path is not None and found.path.unprompted():
            missing.append(t("intake.walk_away.missing.costs", path=name, items=", ".join(
                _cost_name(n, side).lower() for n in found.path.unprompted())))
    found_batna = batna(case.intake, side, currency, case.client.name)
    solve = values[PathKind.SOLVE].value
    if missing:
        return WalkAway(None, "", tuple(missing), t("intake.walk_away.none", reasons=" ".join(missing)),
                        today_price, solve, found_batna.value, found_batna.best)
    price = (today_price + solve - found_batna.value).quantize(CENT, ROUND_HALF_UP)
    formula = t("intake.walk_away.formula", today=money(today_price), solve=money(solve),
                path=_path_name(found_batna.best), batna=money(found_batna.value), price=money(price))
    if price < 0:
        return WalkAway(None, formula, (), t("intake.walk_away.below_zero", who=case.client.name),
                        today_price, solve, found_batna.value, found_batna.best)
    sentence = t("intake.walk_away.sentence", who=case.client.name, price=money(price),
                 path=_path_name(found_batna.best))
    return WalkAway(price, formula, (), sentence, today_price, solve, found_batna.value, found_batna.best)


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
    """The expected extra cost of the side's best alternative (minus its expected net value); None until known.

    Positive when the alternative costs the side money. For the margin step, which adds it to today's
    price; `suggested_walk_away` also counts what solving is worth.
    """
    found = batna(case.intake, side, case.contract.currency).value
    return None if found is None else -found


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
    by_side = {side: path_values(intake, side) for side in PartyRole}
    top = max((abs(v.value) for values in by_side.values() for v in values.values() if v.valued), default=None)
    paths = []
    for side in PartyRole:
        rows = []
        for kind in PathKind:
            found_value = by_side[side][kind]
            share = float(abs(found_value.value) * 50 / top) if found_value.valued and top else 0.0
            rows.append(dict(
                kind=kind.value, name=t(f"intake.path.{kind.value}"), path=found_value.path, value=found_value,
                sentence=value_sentence(found_value, currency), share=share,
                negative=found_value.valued and found_value.value < 0,
                time=months_text(found_value.months_low, found_value.months_high),
                branches=[_branch_row(b, side, currency) for b in found_value.branches],
                batna=found_batnas[side].best is kind,
            ))
        paths.append(dict(side=side.value, name=case.party(side).name, rows=rows, batna=found_batnas[side]))
    found = verdict(case)
    recognition = [dict(statement=statement.value,
                        answers=[dict(side=side.value, given=intake.recognition.answer(side, statement))
                                 for side in PartyRole])
                   for statement in Statement]
    return dict(complaints=complaints, signs=signs, escalation=escalation(intake), paths=paths,
                currency=currency, verdict=found, recognition=recognition, has_paths=bool(intake.paths),
                discount=discount_note(intake.discount_rate), discounted=intake.discount_rate is not None,
                rounded=lambda v: money_for_people(v, currency))


def _branch_row(found: BranchValue, side: PartyRole, currency: str) -> dict[str, Any]:
    """One branch as the PDF prints it: every amount rounded for people, what is not entered said in words."""
    money = lambda v: money_for_people(v, currency)  # noqa: E731
    branch = found.branch
    parts = [(t(f"intake.report.{n}" if n != "restart" else f"intake.report.restart.{side.value}"), getattr(branch, n))
             for n in LITIGATION_COSTS if getattr(branch, n) is not None]
    if parts and branch.cost is not None:
        parts.append((t("intake.report.other_costs"), branch.cost))
    return dict(
        name=found.name, chance=chance_text(found.chance), implied=found.implied,
        money_in=money(branch.money_in) if branch.money_in is not None else t("intake.value.not_entered"),
        money_out=money(branch.money_out) if branch.money_out is not None else "—",
        out_parts=[f"{name} {money(amount)}" for name, amount in parts],
        net=money(found.net) if found.net is not None else "—",
        today=money(found.value) if found.value is not None else "—",
        time=t("intake.path.months_value", months=fmt_number(found.months, digits=1)) if found.months is not None
        else "—",
    )
