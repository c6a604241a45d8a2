"""python -m negotiation bench: real-path measurements, printed as one table.

Each workflow step may add its own measurements in `negotiation/bench/<step>.py` with a function
`measure(quick: bool) -> list[Row]`; they are found by name and run after the common ones.
Page reruns are timed by benchmarks/pages.py in a child process, because negotiation/ never
imports Streamlit.
"""
from __future__ import annotations

import importlib
import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from negotiation.model import STEPS

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Row:
    what: str
    value: float
    unit: str
    target: str = ""
    ok: bool | None = None


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def _pdf_rows(quick: bool) -> list[Row]:
    from negotiation.demo import demo_case
    from negotiation.report import render_pdf

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
        "import resource; from negotiation.demo import demo_case; from negotiation.report import render_pdf;"
        "render_pdf(demo_case()); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024  # ru_maxrss is in KiB on Linux


def _page_rows(quick: bool) -> list[Row]:
    script = ROOT / "benchmarks" / "pages.py"
    out = subprocess.run([sys.executable, str(script), "--repeat", "3" if quick else "7"], cwd=ROOT,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"benchmarks/pages.py failed:\n{out.stderr[-3000:]}")
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


def _step_rows(quick: bool) -> list[Row]:
    rows: list[Row] = []
    for step in STEPS:
        try:
            module = importlib.import_module(f"negotiation.bench.{step}")
        except ModuleNotFoundError as exc:
            if exc.name != f"negotiation.bench.{step}":
                raise
            continue
        rows += module.measure(quick)
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
