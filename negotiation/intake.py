"""Step 2, intake: where it pinches, early warning signs, each side's paths, mutual recognition.

The Complaint entity (its fields and categories) is relied on by other steps (SMART templates,
coverage, commitments): extend it, do not rename its fields.
"""
from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from negotiation.base import DomainModel, Id, RequiredText, Severity, Text, new_id
from negotiation.parties import PartyRole


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


class Complaint(DomainModel):
    id: Id = Field(default_factory=new_id)
    category: ComplaintCategory = ComplaintCategory.OTHER
    raised_by: PartyRole
    statement: RequiredText
    severity: Severity = 3
    since: dt.date | None = None
    evidence: Text = ""
    """A ticket, letter, invoice or email reference."""
    disputed: bool = False
    """The other side disputes this complaint."""
    other_side_account: Text = ""
    """The other side's account of it, when disputed."""


class Intake(DomainModel):
    complaints: list[Complaint] = Field(default_factory=list)
