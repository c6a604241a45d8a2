"""The demo's margin: Meridian's cost and revenue on the Nordhaven contract, in the open.

Meridian loses money today (credits and delay penalties eat more than its margin). Its lowest
price with a normal margin and Nordhaven's walk-away point (what switching vendor would cost)
leave a narrow but real zone of agreement. The cost to complete is exactly €27,900,000.00.
Both sides apply the normal band to the whole contract: Meridian's loss on the work done so far is
part of what the rescue settles (on the remaining work alone its lowest price would be lower).
"""
from __future__ import annotations

from decimal import Decimal as D

from negotiation.data.case import Case
from negotiation.data.margin import (
    BandBaseline,
    ClientLimits,
    ContractRevenue,
    CostItem,
    CostKind,
    EffortLine,
    Levers,
    MarginBand,
    MarginModel,
    Scenario,
    VendorCosts,
)
from negotiation.method.margin.standards import starter_standards


def costs() -> VendorCosts:
    return VendorCosts(
        effort=[
            EffortLine(id="ef-field", role="Field engineers (deployment)", days=D("15000"), day_rate=D("520.00")),
            EffortLine(id="ef-desk", role="Service desk analysts", days=D("9800"), day_rate=D("380.00")),
            EffortLine(id="ef-image", role="Imaging and packaging engineers", days=D("2600"), day_rate=D("690.00")),
            EffortLine(id="ef-pm", role="Programme and service management", days=D("2400"), day_rate=D("940.00")),
            EffortLine(id="ef-arch", role="Workplace architects", days=D("650"), day_rate=D("1180.00")),
        ],
        items=[
            CostItem(id="ci-laptops", kind=CostKind.HARDWARE,
                     description="3,720 replacement laptops still to ship (vendor-supplied under the contract)",
                     amount=D("7740000.00")),
            CostItem(id="ci-mdm", kind=CostKind.LICENCES, description="Device management and imaging licences",
                     amount=D("980000.00")),
            CostItem(id="ci-travel", kind=CostKind.TRAVEL, description="Travel to 23 countries for deployment waves",
                     amount=D("510000.00")),
            CostItem(id="ci-depots", kind=CostKind.OTHER, description="Regional staging depots and logistics",
                     amount=D("1129000.00")),
        ],
        risk_reserve=D("1200000.00"),
        sunk=D("19800000.00"),
    )


def build(case: Case) -> MarginModel:
    return MarginModel(
        currency=case.contract.currency,
        costs=costs(),
        revenue=ContractRevenue(
            invoiced_unpaid=D("2450000.00"),
            to_invoice=D("28800000.00"),
            change_orders=D("350000.00"),
            service_credits=D("840000.00"),
            penalties=D("1500000.00"),
        ),
        standards=starter_standards(),
        band=MarginBand(low=D("8.56"), high=D("17.23"), reasoning=(
            "From the UK baseline profit rate (8.56 % on cost) up to Accenture's 2025 operating margin "
            "(14.7 % of revenue, 17.23 % on cost). Both sides accepted these on 30 November 2026, and chose to "
            "apply the band to the whole contract, so that Meridian's loss on the work done so far is settled in "
            "the price rather than carried by Meridian alone.")),
        band_baseline=BandBaseline.WHOLE_CONTRACT,
        client=ClientLimits(
            budget=D("52000000.00"), walk_away=D("54650000.00"),
            walk_away_basis=("Switching to another vendor: the new vendor's bid for the remaining scope, a "
                             "six-month transition and the refresh restarted, on top of what is already paid."),
        ),
        levers=Levers(scope_cost=D("600000.00"), time_saving=D("250000.00"), disputed_cost=D("1400000.00"),
                      disputed_client_share=D("50"), credits_waived=D("840000.00"), phased_saving=D("120000.00")),
        scenarios=[
            Scenario(id="sc-agreed", name="Agreed price", price=D("54380000.00")),
            Scenario(id="sc-budget", name="Client's budget only", price=D("52000000.00")),
            Scenario(id="sc-scope", name="Without the developer laptops", price=D("53700000.00"),
                     cost_change=D("-600000.00"), walk_away_change=D("-450000.00")),
        ],
        price=D("54380000.00"),
        price_note="Agreed in the workshop of 14 December 2026, close to the middle of the zone.",
    )
