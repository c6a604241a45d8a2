"""Step 5's data, the decently working system: SMART criteria and each side's acceptance.

What a typed value may be at all (a date, a percentage, a unit with a number) is validated here;
whether a criterion is SMART is a business judgement, made by `negotiation.method.smart.check`.
"""
from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import Field, model_validator

from negotiation.data.limits import MAX_COMPLAINTS_PER_CRITERION, MAX_CRITERIA, MAX_INTERESTS_PER_CRITERION
from negotiation.data.parties import PartyRole
from negotiation.kernel.base import AtMost, Date, DomainModel, Id, Line, RequiredText, Text, new_id

PERCENT_UNITS = frozenset({"%", "percent", "per cent", "procent"})
ShortText = Line
Target = Annotated[Decimal, Field(ge=0, le=Decimal("1e12"))]


class Area(StrEnum):
    FUNCTIONALITY = "functionality"
    DEFECTS = "defects"
    PERFORMANCE = "performance"
    AVAILABILITY = "availability"
    SERVICE_DESK = "service_desk"
    INVOICING = "invoicing"
    RELEASES = "releases"
    EXTRA_WORK_PRICING = "extra_work_pricing"
    BUSINESS_FIT = "business_fit"
    """Business-process fit."""
    TRAINING = "training"
    OTHER = "other"


class Direction(StrEnum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    EXACTLY = "exactly"
    WITHIN = "within"


class Frequency(StrEnum):
    ONCE = "once"
    PER_EVENT = "per_event"
    """Each time it happens: per incident, per invoice, per release."""
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"


class DateKind(StrEnum):
    BY = "by"
    """A deadline: met by this date."""
    FROM = "from"
    """Holds from this date on."""


class Acceptance(DomainModel):
    """One side's acceptance of a criterion: who accepted it, and when."""

    accepted: bool = False
    by: Id | None = None
    """A person id from that side's people."""
    on: Date | None = None

    @model_validator(mode="after")
    def _who_and_when(self) -> "Acceptance":
        if self.accepted and (self.by is None or self.on is None):
            raise ValueError("system.error.acceptance_needs_who_and_when")
        return self


def is_percent(unit: str) -> bool:
    return unit.strip().lower() in PERCENT_UNITS


class SmartCriterion(DomainModel):
    id: Id = Field(default_factory=new_id)
    statement: RequiredText
    """The criterion in one sentence, as both sides will read it."""
    area: Area = Area.OTHER
    metric: ShortText = ""
    """What is counted or measured: "priority-1 incidents resolved within 8 business hours"."""
    unit: ShortText = ""
    target: Target | None = None
    direction: Direction | None = None
    measured_how: Text = ""
    """The method: a report, a test, a count."""
    measured_where: ShortText = ""
    """The source system or document the number comes from."""
    frequency: Frequency | None = None
    date: Date | None = None
    date_kind: DateKind = DateKind.BY
    client_owner: Id | None = None
    vendor_owner: Id | None = None
    achievable_why: Text = ""
    """Why it can be done, in the delivery team's words."""
    confirmed_by: Id | None = None
    """The person of the vendor's delivery team who confirmed it is achievable."""
    complaint_ids: Annotated[list[Id], AtMost(MAX_COMPLAINTS_PER_CRITERION, "limits.list.criterion_complaints")] = \
        Field(default_factory=list)
    interest_ids: Annotated[list[Id], AtMost(MAX_INTERESTS_PER_CRITERION, "limits.list.criterion_interests")] = \
        Field(default_factory=list)
    client_acceptance: Acceptance = Field(default_factory=Acceptance)
    vendor_acceptance: Acceptance = Field(default_factory=Acceptance)

    @model_validator(mode="after")
    def _unit_and_percentage(self) -> "SmartCriterion":
        if self.target is not None and not self.unit:
            raise ValueError("system.error.missing_unit")
        if self.target is not None and is_percent(self.unit) and self.target > 100:
            raise ValueError("system.error.percent_above_100")
        return self

    def acceptance(self, role: PartyRole) -> Acceptance:
        return self.client_acceptance if role is PartyRole.CLIENT else self.vendor_acceptance

    @property
    def accepted_by_both(self) -> bool:
        return self.client_acceptance.accepted and self.vendor_acceptance.accepted

    def owner(self, role: PartyRole) -> str | None:
        return self.client_owner if role is PartyRole.CLIENT else self.vendor_owner


class DecentSystem(DomainModel):
    criteria: Annotated[list[SmartCriterion], AtMost(MAX_CRITERIA, "limits.list.criteria")] = \
        Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_ids(self) -> "DecentSystem":
        ids = [c.id for c in self.criteria]
        if len(ids) != len(set(ids)):
            raise ValueError("system.error.duplicate_criterion")
        return self

    def get(self, criterion_id: str) -> SmartCriterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)
