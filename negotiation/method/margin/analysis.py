"""Step 6, the fair vendor margin and the zone of possible agreement.

The money model is pure and exact: every amount is a Decimal in the case's contract currency,
rounded to cents only where a rule says so (a line's cost, the lowest fair price, the middle of
the zone). Percentages are Decimals too; they are rounded only when shown. Amounts in sentences
and on the zone line are rounded for people (`zone_money`); tables that add up keep the cents.

Words used throughout:
- *cost to complete*: effort (role × days × day rate) + licences, hardware, travel, other + risk reserve.
- *total cost*: cost already sunk + cost to complete.
- *price*: the total price of the whole contract under the deal (what is already paid included).
  Service credits and penalties the vendor owes are settled against it, so the vendor's
  *revenue* at a price is the price less those credits and penalties (unless waived).
- *baseline*: the cost the normal band is a mark-up on. On the whole contract it is the total cost;
  on the remaining work it is the cost to complete, and what is paid and invoiced for the work done
  (the *past revenue*) is set aside from the price first.
- *margin*: revenue − cost on the baseline; as a share of revenue, and as a mark-up on that cost.
  A margin of 0 % is a waiver, never a normal margin, whatever the band says.
- *normal band*: a mark-up on cost, taken from cited standards (`negotiation.method.margin.standards`).
- *zone of possible agreement*: from the lowest price that gives the vendor the low end of the
  normal band, to the highest price the client will pay (its walk-away point).
- *missing figures*: what must be entered before a margin or a zone means anything (`Missing`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache

from babel.lists import format_list

from negotiation.data.case import Case
from negotiation.data.margin import (
    CENT,
    HUNDRED,
    BandBaseline,
    ContractRevenue,
    CostKind,
    Levers,
    MarginBand,
    MarginModel,
    MarginStandard,
    Scenario,
    VendorCosts,
    cost_to_complete,
)
from negotiation.data.parties import Contract
from negotiation.kernel import i18n
from negotiation.kernel.errors import YesableError
from negotiation.kernel.i18n import t
from negotiation.method import intake


class CurrencyMismatch(YesableError):
    """An amount typed in another currency than the case's contract."""


def to_share(markup: Decimal) -> Decimal:
    """A mark-up on cost as a share of price (in percent): m ÷ (1 + m)."""
    return markup * HUNDRED / (HUNDRED + markup)


@dataclass(frozen=True)
class Margin:
    """What the vendor keeps: the amount, as a share of its revenue, and as a mark-up on its cost."""

    revenue: Decimal
    cost: Decimal

    @property
    def amount(self) -> Decimal:
        return self.revenue - self.cost

    @property
    def on_price(self) -> Decimal | None:
        """Percent of revenue; None when there is no revenue to take a share of."""
        return None if self.revenue == 0 else self.amount * HUNDRED / self.revenue

    @property
    def on_cost(self) -> Decimal | None:
        """Percent mark-up on cost; None when there is no cost."""
        return None if self.cost == 0 else self.amount * HUNDRED / self.cost


def total_cost(costs: VendorCosts) -> Decimal:
    return costs.sunk + cost_to_complete(costs)


def owed_by_vendor(revenue: ContractRevenue) -> Decimal:
    return revenue.service_credits + revenue.penalties


def contract_price(revenue: ContractRevenue, paid: Decimal) -> Decimal:
    """Today's price: paid + invoiced + still to invoice + change orders (before credits and penalties)."""
    return paid + revenue.invoiced_unpaid + revenue.to_invoice + revenue.change_orders


def past_revenue(revenue: ContractRevenue, paid: Decimal) -> Decimal:
    """What the work done so far has brought in: paid, and invoiced but not yet paid."""
    return paid + revenue.invoiced_unpaid


def revenue_at(price: Decimal, owed: Decimal) -> Decimal:
    """What the vendor keeps of a price once the credits and penalties it owes are settled."""
    return price - owed


def price_for_markup(cost: Decimal, markup: Decimal, owed: Decimal = Decimal("0")) -> Decimal:
    """The lowest price, to the cent, whose revenue gives at least `markup` percent on `cost`.

    `owed` is what comes off the price before the vendor's revenue on `cost`: the credits and
    penalties it owes, and on the remaining-work baseline the past revenue too."""
    return (cost * (HUNDRED + markup) / HUNDRED + owed).quantize(CENT, ROUND_CEILING)


# -- what is still missing ---------------------------------------------------------------


class Missing(StrEnum):
    """A figure the step cannot do without; each names where the mediator enters it."""

    COSTS = "costs"
    REVENUE = "revenue"
    BAND = "band"
    WALK_AWAY = "walk_away"


def revenue_missing(revenue: ContractRevenue, contract: Contract) -> bool:
    """Nothing is entered beyond what is paid, yet the contract is not paid in full (or has no value yet):
    today's price would be only the paid part, which is no price."""
    still_to_come = revenue.invoiced_unpaid + revenue.to_invoice + revenue.change_orders
    return still_to_come == 0 and (contract.value == 0 or contract.paid_so_far < contract.value)


