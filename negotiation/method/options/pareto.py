"""Efficient packages (the Pareto frontier) and the two suggested packages, exactly.

A package picks one option per issue; its value for a side is the sum of that side's scores of
the chosen options. The value pairs of all packages are the Minkowski sum of the issues' value
pairs, and the efficient part of a Minkowski sum is the efficient part of (efficient part of the
first k issues) + (issue k+1): a package whose first k choices are dominated by another partial
choice is dominated as a whole by swapping those choices. So the frontier is built issue by issue,
keeping only undominated partial sums. Scores are small whole numbers (0–10), so a frontier over
n issues has at most 10·n + 1 points and each step costs O(points × options). This is exact: the
tests compare it with brute force over every package on small random cases.

Both suggestions follow one rule: only packages worth at least each side's BATNA are candidates
(`acceptable`); when there is none, neither suggests anything. Both are increasing in each side's
value, so their optimum over all acceptable packages is reached on the frontier (a package that
dominates an acceptable one is acceptable too); searching the frontier is therefore exact too.
"""
from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

Values = Sequence[Sequence[tuple[int, int]]]
"""Per issue, per option: (value for the client, value for the vendor)."""


@dataclass(frozen=True)
class Point:
    client: int
    vendor: int
    choice: tuple[int, ...]
    """The chosen option's index in each issue."""


def frontier(values: Values) -> list[Point]:
    """Every efficient value pair with one package reaching it, sorted by the client's value (ascending).

    Among packages with the same value pair the first in issue-and-option order is kept.
    """
    if not values:
        return [Point(0, 0, ())]
    # Layer k holds (client, vendor, index of the parent in layer k-1, option index).
    layers: list[list[tuple[int, int, int, int]]] = []
    current: list[tuple[int, int]] = [(0, 0)]
    for options in values:
        if not options:
            raise ValueError("every issue needs at least one option")
        candidates = [
            (c + oc, v + ov, parent, index)
            for parent, (c, v) in enumerate(current)
            for index, (oc, ov) in enumerate(options)
        ]
        # Highest client value first; for equal client values highest vendor value first; keep a
        # candidate only when it beats every vendor value seen so far. Python's sort is stable,
        # so among equal pairs the first generated one (lowest parent, lowest option) is kept.
        candidates.sort(key=lambda item: (-item[0], -item[1]))
        kept: list[tuple[int, int, int, int]] = []
        best_vendor = None
        for item in candidates:
            if best_vendor is None or item[1] > best_vendor:
                kept.append(item)
                best_vendor = item[1]
        kept.reverse()
        layers.append(kept)
        current = [(c, v) for c, v, _, _ in kept]
    points = []
    for position, (c, v, _, _) in enumerate(layers[-1]):
        choice = []
        index = position
        for layer in reversed(layers):
            _, _, parent, option = layer[index]
            choice.append(option)
            index = parent
        points.append(Point(c, v, tuple(reversed(choice))))
    return points


def all_packages(values: Values):
    """Every package with its value pair (brute force: for tests and small cases only)."""
    for choice in itertools.product(*(range(len(options)) for options in values)):
        c = sum(values[i][j][0] for i, j in enumerate(choice))
        v = sum(values[i][j][1] for i, j in enumerate(choice))
        yield Point(c, v, choice)


def brute_frontier(values: Values) -> set[tuple[int, int]]:
    pairs = {(p.client, p.vendor) for p in all_packages(values)}
    return {a for a in pairs if not any(dominates(b, a) for b in pairs)}


def dominates(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """`a` is at least as good as `b` for both sides and better for one."""
    return a[0] >= b[0] and a[1] >= b[1] and a != b


def achievable(values: Values, cap: int = 20000) -> set[tuple[int, int]] | None:
    """Every distinct value pair some package reaches, or None when there are more than `cap`.

    For each client value, the reachable vendor values are kept as the bits of one integer, so a
    Minkowski step is a shift and an or per (client value, option).
    """
    masks = {0: 1}
    for options in values:
        grown: dict[int, int] = {}
        for c, mask in masks.items():
            for oc, ov in options:
                grown[c + oc] = grown.get(c + oc, 0) | (mask << ov)
        masks = grown
        if sum(m.bit_count() for m in masks.values()) > cap:
            return None
    return {(c, v) for c, mask in masks.items() for v in range(mask.bit_length()) if mask >> v & 1}


def acceptable(points: Sequence[Point], batna_client: Fraction, batna_vendor: Fraction) -> list[Point]:
    """The packages at or above both BATNAs: the only ones either suggestion may name."""
    return [p for p in points if p.client >= batna_client and p.vendor >= batna_vendor]


def nash(points: Sequence[Point], batna_client: Fraction, batna_vendor: Fraction) -> Point | None:
    """The acceptable package that maximises (client gain) × (vendor gain) over the BATNAs.

    None when no package is at or above both BATNAs. Ties (a product of 0 included, when every
    acceptable package leaves one side exactly at its BATNA) go to the larger total, then to the
    package met first (the lower client value).
    """
    best, best_key = None, None
    for p in acceptable(points, batna_client, batna_vendor):
        key = ((p.client - batna_client) * (p.vendor - batna_vendor), p.client + p.vendor)
        if best_key is None or key > best_key:
            best, best_key = p, key
    return best


def maxmin(points: Sequence[Point], batna_client: Fraction, batna_vendor: Fraction) -> Point | None:
    """The acceptable package that maximises the smaller of the two gains over the BATNAs (ties: larger total).

    None when no package is at or above both BATNAs: a package that leaves a side below its best
    alternative is no suggestion, however balanced its losses.
    """
    best, best_key = None, None
    for p in acceptable(points, batna_client, batna_vendor):
        key = (min(p.client - batna_client, p.vendor - batna_vendor), p.client + p.vendor)
        if best_key is None or key > best_key:
            best, best_key = p, key
    return best


def better_for_both(points: Sequence[Point], client: int, vendor: int) -> list[Point]:
    """Efficient packages that are at least as good for both sides as (client, vendor) and better for one.

    Strictly-better-for-both packages first, then by the smaller of the two gains, largest first.
    """
    found = [p for p in points if dominates((p.client, p.vendor), (client, vendor))]
    return sorted(found, key=lambda p: (
        not (p.client > client and p.vendor > vendor),
        -min(p.client - client, p.vendor - vendor),
        -(p.client + p.vendor),
    ))
