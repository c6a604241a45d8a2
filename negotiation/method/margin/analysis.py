"""Step 6, the fair vendor margin and the zone of possible agreement.

The money model is pure and exact: every amount is a Decimal in the case's contract currency,
rounded to cents only where a rule says so (a line's cost, the lowest fair price, the middle of
the zone). Percentages are Decimals too; they are rounded only when shown.

Words used throughout:
- *cost to complete*: effort (role × days × day rate) + licences, hardware, travel, other + risk reserve.
- *total cost*: cost already sunk + cost to complete.
- *price*: the total price of the whole contract under the deal (what is already paid included).
  Service credits and penalties the vendor owes are settled against it, so the vendor's
  *revenue* at a price is the price less those credits and penalties (unless waived).
- *margin*: revenue − total cost; as a share of revenue, and as a mark-up on total cost.
- *normal band*: a mark-up on cost, taken from cited standards (`negotiation.method.margin.standards`).
- *zone of possible agreement*: from the lowest price that gives the vendor the low end of the
  normal band, to the highest price the client will pay (its walk-away point).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache
from typing import Any

from negotiation.data.case import Case
from negotiation.data.margin import (
    CENT,
    HUNDRED,
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
from negotiation.data.parties import PartyRole
from negotiation.kernel import i18n
from negotiation.kernel.errors import YesableError
from negotiation.kernel.i18n import t
from negotiation.method import intake

"""Person-days of effort, to two decimals (half a day is 0.5)."""
"""A margin rate in percent; a mark-up on cost may exceed 100 %, never 1000 %."""


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


def revenue_at(price: Decimal, owed: Decimal) -> Decimal:
    """What the vendor keeps of a price once the credits and penalties it owes are settled."""
    return price - owed


def price_for_markup(cost: Decimal, markup: Decimal, owed: Decimal = Decimal("0")) -> Decimal:
    """The lowest price, to the cent, whose revenue gives at least `markup` percent on `cost`."""
    return (cost * (HUNDRED + markup) / HUNDRED + owed).quantize(CENT, ROUND_CEILING)


@dataclass(frozen=True)
class ZoneOfAgreement:
    vendor_lowest: Decimal | None
    """The lowest price that gives the vendor the low end of the normal band."""
    client_highest: Decimal | None
    """The client's walk-away point."""

    @property
    def known(self) -> bool:
        return self.vendor_lowest is not None and self.client_highest is not None

    @property
    def exists(self) -> bool:
        return self.known and self.vendor_lowest <= self.client_highest  # type: ignore[operator]

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

    total_cost: Decimal
    owed: Decimal
    band_low: Decimal | None
    band_high: Decimal | None
    walk_away: Decimal | None

    def zone(self) -> ZoneOfAgreement:
        lowest = None if self.band_low is None else price_for_markup(self.total_cost, self.band_low, self.owed)
        return ZoneOfAgreement(lowest, self.walk_away)

    def margin_at(self, price: Decimal) -> Margin:
        return Margin(revenue_at(price, self.owed), self.total_cost)


def zone_of_agreement(inputs: ZoneInputs) -> ZoneOfAgreement:
    return inputs.zone()


# -- the fair price ----------------------------------------------------------------------


class FairRule(StrEnum):
    MIDDLE_OF_ZONE = "middle_of_zone"
    NORMAL_MARGIN = "normal_margin"


@dataclass(frozen=True)
class FairPrice:
    price: Decimal
    rule: FairRule
    margin: Margin


def fair_price(inputs: ZoneInputs) -> FairPrice | None:
    """A price inside the zone to propose: its middle, or, when the zone reaches beyond the middle
    of the normal band, the price that gives the vendor exactly that middle (the client keeps the rest)."""
    zone = inputs.zone()
    if not zone.exists or inputs.band_low is None or inputs.band_high is None:
        return None
    middle = zone.middle
    normal = price_for_markup(inputs.total_cost, (inputs.band_low + inputs.band_high) / 2, inputs.owed)
    if normal < middle:  # type: ignore[operator]
        return FairPrice(normal, FairRule.NORMAL_MARGIN, inputs.margin_at(normal))
    return FairPrice(middle, FairRule.MIDDLE_OF_ZONE, inputs.margin_at(middle))  # type: ignore[arg-type]


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
    if inputs.band_low is None:
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
    return ZoneOfAgreement(zone.vendor_lowest - lowers, zone.client_highest)


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
    def normal(self) -> bool | None:
        """The margin lies inside the normal band."""
        if self.margin is None or self.margin.on_cost is None or self.inputs.band_low is None:
            return None
        return self.inputs.band_low <= self.margin.on_cost <= self.inputs.band_high  # type: ignore[operator]


