"""The demo's intake."""
from __future__ import annotations

from negotiation.intake import Complaint, ComplaintCategory, Intake
from negotiation.model import Case
from negotiation.parties import PartyRole


def build(case: Case) -> Intake:
    return Intake(complaints=[
        Complaint(id="cp-refresh", category=ComplaintCategory.PROMISES_NOT_KEPT, raised_by=PartyRole.CLIENT, severity=5,
                  statement="The laptop refresh promised within six months is eighteen months late."),
    ])
