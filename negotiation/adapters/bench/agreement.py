"""Benchmarks of the agreement PDF: the demo warm, and a large case at growing sizes.

The large case is the demo with its complaints, interests, options and SMART criteria copied
until it holds 200 complaints, 100 interests, 50 options and 100 criteria (and halves and
quarters of that), so every section grows; time per page should stay flat as pages grow.
"""
from __future__ import annotations

import io
import statistics
import time
from itertools import cycle, islice

from negotiation.adapters.bench.common import Row
from negotiation.adapters.demo import demo_case
from negotiation.adapters.report import lay_out, render_html, render_pdf, write_pdf
from negotiation.data.case import Case, record
from negotiation.kernel.base import canonical_json


def scaled_case(fraction: float):

    case = demo_case()
    complaints, interests = case.intake.complaints, case.interests.interests
    n_complaints, n_interests = int(200 * fraction), int(100 * fraction)
    n_options, n_criteria = int(50 * fraction), int(100 * fraction)
    case.intake.complaints = [
        *complaints,
        *(c.model_copy(update={"id": f"{c.id}-x{i}", "statement": f"{c.statement} (copy {i})"})
          for i, c in enumerate(islice(cycle(complaints), max(n_complaints - len(complaints), 0)))),
    ]
    case.interests.interests = [
        *interests,
        *(x.model_copy(update={"id": f"{x.id}-x{i}", "statement": f"{x.statement} (copy {i})"})
          for i, x in enumerate(islice(cycle(interests), max(n_interests - len(interests), 0)))),
    ]
    board = case.options
    extra_options = max(n_options - len(board.options), 0)
    issues, options = list(board.issues), list(board.options)
    template = board.options
    for i in range(0, extra_options, 5):
        issue = board.issues[0].model_copy(update={"id": f"is-x{i}", "title": f"{board.issues[0].title} (copy {i})"})
        issues.append(issue)
        for j, option in enumerate(islice(cycle(template), 5)):
            options.append(option.model_copy(update={"id": f"op-x{i}-{j}", "issue_id": issue.id,
                                                     "statement": f"{option.statement} (copy {i})"}))
    board.issues, board.options = issues, options
    criteria = case.system.criteria
    case.system.criteria = [
        *criteria,
        *(c.model_copy(update={"id": f"{c.id}-x{i}"})
          for i, c in enumerate(islice(cycle(criteria), max(n_criteria - len(criteria), 0)))),
    ]
    return Case.model_validate(case.model_dump())


def measure(quick: bool) -> list[Row]:
    from pypdf import PdfReader


    demo = demo_case()
    render_pdf(demo)
    warm = statistics.median(_times(lambda: render_pdf(demo), 2 if quick else 5))
    rows = [Row("agreement: the demo's full PDF, median of warm runs", warm, "s", "≤ 1.5 s", warm <= 1.5)]
    rows += _phases(demo, 2 if quick else 5)
    per_page = []
    for fraction in (0.25, 0.5, 1.0):
        case = scaled_case(fraction)
        start = time.perf_counter()
        pdf = render_pdf(case)
        seconds = time.perf_counter() - start
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        per_page.append(seconds / pages)
        label = (f"agreement: large case ×{fraction:g} ({len(case.intake.complaints)} complaints, "
                 f"{len(case.interests.interests)} interests, {len(case.options.options)} options, "
                 f"{len(case.system.criteria)} criteria): {pages} pages")
        rows.append(Row(label, seconds, "s"))
        rows.append(Row(f"  … seconds per page at ×{fraction:g}", seconds / pages, "s"))
    growth = per_page[-1] / per_page[0]
    rows.append(Row("agreement: time per page, largest ÷ smallest (grows no faster than pages: ≤ 1.5)",
                    growth, "×", "≤ 1.5", growth <= 1.5))
    return rows


def _phases(case, repeat: int) -> list[Row]:
    """Where the demo's time goes: Jinja, WeasyPrint's layout (HTML parse, cascade, pages), PDF writing."""

    html = render_html(case)
    record_json = canonical_json(record(case))
    document = lay_out(html)
    jinja = statistics.median(_times(lambda: render_html(case), repeat))
    laid_out = statistics.median(_times(lambda: lay_out(html), repeat))
    written = statistics.median(_times(lambda: write_pdf(document, record_json=record_json), repeat))
    return [
        Row("  … of which the HTML from the case (Jinja)", jinja, "s"),
        Row(f"  … of which WeasyPrint's layout ({len(document.pages)} pages)", laid_out, "s"),
        Row("  … of which writing the PDF", written, "s"),
    ]


def _times(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out
