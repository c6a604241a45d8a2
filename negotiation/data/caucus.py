"""The private caucus: per side, notes and figures the mediator was told alone (each with a
`released` flag) and the side's walk-away price.

The whole caucus is confidential (`CONFIDENTIAL_FIELDS` in `negotiation.data.case`); what may be
shown of it, and the blind zone check, live in `negotiation.method.caucus`.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import Field

from negotiation.data.limits import MAX_CAUCUS_FIGURES_PER_SIDE, MAX_CAUCUS_NOTES_PER_SIDE
from negotiation.data.parties import PartyRole
from negotiation.kernel.base import AtMost, DomainModel, Id, Money, Name, RequiredText, Text, new_id


class CaucusNote(DomainModel):
    """Something one side said to the mediator alone."""

    id: Id = Field(default_factory=new_id)
    text: RequiredText
    released: bool = False
    """The side that gave it allowed it on the shared screen and in the analysis."""


class ConfidentialFigure(DomainModel):
    """A number one side gave the mediator in confidence (a true cost floor, a budget reserve)."""

    id: Id = Field(default_factory=new_id)
    label: Name
    amount: Money
    note: Text = ""
    released: bool = False


class SideCaucus(DomainModel):
    notes: Annotated[list[CaucusNote], AtMost(MAX_CAUCUS_NOTES_PER_SIDE, "limits.list.caucus_notes")] = \
        Field(default_factory=list)
    figures: Annotated[list[ConfidentialFigure], AtMost(MAX_CAUCUS_FIGURES_PER_SIDE, "limits.list.caucus_figures")] = \
        Field(default_factory=list)
    walk_away: Money | None = None
    """Client: the highest price it would pay. Vendor: the lowest price it would accept."""
    walk_away_released: bool = False
    accepts_midpoint: bool = False
    """Agreed beforehand: if a zone exists, settle at the midpoint of the two walk-aways."""
    midpoint_told: bool = False
    """Before accepting, the side was told what the midpoint reveals: with its own walk-away, it gives
    the other side's (the other's = 2 × midpoint − its own). An acceptance counts only once told."""


class Caucus(DomainModel):
    client: SideCaucus = Field(default_factory=SideCaucus)
    vendor: SideCaucus = Field(default_factory=SideCaucus)

    def side(self, role: PartyRole) -> SideCaucus:
        return self.client if role is PartyRole.CLIENT else self.vendor
