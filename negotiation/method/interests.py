"""Step 3, interests: the positions each side states and the interests behind them.

The Interest entity (its id, side, statement, priority, kind) is relied on by other steps
(options serve interests, SMART criteria answer interests): extend it, do not rename its fields.

Getting to Yes: focus on interests, not positions; separate the people from the problem. This
module holds the map (positions, interests, links across the sides, the people side, trust
incidents) and the pure analysis the page, the chart and the PDF all read.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from negotiation.data.case import Case
from negotiation.data.interests import (
    Decision,
    Interest,
    InterestLink,
    InterestMap,
    LinkKind,
    PeopleAspect,
    PeopleNote,
    Position,
    TrustIncident,
)
from negotiation.data.parties import PartyRole
from negotiation.kernel import palette
from negotiation.kernel.i18n import t

SIDES = (PartyRole.CLIENT, PartyRole.VENDOR)
COMPATIBLE_COLOUR = "#5a4fcf"
"""Links between different but compatible interests (shared is palette.SHARED, conflicting palette.CONFLICT)."""


LINK_KINDS = (LinkKind.SHARED, LinkKind.COMPATIBLE, LinkKind.CONFLICTING)


# -- edits that keep the map whole (pure: a new map, the old one untouched) ----------------


def remove_interest(interest_map: InterestMap, interest_id: str) -> InterestMap:
    """The map without the interest and without every link to it: nothing is left dangling."""
    return interest_map.model_copy(update={
        "interests": [i for i in interest_map.interests if i.id != interest_id],
        "links": [k for k in interest_map.links if interest_id not in (k.first_id, k.second_id)],
    }, deep=True)


def remove_position(interest_map: InterestMap, position_id: str) -> InterestMap:
    """The map without the position; its interests stay, standing on their own (the why is not lost)."""
    return interest_map.model_copy(update={
        "positions": [p for p in interest_map.positions if p.id != position_id],
        "interests": [i.model_copy(update={"position_id": None}) if i.position_id == position_id else i
                      for i in interest_map.interests],
    }, deep=True)


def link_sides(interest_map: InterestMap, link: InterestLink) -> tuple[Interest, Interest]:
    """The two interests of a link as (client's, vendor's), whichever was chosen first."""
    first, second = interest_map.interest(link.first_id), interest_map.interest(link.second_id)
    if first is None or second is None:
        raise KeyError(link.id)
    return (first, second) if first.side is PartyRole.CLIENT else (second, first)


# -- the analysis -------------------------------------------------------------------------


def by_priority(interests: list[Interest] | tuple[Interest, ...]) -> tuple[Interest, ...]:
    """Highest priority first; equal priorities keep the order the mediator recorded them in."""
    return tuple(sorted(interests, key=lambda i: -i.priority))


@dataclass(frozen=True)
class PositionGroup:
    """A position and the interests behind it; `position` is None for interests that stand alone."""

    position: Position | None
    interests: tuple[Interest, ...]

    @property
    def ask_why(self) -> bool:
        """A position with no interest behind it: the mediator should ask why."""
        return self.position is not None and not self.interests


@dataclass(frozen=True)
class LinkedPair:
    link: InterestLink
    client: Interest
    vendor: Interest
    rank: int
    """1 for the highest combined priority within its kind; tied pairs share a rank."""
    tied: bool
    """Another pair of the same kind has the same combined priority."""

    @property
    def kind(self) -> LinkKind:
        return self.link.kind

    @property
    def combined(self) -> int:
        """Combined priority: the sum of both sides' priorities (2 to 10)."""
        return self.client.priority + self.vendor.priority


@dataclass(frozen=True)
class MultiLinked:
    """An interest linked to several interests of the other side."""

    interest: Interest
    kinds: tuple[LinkKind, ...]
    """The kind of each of its links, in the order shared, compatible, conflicting."""

    @property
    def mixed(self) -> bool:
        """Shared or compatible on one link and conflicting on another: trades and criteria meet here."""
        return LinkKind.CONFLICTING in self.kinds and len(set(self.kinds)) > 1