def evaluate(inputs: ZoneInputs, scenario: Scenario) -> ScenarioResult:
    changed = ZoneInputs(
        total_cost=inputs.total_cost + scenario.cost_change,
        owed=max(inputs.owed - scenario.credits_waived, Decimal("0")),
        band_low=inputs.band_low, band_high=inputs.band_high,
        walk_away=None if inputs.walk_away is None else max(inputs.walk_away + scenario.walk_away_change, Decimal("0")),
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
    owed: Decimal
    contract_margin: Margin
    band: MarginBand | None
    inputs: ZoneInputs
    zone: ZoneOfAgreement
    budget: Decimal | None
    price: Decimal | None
    price_margin: Margin | None
    fair: FairPrice | None
    levers: list[LeverEffect]
    levers_together: ZoneOfAgreement
    scenarios: list[ScenarioResult]
    findings: list[str] = field(default_factory=list)


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


def suggested_walk_away(case: "Case", batna_value: Callable[["Case", Any], Decimal | None] | None = None) -> Decimal | None:
    """The client's walk-away suggested by its best alternative (BATNA) from the intake, where present.

    `batna_value(case, side)` gives the expected extra cost of the side's best alternative from now
    on (negotiation.method.intake.batna_value), in the contract currency.
    """
    if batna_value is None:
        batna_value = intake.batna_value

    value = batna_value(case, PartyRole.CLIENT)
    if not isinstance(value, (Decimal, int)):
        return None  # not (yet) an amount: no suggestion rather than a guess
    # The intake's BATNA is the expected extra cost of the client's best alternative, counted from now.
    # Stated on this step's terms (the whole contract price), the client would rather pay today's
    # contract price plus that extra cost than take its alternative.
    today = contract_price(case.margin.revenue, case.contract.paid_so_far)
    return (today + Decimal(value)).quantize(CENT, ROUND_HALF_UP)


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
    band = margin.band
    inputs = ZoneInputs(total, owed, band.low if band else None, band.high if band else None, margin.client.walk_away)
    zone = inputs.zone()
    price_margin = None if margin.price is None else inputs.margin_at(margin.price)
    findings = _findings(case, today, zone)
    effects = lever_effects(inputs, margin.levers)
    return MarginPicture(
        currency=currency, effort=effort, items=items, risk_reserve=costs.risk_reserve,
        cost_to_complete=to_complete, sunk=costs.sunk, total_cost=total, paid=paid, revenue=margin.revenue,
        contract_price=today, owed=owed, contract_margin=inputs.margin_at(today), band=band, inputs=inputs,
        zone=zone, budget=margin.client.budget, price=margin.price, price_margin=price_margin,
        fair=fair_price(inputs), levers=effects, levers_together=with_levers(inputs, effects),
        scenarios=[evaluate(inputs, s) for s in margin.scenarios], findings=findings,
    )


def _findings(case: "Case", today: Decimal, zone: ZoneOfAgreement) -> list[str]:
    margin = case.margin
    currency = case.contract.currency
    money = lambda amount: i18n.fmt_money(amount, currency)  # noqa: E731
    found = []
    invoiced_total = case.contract.paid_so_far + margin.revenue.invoiced_unpaid + margin.revenue.to_invoice
    if (margin.revenue.invoiced_unpaid or margin.revenue.to_invoice) and invoiced_total != case.contract.value:
        found.append(t("margin.finding.revenue_not_contract_value", total=money(invoiced_total),
                       value=money(case.contract.value)))
    if margin.band is None:
        found.append(t("margin.finding.no_band"))
    if margin.client.walk_away is None:
        found.append(t("margin.finding.no_walk_away"))
    if (margin.client.budget is not None and margin.client.walk_away is not None
            and margin.client.walk_away < margin.client.budget):
        found.append(t("margin.finding.walk_away_below_budget"))
    if margin.price is not None and zone.known and not zone.contains(margin.price):
        found.append(t("margin.finding.price_outside_zone", price=money(margin.price)))
    return found


# -- words -------------------------------------------------------------------------------


def describe_zone(zone: ZoneOfAgreement, currency: str) -> str:
    """The zone in one or two sentences a director understands."""
    money = lambda amount: i18n.fmt_money(amount, currency)  # noqa: E731
    if zone.vendor_lowest is None:
        return t("margin.zone.needs_band")
    if zone.client_highest is None:
        return t("margin.zone.needs_walk_away", lowest=money(zone.vendor_lowest))
    if zone.exists:
        return t("margin.zone.exists", lowest=money(zone.vendor_lowest), highest=money(zone.client_highest),
                 width=money(zone.width))
    return t("margin.zone.none", lowest=money(zone.vendor_lowest), highest=money(zone.client_highest),
             gap=money(zone.gap))


def describe_fair_price(picture: MarginPicture) -> str:
    """The reasoning behind the suggested fair price, in one paragraph."""
    fair = picture.fair
    if fair is None:
        return t("margin.fair.none")
    money = lambda amount: i18n.fmt_money(amount, picture.currency)  # noqa: E731
    band = picture.band
    assert band is not None
    return t(f"margin.fair.{fair.rule.value}", price=money(fair.price),
             lowest=money(picture.zone.vendor_lowest), highest=money(picture.zone.client_highest),
             on_cost=i18n.fmt_percent(fair.margin.on_cost or 0, 2), on_price=i18n.fmt_percent(fair.margin.on_price or 0, 2),
             low=i18n.fmt_percent(band.low, 2), high=i18n.fmt_percent(band.high, 2),
             middle=i18n.fmt_percent(band.middle, 2), amount=money(fair.margin.amount),
             to_client=money(picture.zone.client_highest - fair.price),  # type: ignore[operator]
             to_vendor=money(fair.price - picture.zone.vendor_lowest))  # type: ignore[operator]


def describe_lever(effect: LeverEffect, currency: str) -> str:
    money = lambda amount: i18n.fmt_money(amount, currency)  # noqa: E731
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
    marks = [("today", picture.contract_price)]
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
    """Positions (SVG units; floats for drawing only) of the zone line the PDF template draws."""
    zone = picture.zone
    if not zone.known:
        return None
    marks = chart_marks(picture)
    low, high = zone_frame(zone, marks)
    left, right = 8.0, width - 8.0

    def x(amount: Decimal) -> float:
        return round(left + float((amount - low) / (high - low)) * (right - left), 1)

    inner_low, inner_high = sorted((zone.vendor_lowest, zone.client_highest))  # type: ignore[type-var]
    shown, pinned = [], []
    for name, value in marks:
        if low <= value <= high:
            shown.append(dict(name=name, value=value, x=x(value), row=len(shown) % 2))
        else:
            pinned.append(dict(name=name, value=value, side="left" if value < low else "right"))
    return dict(
        width=width, left=left, right=right, exists=zone.exists,
        inner_low_x=x(inner_low), inner_high_x=x(inner_high),
        vendor=dict(x=x(zone.vendor_lowest), value=zone.vendor_lowest,  # type: ignore[arg-type]
                    outward="end" if zone.vendor_lowest == inner_low else "start"),
        client=dict(x=x(zone.client_highest), value=zone.client_highest,  # type: ignore[arg-type]
                    outward="end" if zone.client_highest == inner_low else "start"),
        middle_x=round((x(inner_low) + x(inner_high)) / 2, 1),
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
    return dict(
        empty=False, error=None, picture=picture, price_share=share, price_markup=markup,
        contract_share=margin_text(picture.contract_margin)[0], contract_markup=margin_text(picture.contract_margin)[1],
        zone_text=describe_zone(picture.zone, picture.currency), fair_text=describe_fair_price(picture),
        standards=case.margin.standards, svg=zone_svg_geometry(picture),
        band_share_low=to_share(picture.band.low) if picture.band else None,
        band_share_high=to_share(picture.band.high) if picture.band else None,
    )
