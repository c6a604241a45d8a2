"""Step 2's data, intake: complaints (where it pinches), early warning signs, each side's paths (each a small
decision tree of branches), the mutual recognition check.

The Complaint entity (its fields and categories) is relied on by other steps (SMART templates,
coverage, commitments): extend it, do not rename its fields. The judgements of this step live in
`negotiation.method.intake`.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from negotiation.data.limits import MAX_BRANCHES, MAX_COMPLAINTS, MAX_PATHS, MAX_RECOGNITION_ANSWERS, MAX_WARNING_SIGNS
from negotiation.data.parties import PartyRole
from negotiation.kernel.base import AtMost, Date, DomainModel, Id, RequiredText, Severity, Text, new_id


def _not_in_future(value: dt.date | None) -> dt.date | None:
    if value is not None and value > dt.date.today():
        raise ValueError("intake.error.date_in_future")
    return value


# -- where it pinches ---------------------------------------------------------------------


class ComplaintCategory(StrEnum):
    # Raised by the client.
    SYSTEM_DEFECTS = "system_defects"
    """The system does not do what it should, or has defects."""
    PROMISES_NOT_KEPT = "promises_not_kept"
    """The account manager promises and nothing happens."""
    INVOICING_WRONG = "invoicing_wrong"
    SERVICE_DESK_SLOW = "service_desk_slow"
    """The service desk is slow and misses the SLA."""
    EXTRA_WORK_EXPENSIVE = "extra_work_expensive"
    NO_BUSINESS_UNDERSTANDING = "no_business_understanding"
    """The developers do not understand the business processes."""
    RELEASES_MISS_NEEDS = "releases_miss_needs"
    # Raised by the vendor.
    REQUIREMENTS_LATE = "requirements_late"
    """Requirements late or changing."""
    DECISIONS_LATE = "decisions_late"
    """Decisions or sign-offs late."""
    CLIENT_UNAVAILABLE = "client_unavailable"
    """Client staff or environments unavailable."""
    INVOICES_UNPAID = "invoices_unpaid"
    """Invoices unpaid or withheld."""
    OTHER = "other"


CLIENT_CATEGORIES = (
    ComplaintCategory.SYSTEM_DEFECTS, ComplaintCategory.PROMISES_NOT_KEPT, ComplaintCategory.INVOICING_WRONG,
    ComplaintCategory.SERVICE_DESK_SLOW, ComplaintCategory.EXTRA_WORK_EXPENSIVE,
    ComplaintCategory.NO_BUSINESS_UNDERSTANDING, ComplaintCategory.RELEASES_MISS_NEEDS, ComplaintCategory.OTHER,
)
VENDOR_CATEGORIES = (
    ComplaintCategory.REQUIREMENTS_LATE, ComplaintCategory.DECISIONS_LATE, ComplaintCategory.CLIENT_UNAVAILABLE,
    ComplaintCategory.INVOICES_UNPAID, ComplaintCategory.OTHER,
)


def categories_for(side: PartyRole) -> tuple[ComplaintCategory, ...]:
    return CLIENT_CATEGORIES if side is PartyRole.CLIENT else VENDOR_CATEGORIES


class Complaint(DomainModel):
    id: Id = Field(default_factory=new_id)
    category: ComplaintCategory = ComplaintCategory.OTHER
    raised_by: PartyRole
    statement: RequiredText
    severity: Severity = 3
    since: Date | None = None
    evidence: Text = ""
    """A ticket, letter, invoice or email reference."""
    disputed: bool = False
    """The other side disputes this complaint."""
    other_side_account: Text = ""
    """The other side's account of it, when disputed."""

    _since = field_validator("since")(_not_in_future)

    @model_validator(mode="after")
    def _category_and_dispute(self) -> "Complaint":
        if self.category not in categories_for(self.raised_by):
            raise ValueError("intake.error.category_not_for_side")
        if self.disputed and not self.other_side_account:
            raise ValueError("intake.error.dispute_needs_account")
        return self


# -- early warning signs ------------------------------------------------------------------


