"""python -m negotiation bench: real-path measurements, printed as one table.

The common rows first (the demo PDF, memory, every page's rerun), each beside the same figure for the largest
case the store accepts (`limits.largest_case`), then each workflow step's own (`STEP_BENCHES`). Page reruns
are timed by `pages.py` beside this file in a child process: it is the one module of `negotiation` that drives
Streamlit (AppTest), and nothing here imports it. The PDFs' peak memory is their worker process's (`ru_maxrss`).
"""
from __future__ import annotations

import io
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from pypdf import PdfReader

from negotiation.adapters.bench import agreement, intake, interests, margin, options, system
from negotiation.adapters.bench.common import ROOT, Row, timed
from negotiation.adapters.bench.limits import largest_case, list_sizes
from negotiation.adapters.demo import demo_case
from negotiation.adapters.report import (
    RENDER_MEMORY_BYTES,
    RENDER_SECONDS,
    issued_at,
    render_html,
    render_in_worker,
    render_pdf,
)
from negotiation.data.case import STEPS, case_bytes, record
from negotiation.kernel.base import canonical_json

LARGEST_PDF_SECONDS = 30.0
LARGEST_PDF_MB = 1000.0
LARGEST_RERUN_SECONDS = 2.0
"""Issue 16's goals for the largest case the store accepts: its PDF in at most 30 s and under 1 GB, and each
page's rerun with it in at most 2 s."""


def _pdf_rows(quick: bool) -> list[Row]:
    case = demo_case()
    cold = timed(lambda: render_pdf(case), 1)[0]
    warm = statistics.median(timed(lambda: render_pdf(case), 2 if quick else 5))
    demo = _worker_render(case)
    largest = largest_case()
    big = _worker_render(largest)
    sizes = ", ".join(f"{n} {what}" for what, n in list_sizes(largest).items())
    limit = f"{RENDER_SECONDS:g} s"
    return [
        Row("demo PDF render, first in this process (cold: a render worker starts)", cold, "s"),
        Row("demo PDF render, median of warm runs (a worker kept from the last render)", warm, "s", "≤ 1.0 s",
            warm <= 1.0),
        Row("peak memory of the worker process rendering the demo PDF", demo.peak_mb, "MB", "< 300 MB",
            demo.peak_mb < 300),
        Row(f"largest case ({sizes}, {case_bytes(largest) / 2**20:.1f} MB): {big.pages} pages", big.total, "s",
            f"≤ {LARGEST_PDF_SECONDS:g} s; the app stops a PDF at {limit}", big.total <= LARGEST_PDF_SECONDS),
        Row(f"  … of which the HTML (Jinja) {big.html:.1f} s, the worker's layout and PDF {big.worker:.1f} s; "
            f"the demo, same run: {demo.total:.2f} s ({demo.pages} pages)", big.worker, "s"),
        Row(f"peak memory of the worker process rendering the largest case's PDF (demo, same run: "
            f"{demo.peak_mb:.0f} MB)", big.peak_mb, "MB", f"< {LARGEST_PDF_MB:g} MB; a worker may map "
            f"{RENDER_MEMORY_BYTES // 2**20} MB", big.peak_mb < LARGEST_PDF_MB),
    ]


@dataclass(frozen=True)
class _Render:
    total: float
    html: float
    worker: float
    peak_mb: float
    pages: int


def _worker_render(case) -> _Render:
    """The case's PDF as the app makes it (HTML here, layout in a worker), in a new worker: its peak RSS is this
    render's alone. The time limit is lifted, so that a case past it is still measured."""
    start = time.perf_counter()
    html = render_html(case)
    html_seconds = time.perf_counter() - start
    done = render_in_worker(html, record_json=canonical_json(record(case)), when=issued_at(case), fresh=True,
                            seconds=max(RENDER_SECONDS, 600))
    pages = len(PdfReader(io.BytesIO(done.pdf)).pages)
    return _Render(html_seconds + done.seconds, html_seconds, done.seconds, done.peak_rss_bytes / 2**20, pages)


def _page_timings(quick: bool, case: str) -> dict[str, float]:
    repeat = {"demo": "3" if quick else "7", "largest": "1" if quick else "3"}[case]
    out = subprocess.run([sys.executable, "-m", "negotiation.adapters.bench.pages", "--repeat", repeat, "--case", case],
                         cwd=ROOT, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"the page-rerun bench ({case}) failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _page_rows(quick: bool) -> list[Row]:
    timings = _page_timings(quick, "demo")
    floor = timings.pop("empty page")
    frame = timings.pop("app frame")
    rows = [Row("empty Streamlit page rerun (the floor)", floor, "s"),
            Row("app frame alone: config, sidebar, case loaded, no step content", frame, "s")]
    for page, seconds in timings.items():
        ratio = seconds / floor
        rows.append(Row(f"rerun {page} with the demo case ({ratio:.1f}× floor, {seconds / frame:.1f}× frame)",
                        seconds, "s", "≤ 3× floor", ratio <= 3))
    largest = _page_timings(quick, "largest")
    for page, seconds in largest.items():
        rows.append(Row(f"rerun {page} with the largest case (demo, same run: {timings[page] * 1000:.0f} ms)",
                        seconds, "s", f"≤ {LARGEST_RERUN_SECONDS:g} s", seconds <= LARGEST_RERUN_SECONDS))
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
