"""Adjusted Winner ties by the convention on Brams' Adjusted Winner site: tied issues in the order listed, each
to the side with fewer points at that moment, to the client when the sides are level."""
from __future__ import annotations

import random
from fractions import Fraction

import pytest

from negotiation.data.options import Issue, OptionsBoard, PointAllocation
from negotiation.method.options.analysis import fair_split, split_sentences
from negotiation.method.options.fairsplit import adjusted_winner


def test_a_tie_met_when_the_sides_are_level_goes_to_the_client_and_the_next_to_the_side_then_behind():
    # Untied: the client holds issue 0 (40), the vendor issue 1 (40): level. Issue 2 (15/15) goes to the
    # client, 55 to 40; issue 3 (15/15) to the vendor, who is now behind: 55 each, nothing to adjust.
    result = adjusted_winner([40, 30, 15, 15], [30, 40, 15, 15])
    assert result.share_b == (0, 1, 0, 1)
    assert result.points_a == result.points_b == 55 and result.split is None


def test_the_tied_issues_are_taken_in_the_order_listed():
    # The same points with the two tied issues listed the other way round: the first one listed goes to the client.
    assert adjusted_winner([40, 30, 15, 15], [30, 40, 15, 15]).share_b[2:] == (0, 1)
    result = adjusted_winner([15, 15, 40, 30], [15, 15, 30, 40])
    assert result.share_b == (0, 1, 0, 1)


def test_three_ties_alternate_with_whoever_is_behind_before_the_side_ahead_hands_one_back():
    # Untied: client 65 (issues 0, 4, 5), vendor 60 (issues 1, 6). Ties in order: issue 2 (10/10) to the
    # vendor (60 < 65), 70; issue 3 (5/5) to the client (65 < 70), 70; issue 7 (10/10) to the client, level,
    # 80. The client, ahead 80 to 70, hands back issue 3, its lowest ratio (5/5) listed first: 75 each.
    # Handing every tie at once to the vendor (behind on the untied issues) also ends at 75 each, with
    # issues 3 and 7 going the other way.
    result = adjusted_winner([35, 0, 10, 5, 15, 15, 10, 10], [10, 45, 10, 5, 0, 5, 15, 10])
    assert result.share_b == (0, 1, 1, 1, 0, 0, 1, 0)
    assert result.points_a == result.points_b == 75


def test_on_the_board_the_level_tie_goes_to_the_client_in_words():
    issues = [Issue(id=k, title=title) for k, title in
              (("delay", "Delay"), ("rate", "Rate"), ("credits", "Credits"), ("reporting", "Reporting"))]
    board = OptionsBoard(issues=issues, allocation=PointAllocation(
        client={"delay": 40, "rate": 30, "credits": 15, "reporting": 15},
        vendor={"delay": 30, "rate": 40, "credits": 15, "reporting": 15}))
    sentences = split_sentences(fair_split(board))
    assert "The client gets its way on “Credits”." in sentences
    assert "The vendor gets its way on “Reporting”." in sentences
    assert sentences[-1] == "Each side ends with 55 ≈ 55 of its own 100 points."


def by_the_convention(a: list[int], b: list[int]) -> tuple[Fraction, ...]:
    """The procedure as the site states it, step by step, written apart from the code under test."""
    n = len(a)
    owner = {i: ("A" if a[i] > b[i] else "B") for i in range(n) if a[i] != b[i]}
    score = {"A": sum(a[i] for i, o in owner.items() if o == "A"), "B": sum(b[i] for i, o in owner.items() if o == "B")}
    for i in range(n):
        if a[i] == b[i]:
            side = "B" if score["B"] < score["A"] else "A"
            owner[i] = side
            score[side] += a[i]
    part_b = {i: Fraction(1 if owner[i] == "B" else 0) for i in range(n)}
    if score["A"] == score["B"]:
        return tuple(part_b[i] for i in range(n))
    ahead = "A" if score["A"] > score["B"] else "B"
    mine, theirs = (a, b) if ahead == "A" else (b, a)
    high, low = Fraction(max(score.values())), Fraction(min(score.values()))
    held = sorted((i for i in range(n) if owner[i] == ahead and mine[i] + theirs[i] > 0),
                  key=lambda i: (theirs[i] == 0, Fraction(mine[i], theirs[i]) if theirs[i] else 0, i))
    for i in held:
        if high - mine[i] >= low + theirs[i]:
            high, low = high - mine[i], low + theirs[i]
            part_b[i] = Fraction(1) - part_b[i]
            if high == low:
                break
        else:
            moved = (high - low) / (mine[i] + theirs[i])
            part_b[i] = moved if ahead == "A" else 1 - moved
            break
    return tuple(part_b[i] for i in range(n))


def tied_case(rng: random.Random) -> tuple[list[int], list[int]]:
    """Points in fives, as people spread 100 points by hand, with at least two tied issues."""
    while True:
        n = rng.randint(2, 8)
        a, b = ([5 * (y - x) for x, y in zip([0, *cuts], [*cuts, 20])]
                for cuts in (sorted(rng.randint(0, 20) for _ in range(n - 1)) for _ in range(2)))
        if sum(1 for x, y in zip(a, b) if x == y) >= 2:
            return a, b


@pytest.mark.parametrize("seed", range(20))
def test_random_cases_with_several_ties_give_each_issue_as_the_convention_does(seed):
    rng = random.Random(seed)
    for _ in range(100):
        a, b = tied_case(rng)
        result = adjusted_winner(a, b)
        assert result.share_b == by_the_convention(a, b), (a, b)
        assert result.points_a == result.points_b
        assert sum(1 for s in result.share_b if 0 < s < 1) <= 1
