"""The private caucus: what each side tells the mediator alone, confidential until that side releases it.

A `Caucus` holds, per side, notes and figures (each with a `released` flag) and the side's
walk-away price: the highest the client would pay, the lowest the vendor would accept. The
whole caucus is in `CONFIDENTIAL_FIELDS`: never in the record, the fingerprint, the PDF, and
never on the shared screen, except what a side released (`redacted`).

The blind zone check compares the two walk-aways without showing either: like double-blind
bidding in online dispute resolution it says only whether a zone of agreement exists, the
midpoint when both sides agreed to that beforehand, and the size of a gap only when both sides
released their walk-away.

The rule it keeps: the shared screen shows no figure derived from an unreleased walk-away, except
whether a zone exists and an agreed midpoint. Even the agreed midpoint is withheld while exactly one
walk-away is released, because then anyone in the room could work out the other one
(2 × midpoint − the released one), to the cent or, from a rounded figure, near enough.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from negotiation.data.caucus import Caucus, ConfidentialFigure, SideCaucus
from negotiation.data.parties import PartyRole


def redacted(caucus: Caucus) -> Caucus:
    """The caucus as the shared screen may hold it: released items only, no unreleased figure.

    `accepts_midpoint` and `midpoint_told` are kept: whether a side agreed to the midpoint rule is not a figure.
    """
    def side(s: SideCaucus) -> SideCaucus:
        return SideCaucus(
            notes=[n.model_copy() for n in s.notes if n.released],
            figures=[f.model_copy() for f in s.figures if f.released],
            walk_away=s.walk_away if s.walk_away_released else None,
            walk_away_released=s.walk_away_released,
            accepts_midpoint=s.accepts_midpoint,
            midpoint_told=s.midpoint_told,
        )
    return Caucus(client=side(caucus.client), vendor=side(caucus.vendor))


def released_figures(caucus: Caucus, role: PartyRole) -> list[ConfidentialFigure]:
    """The figures a side released: these may be used in the shared analysis."""
    return [f for f in caucus.side(role).figures if f.released]


class ZoneFinding(StrEnum):
    NOT_YET = "not_yet"
    """At least one walk-away is missing: nothing can be said yet."""
    ZONE = "zone"
    NO_ZONE = "no_zone"


class MidpointHeld(StrEnum):
    """Why an agreed midpoint is not on the shared screen (the mediator's view says so)."""

    ONE_RELEASED = "one_released"
    """Exactly one walk-away is released: with the midpoint, anyone could work out the other."""
    NOT_TOLD = "not_told"
    """A side ticked "accepts the midpoint" before it was told what the midpoint reveals."""


@dataclass(frozen=True)
class BlindZoneCheck:
    """What the shared screen may show about the two walk-aways; never either figure, nor one that gives it."""

    finding: ZoneFinding
    midpoint: Decimal | None = None
    """Only when a zone exists, both sides agreed to the midpoint beforehand having been told what it
    reveals, and not exactly one walk-away is released."""
    gap: Decimal | None = None
    """Only when there is no zone and both sides released their walk-away."""
    width: Decimal | None = None
    """Only when a zone exists and both sides released their walk-away."""
    midpoint_held: MidpointHeld | None = None
    """Set when both sides ticked the midpoint and a zone exists, but the midpoint may not be shown."""


def accepts_midpoint(side: SideCaucus) -> bool:
    """The side agreed to the midpoint, having been told first what it reveals."""
    return side.accepts_midpoint and side.midpoint_told


def blind_zone_check(caucus: Caucus) -> BlindZoneCheck:
    """Whether the client's highest price reaches the vendor's lowest, disclosing no figure.

    Safe for the shared screen whatever the release flags: no field of the result, alone or with a
    released walk-away, gives an unreleased one.
    """
    ceiling, floor = caucus.client.walk_away, caucus.vendor.walk_away
    if ceiling is None or floor is None:
        return BlindZoneCheck(ZoneFinding.NOT_YET)
    released = (caucus.client.walk_away_released, caucus.vendor.walk_away_released)
    both_released = all(released)
    if ceiling >= floor:
        midpoint, held = None, None
        if caucus.client.accepts_midpoint and caucus.vendor.accepts_midpoint:
            if not (accepts_midpoint(caucus.client) and accepts_midpoint(caucus.vendor)):
                held = MidpointHeld.NOT_TOLD
            elif sum(released) == 1:
                held = MidpointHeld.ONE_RELEASED
            else:
                midpoint = ((ceiling + floor) / 2).quantize(Decimal("0.01"))
        return BlindZoneCheck(ZoneFinding.ZONE, midpoint=midpoint,
                              width=(ceiling - floor) if both_released else None, midpoint_held=held)
    return BlindZoneCheck(ZoneFinding.NO_ZONE, gap=(floor - ceiling) if both_released else None)


@dataclass(frozen=True)
class Withheld:
    """What one side holds in confidence: what leaving shared-screen view would show."""

    role: PartyRole
    notes: int
    figures: int
    walk_away: bool

    @property
    def anything(self) -> bool:
        return bool(self.notes or self.figures or self.walk_away)


def withheld(caucus: Caucus) -> list[Withheld]:
    """Per side, the confidential items the shared screen hides (unreleased notes, figures, walk-away)."""
    out = []
    for role in PartyRole:
        s = caucus.side(role)
        out.append(Withheld(role, notes=sum(not n.released for n in s.notes),
                            figures=sum(not f.released for f in s.figures),
                            walk_away=s.walk_away is not None and not s.walk_away_released))
    return out


def confidential_texts(caucus: Caucus) -> list[str]:
    """Every unreleased text and figure as typed (for tests and audits that prove it stays private)."""
    out: list[str] = []
    for role in PartyRole:
        s = caucus.side(role)
        out += [n.text for n in s.notes if not n.released]
        for f in s.figures:
            if not f.released:
                out += [f.label, str(f.amount)] + ([f.note] if f.note else [])
        if s.walk_away is not None and not s.walk_away_released:
            out.append(str(s.walk_away))
    return out