@dataclass(frozen=True)
class InterestAnalysis:
    groups: dict[PartyRole, tuple[PositionGroup, ...]]
    pairs: dict[LinkKind, tuple[LinkedPair, ...]]
    ask_why: tuple[Position, ...]
    multi_linked: tuple[MultiLinked, ...]
    unlinked: dict[PartyRole, tuple[Interest, ...]]

    @property
    def linked_pairs(self) -> tuple[LinkedPair, ...]:
        return tuple(p for kind in LINK_KINDS for p in self.pairs[kind])


def _ranked(pairs: list[tuple[InterestLink, Interest, Interest]]) -> tuple[LinkedPair, ...]:
    # Stable sort: pairs of equal combined priority keep the order the links were recorded in.
    ordered = sorted(pairs, key=lambda p: -(p[1].priority + p[2].priority))
    counts: dict[int, int] = defaultdict(int)
    for _, c, v in ordered:
        counts[c.priority + v.priority] += 1
    result, rank, previous = [], 0, None
    for index, (link, client, vendor) in enumerate(ordered, start=1):
        combined = client.priority + vendor.priority
        if combined != previous:
            rank, previous = index, combined
        result.append(LinkedPair(link, client, vendor, rank=rank, tied=counts[combined] > 1))
    return tuple(result)


def analyse(interest_map: InterestMap) -> InterestAnalysis:
    """Group interests under their positions, order links by combined priority, flag what needs asking."""
    by_position: dict[str | None, list[Interest]] = defaultdict(list)
    for interest in interest_map.interests:
        by_position[interest.position_id].append(interest)
    groups: dict[PartyRole, tuple[PositionGroup, ...]] = {}
    for side in SIDES:
        side_groups = [PositionGroup(p, by_priority(by_position.get(p.id, [])))
                       for p in interest_map.positions if p.side is side]
        alone = [i for i in by_position.get(None, []) if i.side is side]
        if alone:
            side_groups.append(PositionGroup(None, by_priority(alone)))
        groups[side] = tuple(side_groups)

    index = {i.id: i for i in interest_map.interests}
    per_kind: dict[LinkKind, list[tuple[InterestLink, Interest, Interest]]] = {k: [] for k in LINK_KINDS}
    kinds_of: dict[str, list[LinkKind]] = defaultdict(list)
    for link in interest_map.links:
        first, second = index[link.first_id], index[link.second_id]
        client, vendor = (first, second) if first.side is PartyRole.CLIENT else (second, first)
        per_kind[link.kind].append((link, client, vendor))
        kinds_of[client.id].append(link.kind)
        kinds_of[vendor.id].append(link.kind)

    multi = tuple(
        MultiLinked(i, tuple(sorted(kinds_of[i.id], key=LINK_KINDS.index)))
        for side in SIDES for i in by_priority([i for i in interest_map.interests if i.side is side])
        if len(kinds_of.get(i.id, ())) > 1
    )
    unlinked = {side: by_priority([i for i in interest_map.interests if i.side is side and i.id not in kinds_of])
                for side in SIDES}
    ask_why = tuple(g.position for side in SIDES for g in groups[side] if g.ask_why and g.position is not None)
    return InterestAnalysis(
        groups=groups,
        pairs={kind: _ranked(per_kind[kind]) for kind in LINK_KINDS},
        ask_why=ask_why,
        multi_linked=multi,
        unlinked=unlinked,
    )


# -- the map's geometry (the screen chart and the PDF drawing use the same numbers) -------


@dataclass(frozen=True)
class Node:
    interest: Interest
    row: int
    """0 at the top; both sides share rows, so a priority band is at the same height on both sides."""


@dataclass(frozen=True)
class Band:
    priority: int
    first_row: int
    rows: int


