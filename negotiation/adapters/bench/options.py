"""Benchmarks of the options step: efficient packages with both suggestions, and Adjusted Winner.

The real path: `analyse(board)` and `fair_split(board)` on validated OptionsBoards with random
scores (seeded), exactly as the page and the PDF call them.
"""
from __future__ import annotations

import random
import statistics
from decimal import Decimal

from negotiation.adapters.bench.common import Row, timed
from negotiation.data.options import Issue, Option, OptionsBoard, PointAllocation
from negotiation.method.options.analysis import analyse, fair_split
from negotiation.method.options.pareto import brute_frontier


def scored_board(issues: int, options: int, seed: int = 7) -> OptionsBoard:
    rng = random.Random(seed)
    board_issues = [Issue(id=f"i{k}", title=f"Issue {k}") for k in range(issues)]
    board_options = [
        Option(id=f"i{k}o{j}", issue_id=f"i{k}", statement=f"Option {j} of issue {k}",
               client_score=rng.randint(0, 10), vendor_score=rng.randint(0, 10))
        for k in range(issues) for j in range(options)
    ]
    proposal = {f"i{k}": f"i{k}o0" for k in range(issues)}
    # BATNAs that leave out about a quarter of the efficient packages: without them no suggestion is computed,
    # and the rows below would time less than they name.
    return OptionsBoard(issues=board_issues, options=board_options, proposal=proposal,
                        batna_client=Decimal("6.0"), batna_vendor=Decimal("6.0"))


def _points(rng: random.Random, n: int) -> dict[str, int]:
    cuts = sorted(rng.randint(0, 100) for _ in range(n - 1))
    return {f"i{k}": b - a for k, (a, b) in enumerate(zip([0, *cuts], [*cuts, 100]))}


def allocation_board(issues: int, seed: int = 11) -> OptionsBoard:
    rng = random.Random(seed)
    board = scored_board(issues, 1, seed)
    board.allocation = PointAllocation(client=_points(rng, issues), vendor=_points(rng, issues))
    return board


def measure(quick: bool) -> list[Row]:
    repeat = 5 if quick else 21
    rows = []
    for issues, options, target in ((10, 5, 0.1), (30, 6, 1.0)):
        board = scored_board(issues, options)
        result = analyse(board)
        seconds = statistics.median(timed(lambda b=board: analyse(b, cloud_cap=0), repeat))
        rows.append(Row(
            f"options: efficient packages + Nash + max-min + proposal, {issues}×{options} "
            f"({options ** issues:.1e} packages, {len(result.frontier)} efficient)",
            seconds, "s", f"< {target * 1000:.0f} ms", seconds < target))
        seconds = statistics.median(timed(lambda b=board: analyse(b), repeat))
        cloud = "too many to draw" if result.cloud is None else f"{len(result.cloud)} distinct points"
        rows.append(Row(f"options: the same plus the chart's cloud of every package value ({cloud})",
                        seconds, "s", f"< {target * 1000:.0f} ms", seconds < target))
    if not quick:
        values = [[(o.client_score, o.vendor_score) for o in scored_board(7, 5).options_for(f"i{k}")] for k in range(7)]
        seconds = timed(lambda: brute_frontier(values), 1)[0]
        rows.append(Row("options: for comparison, brute force over every package, 7×5 (78,125 packages)", seconds, "s"))
    board = allocation_board(50)
    seconds = statistics.median(timed(lambda: fair_split(board), repeat * 5))
    rows.append(Row("options: Adjusted Winner, 50 issues, exact fractions", seconds, "s", "< 10 ms", seconds < 0.01))
    return rows