def missing_figures(case: "Case") -> list[Missing]:
    """What is not entered yet, in the order the tabs ask for it."""
    margin = case.margin
    found = []
    if total_cost(margin.costs) == 0:
        found.append(Missing.COSTS)  # no contract costs nothing: zero means not entered
    if revenue_missing(margin.revenue, case.contract):
        found.append(Missing.REVENUE)
    if margin.band is None:
        found.append(Missing.BAND)
    if margin.client.walk_away is None:
        found.append(Missing.WALK_AWAY)
    return found


def needed_for_cost(baseline: BandBaseline) -> tuple[Missing, ...]:
    """The figures any margin on `baseline` rests on; the remaining work also sets the past revenue aside."""
    if baseline is BandBaseline.REMAINING_WORK:
        return (Missing.COSTS, Missing.REVENUE)
    return (Missing.COSTS,)


def needed_for_vendor_price(baseline: BandBaseline) -> tuple[Missing, ...]:
    return (*needed_for_cost(baseline), Missing.BAND)


NEEDED_FOR_TODAY = (Missing.COSTS, Missing.REVENUE)
"""The margin under today's contract needs the vendor's cost and today's price."""


def still_missing(missing: Sequence[Missing], needed: Sequence[Missing]) -> list[Missing]:
    return [m for m in needed if m in missing]


def describe_missing(missing: Sequence[Missing], case: "Case", *, where: bool = True) -> list[str]:
    """One sentence per missing figure: what it is, and (`where`, on the screen) where to enter it."""
    money = lambda amount: i18n.fmt_money_rounded(amount, case.contract.currency)  # noqa: E731
    no_value = case.contract.value == 0  # a new case's contract is a placeholder until the Case page is filled in
    sentences = []
    for m in missing:
        key = m.value + ("_no_value" if m is Missing.REVENUE and no_value else "")
        what = t(f"margin.missing.{key}", paid=money(case.contract.paid_so_far), value=money(case.contract.value))
        sentences.append(t("margin.missing.where", what=what, where=t(f"margin.missing.where.{key}")) if where
                         else what)
    return sentences


def not_enough(missing: Sequence[Missing], what: str) -> str:
    """"Not enough figures yet for {what}: … is still missing." in one sentence."""
    names = [t(f"margin.missing.short.{m.value}") for m in missing]
    key = "margin.not_enough.one" if len(names) == 1 else "margin.not_enough.many"
    return t(key, what=t(f"margin.not_enough.for.{what}"), missing=format_list(names, locale=i18n.babel_locale()))


# -- the zone ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ZoneOfAgreement:
    vendor_lowest: Decimal | None
    """The lowest price that gives the vendor the low end of the normal band."""
    client_highest: Decimal | None
    """The client's walk-away point."""
    vendor_markup: Decimal | None = None
    """The mark-up on cost the vendor earns at its lowest price (the band's low end)."""

    @property
    def known(self) -> bool:
        return self.vendor_lowest is not None and self.client_highest is not None

    @property
    def exists(self) -> bool:
        return self.known and self.vendor_lowest <= self.client_highest  # type: ignore[operator]

    @property
    def vendor_waives(self) -> bool:
        """At its lowest price the vendor earns no margin at all: a waiver, not a normal margin."""
        return self.vendor_markup is not None and self.vendor_markup == 0

    @property
    def width(self) -> Decimal:
        """How wide the zone is (0 when there is none)."""
        return max(self.client_highest - self.vendor_lowest, Decimal("0")) if self.known else Decimal("0")  # type: ignore[operator]

    @property
    def gap(self) -> Decimal:
        """By how much the zone is missing (0 when there is one)."""
        return max(self.vendor_lowest - self.client_highest, Decimal("0")) if self.known else Decimal("0")  # type: ignore[operator]

    @property
    def middle(self) -> Decimal | None:
        if not self.exists:
            return None
        return ((self.vendor_lowest + self.client_highest) / 2).quantize(CENT, ROUND_HALF_EVEN)  # type: ignore[operator]

    def contains(self, price: Decimal) -> bool:
        return self.exists and self.vendor_lowest <= price <= self.client_highest  # type: ignore[operator]


