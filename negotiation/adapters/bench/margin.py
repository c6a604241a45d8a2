"""Measurements of the fair-margin step: the pure zone and what-if functions on the demo case, the zone on both
baselines (what the choice in the normal-band tab shows), and a case whose figures are still missing."""
from __future__ import annotations

import statistics
from decimal import Decimal

from negotiation.adapters.bench.common import Row, timed
from negotiation.adapters.demo import demo_case
from negotiation.adapters.report import render_html
from negotiation.data.margin import BandBaseline, MarginModel, Scenario
from negotiation.method.margin.analysis import analyse, evaluate, lever_effects, zones_by_baseline


def measure(quick: bool) -> list[Row]:

    case = demo_case()
    repeat = 50 if quick else 500
    picture = analyse(case)
    scenarios = [Scenario(name=f"S{i}", price=Decimal("54000000.00") + i, cost_change=Decimal(-i * 1000))
                 for i in range(3)]
    whole = statistics.median(timed(lambda: analyse(case), repeat))
    zone = statistics.median(timed(lambda: picture.inputs.zone(), repeat * 10))
    whatif = statistics.median(timed(lambda: [evaluate(picture.inputs, s) for s in scenarios], repeat * 10))
    levers = statistics.median(timed(lambda: lever_effects(picture.inputs, case.margin.levers), repeat * 10))
    baselines = statistics.median(timed(lambda: zones_by_baseline(case), repeat))
    remaining = case.model_copy(deep=True)
    remaining.margin.band_baseline = BandBaseline.REMAINING_WORK
    on_remaining = statistics.median(timed(lambda: analyse(remaining), repeat))
    bare = case.model_copy(deep=True)
    bare.margin = MarginModel(currency=case.contract.currency, band=case.margin.band, client=case.margin.client)
    missing = statistics.median(timed(lambda: analyse(bare), repeat))
    html = statistics.median(timed(lambda: render_html(case), 3 if quick else 10))
    us = 1_000_000  # these take microseconds; the common table would round them to 0.0 ms
    return [
        Row("margin: whole picture of the demo (costs, zone, levers, 3 scenarios)", whole * us, "µs", "≤ 5000 µs",
            whole <= 0.005),
        Row("margin: zone of agreement from its inputs", zone * us, "µs"),
        Row("margin: what-if of three scenarios side by side", whatif * us, "µs", "≤ 1000 µs", whatif <= 0.001),
        Row("margin: every lever's effect", levers * us, "µs"),
        Row("margin: the zone on both baselines (the choice's captions)", baselines * us, "µs"),
        Row("margin: whole picture of the demo with the band on the remaining work", on_remaining * us, "µs",
            "≤ 5000 µs", on_remaining <= 0.005),
        Row("margin: whole picture of a case whose costs are still missing", missing * us, "µs"),
        Row("demo agreement HTML with the margin section (no PDF)", html, "s"),
    ]
