"""`python -m negotiation analyse CASE.json`: the case's analysis as one JSON object, for automation and checking.

The same functions the pages and the PDF read, turned into plain JSON (docs/cli.md lists the keys):
money as decimal strings, a verdict as {"code", "text"} (a stable code and a sentence), fractions on
the options' 0–10 scale as decimal strings rounded to 0.01, and null for what the case does not hold yet.
"""
from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any

from negotiation.data.case import Case
from negotiation.data.parties import PartyRole
from negotiation.kernel.errors import YesableError
from negotiation.method import intake
from negotiation.method.margin import analysis as margin
from negotiation.method.margin.analysis import Missing
from negotiation.method.options import analysis as options

SIDES = (PartyRole.CLIENT, PartyRole.VENDOR)


def case_analysis(case: Case) -> dict[str, Any]:
    return {
        "case": {"id": case.id, "title": case.title, "currency": case.contract.currency},
        "batna": {side.value: _batna(case, side) for side in SIDES},
        "verdict": _verdict(case),
        "options": _options(case),
        "fair_split": _fair_split(case),
        "margin": _margin(case),
    }


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value.quantize(Decimal("0.01"), ROUND_HALF_EVEN))


def _percent(value: Decimal | None) -> str | None:
    return None if value is None else str(Decimal(value).quantize(Decimal("0.01"), ROUND_HALF_EVEN))


def _scale(value: Fraction | Decimal | None) -> str | None:
    """A value on the options' 0–10 scale, as a decimal string to two places."""
    if value is None:
        return None
    exact = Decimal(value.numerator) / Decimal(value.denominator) if isinstance(value, Fraction) else Decimal(value)
    return str(exact.quantize(Decimal("0.01"), ROUND_HALF_EVEN))


def _verdict(case: Case) -> dict[str, Any]:
    found = intake.verdict(case)
    return {"code": found.outcome.value, "text": found.headline, "reasons": found.reasons,
            "conditions": found.conditions}


def _batna(case: Case, side: PartyRole) -> dict[str, Any] | None:
    """The side's best alternative: which path, its expected net value (a cost is negative), its range."""
    best = intake.batnas(case)[side]
    if best.best is None:
        return None
    return {"path": best.best.value, "expected": _money(best.value), "range": [_money(best.low), _money(best.high)],
            "solve": _money(best.solve_value), "text": best.reason}


def _pair(client: Fraction | None, vendor: Fraction | None) -> dict[str, str | None] | None:
    if client is None and vendor is None:
        return None
    return {"client": _scale(client), "vendor": _scale(vendor)}


def _package(package: Any) -> dict[str, Any] | None:
    if package is None:
        return None
    return {"client": _scale(package.client), "vendor": _scale(package.vendor),
            "options": list(package.option_ids)}


def _options(case: Case) -> dict[str, Any]:
    found = options.analyse(case.options)
    return {
        "batna": _pair(found.batna_client, found.batna_vendor),
        "nash": _package(found.nash),
        "balanced": _package(found.maxmin),
        "efficient_packages": len(found.frontier),
        "suggestions": options.suggestions_verdict(found) if found.ready else None,
    }


def _fair_split(case: Case) -> dict[str, Any] | None:
    split = options.fair_split(case.options)
    if split is None:
        return None
    return {
        "points_each": _scale(split.points_each),
        "issues": [{"issue": share.issue.id, "client_points": share.client_points,
                    "vendor_points": share.vendor_points, "vendor_share": _scale(share.vendor_share),
                    "client_share": _scale(share.client_share)} for share in split.shares],
        "split_issue": split.split.issue.id if split.split is not None else None,
    }


def _margin_of(found: margin.Margin | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {"amount": _money(found.amount), "on_price": _percent(found.on_price), "on_cost": _percent(found.on_cost)}


def _margin(case: Case) -> dict[str, Any] | None:
    if case.margin.is_empty:
        return None
    try:
        picture = margin.analyse(case)
    except YesableError as exc:  # the figures are in another currency than the contract
        return {"error": str(exc)}
    zone = picture.zone
    return {
        "currency": picture.currency,
        "price": _money(picture.price),
        "cost": _money(picture.total_cost) if Missing.COSTS not in picture.missing else None,
        "cost_to_complete": _money(picture.cost_to_complete),
        "margin_at_price": _margin_of(picture.price_margin),
        "margin_today": _margin_of(picture.contract_margin),
        "band": None if picture.band is None else {"low": _percent(picture.band.low), "high": _percent(picture.band.high),
                                                   "baseline": picture.baseline.value},
        "zone": {"vendor_lowest": _money(zone.vendor_lowest), "client_highest": _money(zone.client_highest),
                 "exists": zone.exists if zone.known else None, "width": _money(zone.width) if zone.known else None,
                 "gap": _money(zone.gap) if zone.known else None, "text": margin.describe_zone(zone, picture.currency)},
        "missing": [item.value for item in picture.missing],
    }
