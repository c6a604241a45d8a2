"""One colour per side, everywhere: charts, tables, badges, PDF. The mediator's private material has a third.

A side is named by its role's value ("client", "vendor"); a `PartyRole` is one of those strings.
"""

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


def side_colour(role: str) -> str:
    return CLIENT if role == "client" else VENDOR


def side_tint(role: str) -> str:
    return CLIENT_TINT if role == "client" else VENDOR_TINT