@dataclass(frozen=True)
class ZoneInputs:
    """Everything the zone depends on; scenarios and levers change these and nothing else."""

    cost: Decimal | None
    """The cost the normal band is a mark-up on: the total cost (whole contract) or the cost to complete
    (remaining work). None while the figures it rests on are missing: no margin is computed on a guess."""
    owed: Decimal
    band_low: Decimal | None
    band_high: Decimal | None
    walk_away: Decimal | None
    past_revenue: Decimal = Decimal("0")
    """Set aside from any price before the margin on the remaining work: what is paid and invoiced for the work
    done. Nothing on the whole-contract baseline."""
    baseline: BandBaseline = BandBaseline.WHOLE_CONTRACT

    @property
    def set_aside(self) -> Decimal:
        """The part of any price that is not the vendor's revenue on the baseline's cost."""
        return self.owed + self.past_revenue

    def price_for(self, markup: Decimal) -> Decimal | None:
        return None if self.cost is None else price_for_markup(self.cost, markup, self.set_aside)

    def zone(self) -> ZoneOfAgreement:
        lowest = None if self.band_low is None else self.price_for(self.band_low)
        return ZoneOfAgreement(lowest, self.walk_away, self.band_low)

    def margin_at(self, price: Decimal) -> Margin | None:
        """The margin on the baseline at `price`; None while the cost is not known."""
        if self.cost is None:
            return None
        return Margin(revenue_at(price, self.set_aside), self.cost)


def zone_of_agreement(inputs: ZoneInputs) -> ZoneOfAgreement:
    return inputs.zone()


# -- is a margin normal? -----------------------------------------------------------------


class MarginVerdict(StrEnum):
    LOSS = "loss"
    WAIVED = "waived"
    """0 % on cost: the vendor is paid its cost and nothing more. Named as a waiver, never as normal."""
    BELOW_BAND = "below_band"
    NORMAL = "normal"
    ABOVE_BAND = "above_band"


def margin_verdict(margin: Margin | None, band_low: Decimal | None, band_high: Decimal | None) -> MarginVerdict | None:
    """Where a margin stands; None when it cannot be said (no margin, no cost, or no band to compare with)."""
    if margin is None or margin.on_cost is None:
        return None
    # Judged as shown: a mark-up that reads 0.00 % is a waiver even if a few cents remain.
    on_cost = margin.on_cost.quantize(CENT, ROUND_HALF_UP)
    if on_cost < 0:
        return MarginVerdict.LOSS
    if on_cost == 0:
        return MarginVerdict.WAIVED
    if band_low is None or band_high is None:
        return None
    if on_cost < band_low:
        return MarginVerdict.BELOW_BAND
    if on_cost > band_high:
        return MarginVerdict.ABOVE_BAND
    return MarginVerdict.NORMAL


def describe_margin(margin: Margin | None, inputs: ZoneInputs, currency: str, at: str) -> str | None:
    """Where the margin at a price stands, in one sentence (`at`: which price, "price" or "today")."""
    verdict = margin_verdict(margin, inputs.band_low, inputs.band_high)
    if verdict is None:
        return None
    assert margin is not None and margin.on_cost is not None
    return t(f"margin.verdict.{verdict.value}", at=t(f"margin.verdict.at.{at}"),
             on=t(f"margin.baseline.{inputs.baseline.value}.on"), on_cost=i18n.fmt_percent(margin.on_cost, 2),
             amount=i18n.fmt_money_rounded(abs(margin.amount), currency),
             low=i18n.fmt_percent(inputs.band_low or 0, 2), high=i18n.fmt_percent(inputs.band_high or 0, 2))


# -- amounts for people ------------------------------------------------------------------


def zone_digits(zone: ZoneOfAgreement) -> int:
    """Significant figures for prices near the zone, in words and on the line: the fewest (at least three)
    that keep each limit within a twentieth of the zone's width (or gap), so "from €54.12M to €54.65M"
    still shows a zone €527K wide."""
    if not zone.known:
        return 3
    spread = zone.width or zone.gap
    if spread == 0:
        return 3
    top = max(abs(zone.vendor_lowest), abs(zone.client_highest))  # type: ignore[arg-type]
    return min(max(3, top.adjusted() - (spread / 20).adjusted() + 1), 9)


def zone_money(amount: Decimal, currency: str, zone: ZoneOfAgreement | None = None) -> str:
    """A price (or a difference, without `zone`) rounded for people: "£347M", "€54.12M" near a narrow zone."""
    return i18n.fmt_money_rounded(amount, currency, 3 if zone is None else zone_digits(zone))


def distinct_money(first: Decimal, second: Decimal, currency: str) -> tuple[str, str]:
    """Two different amounts rounded for people, to as few figures as still tell them apart."""
    for digits in range(3, 16):
        pair = (i18n.fmt_money_rounded(first, currency, digits), i18n.fmt_money_rounded(second, currency, digits))
        if pair[0] != pair[1] or first == second:
            return pair
    return i18n.fmt_money(first, currency), i18n.fmt_money(second, currency)


# -- the fair price ----------------------------------------------------------------------


class FairRule(StrEnum):
    MIDDLE_OF_ZONE = "middle_of_zone"
    NORMAL_MARGIN = "normal_margin"


@dataclass(frozen=True)
class FairPrice:
    price: Decimal
    rule: FairRule
    margin: Margin
    verdict: MarginVerdict | None = None
    """Where its margin stands: a band whose middle is 0 % suggests a waiver, and is named so."""


