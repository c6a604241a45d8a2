"""Step 4, options for mutual gain and the objective criteria both sides accept."""
from __future__ import annotations

from pydantic import Field

from negotiation.base import DomainModel, Id, RequiredText, Text, new_id


class Option(DomainModel):
    id: Id = Field(default_factory=new_id)
    statement: RequiredText


class ObjectiveCriterion(DomainModel):
    id: Id = Field(default_factory=new_id)
    name: RequiredText
    source: Text = ""


class OptionsBoard(DomainModel):
    options: list[Option] = Field(default_factory=list)
    criteria: list[ObjectiveCriterion] = Field(default_factory=list)
