"""The demo's private caucus: what each side told the mediator alone.

The walk-aways leave a narrow zone of agreement on the whole contract price (the client would pay
up to €54,900,000, the vendor would accept €53,950,000: a zone €950,000 wide, a little wider than
the one both sides state openly on the Fair margin page), and both sides agreed beforehand to
settle at the midpoint if there is one, each told first that the midpoint and its own
walk-away give the other side's. Neither walk-away is released, so the shared screen
shows only that a zone exists and the midpoint, €54,425,000.
"""
from __future__ import annotations

from decimal import Decimal

from negotiation.data.case import Case
from negotiation.data.caucus import Caucus, CaucusNote, ConfidentialFigure, SideCaucus


def build(case: Case) -> Caucus:
    client = SideCaucus(
        notes=[
            CaucusNote(id="cc-exit", text=(
                "Marieke de Groot does not want to exit: a re-tender would cost a year and the board "
                "would ask why procurement chose Meridian. The exit threat is meant to get attention.")),
            CaucusNote(id="cc-audit", text=(
                "The withheld invoice amounts are mainly a signal to internal audit; Nordhaven will pay "
                "them once a credible refresh plan is signed.")),
            CaucusNote(id="cc-depots", released=True, text=(
                "Nordhaven can offer floor space in its own regional warehouses for staging laptops.")),
        ],
        figures=[
            ConfidentialFigure(id="cf-ceiling", label="Real budget ceiling for the whole contract price",
                               amount=Decimal("54900000.00"),
                               note="Approved by the board in October; finance may not exceed it."),
            ConfidentialFigure(id="cf-reserve", label="Contingency reserve held by finance",
                               amount=Decimal("650000.00")),
        ],
        walk_away=Decimal("54900000.00"),
        accepts_midpoint=True,
        midpoint_told=True,
    )
    vendor = SideCaucus(
        notes=[
            CaucusNote(id="vc-sales", text=(
                "Rajiv Menon admits sales promised six months without asking delivery; Mark Ellison was "
                "rewarded for the deal and has since been moved to another account.")),
            CaucusNote(id="vc-oem", text=(
                "The OEM offered a factory-imaging discount of 4 % if Nordhaven allows a network link; "
                "Meridian has not told Nordhaven yet.")),
        ],
        figures=[
            ConfidentialFigure(id="vf-floor", label="True cost floor to complete the deal",
                               amount=Decimal("27400000.00"),
                               note="Below the stated cost to complete once the OEM discount is counted."),
            ConfidentialFigure(id="vf-margin", label="Lowest margin the group's deal board approves",
                               amount=Decimal("6250000.00")),
        ],
        walk_away=Decimal("53950000.00"),
        accepts_midpoint=True,
        midpoint_told=True,
    )
    return Caucus(client=client, vendor=vendor)