def fair_price(inputs: ZoneInputs) -> FairPrice | None:
    """A price inside the zone to propose: its middle, or, when the zone reaches beyond the middle
    of the normal band, the price that gives the vendor exactly that middle (the client keeps the rest)."""
    zone = inputs.zone()
    if not zone.exists or inputs.band_low is None or inputs.band_high is None:
        return None
    middle = zone.middle
    normal = inputs.price_for((inputs.band_low + inputs.band_high) / 2)
    assert middle is not None and normal is not None  # a zone exists, so the cost is known
    price, rule = (normal, FairRule.NORMAL_MARGIN) if normal < middle else (middle, FairRule.MIDDLE_OF_ZONE)
    margin = inputs.margin_at(price)
    assert margin is not None
    return FairPrice(price, rule, margin, margin_verdict(margin, inputs.band_low, inputs.band_high))


# -- levers ------------------------------------------------------------------------------


class LeverKind(StrEnum):
    LESS_SCOPE = "less_scope"
    MORE_TIME = "more_time"
    SHARED_DISPUTED = "shared_disputed"
    WAIVED_CREDITS = "waived_credits"
    PHASED_PAYMENT = "phased_payment"


@dataclass(frozen=True)
class LeverEffect:
    kind: LeverKind
    amount: Decimal
    """The size the parties estimate for this lever (0: not estimated)."""
    lowers_vendor_price_by: Decimal
    """How much the vendor's lowest price falls at that size."""
    needed_alone: Decimal | None
    """The size this lever alone would need to close the gap (None when there is no gap)."""
    closes_alone: bool
    gap: Decimal
    """The gap the lever is measured against."""


def _cost_lever(amount: Decimal, markup: Decimal) -> Decimal:
    # A cost the vendor no longer incurs no longer needs a margin either.
    return (amount * (HUNDRED + markup) / HUNDRED).quantize(CENT, ROUND_HALF_UP)


def lever_effects(inputs: ZoneInputs, levers: Levers) -> list[LeverEffect]:
    """Each lever's effect on the vendor's lowest price, and what it would take alone to close the gap."""
    if inputs.band_low is None or inputs.cost is None:
        return []
    markup = inputs.band_low
    gap = inputs.zone().gap
    factor = (HUNDRED + markup) / HUNDRED
    share = levers.disputed_client_share / HUNDRED
    # Sharing a disputed item: the vendor drops its margin on the item and the client pays `share` of it.
    disputed_factor = factor - share

    def needed(per_unit: Decimal) -> Decimal | None:
        if gap == 0:
            return None
        if per_unit <= 0:
            return None
        return (gap / per_unit).quantize(CENT, ROUND_CEILING)

    effects = [
        (LeverKind.LESS_SCOPE, levers.scope_cost, _cost_lever(levers.scope_cost, markup), needed(factor)),
        (LeverKind.MORE_TIME, levers.time_saving, _cost_lever(levers.time_saving, markup), needed(factor)),
        (LeverKind.SHARED_DISPUTED, levers.disputed_cost,
         (levers.disputed_cost * disputed_factor).quantize(CENT, ROUND_HALF_UP), needed(disputed_factor)),
        (LeverKind.WAIVED_CREDITS, levers.credits_waived, min(levers.credits_waived, inputs.owed),
         None if gap == 0 else (gap if gap <= inputs.owed else None)),
        (LeverKind.PHASED_PAYMENT, levers.phased_saving, _cost_lever(levers.phased_saving, markup), needed(factor)),
    ]
    return [LeverEffect(kind, amount, lowers, alone, gap > 0 and lowers >= gap, gap)
            for kind, amount, lowers, alone in effects]


def with_levers(inputs: ZoneInputs, effects: list[LeverEffect]) -> ZoneOfAgreement:
    """The zone once every estimated lever is pulled together: their effects add up."""
    zone = inputs.zone()
    if zone.vendor_lowest is None:
        return zone
    lowers = sum((e.lowers_vendor_price_by for e in effects), Decimal("0"))
    return ZoneOfAgreement(zone.vendor_lowest - lowers, zone.client_highest, zone.vendor_markup)


# -- scenarios ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ScenarioResult:
    scenario: Scenario
    inputs: ZoneInputs
    zone: ZoneOfAgreement
    margin: Margin | None
    """The margin at the scenario's price (None without a price)."""

    @property
    def in_zone(self) -> bool | None:
        return None if self.scenario.price is None else self.zone.contains(self.scenario.price)

    @property
    def verdict(self) -> MarginVerdict | None:
        return margin_verdict(self.margin, self.inputs.band_low, self.inputs.band_high)

    @property
    def normal(self) -> bool | None:
        """The margin lies inside the normal band; a waived (0 %) margin never does, even in a band from 0 %."""
        verdict = self.verdict
        return None if verdict is None else verdict is MarginVerdict.NORMAL


