"""The people at the table: the two parties, their people by tier, the mediator, the contract."""
from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from negotiation.data.limits import MAX_PEOPLE_PER_SIDE
from negotiation.kernel.base import AtMost, Date, DomainModel, Id, Money, Name, Text, TextRule, new_id

CURRENCIES = ("EUR", "USD", "GBP", "CHF", "SEK", "DKK", "NOK", "PLN", "INR", "JPY", "AUD", "CAD")
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Email = Annotated[str, StringConstraints(max_length=200, pattern=r"^$|^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$"),
                  TextRule(one_line=True)]


class PartyRole(StrEnum):
    CLIENT = "client"
    VENDOR = "vendor"

    @property
    def other(self) -> "PartyRole":
        return PartyRole.VENDOR if self is PartyRole.CLIENT else PartyRole.CLIENT


class Tier(StrEnum):
    """Where a person sits; the escalation ladder climbs these in order."""

    OPERATIONAL = "operational"
    MANAGEMENT = "management"
    EXECUTIVE = "executive"


class Person(DomainModel):
    id: Id = Field(default_factory=new_id)
    name: Name
    title: Text = ""
    email: Email = ""
    tier: Tier
    signs: bool = False
    """The director who signs the agreement for this party (one per party)."""

    @model_validator(mode="after")
    def _only_executives_sign(self) -> "Person":
        if self.signs and self.tier is not Tier.EXECUTIVE:
            raise ValueError("case.error.signer_not_executive")
        return self


class Party(DomainModel):
    role: PartyRole
    name: Name
    """The organisation's legal name."""
    place: Text = ""
    people: Annotated[list[Person], AtMost(MAX_PEOPLE_PER_SIDE, "limits.list.people")] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_signatory(self) -> "Party":
        if sum(p.signs for p in self.people) > 1:
            raise ValueError("case.error.one_signatory")
        ids = [p.id for p in self.people]
        if len(ids) != len(set(ids)):
            raise ValueError("case.error.duplicate_person")
        return self

    @property
    def signatory(self) -> Person | None:
        return next((p for p in self.people if p.signs), None)

    def by_tier(self, tier: Tier) -> list[Person]:
        return [p for p in self.people if p.tier is tier]


class Mediator(DomainModel):
    name: Name
    organisation: Text = ""
    email: Email = ""


class ContractKind(StrEnum):
    IMPLEMENTATION_PROJECT = "implementation_project"
    MANAGED_SERVICES = "managed_services"
    SAAS = "saas"
    OTHER = "other"


class Contract(DomainModel):
    kind: ContractKind
    reference: Text = ""
    subject: Text = ""
    """What the contract is for, in a line."""
    value: Money
    currency: Currency = "EUR"
    start: Date
    end: Date
    paid_so_far: Money = Decimal("0")

    @model_validator(mode="after")
    def _dates_and_amounts(self) -> "Contract":
        if self.end < self.start:
            raise ValueError("case.error.contract_ends_before_start")
        if self.paid_so_far > self.value:
            raise ValueError("case.error.paid_more_than_value")
        if self.currency not in CURRENCIES:
            raise ValueError("case.error.unknown_currency")
        return self
