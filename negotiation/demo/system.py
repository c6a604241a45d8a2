"""The demo's definition of a decently working system."""
from __future__ import annotations

from negotiation.model import Case
from negotiation.smart import DecentSystem, SmartCriterion


def build(case: Case) -> DecentSystem:
    return DecentSystem(criteria=[
        SmartCriterion(id="sc-refresh", statement=(
            "By 30 June 2027, 95 % of the 9,800 laptops on the agreed end-of-life list are replaced, "
            "measured monthly from the asset register by the client's Vendor Manager")),
    ])