def evaluate(inputs: ZoneInputs, scenario: Scenario) -> ScenarioResult:
    changed = ZoneInputs(
        cost=None if inputs.cost is None else inputs.cost + scenario.cost_change,
        owed=max(inputs.owed - scenario.credits_waived, Decimal("0")),
        band_low=inputs.band_low, band_high=inputs.band_high,
        walk_away=None if inputs.walk_away is None else max(inputs.walk_away + scenario.walk_away_change, Decimal("0")),
        past_revenue=inputs.past_revenue, baseline=inputs.baseline,
    )
    margin = None if scenario.price is None else changed.margin_at(scenario.price)
    return ScenarioResult(scenario, changed, changed.zone(), margin)


# -- the whole picture -------------------------------------------------------------------


@dataclass(frozen=True)
class MarginPicture:
    """Every number of the step, computed once from the case; pages, charts and the PDF read this."""

    currency: str
    effort: Decimal
    items: dict[CostKind, Decimal]
    risk_reserve: Decimal
    cost_to_complete: Decimal
    sunk: Decimal
    total_cost: Decimal
    paid: Decimal
    revenue: ContractRevenue
    contract_price: Decimal
    """Today's price as entered (paid + invoiced + to invoice + change orders); a price only when
    `today_known`, otherwise it is no more than what is paid so far."""
    owed: Decimal
    contract_margin: Margin | None
    """The whole contract's margin at today's price; None while its figures are missing."""
    today_margin: Margin | None
    """The margin on the band's baseline at today's price; None while its figures are missing."""
    band: MarginBand | None
    baseline: BandBaseline
    past_revenue: Decimal
    """What is paid and invoiced for the work done: set aside from the price on the remaining-work baseline."""
    inputs: ZoneInputs
    zone: ZoneOfAgreement
    budget: Decimal | None
    price: Decimal | None
    price_margin: Margin | None
    fair: FairPrice | None
    levers: list[LeverEffect]
    levers_together: ZoneOfAgreement
    scenarios: list[ScenarioResult]
    missing: list[Missing] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)

    @property
    def today_known(self) -> bool:
        return not still_missing(self.missing, NEEDED_FOR_TODAY)

    @property
    def missing_for_zone(self) -> list[Missing]:
        return still_missing(self.missing, [*needed_for_vendor_price(self.baseline), Missing.WALK_AWAY])

    @property
    def levers_estimated(self) -> bool:
        return any(effect.amount for effect in self.levers)


def check_currency(margin: MarginModel, contract_currency: str) -> None:
    if margin.currency is not None and margin.currency != contract_currency:
        raise CurrencyMismatch("margin.error.figures_in_other_currency", entered=margin.currency,
                               currency=contract_currency)


def band_from_standards(standards: list[MarginStandard]) -> MarginBand | None:
    """The band spanned by the central values of the standards that count, as mark-ups on cost."""
    counted = [s for s in standards if s.counts]
    if not counted:
        return None
    centrals = sorted(s.central_on_cost.quantize(CENT, ROUND_HALF_UP) for s in counted)
    names = ", ".join(s.name for s in counted)
    return MarginBand(low=centrals[0], high=centrals[-1], reasoning=t("margin.band.from_standards", names=names))


def suggested_walk_away(case: "Case") -> intake.WalkAway:
    """The client's walk-away suggested by its best alternative (BATNA) from the intake.

    The rule and its formula are the intake's (`negotiation.method.intake.suggested_walk_away`): the
    highest price at which solving is still worth at least the BATNA. This step gives it today's
    contract price, and only once that price is known (the vendor's cost aside, its revenue entered).
    """
    known = Missing.REVENUE not in missing_figures(case)
    today = contract_price(case.margin.revenue, case.contract.paid_so_far) if known else None
    return intake.suggested_walk_away(case, today)


def zone_inputs(case: "Case", baseline: BandBaseline | None = None,
                missing: Sequence[Missing] | None = None) -> ZoneInputs:
    """What the zone rests on, with the band applied to `baseline` (by default the one the case holds).

    `missing`: `missing_figures(case)`, when the caller has it already."""
    margin = case.margin
    baseline = margin.band_baseline if baseline is None else baseline
    band = margin.band
    remaining = baseline is BandBaseline.REMAINING_WORK
    missing = missing_figures(case) if missing is None else missing
    known = not still_missing(missing, needed_for_cost(baseline))
    cost = (cost_to_complete(margin.costs) if remaining else total_cost(margin.costs)) if known else None
    past = past_revenue(margin.revenue, case.contract.paid_so_far) if remaining else Decimal("0")
    return ZoneInputs(cost, owed_by_vendor(margin.revenue), band.low if band else None, band.high if band else None,
                      margin.client.walk_away, past, baseline)


def zones_by_baseline(case: "Case") -> dict[BandBaseline, ZoneOfAgreement]:
    """The zone on each baseline, so the mediator sees what the choice changes before making it."""
    missing = missing_figures(case)
    return {baseline: zone_inputs(case, baseline, missing).zone() for baseline in BandBaseline}


