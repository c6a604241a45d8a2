"""Intake: the judgements on a large intake (200 complaints, every sign, all paths at the most branches, answers)."""
from __future__ import annotations

import datetime as dt
import statistics
from decimal import Decimal

from negotiation.adapters.bench.common import Row, timed
from negotiation.adapters.demo import demo_case
from negotiation.data.intake import (
    LITIGATION_COSTS,
    MAX_BRANCHES,
    Branch,
    Complaint,
    Path,
    PathKind,
    WarningSign,
    WarningSignKind,
    categories_for,
)
from negotiation.data.parties import PartyRole
from negotiation.method.intake import (
    batnas,
    escalation,
    path_values,
    report_view,
    suggested_walk_away,
    verdict,
    workshop_warning,
)


def widest_paths() -> list[Path]:
    """Every path of both sides with the most branches a path may have, each with every amount and its months."""
    chance = Decimal(100) / MAX_BRANCHES
    made = []
    for side in PartyRole:
        for kind in PathKind:
            costs = {n: Decimal("100000.00") for n in LITIGATION_COSTS} if kind is PathKind.LITIGATE else {}
            made.append(Path(side=side, kind=kind, branches=[
                Branch(label=f"branch {n}", chance=chance, money_in=Decimal(250_000 * n), cost=Decimal("400000.00"),
                       months=Decimal(6 + 3 * n), **costs) for n in range(MAX_BRANCHES)]))
    return made


def large_case():
    """The demo case with 200 complaints, every warning sign seen, and all six paths at eight branches."""

    case = demo_case()
    complaints = []
    for n in range(200):
        side = PartyRole.CLIENT if n % 3 else PartyRole.VENDOR
        categories = categories_for(side)
        complaints.append(Complaint(
            id=f"bench-{n}", raised_by=side, category=categories[n % len(categories)], severity=1 + n % 5,
            since=dt.date(2025, 1, 1) + dt.timedelta(days=n), evidence=f"Ticket INC{n:06d}",
            statement=f"Complaint number {n}: the service did not meet what was agreed in week {n % 52 + 1}."))
    case.intake.complaints = complaints
    case.intake.warning_signs = [WarningSign(kind=k, seen_on=dt.date(2026, 1, 1), note="seen") for k in WarningSignKind]
    case.intake.paths = widest_paths()
    return case


TODAY_PRICE = Decimal("48950000.00")


def measure(quick: bool) -> list[Row]:
    case = large_case()
    repeat = 20 if quick else 200
    rows = []
    for what, fn, target in (
        ("intake: recognition verdict, 200 complaints (incl. both BATNAs)", lambda: verdict(case), 0.005),
        ("intake: both sides' BATNA, 6 paths of 8 branches, discounted", lambda: batnas(case), 0.005),
        ("intake: one side's three paths valued, 8 branches each", lambda: path_values(case.intake, PartyRole.CLIENT),
         0.002),
        ("intake: the walk-away suggested to the margin step", lambda: suggested_walk_away(case, TODAY_PRICE), 0.005),
        ("intake: escalation from 8 warning signs", lambda: escalation(case.intake), 0.001),
        ("intake: workshop warning for a later page", lambda: workshop_warning(case), 0.005),
        ("intake: PDF section view, 200 complaints", lambda: report_view(case), 0.05),
    ):
        median = statistics.median(timed(fn, repeat))
        rows.append(Row(what, median, "s", f"≤ {target * 1000:g} ms", median <= target))
    return rows
