"""Step 7's data, the agreement the directors sign: commitments, the escalation ladder, continuity,
documentation, the review cadence, and the finalised versions that never change.

A finalised version is a frozen snapshot of the case record with its fingerprint and time. Its
fingerprint is checked whenever it is loaded, and the store refuses any save that alters or removes
an earlier version (`guard_versions`).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, field_validator, model_validator

from negotiation.data.limits import MAX_COMMITMENTS, MAX_CONTACTS_PER_LEVEL, MAX_LADDER_LEVELS, MAX_VERSIONS
from negotiation.data.parties import PartyRole, Tier
from negotiation.kernel.base import (
    AtMost,
    Date,
    DomainModel,
    Id,
    RequiredText,
    Text,
    ValueObject,
    canonical_json,
    new_id,
)
from negotiation.kernel.errors import CaseFinalised


class BasisKind(StrEnum):
    CRITERION = "criterion"
    """A SMART criterion of the decently working system."""
    OPTION = "option"
    """An option of the agreed package."""
    INCIDENT = "incident"
    """An acknowledged trust incident."""
    OTHER = "other"


class Commitment(DomainModel):
    id: Id = Field(default_factory=new_id)
    side: PartyRole
    owner_id: Id
    """The person (of this side) who answers for it."""
    what: RequiredText
    due: Date
    basis: BasisKind = BasisKind.OTHER
    basis_ref: Text = ""
    """The id of the criterion, option or incident it rests on."""
    delivery_confirmed: bool = False
    """For the vendor: its delivery team (not sales) confirmed the commitment is feasible."""
    confirmed_by: Text = ""

    @model_validator(mode="after")
    def _vendor_commitments_confirmed_by_delivery(self) -> "Commitment":
        if self.side is PartyRole.VENDOR and self.delivery_confirmed and not self.confirmed_by:
            raise ValueError("agreement.error.confirmation_needs_name")
        if self.basis is not BasisKind.OTHER and not self.basis_ref:
            raise ValueError("agreement.error.basis_needs_reference")
        return self


class Level(StrEnum):
    OPERATIONAL = "operational"
    MANAGEMENT = "management"
    EXECUTIVE = "executive"
    MEDIATION = "mediation"
    ARBITRATION = "arbitration"

    @property
    def tier(self) -> Tier | None:
        """The people tier that staffs this level (None: an outside forum)."""
        return {Level.OPERATIONAL: Tier.OPERATIONAL, Level.MANAGEMENT: Tier.MANAGEMENT,
                Level.EXECUTIVE: Tier.EXECUTIVE}.get(self)


LADDER_ORDER = list(Level)


class EscalationTier(DomainModel):
    level: Level
    client_contact_ids: Annotated[list[Id], AtMost(MAX_CONTACTS_PER_LEVEL, "limits.list.contacts")] = \
        Field(default_factory=list)
    vendor_contact_ids: Annotated[list[Id], AtMost(MAX_CONTACTS_PER_LEVEL, "limits.list.contacts")] = \
        Field(default_factory=list)
    forum: Text = ""
    """For mediation and arbitration: who hears it (the mediator, an arbitration institute, a court)."""
    handles: Text = ""
    """The kinds of issue this level handles."""
    days: int = Field(ge=1, le=365)
    """Working days this level has before the issue moves up."""
    expedited_days: int = Field(ge=1, le=60)
    """Working days for a critical issue (for example a production outage)."""

    @model_validator(mode="after")
    def _expedited_is_faster(self) -> "EscalationTier":
        if self.expedited_days > self.days:
            raise ValueError("agreement.error.expedited_slower")
        return self


class ReviewFrequency(StrEnum):
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


class ReviewCadence(DomainModel):
    frequency: ReviewFrequency = ReviewFrequency.MONTHLY
    count: int = Field(default=6, ge=1, le=60)
    first: Date | None = None
    with_mediator: bool = True


class Continuity(DomainModel):
    services_continue: bool = True
    """Services continue during any dispute."""
    no_suspension_for_leverage: bool = True
    """Neither side suspends its obligations to gain leverage."""
    interim_arrangement: Text = ""
    """The default interim arrangement for a disputed critical service."""


class Documentation(DomainModel):
    decisions: Text = ""
    change_requests: Text = ""
    service_issues: Text = ""
    kept_by_both: bool = True


class AgreementVersion(ValueObject):
    """A finalised version: the case record as it was signed, and its fingerprint. Never changes."""

    number: int = Field(ge=1)
    finalised_at: dt.datetime
    fingerprint: str = Field(pattern=r"^[0-9a-f]{64}$")
    record: dict[str, Any]
    """The record as it was finalised, under the schema of that day: never migrated."""
    revision: int | None = Field(default=None, ge=1)
    """The case's revision in the store when it was finalised, filled in by the store. The case stands at this
    version while its revision is this one. None for a version the store has not yet stamped."""

    @model_validator(mode="after")
    def _fingerprint_matches_record(self) -> "AgreementVersion":
        if digest(self.record) != self.fingerprint:
            raise ValueError("agreement.error.version_altered")
        return self


class Agreement(DomainModel):
    place: Text = ""
    """Where the directors sign."""
    signing_date: Date | None = None
    commitments: Annotated[list[Commitment], AtMost(MAX_COMMITMENTS, "limits.list.commitments")] = \
        Field(default_factory=list)
    ladder: Annotated[list[EscalationTier], AtMost(MAX_LADDER_LEVELS, "limits.list.ladder")] = \
        Field(default_factory=list)
    continuity: Continuity = Field(default_factory=Continuity)
    documentation: Documentation = Field(default_factory=Documentation)
    review: ReviewCadence = Field(default_factory=ReviewCadence)
    versions: Annotated[list[AgreementVersion], AtMost(MAX_VERSIONS, "limits.list.versions")] = \
        Field(default_factory=list)

    @field_validator("ladder")
    @classmethod
    def _ladder_in_order(cls, ladder: list[EscalationTier]) -> list[EscalationTier]:
        levels = [tier.level for tier in ladder]
        if len(set(levels)) != len(levels):
            raise ValueError("agreement.error.level_twice")
        if levels != sorted(levels, key=LADDER_ORDER.index):
            raise ValueError("agreement.error.ladder_order")
        return ladder

    @field_validator("versions")
    @classmethod
    def _versions_numbered(cls, versions: list[AgreementVersion]) -> list[AgreementVersion]:
        if [v.number for v in versions] != list(range(1, len(versions) + 1)):
            raise ValueError("agreement.error.version_numbers")
        return versions

    @property
    def draft_number(self) -> int:
        return len(self.versions) + 1


# -- the record and its fingerprint ---------------------------------------------------------

def digest(record: dict[str, Any]) -> str:
    """SHA-256 of the record's canonical JSON: the fingerprint printed on every page."""
    return hashlib.sha256(canonical_json(record).encode("utf-8")).hexdigest()


def guard_versions(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> None:
    """Refuse a change that alters or removes a finalised version (documents as stored JSON).

    The one thing that may change is a revision not yet filled in, once: the store stamps it.
    """
    if len(after) < len(before) or not all(_same_version(b, a) for b, a in zip(before, after)):
        raise CaseFinalised("agreement.error.final_is_immutable")


def _same_version(before: dict[str, Any], after: dict[str, Any]) -> bool:
    if before.get("revision") is None:
        before = {k: v for k, v in before.items() if k != "revision"}
        after = {k: v for k, v in after.items() if k != "revision"}
    return before == after