def analyse(case: "Case") -> MarginPicture:
    """The step's numbers for `case`. Raises CurrencyMismatch when the figures are in another currency."""
    margin = case.margin
    currency = case.contract.currency
    check_currency(margin, currency)
    costs = margin.costs
    effort = sum((line.cost for line in costs.effort), Decimal("0"))
    items = {kind: sum((i.amount for i in costs.items if i.kind is kind), Decimal("0")) for kind in CostKind}
    to_complete = cost_to_complete(costs)
    total = costs.sunk + to_complete
    paid = case.contract.paid_so_far
    today = contract_price(margin.revenue, paid)
    owed = owed_by_vendor(margin.revenue)
    missing = missing_figures(case)
    today_known = not still_missing(missing, NEEDED_FOR_TODAY)
    inputs = zone_inputs(case, missing=missing)
    zone = inputs.zone()
    price_margin = None if margin.price is None else inputs.margin_at(margin.price)
    effects = lever_effects(inputs, margin.levers)
    return MarginPicture(
        currency=currency, effort=effort, items=items, risk_reserve=costs.risk_reserve,
        cost_to_complete=to_complete, sunk=costs.sunk, total_cost=total, paid=paid, revenue=margin.revenue,
        contract_price=today, owed=owed,
        contract_margin=Margin(revenue_at(today, owed), total) if today_known else None,
        today_margin=inputs.margin_at(today) if today_known else None,
        band=margin.band, baseline=inputs.baseline, past_revenue=past_revenue(margin.revenue, paid),
        inputs=inputs, zone=zone, budget=margin.client.budget, price=margin.price, price_margin=price_margin,
        fair=fair_price(inputs), levers=effects, levers_together=with_levers(inputs, effects),
        scenarios=[evaluate(inputs, s) for s in margin.scenarios], missing=missing,
        findings=_findings(case, zone),
    )


def _findings(case: "Case", zone: ZoneOfAgreement) -> list[str]:
    # What is merely missing is said by the "not enough figures yet" list; these are figures that disagree.
    margin = case.margin
    currency = case.contract.currency
    found = []
    invoiced_total = case.contract.paid_so_far + margin.revenue.invoiced_unpaid + margin.revenue.to_invoice
    if (margin.revenue.invoiced_unpaid or margin.revenue.to_invoice) and invoiced_total != case.contract.value:
        total, value = distinct_money(invoiced_total, case.contract.value, currency)
        found.append(t("margin.finding.revenue_not_contract_value", total=total, value=value))
    if (margin.client.budget is not None and margin.client.walk_away is not None
            and margin.client.walk_away < margin.client.budget):
        found.append(t("margin.finding.walk_away_below_budget"))
    if margin.price is not None and zone.known and not zone.contains(margin.price):
        found.append(t("margin.finding.price_outside_zone", price=zone_money(margin.price, currency, zone)))
    return found


# -- words -------------------------------------------------------------------------------


def describe_zone(zone: ZoneOfAgreement, currency: str, missing: Sequence[Missing] = ()) -> str:
    """The zone in one or two sentences a director understands, its amounts rounded for people.

    `missing`: the figures the zone still lacks (`MarginPicture.missing_for_zone`); they are named
    instead of a zone computed on a guess."""
    price = lambda amount: zone_money(amount, currency, zone)  # noqa: E731
    rounded = lambda amount: zone_money(amount, currency)  # noqa: E731
    waived = "_waived" if zone.vendor_waives else ""
    if zone.vendor_lowest is None:
        return not_enough(missing, "zone") if missing else t("margin.zone.needs_band")
    if zone.client_highest is None:
        return t(f"margin.zone.needs_walk_away{waived}", lowest=price(zone.vendor_lowest))
    if zone.exists:
        return t(f"margin.zone.exists{waived}", lowest=price(zone.vendor_lowest), highest=price(zone.client_highest),
                 width=rounded(zone.width))
    return t(f"margin.zone.none{waived}", lowest=price(zone.vendor_lowest), highest=price(zone.client_highest),
             gap=rounded(zone.gap))


def describe_baseline(picture: MarginPicture) -> str:
    """Which cost the normal band applies to, with the figures of this case, in one sentence."""
    if Missing.COSTS in picture.missing:  # no figures to put in the sentence yet: what the choice means
        return t(f"margin.baseline.{picture.baseline.value}.help")
    money = lambda amount: zone_money(amount, picture.currency)  # noqa: E731
    return t(f"margin.baseline.{picture.baseline.value}.used", cost=money(picture.total_cost),
             sunk=money(picture.sunk), to_complete=money(picture.cost_to_complete), past=money(picture.past_revenue))


