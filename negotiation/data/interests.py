"""Step 3's data, interests: positions, the interests behind them, links across the sides, the people
side and trust incidents.

The Interest entity (its id, side, statement, priority, kind) is relied on by other steps (options
serve interests, SMART criteria answer interests): extend it, do not rename its fields. The
analysis lives in `negotiation.method.interests`.
"""
from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, ValidationInfo, field_validator

from negotiation.data.limits import (
    MAX_INTERESTS_PER_SIDE,
    MAX_LINKS,
    MAX_PEOPLE_NOTES_PER_SIDE,
    MAX_POSITIONS_PER_SIDE,
    MAX_TRUST_INCIDENTS,
)
from negotiation.data.parties import PartyRole
from negotiation.kernel.base import AtMost, Date, DomainModel, Id, Money, Priority, RequiredText, Text, new_id


class InterestKind(StrEnum):
    SUBSTANTIVE = "substantive"
    """Money, scope, time, quality."""
    RELATIONSHIP = "relationship"
    """Trust, reputation, continuity."""
    PROCEDURAL = "procedural"
    """How decisions are made, who is heard."""


class Position(DomainModel):
    """What a side says it wants ("we will not pay the last invoice"): the what, not the why."""

    id: Id = Field(default_factory=new_id)
    side: PartyRole
    statement: RequiredText


class Interest(DomainModel):
    id: Id = Field(default_factory=new_id)
    side: PartyRole
    statement: RequiredText
    priority: Priority = 3
    kind: InterestKind = InterestKind.SUBSTANTIVE
    position_id: Id | None = None
    """The position of the same side this interest explains; None when it stands on its own."""


class LinkKind(StrEnum):
    SHARED = "shared"
    """Both sides want the same thing: common ground to open with."""
    COMPATIBLE = "compatible"
    """Different but compatible: a basis for trades."""
    CONFLICTING = "conflicting"
    """They pull against each other: settle with objective criteria."""


class InterestLink(DomainModel):
    """A relation between an interest of the client and one of the vendor (either may come first)."""

    id: Id = Field(default_factory=new_id)
    first_id: Id
    second_id: Id
    kind: LinkKind
    note: Text = ""
    """Why they are shared, compatible or conflicting, in a line."""


class PeopleAspect(StrEnum):
    PERCEPTION = "perception"
    """How a side sees the other or the situation."""
    EMOTION = "emotion"
    """What a side feels: anger, fear, loss of face."""
    COMMUNICATION = "communication"
    """What goes wrong between them: tone, channels, who talks to whom."""


class PeopleNote(DomainModel):
    """One observation on the people side of a party (separate the people from the problem)."""

    id: Id = Field(default_factory=new_id)
    side: PartyRole
    aspect: PeopleAspect
    statement: RequiredText


class Decision(StrEnum):
    """The mediator's decision on an incident's acknowledgement step for the agreement."""

    OPEN = "open"
    ACCEPTED = "accepted"
    DROPPED = "dropped"


class TrustIncident(DomainModel):
    """Something that damaged trust: what happened, when, what it cost, and how to acknowledge it."""

    id: Id = Field(default_factory=new_id)
    what: RequiredText
    when: Date | None = None
    felt_by: PartyRole | None = None
    """The side whose trust was damaged; None when both sides were."""
    cost: Text = ""
    """What it cost, in words: money, time, face, goodwill."""
    cost_amount: Money | None = None
    """What it cost in money, in the contract's currency, when known."""
    acknowledgement: Text = ""
    """The mediator's wording of the acknowledgement step; empty means the suggested wording."""
    decision: Decision = Decision.OPEN

    @field_validator("when")
    @classmethod
    def _not_in_the_future(cls, value: dt.date | None) -> dt.date | None:
        if value is not None and value > dt.date.today():
            raise ValueError("interests.error.incident_in_future")
        return value


def _no_duplicates(items: list[Any]) -> None:
    ids = [item.id for item in items]
    if len(ids) != len(set(ids)):
        raise ValueError("interests.error.duplicate_id")


class InterestMap(DomainModel):
    positions: Annotated[list[Position], AtMost(MAX_POSITIONS_PER_SIDE, "limits.list.positions_per_side",
                                                per="side")] = Field(default_factory=list)
    interests: Annotated[list[Interest], AtMost(MAX_INTERESTS_PER_SIDE, "limits.list.interests_per_side",
                                                per="side")] = Field(default_factory=list)
    links: Annotated[list[InterestLink], AtMost(MAX_LINKS, "limits.list.links")] = Field(default_factory=list)
    people: Annotated[list[PeopleNote], AtMost(MAX_PEOPLE_NOTES_PER_SIDE, "limits.list.people_notes_per_side",
                                               per="side")] = Field(default_factory=list)
    incidents: Annotated[list[TrustIncident], AtMost(MAX_TRUST_INCIDENTS, "limits.list.incidents")] = \
        Field(default_factory=list)

    # Field validators (not one model validator) so a problem is reported at the list it is in,
    # and the page can show it next to the form that caused it.
    @field_validator("positions", "people", "incidents")
    @classmethod
    def _unique_ids(cls, value: list[Any]) -> list[Any]:
        _no_duplicates(value)
        return value

    @field_validator("interests")
    @classmethod
    def _interests_sit_under_their_own_positions(cls, value: list[Interest], info: ValidationInfo) -> list[Interest]:
        _no_duplicates(value)
        positions = info.data.get("positions")
        if positions is None:  # the positions themselves were invalid; that problem is reported there
            return value
        sides = {p.id: p.side for p in positions}
        for interest in value:
            if interest.position_id is None:
                continue
            if interest.position_id not in sides:
                raise ValueError("interests.error.position_missing")
            if sides[interest.position_id] is not interest.side:
                raise ValueError("interests.error.position_other_side")
        return value

    @field_validator("links")
    @classmethod
    def _links_join_existing_interests_of_both_sides(cls, value: list[InterestLink],
                                                      info: ValidationInfo) -> list[InterestLink]:
        _no_duplicates(value)
        interests = info.data.get("interests")
        if interests is None:
            return value
        sides = {i.id: i.side for i in interests}
        pairs = set()
        for link in value:
            if link.first_id not in sides or link.second_id not in sides:
                raise ValueError("interests.error.link_missing_interest")
            if sides[link.first_id] is sides[link.second_id]:
                raise ValueError("interests.error.link_same_side")
            pair = frozenset((link.first_id, link.second_id))
            if pair in pairs:
                raise ValueError("interests.error.link_duplicate")
            pairs.add(pair)
        return value

    # -- look-ups -------------------------------------------------------------------------

    def interest(self, interest_id: str) -> Interest | None:
        return next((i for i in self.interests if i.id == interest_id), None)

    def position(self, position_id: str) -> Position | None:
        return next((p for p in self.positions if p.id == position_id), None)

    def links_of(self, interest_id: str) -> list[InterestLink]:
        return [k for k in self.links if interest_id in (k.first_id, k.second_id)]
