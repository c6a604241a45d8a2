"""python -m negotiation bench: real-path measurements, printed as one table.

The common rows first (the demo PDF, memory, every page's rerun), then each workflow step's own
(`STEP_BENCHES`). Page reruns are timed by `pages.py` beside this file in a child process: it is the
one module of `negotiation` that drives Streamlit (AppTest), and nothing here imports it.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
from collections.abc import Callable

from negotiation.adapters.bench import agreement, intake, interests, margin, options, system
from negotiation.adapters.bench.common import ROOT, Row, timed
from negotiation.adapters.demo import demo_case
from negotiation.adapters.report import render_pdf
from negotiation.data.case import STEPS


def _pdf_rows(quick: bool) -> list[Row]:

    case = demo_case()
    cold = timed(lambda: render_pdf(case), 1)[0]
    warm = statistics.median(timed(lambda: render_pdf(case), 2 if quick else 5))
    peak = _peak_rss_of_render()
    return [
        Row("demo PDF render, first in this process (cold)", cold, "s"),
        Row("demo PDF render, median of warm runs", warm, "s", "≤ 1.0 s", warm <= 1.0),
        Row("peak memory of a process rendering the demo PDF", peak, "MB", "< 300 MB", peak < 300),
    ]


def _peak_rss_of_render() -> float:
    code = (
        "import resource; from negotiation.adapters.demo import demo_case; from negotiation.adapters.report import render_pdf;"
        "render_pdf(demo_case()); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024  # ru_maxrss is in KiB on Linux


def _page_rows(quick: bool) -> list[Row]:
    out = subprocess.run([sys.executable, "-m", "negotiation.adapters.bench.pages", "--repeat", "3" if quick else "7"],
                         cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"the page-rerun bench failed:\n{out.stderr[-3000:]}")
    timings = json.loads(out.stdout.strip().splitlines()[-1])
    floor = timings.pop("empty page")
    frame = timings.pop("app frame")
    rows = [Row("empty Streamlit page rerun (the floor)", floor, "s"),
            Row("app frame alone: config, sidebar, case loaded, no step content", frame, "s")]
    for page, seconds in timings.items():
        ratio = seconds / floor
        rows.append(Row(f"rerun {page} with the demo case ({ratio:.1f}× floor, {seconds / frame:.1f}× frame)",
                        seconds, "s", "≤ 3× floor", ratio <= 3))
    return rows


STEP_BENCHES: dict[str, Callable[[bool], list[Row]]] = {
    "intake": intake.measure, "interests": interests.measure, "options": options.measure,
    "system": system.measure, "margin": margin.measure, "agreement": agreement.measure,
}
"""Each workflow step's own measurements (`<step>.py` beside this file), run in workflow order."""


def _step_rows(quick: bool) -> list[Row]:
    rows: list[Row] = []
    for step in STEPS:
        if step in STEP_BENCHES:
            rows += STEP_BENCHES[step](quick)
    return rows


def _format(row: Row) -> str:
    value = f"{row.value * 1000:.1f} ms" if row.unit == "s" and row.value < 1 else (
        f"{row.value:.2f} s" if row.unit == "s" else f"{row.value:.1f} {row.unit}")
    verdict = "" if row.ok is None else ("  ok" if row.ok else "  MISSED")
    target = f"  (target {row.target})" if row.target else ""
    return f"{row.what:<78} {value:>12}{target}{verdict}"


def run(quick: bool = False) -> int:
    print(f"Yesable benchmark ({'quick' if quick else 'full'}), Python {sys.version.split()[0]}")
    for group in (_pdf_rows, _page_rows, _step_rows):
        for row in group(quick):
            print(_format(row), flush=True)
    return 0
