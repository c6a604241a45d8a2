"""Adjusted Winner (Brams and Taylor, *Fair Division*, 1996; *The Win-Win Solution*, 1999), exactly.

Each side spreads 100 points over the issues. Every issue first goes to the side that puts more
points on it; issues both value equally are then taken in the order listed, each going to the side
that is behind at that moment (side A when they are level). Then
the side ahead hands issues to the side behind, in increasing order of the ratio
(its points / the other side's points), until both have the same number of points; at most one
issue is split. The result is envy-free, equitable and efficient. All arithmetic is in Fractions.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

A, B = 0, 1


@dataclass(frozen=True)
class FairSplit:
    share_b: tuple[Fraction, ...]
    """For each issue, the part (0 to 1) that goes to side B; side A holds the rest."""
    points_a: Fraction
    points_b: Fraction
    split: int | None
    """The one issue that is divided, if any."""

    def share_a(self, issue: int) -> Fraction:
        return 1 - self.share_b[issue]


def validate_points(points: Sequence[int | Fraction]) -> None:
    """ValueError (a message key) unless the points are all 0 or more and add up to 100."""
    if any(p < 0 for p in points):
        raise ValueError("options.error.points_negative")
    if sum(points) != 100:
        raise ValueError("options.error.points_sum")


def adjusted_winner(a: Sequence[int | Fraction], b: Sequence[int | Fraction]) -> FairSplit:
    """The Adjusted Winner allocation between side A (points `a`) and side B (points `b`)."""
    if len(a) != len(b):
        raise ValueError("both sides must score the same issues")
    validate_points(a)
    validate_points(b)
    a = [Fraction(x) for x in a]
    b = [Fraction(x) for x in b]
    n = len(a)
    holder = [A if a[i] > b[i] else B if b[i] > a[i] else None for i in range(n)]
    total_a = sum(a[i] for i in range(n) if holder[i] == A)
    total_b = sum(b[i] for i in range(n) if holder[i] == B)
    # Ties follow the convention of Brams' Adjusted Winner site (S. J. Brams and A. D. Taylor, NYU,
    # https://pages.nyu.edu/adjustedwinner/awProcedure.htm): the tied issues are taken in the order
    # listed and each goes to the side with fewer points at that moment; when the sides are level it
    # goes to side A (the client, in fair_split). Handing every tie at once to the side behind on the
    # untied issues ends with the same points each, but can give different issues to each side; this
    # order lets either side check the split by hand against the published procedure.
    for i in range(n):
        if holder[i] is None:
            if total_b < total_a:
                holder[i], total_b = B, total_b + b[i]
            else:
                holder[i], total_a = A, total_a + a[i]
    share_b = [Fraction(1) if h == B else Fraction(0) for h in holder]
    split = None
    if total_a != total_b:
        giver = A if total_a > total_b else B
        give, take = (a, b) if giver == A else (b, a)
        ahead, lagging = (total_a, total_b) if giver == A else (total_b, total_a)
        # Items worth nothing to both sides change nothing; an item the taker does not value comes last.
        movable = [i for i in range(n) if holder[i] == giver and give[i] + take[i] > 0]
        movable.sort(key=lambda i: (take[i] == 0, give[i] / take[i] if take[i] else 0, i))
        for i in movable:
            if ahead - give[i] >= lagging + take[i]:
                ahead -= give[i]
                lagging += take[i]
                share_b[i] = Fraction(1) if giver == A else Fraction(0)
                if ahead == lagging:
                    break
            else:
                part = (ahead - lagging) / (give[i] + take[i])
                ahead -= part * give[i]
                lagging += part * take[i]
                share_b[i] = part if giver == A else 1 - part
                split = i
                break
        total_a, total_b = (ahead, lagging) if giver == A else (lagging, ahead)
    return FairSplit(tuple(share_b), total_a, total_b, split)