@dataclass(frozen=True)
class MapLayout:
    nodes: dict[str, Node]
    bands: tuple[Band, ...]
    rows: int
    edges: tuple[tuple[Node, Node, LinkKind], ...]
    """(client node, vendor node, kind) per link."""


def map_layout(interest_map: InterestMap) -> MapLayout:
    """Rows for both sides' interests, by priority (5 at the top), in bands aligned across the sides."""
    nodes: dict[str, Node] = {}
    bands = []
    row = 0
    for priority in range(5, 0, -1):
        per_side = {side: [i for i in interest_map.interests if i.side is side and i.priority == priority]
                    for side in SIDES}
        height = max(len(v) for v in per_side.values())
        if not height:
            continue
        for side_interests in per_side.values():
            for offset, interest in enumerate(side_interests):
                nodes[interest.id] = Node(interest, row + offset)
        bands.append(Band(priority, row, height))
        row += height
    edges = []
    for link in interest_map.links:
        first, second = nodes[link.first_id], nodes[link.second_id]
        client, vendor = (first, second) if first.interest.side is PartyRole.CLIENT else (second, first)
        edges.append((client, vendor, link.kind))
    return MapLayout(nodes, tuple(bands), row, tuple(edges))


def short_label(text: str, width: int = 32, lines: int = 2) -> list[str]:
    """`text` broken at spaces into at most `lines` lines of at most `width` characters; "…" marks a cut."""
    words, result, current, index = text.split(), [], "", 0
    while index < len(words) and len(result) < lines:
        candidate = f"{current} {words[index]}" if current else words[index]
        if len(candidate) <= width:
            current, index = candidate, index + 1
        elif current:
            result.append(current)
            current = ""
        else:  # one word longer than a line
            result.append(words[index][: width - 1] + "…")
            index += 1
    if current:
        result.append(current)
    if index < len(words) and not result[-1].endswith("…"):
        last = result[-1]
        result[-1] = (last if len(last) < width else last[: width - 1].rstrip()) + "…"
    return result


# -- the people side and acknowledgements -------------------------------------------------


def people_by_side(interest_map: InterestMap) -> dict[PartyRole, dict[PeopleAspect, tuple[PeopleNote, ...]]]:
    return {side: {aspect: tuple(n for n in interest_map.people if n.side is side and n.aspect is aspect)
                   for aspect in PeopleAspect}
            for side in SIDES}


def suggested_acknowledgement(incident: TrustIncident, case: "Case") -> str:
    """The acknowledgement step the tool suggests: the side that caused the harm names it and its cost."""
    what = incident.what.rstrip(".")
    cost = incident.cost.rstrip(".")
    if incident.felt_by is None:
        key = "interests.ack.suggest_both_cost" if cost else "interests.ack.suggest_both"
        return t(key, client=case.client.name, vendor=case.vendor.name, what=what, cost=cost)
    actor, hurt = case.party(incident.felt_by.other), case.party(incident.felt_by)
    key = "interests.ack.suggest_cost" if cost else "interests.ack.suggest"
    return t(key, actor=actor.name, hurt=hurt.name, what=what, cost=cost)


def acknowledgement_text(incident: TrustIncident, case: "Case") -> str:
    """The wording that goes into the agreement: the mediator's own, or the suggested one."""
    return incident.acknowledgement or suggested_acknowledgement(incident, case)


@dataclass(frozen=True)
class Acknowledgement:
    """An accepted acknowledgement step, ready for the agreement."""

    incident_id: str
    by: tuple[PartyRole, ...]
    """Who acknowledges: the side that did not feel the harm, or both sides."""
    text: str
    what: str
    when: dt.date | None


def accepted_acknowledgements(case: "Case") -> list[Acknowledgement]:
    """The acknowledgement steps the mediator accepted, in the order of the incidents (for the agreement)."""
    return [
        Acknowledgement(
            incident_id=i.id,
            by=SIDES if i.felt_by is None else (i.felt_by.other,),
            text=acknowledgement_text(i, case),
            what=i.what,
            when=i.when,
        )
        for i in case.interests.incidents if i.decision is Decision.ACCEPTED
    ]


