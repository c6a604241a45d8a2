"""Efficient packages and the two suggestions: exact, checked against brute force over every package."""
from __future__ import annotations

import random
from fractions import Fraction

import pytest

from negotiation.method.options import pareto


def random_values(rng: random.Random, issues: int, options: int):
    return [[(rng.randint(0, 10), rng.randint(0, 10)) for _ in range(rng.randint(1, options))] for _ in range(issues)]


CASES = [random_values(random.Random(seed), issues=1 + seed % 5, options=1 + seed % 4) for seed in range(120)]


@pytest.mark.parametrize("values", CASES)
def test_the_issue_by_issue_frontier_equals_brute_force_over_every_package(values):
    points = pareto.frontier(values)
    assert {(p.client, p.vendor) for p in points} == pareto.brute_frontier(values)


@pytest.mark.parametrize("values", CASES)
def test_every_frontier_point_is_reached_by_the_package_it_names(values):
    for p in pareto.frontier(values):
        assert sum(values[i][j][0] for i, j in enumerate(p.choice)) == p.client
        assert sum(values[i][j][1] for i, j in enumerate(p.choice)) == p.vendor


@pytest.mark.parametrize("seed", range(60))
def test_nash_and_maxmin_over_the_frontier_equal_the_best_over_every_package(seed):
    rng = random.Random(1000 + seed)
    values = random_values(rng, issues=rng.randint(1, 5), options=4)
    n = len(values)
    bc, bv = Fraction(rng.randint(0, 60), 10) * n, Fraction(rng.randint(0, 60), 10) * n
    everything = list(pareto.all_packages(values))
    points = pareto.frontier(values)

    def product(p):
        return (p.client - bc) * (p.vendor - bv)

    # One rule for both suggestions: only packages at or above both BATNAs.
    feasible = [p for p in everything if p.client >= bc and p.vendor >= bv]
    nash = pareto.nash(points, bc, bv)
    maxmin = pareto.maxmin(points, bc, bv)
    if feasible:
        assert product(nash) == max(product(p) for p in feasible)
        assert min(maxmin.client - bc, maxmin.vendor - bv) == max(min(p.client - bc, p.vendor - bv) for p in feasible)
    else:
        assert nash is None and maxmin is None


def test_a_package_good_for_both_wipes_out_the_compromises():
    # One option is better for both on every issue: it is the only efficient package.
    values = [[(2, 2), (8, 9), (5, 5)], [(1, 1), (7, 7)]]
    assert [(p.client, p.vendor, p.choice) for p in pareto.frontier(values)] == [(15, 16, (1, 1))]


def test_trading_across_issues_gives_a_frontier_of_several_packages():
    # The client cares about issue 1, the vendor about issue 2: logrolling beats splitting the difference.
    values = [[(10, 2), (5, 5)], [(2, 10), (5, 5)]]
    points = {(p.client, p.vendor): p.choice for p in pareto.frontier(values)}
    assert points == {(12, 12): (0, 0), (15, 7): (0, 1), (7, 15): (1, 0)}
    assert pareto.nash(pareto.frontier(values), 0, 0).choice == (0, 0)


def test_a_single_issue_frontier_is_its_undominated_options():
    values = [[(3, 9), (6, 6), (5, 5), (9, 3), (9, 2)]]
    assert [(p.client, p.vendor) for p in pareto.frontier(values)] == [(3, 9), (6, 6), (9, 3)]


def test_no_issues_give_the_empty_package():
    assert pareto.frontier([]) == [pareto.Point(0, 0, ())]


def test_an_issue_without_options_is_refused():
    with pytest.raises(ValueError):
        pareto.frontier([[(1, 1)], []])


def test_no_package_above_both_batnas_means_neither_suggestion():
    points = pareto.frontier([[(3, 9), (9, 3)]])
    assert pareto.nash(points, Fraction(5), Fraction(5)) is None
    # The balanced package follows the same rule: a package below a BATNA is no suggestion.
    assert pareto.maxmin(points, Fraction(5), Fraction(5)) is None


def test_nash_and_maxmin_can_disagree():
    # Gains over BATNAs of 0: the product 4 x 10 = 40 beats 6 x 6 = 36, so Nash takes (4, 10);
    # the smaller gain is largest at (6, 6), so max-min takes that.
    points = pareto.frontier([[(6, 6), (4, 10), (10, 1)]])
    assert (pareto.nash(points, 0, 0).client, pareto.nash(points, 0, 0).vendor) == (4, 10)
    assert (pareto.maxmin(points, 0, 0).client, pareto.maxmin(points, 0, 0).vendor) == (6, 6)


def test_better_for_both_lists_dominating_packages_strictly_better_ones_first():
    points = pareto.frontier([[(5, 5), (6, 8), (8, 5), (4, 9)]])
    better = pareto.better_for_both(points, 5, 5)
    assert [(p.client, p.vendor) for p in better] == [(6, 8), (8, 5)]
    assert pareto.better_for_both(points, 6, 8) == []


def test_achievable_stops_when_there_are_too_many_points_to_draw():
    values = [[(k, 10 - k) for k in range(11)] for _ in range(8)] + [[(k, k) for k in range(11)]] * 4
    assert pareto.achievable(values, cap=50) is None
    assert pareto.achievable([[(1, 2), (2, 1)]]) == {(1, 2), (2, 1)}


def test_packages_with_equal_values_share_one_frontier_point_named_by_the_first_package():
    values = [[(5, 5), (5, 5)], [(3, 4), (4, 3), (3, 4)]]
    points = pareto.frontier(values)
    assert [(p.client, p.vendor, p.choice) for p in points] == [(8, 9, (0, 0)), (9, 8, (0, 1))]


def test_a_nash_tie_goes_to_the_larger_total_then_to_the_first_package():
    # Gains over (0, 0): (2, 8) and (8, 2) both give 16; (4, 4) gives 16 too but a smaller total.
    points = pareto.frontier([[(4, 4), (2, 8), (8, 2)]])
    assert (pareto.nash(points, 0, 0).client, pareto.nash(points, 0, 0).vendor) == (2, 8)


@pytest.mark.parametrize("seed", range(3))
def test_at_30_issues_by_6_options_the_frontier_and_suggestions_match_every_reachable_value_pair(seed):
    # Too many packages to enumerate (6^30), but every distinct reachable value pair can be listed
    # exactly (at most 301 x 301 of them): an independent check of the pruned construction.
    rng = random.Random(seed)
    values = random_values(rng, issues=30, options=6)
    pairs = pareto.achievable(values, cap=10**6)
    efficient = {a for a in pairs if not any(pareto.dominates(b, a) for b in pairs if b[0] >= a[0] and b[1] >= a[1])}
    points = pareto.frontier(values)
    assert {(p.client, p.vendor) for p in points} == efficient
    bc, bv = Fraction(90), Fraction(120)
    acceptable = [(c, v) for c, v in pairs if c >= bc and v >= bv]
    best = max((c - bc) * (v - bv) for c, v in acceptable)
    nash = pareto.nash(points, bc, bv)
    assert (nash.client - bc) * (nash.vendor - bv) == best
    assert min(pareto.maxmin(points, bc, bv).client - bc, pareto.maxmin(points, bc, bv).vendor - bv) == max(
        min(c - bc, v - bv) for c, v in acceptable)
