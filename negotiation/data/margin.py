"""Step 6's data, the fair margin: the vendor's effort and costs, the contract's revenue, the
standards for a normal margin and the band they span, the client's budget and walk-away, the
levers and the what-if scenarios.

Every amount is a Decimal in the case's contract currency; the arithmetic over these types (the
margin, the zone of possible agreement) lives in `negotiation.method.margin.analysis`.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, Field, model_validator

from negotiation.data.limits import MAX_COST_ITEMS, MAX_EFFORT_LINES, MAX_MARGIN_STANDARDS, MAX_SCENARIOS
from negotiation.data.parties import Currency
from negotiation.kernel.base import AtMost, Date, DomainModel, Id, Money, Name, Percent, SignedMoney, Text, new_id

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def _two_decimals(value: Decimal) -> Decimal:
    if value != value.quantize(CENT):
        raise ValueError("margin.error.two_decimals")
    return value


Days = Annotated[Decimal, Field(ge=0, le=Decimal("1000000")), AfterValidator(_two_decimals)]
Rate = Annotated[Decimal, Field(ge=0, le=Decimal("1000")), AfterValidator(_two_decimals)]


# -- the vendor's side -------------------------------------------------------------------


class EffortLine(DomainModel):
    id: Id = Field(default_factory=new_id)
    role: Name
    days: Days
    day_rate: Money

    @property
    def cost(self) -> Decimal:
        return (self.days * self.day_rate).quantize(CENT, ROUND_HALF_UP)


class CostKind(StrEnum):
    LICENCES = "licences"
    HARDWARE = "hardware"
    TRAVEL = "travel"
    OTHER = "other"


class CostItem(DomainModel):
    id: Id = Field(default_factory=new_id)
    kind: CostKind = CostKind.OTHER
    description: Name
    amount: Money


class VendorCosts(DomainModel):
    effort: Annotated[list[EffortLine], AtMost(MAX_EFFORT_LINES, "limits.list.effort")] = Field(default_factory=list)
    items: Annotated[list[CostItem], AtMost(MAX_COST_ITEMS, "limits.list.cost_items")] = Field(default_factory=list)
    """Third-party licences and hardware, travel and other costs still to come."""
    risk_reserve: Money = Decimal("0")
    sunk: Money = Decimal("0")
    """Cost the vendor has already spent on this contract."""


class ContractRevenue(DomainModel):
    """Revenue under the current contract. What is paid comes from the contract (step 1)."""

    invoiced_unpaid: Money = Decimal("0")
    to_invoice: Money = Decimal("0")
    change_orders: Money = Decimal("0")
    """Approved change orders not in the contract's value."""
    service_credits: Money = Decimal("0")
    """Service credits the vendor owes the client."""
    penalties: Money = Decimal("0")
    """Penalties or delay damages the vendor owes."""


# -- what is normal ----------------------------------------------------------------------


class MarginBasis(StrEnum):
    ON_COST = "on_cost"
    """A mark-up on cost: profit ÷ cost."""
    ON_PRICE = "on_price"
    """A share of price (revenue): profit ÷ revenue."""


class MarginStandard(DomainModel):
    """A published figure for a normal margin, with its source, as both sides may accept it."""

    id: Id = Field(default_factory=new_id)
    name: Name
    low: Rate
    high: Rate
    basis: MarginBasis = MarginBasis.ON_COST
    source: Text = ""
    url: Text = ""
    published: Date | None = None
    note: Text = ""
    counts: bool = True
    """Counts toward the band the tool proposes; otherwise shown for reference only."""

    @model_validator(mode="after")
    def _ordered(self) -> "MarginStandard":
        if self.low > self.high:
            raise ValueError("margin.error.standard_inverted")
        if self.basis is MarginBasis.ON_PRICE and self.high >= HUNDRED:
            raise ValueError("margin.error.share_too_high")
        return self

    @property
    def low_on_cost(self) -> Decimal:
        return to_markup(self.low, self.basis)

    @property
    def high_on_cost(self) -> Decimal:
        return to_markup(self.high, self.basis)

    @property
    def central_on_cost(self) -> Decimal:
        return to_markup((self.low + self.high) / 2, self.basis)


class BandBaseline(StrEnum):
    """Which cost the normal band is a mark-up on; the mediator chooses, both sides see which."""

    WHOLE_CONTRACT = "whole_contract"
    """The whole contract: the total cost (already spent and still to come) earns the normal margin, so a loss or
    a profit on the work done so far is part of what the price must settle."""
    REMAINING_WORK = "remaining_work"
    """The remaining work: the cost to complete earns the normal margin on top of what is already paid and
    invoiced for the work done, which stays as it is."""