def decide(interest_map: InterestMap, incident_id: str, decision: Decision, wording: str) -> InterestMap:
    """The map with the incident's acknowledgement accepted, dropped or reopened.

    Accepting fixes the wording shown at that moment, so the agreement says what was accepted
    even if the suggestion's template changes later.
    """
    def decided(incident: TrustIncident) -> TrustIncident:
        accepted = decision is Decision.ACCEPTED
        return incident.model_copy(update={
            "decision": decision, "acknowledgement": wording if accepted else incident.acknowledgement})

    incidents = [decided(i) if i.id == incident_id else i for i in interest_map.incidents]
    return interest_map.model_copy(update={"incidents": incidents}, deep=True)


# -- the PDF section ----------------------------------------------------------------------


def report_view(case: "Case") -> dict[str, Any]:
    """What the interests section of the agreement shows: the linked pairs by kind, the map, the incidents."""
    interest_map = case.interests
    analysis = analyse(interest_map)
    layout = map_layout(interest_map)
    return {
        "analysis": analysis,
        "kinds": [(kind, analysis.pairs[kind]) for kind in LINK_KINDS if analysis.pairs[kind]],
        "acknowledged": accepted_acknowledgements(case),
        "svg": svg_geometry(layout) if interest_map.interests else None,
        "legend": [(kind.value, LINK_STROKES[kind]) for kind in LINK_KINDS],
    }


LINK_STROKES = {
    LinkKind.SHARED: {"colour": palette.SHARED, "dash": "none"},
    LinkKind.COMPATIBLE: {"colour": COMPATIBLE_COLOUR, "dash": "5 3"},
    LinkKind.CONFLICTING: {"colour": palette.CONFLICT, "dash": "1.5 2.5"},
}
"""How each kind of link is drawn in print: colour and dash, so the kinds differ in black and white too."""


SVG_PAGE_HEIGHT = 640.0
"""Points of an A4 page (after margins, heading and caption) the drawing may use: it never spills over a page."""


def svg_geometry(layout: MapLayout, width: float = 470) -> dict[str, Any]:
    """Coordinates (in points) for the template's inline SVG of the map; the same rows as the screen chart.

    Up to 26 rows get two-line labels; up to 56 rows one line; a bigger map is drawn without
    labels so it still fits on one page (the tables beside it carry every statement).
    """
    rows = max(layout.rows, 1)
    top, client_x, vendor_x = 24.0, width * 0.42, width * 0.58
    if rows <= 26:
        row_height, lines = 24.0, 2
    elif rows <= 56:
        row_height, lines = 11.0, 1
    else:
        row_height, lines = (SVG_PAGE_HEIGHT - top) / rows, 0
    radius = min(7.0, row_height * 0.45)

    def y(row: int) -> float:
        return top + row * row_height + row_height / 2

    nodes = [{"x": client_x if n.interest.side is PartyRole.CLIENT else vendor_x, "y": y(n.row),
              "side": n.interest.side.value, "priority": n.interest.priority,
              "lines": short_label(n.interest.statement, 50, lines) if lines else []}
             for n in layout.nodes.values()]
    edges = [{"x1": client_x, "y1": y(c.row), "x2": vendor_x, "y2": y(v.row), "kind": kind.value,
              **LINK_STROKES[kind]} for c, v, kind in layout.edges]
    bands = [{"y": top + b.first_row * row_height, "height": b.rows * row_height, "priority": b.priority,
              "even": index % 2 == 0} for index, b in enumerate(layout.bands)]
    return {"width": width, "height": top + rows * row_height + 6, "nodes": nodes, "edges": edges,
            "bands": bands, "client_x": client_x, "vendor_x": vendor_x, "radius": round(radius, 2),
            "numbers": radius >= 5, "line_gap": 9 if lines == 2 else 0}
