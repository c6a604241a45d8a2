"""The demo's interests. Interest ids are fixed: options and SMART criteria of the demo refer to them."""
from __future__ import annotations

from negotiation.interests import Interest, InterestKind as Kind, InterestMap
from negotiation.model import Case
from negotiation.parties import PartyRole

CLIENT, VENDOR = PartyRole.CLIENT, PartyRole.VENDOR


def interests() -> list[Interest]:
    return [
        Interest(id="ic-productive", side=CLIENT, priority=5, kind=Kind.SUBSTANTIVE,
                 statement="Staff work on reliable, current laptops without losing days to old devices"),
        Interest(id="ic-cost", side=CLIENT, priority=4, kind=Kind.SUBSTANTIVE,
                 statement="Pay only for what is delivered, and keep the programme within the approved budget"),
        Interest(id="ic-predictable", side=CLIENT, priority=4, kind=Kind.PROCEDURAL,
                 statement="Dates it can plan around and report to its board"),
        Interest(id="ic-trust", side=CLIENT, priority=3, kind=Kind.RELATIONSHIP,
                 statement="A vendor whose promises hold, without having to police it"),
        Interest(id="ic-continuity", side=CLIENT, priority=3, kind=Kind.RELATIONSHIP,
                 statement="No disruptive change of vendor in the middle of a global rollout"),
        Interest(id="iv-margin", side=VENDOR, priority=5, kind=Kind.SUBSTANTIVE,
                 statement="The account earns a normal margin again instead of a loss"),
        Interest(id="iv-reference", side=VENDOR, priority=4, kind=Kind.RELATIONSHIP,
                 statement="Keep Nordhaven as a reference client for European workplace services"),
        Interest(id="iv-decisions", side=VENDOR, priority=4, kind=Kind.PROCEDURAL,
                 statement="Decisions and approvals from the client within agreed days"),
        Interest(id="iv-cash", side=VENDOR, priority=4, kind=Kind.SUBSTANTIVE,
                 statement="Withheld invoices paid, and disputes handled through the contract's procedure"),
        Interest(id="iv-overhead", side=VENDOR, priority=3, kind=Kind.PROCEDURAL,
                 statement="Proportionate reporting instead of daily micro-management"),
    ]


def build(case: Case) -> InterestMap:
    return InterestMap(interests=interests())