def describe_band(band: MarginBand) -> str:
    """The band in words: a low end of 0 % is named as a waiver, never as a normal margin."""
    pct = lambda value: i18n.fmt_percent(value, 2)  # noqa: E731
    if band.high == 0:
        return t("margin.band.now_waived")
    key = "margin.band.now_from_waiver" if band.low == 0 else "margin.band.now"
    return t(key, low=pct(band.low), high=pct(band.high), share_low=pct(to_share(band.low)),
             share_high=pct(to_share(band.high)))


def describe_fair_price(picture: MarginPicture) -> str:
    """The reasoning behind the suggested fair price, in one paragraph, its amounts rounded for people."""
    fair = picture.fair
    if fair is None:
        return t("margin.fair.none")
    zone = picture.zone
    price = lambda amount: zone_money(amount, picture.currency, zone)  # noqa: E731
    rounded = lambda amount: zone_money(amount, picture.currency)  # noqa: E731
    band = picture.band
    assert band is not None and zone.vendor_lowest is not None and zone.client_highest is not None
    rule = "waived" if fair.verdict is MarginVerdict.WAIVED else fair.rule.value
    return t(f"margin.fair.{rule}", price=price(fair.price),
             lowest=price(zone.vendor_lowest), highest=price(zone.client_highest),
             on_cost=i18n.fmt_percent(fair.margin.on_cost or 0, 2), on_price=i18n.fmt_percent(fair.margin.on_price or 0, 2),
             low=i18n.fmt_percent(band.low, 2), high=i18n.fmt_percent(band.high, 2),
             middle=i18n.fmt_percent(band.middle, 2), amount=rounded(fair.margin.amount),
             on=t(f"margin.baseline.{picture.baseline.value}.on"),
             to_client=rounded(zone.client_highest - fair.price), to_vendor=rounded(fair.price - zone.vendor_lowest))


def describe_lever(effect: LeverEffect, currency: str) -> str:
    money = lambda amount: zone_money(amount, currency)  # noqa: E731
    parts = [t(f"margin.lever.{effect.kind.value}.effect", amount=money(effect.amount),
               lowers=money(effect.lowers_vendor_price_by))] if effect.amount else []
    if effect.needed_alone is not None:
        parts.append(t(f"margin.lever.{effect.kind.value}.needed", needed=money(effect.needed_alone)))
    elif effect.gap > 0 and effect.kind is LeverKind.WAIVED_CREDITS:
        parts.append(t("margin.lever.waived_credits.not_enough"))
    return " ".join(parts) or t("margin.lever.not_estimated")


def margin_text(margin: Margin | None) -> tuple[str, str]:
    """(share of price, mark-up on cost) as shown text; a dash where undefined."""
    if margin is None:
        return ("—", "—")
    share = "—" if margin.on_price is None else i18n.fmt_percent(margin.on_price, 2)
    markup = "—" if margin.on_cost is None else i18n.fmt_percent(margin.on_cost, 2)
    return share, markup


# -- reading amounts typed by a person ---------------------------------------------------

_SYMBOLS = {"€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "zł": "PLN", "us$": "USD", "a$": "AUD",
            "au$": "AUD", "ca$": "CAD", "c$": "CAD", "fr.": "CHF"}
_DOLLARS = ("USD", "AUD", "CAD")
_CODE = re.compile(r"\b([A-Za-z]{3})\b")


def currency_in(text: str, currency: str) -> str | None:
    """The currency a typed amount names (by code or symbol), or None when it names none."""
    lowered = text.lower()
    for symbol, code in sorted(_SYMBOLS.items(), key=lambda kv: -len(kv[0])):
        if symbol in lowered:
            return code
    if "$" in text:
        return currency if currency in _DOLLARS else "USD"
    for match in _CODE.finditer(text):
        if match.group(1).upper() in _iso_codes():
            return match.group(1).upper()
    return None


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    # Only real currency codes count: "one" or "abc" typed by mistake is no currency, just no number.
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def read_amount(text: str, currency: str) -> Decimal:
    """An amount typed the local way, in the case's currency.

    Raises CurrencyMismatch when it names another currency, ValueError when it is no number.
    """
    named = currency_in(text, currency)
    if named is not None and named != currency:
        raise CurrencyMismatch("margin.error.other_currency", typed=named, currency=currency)
    cleaned = text
    if named is not None:
        cleaned = re.sub(r"(?i)us\$|au\$|ca\$|a\$|c\$|fr\.|zł|[€£¥₹$]", "", cleaned)
        cleaned = re.sub(rf"(?i)\b{named}\b", "", cleaned)
    try:
        return i18n.parse_decimal(cleaned)
    except (InvalidOperation, ValueError) as exc:  # babel's NumberFormatError is a ValueError
        raise ValueError("margin.error.not_an_amount") from exc


# -- the PDF -----------------------------------------------------------------------------


