"""PDFs are laid out in worker processes, each within a time and a memory limit, so one huge case holds up no other.

Speed is measured by `python -m negotiation bench`, not asserted here; these tests lower the limits so that an
ordinary HTML exceeds them.
"""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from negotiation.adapters import report
from negotiation.adapters.report import (
    html_to_pdf,
    render_html,
    render_in_worker,
    render_pdf,
    stop_workers,
    worker_pids,
)
from negotiation.data.case import record
from negotiation.kernel.base import canonical_json
from negotiation.kernel.errors import RenderRefused

SLOW_HTML = ("<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 10 + "</p>") * 20_000
"""About a minute of layout: far past the lowered limits below."""
LIMIT = 10.0
"""The slow render's lowered limit: long enough that the demo, started a second after it, finishes first."""


@pytest.fixture(autouse=True)
def no_workers_before_or_after():
    stop_workers()
    yield
    stop_workers()
    assert worker_pids() == [] and children() == []


def children() -> list[tuple[int, str]]:
    """This process's child processes (pid, state): a worker killed but not reaped would be a zombie ("Z")."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == os.getpid():
            found.append((int(stat.parent.name), fields[0]))
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_the_worker_makes_the_same_bytes_as_a_render_in_this_process(demo):
    in_process = html_to_pdf(render_html(demo), record_json=canonical_json(record(demo)),
                             when=report.issued_at(demo))
    assert render_pdf(demo) == in_process
    assert render_pdf(demo) == in_process  # a worker kept from the first render, too


def test_a_render_past_its_time_limit_is_refused_with_a_sentence_while_another_render_finishes(demo):
    refused: dict[str, object] = {}

    def slow() -> None:
        try:
            render_in_worker(SLOW_HTML, seconds=LIMIT)
        except RenderRefused as exc:
            refused.update(at=time.monotonic(), sentence=str(exc))

    thread = threading.Thread(target=slow)
    thread.start()
    deadline = time.monotonic() + 60
    while not worker_pids() and time.monotonic() < deadline:  # until the slow render has its worker
        time.sleep(0.05)
    slow_worker = worker_pids()
    assert len(slow_worker) == 1
    pdf = render_pdf(demo)  # started while the slow one lays out
    finished = time.monotonic()
    thread.join(LIMIT + 60)
    assert pdf.startswith(b"%PDF-")
    assert refused["sentence"] == ("This case is too large to print within 10 seconds; the PDF was stopped so that "
                                   "other documents can print. Shorten the longest lists or texts and print it again.")
    assert finished < refused["at"], "the demo waited for the slow render"
    assert not alive(slow_worker[0]), "the stopped worker was left behind"
    assert slow_worker[0] not in worker_pids()


def test_a_render_past_its_memory_limit_is_refused_with_a_sentence():
    with pytest.raises(RenderRefused) as refused:
        render_in_worker(SLOW_HTML, memory_bytes=400 * 1024 * 1024, seconds=120)
    assert str(refused.value) == ("This case is too large to print: its PDF needs more than the 400 MB of memory a "
                                  "print may use. Shorten the longest lists or texts and print it again.")
    assert worker_pids() == []


def test_several_threads_rendering_at_once_each_get_their_own_pdf(demo):
    final = demo.model_copy(deep=True)
    final.title = "Another title"
    cases = [demo, final, demo]
    results: list[bytes | None] = [None] * len(cases)

    def render(n: int) -> None:
        results[n] = render_pdf(cases[n])

    threads = [threading.Thread(target=render, args=(n,)) for n in range(len(cases))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert results[0] == results[2] != results[1]
    assert len(worker_pids()) <= report.SPARE_WORKERS


def test_a_worker_that_dies_is_a_sentence_and_the_next_render_works(demo):
    html = render_html(demo)
    with report._POOL.worker() as worker:
        os.kill(worker.pid, 9)
        with pytest.raises(RenderRefused, match="stopped unexpectedly"):
            worker.render(html, record_json=None, when=None)
    assert render_in_worker(html).pdf.startswith(b"%PDF-")


def test_stopping_the_workers_leaves_no_process_behind(demo):
    render_pdf(demo)
    pids = worker_pids()
    assert pids
    stop_workers()
    assert worker_pids() == [] and not any(alive(pid) for pid in pids) and children() == []
