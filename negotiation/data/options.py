"""Step 4's data: issues on the table, options invented under them (scored 0–10 by both sides), the
objective criteria they rest on, and each side's points for the fair split.

The analysis (efficient packages, suggestions, the fair split) lives in `negotiation.method.options`.
"""
from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from negotiation.data.limits import (
    MAX_CRITERIA_PER_OPTION,
    MAX_ISSUES,
    MAX_OBJECTIVE_CRITERIA,
    MAX_OPTIONS,
    MAX_OPTIONS_PER_ISSUE,
    MAX_SERVES_PER_OPTION,
    MAX_UNPLACED_OPTIONS,
)
from negotiation.kernel.base import AtMost, Date, DomainModel, Id, RequiredText, Text, TextRule, new_id

Score = Annotated[int, Field(ge=0, le=10)]
BatnaValue = Annotated[Decimal, Field(ge=0, le=10, max_digits=4, decimal_places=1)]
Points = Annotated[int, Field(ge=0, le=100)]
Url = Annotated[str, StringConstraints(max_length=500, pattern=r"^$|^https?://\S+$"), TextRule(one_line=True)]


class Issue(DomainModel):
    """A question on the table that the agreement must settle (who pays for the delay, the new timeline, …)."""

    id: Id = Field(default_factory=new_id)
    title: RequiredText


class Option(DomainModel):
    id: Id = Field(default_factory=new_id)
    statement: RequiredText
    issue_id: Id | None = None
    """The issue this option settles; None for an idea not yet placed under an issue."""
    serves: Annotated[list[Id], AtMost(MAX_SERVES_PER_OPTION, "limits.list.serves")] = Field(default_factory=list)
    """Ids of the interests (step 3) this option serves."""
    criteria: Annotated[list[Id], AtMost(MAX_CRITERIA_PER_OPTION, "limits.list.option_criteria")] = \
        Field(default_factory=list)
    """Ids of the objective criteria this option rests on."""
    client_score: Score | None = None
    vendor_score: Score | None = None

    @property
    def scored(self) -> bool:
        return self.client_score is not None and self.vendor_score is not None


class CriterionKind(StrEnum):
    SLA_NORM = "sla_norm"
    MARKET_RATE = "market_rate"
    PROFIT_BASELINE = "profit_baseline"
    BENCHMARK = "benchmark"
    LAW = "law"
    PRECEDENT = "precedent"
    OTHER = "other"


class ObjectiveCriterion(DomainModel):
    """A standard both sides agree to be bound by, independent of either side's will."""

    id: Id = Field(default_factory=new_id)
    name: RequiredText
    source: Text = ""
    """Who publishes it and where: a document, a dataset, a judgment."""
    kind: CriterionKind = CriterionKind.OTHER
    standard: Text = ""
    """What the standard says, in a sentence or a figure."""
    dated: Date | None = None
    """The date of the source: its publication, the day a figure was taken from it, or the end of the
    period its figures describe (the source text says which when it matters)."""
    url: Url = ""

    @model_validator(mode="after")
    def _has_a_source(self) -> "ObjectiveCriterion":
        if not self.source:
            raise ValueError("options.error.criterion_source")
        return self


class PointAllocation(DomainModel):
    """Adjusted Winner: each side spreads 100 points over the issues (issue id -> points)."""

    client: dict[Id, Points] = Field(default_factory=dict)
    vendor: dict[Id, Points] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _hundred_each(self) -> "PointAllocation":
        if self.client and sum(self.client.values()) != 100:
            raise ValueError("options.error.client_points_sum")
        if self.vendor and sum(self.vendor.values()) != 100:
            raise ValueError("options.error.vendor_points_sum")
        return self

    @property
    def complete(self) -> bool:
        return bool(self.client) and bool(self.vendor)


def _placed(option: Option) -> bool:
    return option.issue_id is not None


def _unplaced(option: Option) -> bool:
    return option.issue_id is None


class OptionsBoard(DomainModel):
    issues: Annotated[list[Issue], AtMost(MAX_ISSUES, "limits.list.issues")] = Field(default_factory=list)
    options: Annotated[
        list[Option],
        AtMost(MAX_OPTIONS, "limits.list.options"),
        AtMost(MAX_OPTIONS_PER_ISSUE, "limits.list.options_per_issue", per="issue_id", only=_placed),
        AtMost(MAX_UNPLACED_OPTIONS, "limits.list.unplaced_options", only=_unplaced),
    ] = Field(default_factory=list)
    criteria: Annotated[list[ObjectiveCriterion], AtMost(MAX_OBJECTIVE_CRITERIA, "limits.list.objective_criteria")] = \
        Field(default_factory=list)
    proposal: dict[Id, Id] = Field(default_factory=dict)
    """The package on the table: issue id -> the id of the option proposed for it."""
    proposal_agreed: bool = False
    """Both sides have accepted the package on the table."""
    batna_client: BatnaValue | None = None
    """The client's best alternative (from the intake's paths where present), on the 0–10 package scale."""
    batna_vendor: BatnaValue | None = None
    allocation: PointAllocation = Field(default_factory=PointAllocation)

    @model_validator(mode="after")
    def _references(self) -> "OptionsBoard":
        issue_ids = [i.id for i in self.issues]
        if len(issue_ids) != len(set(issue_ids)):
            raise ValueError("options.error.duplicate_issue")
        option_ids = [o.id for o in self.options]
        if len(option_ids) != len(set(option_ids)):
            raise ValueError("options.error.duplicate_option")
        criterion_ids = {c.id for c in self.criteria}
        if len(criterion_ids) != len(self.criteria):
            raise ValueError("options.error.duplicate_criterion")
        known = set(issue_ids)
        by_id = {o.id: o for o in self.options}
        for option in self.options:
            if option.issue_id is not None and option.issue_id not in known:
                raise ValueError("options.error.unknown_issue")
            if not set(option.criteria) <= criterion_ids:
                raise ValueError("options.error.unknown_criterion")
        for issue_id, option_id in self.proposal.items():
            if issue_id not in known or option_id not in by_id or by_id[option_id].issue_id != issue_id:
                raise ValueError("options.error.proposal_mismatch")
        if not (set(self.allocation.client) | set(self.allocation.vendor)) <= known:
            raise ValueError("options.error.points_unknown_issue")
        return self

    # -- reading the board ---------------------------------------------------------------
    def options_for(self, issue_id: str) -> list[Option]:
        return [o for o in self.options if o.issue_id == issue_id]

    def unplaced(self) -> list[Option]:
        return [o for o in self.options if o.issue_id is None]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def criterion(self, criterion_id: str) -> ObjectiveCriterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)