class MarginBand(DomainModel):
    """The normal margin both sides accept, as a mark-up on cost."""

    low: Rate
    high: Rate
    reasoning: Text = ""

    @model_validator(mode="after")
    def _ordered(self) -> "MarginBand":
        if self.low > self.high:
            raise ValueError("margin.error.band_inverted")
        return self

    @property
    def middle(self) -> Decimal:
        return (self.low + self.high) / 2


# -- the client's side, levers, scenarios ------------------------------------------------


class ClientLimits(DomainModel):
    budget: Money | None = None
    """What the client has approved for the whole contract."""
    walk_away: Money | None = None
    """The highest total price the client will pay before its best alternative is better."""
    walk_away_basis: Text = ""
    """Why this is the walk-away point (usually: what muddling on or litigating would cost)."""


class Levers(DomainModel):
    """How big each lever could be, as the parties estimate it. Zero means not considered."""

    scope_cost: Money = Decimal("0")
    """Cost to complete saved by dropping scope."""
    time_saving: Money = Decimal("0")
    """Cost to complete saved by a longer schedule (no overtime, no expediting)."""
    disputed_cost: Money = Decimal("0")
    """The cost of an item both sides dispute; the vendor carries it without margin, the client takes a share."""
    disputed_client_share: Percent = Decimal("50")
    credits_waived: Money = Decimal("0")
    """Service credits and penalties the client would waive."""
    phased_saving: Money = Decimal("0")
    """The vendor's financing cost saved when paid by phase instead of at the end."""


class Scenario(DomainModel):
    id: Id = Field(default_factory=new_id)
    name: Name
    price: Money | None = None
    cost_change: SignedMoney = Decimal("0")
    """Change to the vendor's cost to complete (less scope or cheaper delivery is negative)."""
    walk_away_change: SignedMoney = Decimal("0")
    """Change to the client's highest price (less scope is usually worth less to the client)."""
    credits_waived: Money = Decimal("0")


class MarginModel(DomainModel):
    currency: Currency | None = None
    """The currency the figures were entered in: the contract's at the time."""
    costs: VendorCosts = Field(default_factory=VendorCosts)
    revenue: ContractRevenue = Field(default_factory=ContractRevenue)
    standards: Annotated[list[MarginStandard], AtMost(MAX_MARGIN_STANDARDS, "limits.list.margin_standards")] = \
        Field(default_factory=list)
    band: MarginBand | None = None
    band_baseline: BandBaseline = BandBaseline.WHOLE_CONTRACT
    """The cost the band applies to; the whole contract keeps the figures of cases made before the choice."""
    client: ClientLimits = Field(default_factory=ClientLimits)
    levers: Levers = Field(default_factory=Levers)
    scenarios: list[Scenario] = Field(default_factory=list)
    price: Money | None = None
    """The price under the deal: proposed, then agreed (the whole contract's total)."""
    price_note: Text = ""

    @model_validator(mode="before")
    @classmethod
    def _older_documents(cls, data: Any) -> Any:
        # The walking skeleton stored the cost to complete as one sum; keep it as one cost item.
        if isinstance(data, dict) and "cost_to_complete" in data:
            data = dict(data)
            lump = data.pop("cost_to_complete")
            if lump is not None:
                costs = dict(data.get("costs") or {})
                costs["items"] = [*costs.get("items", []),
                                  dict(kind="other", description="Cost to complete (one sum)", amount=lump)]
                data["costs"] = costs
        return data

    @model_validator(mode="after")
    def _scenarios(self) -> "MarginModel":
        if len(self.scenarios) > MAX_SCENARIOS:
            raise ValueError("margin.error.too_many_scenarios")
        names = [s.name.casefold() for s in self.scenarios]
        if len(names) != len(set(names)):
            raise ValueError("margin.error.duplicate_scenario")
        return self

    @property
    def is_empty(self) -> bool:
        # The baseline alone is a setting, not a figure: a case holding only that has nothing to show yet.
        unset = {"currency", "standards", "band_baseline"}
        return self.model_dump(exclude=unset) == MarginModel().model_dump(exclude=unset)


# -- pure arithmetic ---------------------------------------------------------------------


def to_markup(rate: Decimal, basis: MarginBasis) -> Decimal:
    """A margin rate as a mark-up on cost (in percent). A share s of price is s ÷ (1 − s) on cost."""
    if basis is MarginBasis.ON_COST:
        return rate
    return rate * HUNDRED / (HUNDRED - rate)


def cost_to_complete(costs: VendorCosts) -> Decimal:
    return (sum((line.cost for line in costs.effort), Decimal("0"))
            + sum((item.amount for item in costs.items), Decimal("0"))
            + costs.risk_reserve)
