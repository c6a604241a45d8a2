"""The demo's interests."""
from __future__ import annotations

from negotiation.interests import Interest, InterestMap
from negotiation.model import Case
from negotiation.parties import PartyRole


def build(case: Case) -> InterestMap:
    return InterestMap(interests=[
        Interest(id="ic-productive", side=PartyRole.CLIENT, priority=5,
                 statement="Staff can work on reliable devices without losing days to old laptops"),
        Interest(id="iv-margin", side=PartyRole.VENDOR, priority=5,
                 statement="The account earns a normal margin again instead of a loss"),
    ])