class WarningSignKind(StrEnum):
    FORMAL_TONE = "formal_tone"
    CLAUSE_LETTERS = "clause_letters"
    MISSED_DEADLINES = "missed_deadlines"
    THREATS = "threats"
    """Escalation or termination threats."""
    PAYMENTS_WITHHELD = "payments_withheld"
    KEY_PEOPLE_REPLACED = "key_people_replaced"
    LAWYERS_INVOLVED = "lawyers_involved"
    MONITORING_IMPOSED = "monitoring_imposed"
    """A monitoring regime imposed on the vendor."""


class WarningSign(DomainModel):
    """An early warning sign that has been seen; a sign not in the intake has not been seen."""

    kind: WarningSignKind
    seen_on: Date | None = None
    """When it was first seen."""
    note: Text = ""

    _seen_on = field_validator("seen_on")(_not_in_future)


# -- the three paths ----------------------------------------------------------------------


class PathKind(StrEnum):
    MUDDLE_ON = "muddle_on"
    LITIGATE = "litigate"
    """Stop and litigate."""
    SOLVE = "solve"


LITIGATION_COSTS = ("legal_fees", "write_off", "restart")
"""Litigation's typical costs, each prompted for on its own: legal fees, the investment written off
(disinvestment), and restarting (the client with a new vendor; the vendor replacing the account)."""
MONEY_OUT = ("cost", *LITIGATION_COSTS)
"""Every amount a branch pays out; litigation's typical costs only on the litigation path."""
CHANCE_TOTAL = Decimal(100)


