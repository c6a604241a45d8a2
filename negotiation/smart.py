"""Step 5, the decently working system: SMART criteria accepted by both sides."""
from __future__ import annotations

from pydantic import Field

from negotiation.base import DomainModel, Id, RequiredText, new_id


class SmartCriterion(DomainModel):
    id: Id = Field(default_factory=new_id)
    statement: RequiredText


class DecentSystem(DomainModel):
    criteria: list[SmartCriterion] = Field(default_factory=list)
