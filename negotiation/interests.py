"""Step 3, interests: the positions each side states and the interests behind them.

The Interest entity (its id, side, statement, priority, kind) is relied on by other steps
(options serve interests, SMART criteria answer interests): extend it, do not rename its fields.
"""
from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from negotiation.base import DomainModel, Id, Priority, RequiredText, new_id
from negotiation.parties import PartyRole


class InterestKind(StrEnum):
    SUBSTANTIVE = "substantive"
    """Money, scope, time, quality."""
    RELATIONSHIP = "relationship"
    """Trust, reputation, continuity."""
    PROCEDURAL = "procedural"
    """How decisions are made, who is heard."""


class Interest(DomainModel):
    id: Id = Field(default_factory=new_id)
    side: PartyRole
    statement: RequiredText
    priority: Priority = 3
    kind: InterestKind = InterestKind.SUBSTANTIVE


class InterestMap(DomainModel):
    interests: list[Interest] = Field(default_factory=list)