def _amount(value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    if value < 0:
        raise ValueError("intake.error.negative_cost")
    if value > Decimal("1e12"):
        raise ValueError("intake.error.too_large")
    if value != value.quantize(Decimal("0.01")):
        raise ValueError("intake.error.cents")
    return value


class Branch(DomainModel):
    """One way a path can end, for one side: how likely it is, the money in and out, and how long it takes.

    Amounts are entered as positive figures; the branch's net value is money in minus money out,
    so a branch that only costs is negative. An empty amount is not yet estimated (an explicit 0 is).
    """

    label: Text = ""
    """What happens on this branch, in the parties' words ("the liability cap applies")."""
    chance: Decimal | None = None
    """How likely this branch is, in percent; left empty on one branch, it is the rest of 100 %."""
    money_in: Decimal | None = None
    """What the side gains: damages recovered, the value of a working system, savings."""
    cost: Decimal | None = None
    """Money out: costs, damages paid, lost benefit; for litigation, beside the three prompted costs."""
    legal_fees: Decimal | None = None
    write_off: Decimal | None = None
    """Investment written off (disinvestment)."""
    restart: Decimal | None = None
    """Restarting: the client with a new vendor, the vendor replacing the account's revenue."""
    months: Decimal | None = None
    """Time until this branch's outcome, in months."""

    _amounts = field_validator("money_in", *MONEY_OUT)(_amount)

    @field_validator("months")
    @classmethod
    def _months(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and not Decimal(0) <= value <= Decimal(600):
            raise ValueError("intake.error.months_range")
        return value

    @field_validator("chance")
    @classmethod
    def _chance(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and not Decimal(0) <= value <= CHANCE_TOTAL:
            raise ValueError("intake.error.chance_range")
        return value

    @property
    def money_out(self) -> Decimal | None:
        """Everything the branch pays out; None when none of it is estimated."""
        known = [getattr(self, n) for n in MONEY_OUT if getattr(self, n) is not None]
        return sum(known, Decimal(0)) if known else None

    @property
    def net(self) -> Decimal | None:
        """Money in minus money out for the side (a cost is negative); None while neither is estimated.

        Money in not yet entered counts as nothing: until it is, the branch is worth minus its costs.
        """
        if self.money_in is None and self.money_out is None:
            return None
        return (self.money_in or Decimal(0)) - (self.money_out or Decimal(0))

    @property
    def empty(self) -> bool:
        return not self.label and all(getattr(self, n) is None for n in ("chance", "money_in", *MONEY_OUT, "months"))


class Path(DomainModel):
    """One side's estimate of one path, as a small decision tree: the ways it can end (branches)."""

    side: PartyRole
    kind: PathKind
    branches: list[Branch] = Field(default_factory=list)
    """The ways the path can end; one branch is a path whose outcome is taken as certain."""
    note: Text = ""

    @model_validator(mode="after")
    def _branches(self) -> "Path":
        if len(self.branches) > MAX_BRANCHES:
            raise ValueError("intake.error.too_many_branches")
        if self.kind is not PathKind.LITIGATE and any(
                getattr(b, n) is not None for b in self.branches for n in LITIGATION_COSTS):
            raise ValueError("intake.error.litigation_costs_elsewhere")
        return self

    def unprompted(self) -> list[str]:
        """The typical litigation costs not yet estimated on some branch (an explicit 0 counts as estimated)."""
        if self.kind is not PathKind.LITIGATE or not self.branches:
            return []
        return [n for n in LITIGATION_COSTS if any(getattr(b, n) is None for b in self.branches)]


# -- mutual recognition -------------------------------------------------------------------


class Statement(StrEnum):
    CONTINUE = "continue"
    """We want to continue with this party."""
    LEGITIMATE_PARTY = "legitimate_party"
    """We accept them as a full and legitimate party."""
    CORE_INTEREST = "core_interest"
    """The other side's core interest is legitimate (client: a decently working system; vendor: a normal margin)."""
    SHARE_INFORMATION = "share_information"
    KEEP_SERVICES = "keep_services"
    """We keep services running during this process."""
    MEDIATOR_INDEPENDENT = "mediator_independent"
    """We will let the mediator analyse independently."""


class Answer(StrEnum):
    YES = "yes"
    HESITANT = "hesitant"
    NO = "no"


class RecognitionAnswer(DomainModel):
    side: PartyRole
    statement: Statement
    answer: Answer
    note: Text = ""
    """Where they hesitate or refuse: why, and on what condition they would agree."""

    @model_validator(mode="after")
    def _hesitation_is_explained(self) -> "RecognitionAnswer":
        if self.answer is not Answer.YES and not self.note:
            raise ValueError("intake.error.hesitation_needs_note")
        return self


class RecognitionCheck(DomainModel):
    answers: Annotated[list[RecognitionAnswer], AtMost(MAX_RECOGNITION_ANSWERS, "limits.list.recognition_answers")] = \
        Field(default_factory=list)

    @model_validator(mode="after")
    def _one_answer_each(self) -> "RecognitionCheck":
        keys = [(a.side, a.statement) for a in self.answers]
        if len(keys) != len(set(keys)):
            raise ValueError("intake.error.duplicate_answer")
        return self

    def answer(self, side: PartyRole, statement: Statement) -> RecognitionAnswer | None:
        return next((a for a in self.answers if a.side is side and a.statement is statement), None)


class Intake(DomainModel):
    complaints: Annotated[list[Complaint], AtMost(MAX_COMPLAINTS, "limits.list.complaints")] = \
        Field(default_factory=list)
    warning_signs: Annotated[list[WarningSign], AtMost(MAX_WARNING_SIGNS, "limits.list.warning_signs")] = \
        Field(default_factory=list)
    paths: Annotated[list[Path], AtMost(MAX_PATHS, "limits.list.paths")] = Field(default_factory=list)
    discount_rate: Decimal | None = None
    """The mediator's discount for time on this case, in percent a year; None: amounts are not discounted."""
    recognition: RecognitionCheck = Field(default_factory=RecognitionCheck)

    @field_validator("discount_rate")
    @classmethod
    def _rate(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and not Decimal(0) <= value <= Decimal(50):
            raise ValueError("intake.error.rate_range")
        return value

    @model_validator(mode="after")
    def _unique(self) -> "Intake":
        ids = [c.id for c in self.complaints]
        if len(ids) != len(set(ids)):
            raise ValueError("intake.error.duplicate_complaint")
        kinds = [s.kind for s in self.warning_signs]
        if len(kinds) != len(set(kinds)):
            raise ValueError("intake.error.duplicate_sign")
        paths = [(p.side, p.kind) for p in self.paths]
        if len(paths) != len(set(paths)):
            raise ValueError("intake.error.duplicate_path")
        return self

    def path(self, side: PartyRole, kind: PathKind) -> Path | None:
        return next((p for p in self.paths if p.side is side and p.kind is kind), None)

    def sign(self, kind: WarningSignKind) -> WarningSign | None:
        return next((s for s in self.warning_signs if s.kind is kind), None)
