"""Intake: the judgements on a large intake (200 complaints, every sign, all paths and answers)."""
from __future__ import annotations

import datetime as dt
import statistics

from negotiation.adapters.bench.common import Row, timed
from negotiation.adapters.demo import demo_case
from negotiation.data.intake import Complaint, WarningSign, WarningSignKind, categories_for
from negotiation.data.parties import PartyRole
from negotiation.method.intake import batnas, escalation, report_view, verdict, workshop_warning


def large_case():
    """The demo case with 200 complaints and every warning sign seen."""

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
    return case


def measure(quick: bool) -> list[Row]:
    case = large_case()
    repeat = 20 if quick else 200
    rows = []
    for what, fn, target in (
        ("intake: recognition verdict, 200 complaints (incl. both BATNAs)", lambda: verdict(case), 0.005),
        ("intake: both sides' BATNA", lambda: batnas(case), 0.005),
        ("intake: escalation from 8 warning signs", lambda: escalation(case.intake), 0.001),
        ("intake: workshop warning for a later page", lambda: workshop_warning(case), 0.005),
        ("intake: PDF section view, 200 complaints", lambda: report_view(case), 0.05),
    ):
        median = statistics.median(timed(fn, repeat))
        rows.append(Row(what, median, "s", f"≤ {target * 1000:g} ms", median <= target))
    return rows
