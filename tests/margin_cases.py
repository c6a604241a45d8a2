"""Cases for the fair-margin step that are not the demo: other currencies, other shapes, figures missing.

- `pound_case_without_costs`: a GBP contract worth £40M with £25M paid, and nothing entered on the margin step.
- `hertz_like_case`: a USD website-and-apps rebuild shaped like Hertz v Accenture: the client has paid $33.6M, the
  vendor has spent $30M and needs $10M more, the client will pay at most $35.6M in all. The gap is $8.4M with the
  band on the whole contract and $9M with it on the remaining work.
- `overrun_at_cost_case`: the same contract in GBP, the band on the remaining work (the overrun) from 0 % to 10 %,
  and a price and a scenario at cost: a 0 % margin the vendor waives.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from negotiation.adapters.cases import new_case
from negotiation.data.case import Case
from negotiation.data.margin import (
    BandBaseline,
    ClientLimits,
    ContractRevenue,
    CostItem,
    CostKind,
    MarginBand,
    MarginModel,
    Scenario,
    VendorCosts,
)


def _contract(case: Case, currency: str, value: str, paid: str) -> Case:
    case.contract = case.contract.model_copy(update=dict(
        value=D(value), currency=currency, paid_so_far=D(paid), start=dt.date(2024, 1, 8), end=dt.date(2027, 6, 30)))
    return case


def pound_case_without_costs() -> Case:
    case = new_case("Claims ledger rebuild", "Harbour Mutual", "Kestrel Systems", "Ann Mediator", dt.date(2026, 1, 5))
    return _contract(case, "GBP", "40000000", "25000000")


def pound_case_with_limits_but_no_costs() -> Case:
    case = pound_case_without_costs()
    case.margin = MarginModel(currency="GBP", band=MarginBand(low=D("8.56"), high=D("17.23")),
                              client=ClientLimits(walk_away=D("41000000")))
    return case


def hertz_like_case(baseline: BandBaseline = BandBaseline.WHOLE_CONTRACT) -> Case:
    case = new_case("Website and apps rebuild", "Rentwell Cars", "Northgate Consulting", "Ann Mediator",
                    dt.date(2026, 1, 5))
    case = _contract(case, "USD", "42000000", "33600000")
    case.margin = MarginModel(
        currency="USD",
        costs=VendorCosts(items=[CostItem(kind=CostKind.OTHER, description="Web and app scope still to build",
                                          amount=D("10000000"))], sunk=D("30000000")),
        revenue=ContractRevenue(to_invoice=D("8400000")),
        band=MarginBand(low=D("10"), high=D("15")),
        band_baseline=baseline,
        client=ClientLimits(walk_away=D("35600000")),
    )
    return case


def overrun_at_cost_case() -> Case:
    case = hertz_like_case(BandBaseline.REMAINING_WORK)
    case = _contract(case, "GBP", "42000000", "33600000")
    case.margin = case.margin.model_copy(update=dict(
        currency="GBP",
        band=MarginBand(low=D("0"), high=D("10"), reasoning="The overrun may be done at cost, up to a normal 10 %."),
        client=ClientLimits(walk_away=D("44000000")),
        price=D("43600000"),  # paid and invoiced £33.6M + the overrun's £10M cost: no margin on the overrun
        scenarios=[Scenario(id="sc-cost", name="At cost", price=D("43600000")),
                   Scenario(id="sc-split", name="Split the zone", price=D("43800000"))],
    ))
    return case
