"""One colour per side, everywhere: charts, tables, badges, PDF. The mediator's private material has a third."""
from negotiation.parties import PartyRole

CLIENT = "#1d5fa8"
CLIENT_TINT = "#e3eef9"
VENDOR = "#b4570b"
VENDOR_TINT = "#fbeadb"
MEDIATOR_PRIVATE = "#6b1f7a"
MEDIATOR_PRIVATE_TINT = "#f3e4f6"
SHARED = "#2f7d4f"
CONFLICT = "#b3261e"
INK = "#1b1f24"
MUTED = "#5b6570"


def side_colour(role: PartyRole) -> str:
    return CLIENT if role is PartyRole.CLIENT else VENDOR


def side_tint(role: PartyRole) -> str:
    return CLIENT_TINT if role is PartyRole.CLIENT else VENDOR_TINT