def chart_marks(picture: MarginPicture) -> list[tuple[str, Decimal]]:
    """The prices shown on the zone line besides its two limits, in the order they are drawn."""
    # Without what is still to invoice, "today's price" is only what is paid: no price to mark.
    marks = [("today", picture.contract_price)] if picture.today_known else []
    if picture.budget is not None:
        marks.append(("budget", picture.budget))
    if picture.fair is not None:
        marks.append(("fair", picture.fair.price))
    if picture.price is not None:
        marks.append(("price", picture.price))
    return sorted(marks, key=lambda mark: mark[1])


def zone_frame(zone: ZoneOfAgreement, marks: list[tuple[str, Decimal]]) -> tuple[Decimal, Decimal]:
    """The stretch of prices the zone line shows: the zone (or gap) in the middle, widened to take in
    the prices near it. A price far off (today's contract, often) stays outside and is pinned to the edge,
    so the zone is never squeezed to a sliver."""
    assert zone.vendor_lowest is not None and zone.client_highest is not None
    inner_low, inner_high = sorted((zone.vendor_lowest, zone.client_highest))
    reach = max((inner_high - inner_low) * 2, inner_high * Decimal("0.01"), Decimal("1"))
    near = [v for _, v in marks if inner_low - reach * 2 <= v <= inner_high + reach * 2]
    low, high = min([inner_low - reach, *near]), max([inner_high + reach, *near])
    pad = (high - low) * Decimal("0.06")
    return low - pad, high + pad


def zone_svg_geometry(picture: MarginPicture, width: float = 640.0) -> dict | None:
    """Positions (SVG units; floats for drawing only) of the zone line the PDF template draws, and its
    labels' amounts rounded for people as on the screen's line."""
    zone = picture.zone
    if not zone.known:
        return None
    currency = picture.currency
    price = lambda amount: zone_money(amount, currency, zone)  # noqa: E731
    marks = chart_marks(picture)
    low, high = zone_frame(zone, marks)
    left, right = 8.0, width - 8.0

    def x(amount: Decimal) -> float:
        return round(left + float((amount - low) / (high - low)) * (right - left), 1)

    inner_low, inner_high = sorted((zone.vendor_lowest, zone.client_highest))  # type: ignore[type-var]
    shown, pinned = [], []
    for name, value in marks:
        label = f"{t('margin.chart.mark.' + name)} {price(value)}"
        if low <= value <= high:
            shown.append(dict(name=name, value=value, text=label, x=x(value), row=len(shown) % 2))
        else:
            pinned.append(dict(name=name, value=value, text=label, side="left" if value < low else "right"))
    return dict(
        width=width, left=left, right=right, exists=zone.exists,
        inner_low_x=x(inner_low), inner_high_x=x(inner_high),
        vendor=dict(x=x(zone.vendor_lowest), value=zone.vendor_lowest, text=price(zone.vendor_lowest),  # type: ignore[arg-type]
                    outward="end" if zone.vendor_lowest == inner_low else "start"),
        client=dict(x=x(zone.client_highest), value=zone.client_highest, text=price(zone.client_highest),  # type: ignore[arg-type]
                    outward="end" if zone.client_highest == inner_low else "start"),
        middle_x=round((x(inner_low) + x(inner_high)) / 2, 1),
        middle_text=(t("margin.chart.zone") if zone.exists
                     else t("margin.chart.gap", gap=zone_money(zone.gap, currency))),
        width_text=t("margin.chart.width", width=zone_money(zone.width, currency)) if zone.exists else "",
        vendor_side=t("margin.chart.vendor_side_waived" if zone.vendor_waives else "margin.chart.vendor_side"),
        marks=shown, pinned=pinned,
    )


def report_view(case: "Case") -> dict:
    """What the PDF's margin section shows."""
    if case.margin.is_empty:
        return dict(empty=True)
    try:
        picture = analyse(case)
    except CurrencyMismatch as exc:
        return dict(empty=False, error=str(exc))
    share, markup = margin_text(picture.price_margin)
    baseline = picture.baseline.value
    return dict(
        empty=False, error=None, picture=picture, price_share=share, price_markup=markup,
        contract_share=margin_text(picture.contract_margin)[0], contract_markup=margin_text(picture.contract_margin)[1],
        missing=describe_missing(picture.missing, case, where=False),
        today_text=None if picture.today_known else not_enough(still_missing(picture.missing, NEEDED_FOR_TODAY),
                                                               "today"),
        zone_text=describe_zone(picture.zone, picture.currency, picture.missing_for_zone),
        fair_text=describe_fair_price(picture),
        price_text=describe_margin(picture.price_margin, picture.inputs, picture.currency, "price"),
        baseline_text=describe_baseline(picture),
        baseline_name=t(f"margin.baseline.{baseline}.name"),
        revenue_row=t(f"margin.baseline.{baseline}.revenue_row"), cost_row=t(f"margin.baseline.{baseline}.cost_row"),
        baseline_cost=picture.inputs.cost,
        band_text=describe_band(picture.band) if picture.band else None,
        standards=case.margin.standards, svg=zone_svg_geometry(picture),
    )
