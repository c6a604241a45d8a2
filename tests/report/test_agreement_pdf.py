"""The document the directors sign: complete, self-verifying, and technically sound."""
from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from negotiation.adapters.report import html_to_pdf, render_html, render_pdf
from negotiation.adapters.verify import verify_pdf
from negotiation.data.case import fingerprint, record
from negotiation.kernel.base import canonical_json
from negotiation.method.agreement import finalise

WHEN = dt.datetime(2026, 12, 14, 10, 30, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def demo_pdf_bytes():
    from negotiation.adapters.demo import demo_case

    return render_pdf(demo_case())


def text_of(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_every_section_of_the_agreement_is_in_the_demo_pdf(demo_pdf_bytes):
    text = "\n".join(text_of(demo_pdf_bytes))
    for heading in ("Contents", "Summary for the directors", "1. The parties and the contract",
                    "2. Where it pinches and whether to proceed", "3. Interests behind the positions",
                    "4. Options and objective criteria", "5. A decently working system",
                    "6. A fair margin and the zone of agreement", "7. What the parties agree", "Commitments",
                    "Escalation ladder", "Services continue during a dispute",
                    "How decisions and changes are documented", "Review with the mediator", "Signatures"):
        assert heading in text, heading


def test_the_contents_give_the_page_of_each_section(demo_pdf_bytes):
    pages = text_of(demo_pdf_bytes)
    contents = pages[1]
    signatures_page = next(i for i, p in enumerate(pages, start=1) if "Witnessed by the mediator" in p)
    assert any(line.startswith("Signatures") and line.rstrip().endswith(str(signatures_page))
               for line in contents.splitlines())


def test_a_draft_says_draft_on_every_page_and_a_final_version_says_final(demo):
    draft = text_of(render_pdf(demo))
    assert all("draft, not for signature" in page.lower() for page in draft)
    final_case = finalise(demo, WHEN)
    final = text_of(render_pdf(final_case, status="final", version=1))
    assert all("final, version 1" in page.lower() for page in final)
    assert not any("draft" in page.lower() for page in final)


def test_the_embedded_record_round_trips_to_the_same_case(demo_pdf_bytes, demo):
    from negotiation.adapters.report import RECORD_NAME
    from negotiation.data.case import case_from_json

    embedded = PdfReader(io.BytesIO(demo_pdf_bytes)).attachments[RECORD_NAME][0]
    again = case_from_json(embedded)
    assert record(again) == record(demo) and fingerprint(again) == fingerprint(demo)


def test_verify_accepts_the_demo_pdf(demo_pdf_bytes):
    result = verify_pdf(demo_pdf_bytes)
    assert result.ok, result.message


def test_verify_fails_when_the_embedded_record_was_swapped(demo):
    html = render_html(demo)  # the pages print the true fingerprint
    doctored = record(demo)
    doctored["contract"]["value"] = "99000000.00"
    pdf = html_to_pdf(html, record_json=canonical_json(doctored))
    result = verify_pdf(pdf)
    assert not result.ok
    assert "prints fingerprint" in result.message


def test_verify_on_the_command_line_says_no_and_exits_non_zero(tmp_path, demo):
    from tests.cli.test_cli import run_cli

    doctored = record(demo)
    doctored["title"] = "Something else"
    path = tmp_path / "tampered.pdf"
    path.write_bytes(html_to_pdf(render_html(demo), record_json=json.dumps(doctored)))
    result = run_cli("verify", str(path))
    assert result.returncode == 1 and "NOT VERIFIED" in result.stdout


def test_qpdf_finds_the_pdf_structurally_sound(tmp_path, demo_pdf_bytes):
    assert shutil.which("qpdf"), "qpdf is missing: run `make test`, which installs it"
    path = tmp_path / "a.pdf"
    path.write_bytes(demo_pdf_bytes)
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


def test_the_directors_summary_fits_on_one_page(demo_pdf_bytes):
    pages = text_of(demo_pdf_bytes)
    summary = next(i for i, p in enumerate(pages) if "Summary for the directors" in p and "Contents" not in p)
    assert "Where a disagreement goes" in pages[summary] and "Commitments" in pages[summary]
    assert "The parties and the contract" in pages[summary + 1]


def test_a_cell_whose_text_only_just_fits_is_broken_at_its_last_word_not_after_its_first(demo_pdf_bytes):
    """WeasyPrint counted the templates' line breaks after a cell's text as a trailing space; a text that only
    just fitted then broke after its first word ("Issue" / "credit notes for …"). This demo commitment did."""
    text = "\n".join(text_of(demo_pdf_bytes))
    assert "Issue credit notes for refresh fees charged on laptops not yet" in text
    assert "Nordhaven withheld €1.9 million of two invoices" in text


def test_the_templates_line_breaks_are_dropped_but_spaces_between_words_and_inline_marks_are_kept(demo):
    html = render_html(demo)
    assert "\n        </td>" not in html
    assert 'Muddle on <span class="badge">' in html


def test_a_commitment_names_the_criterion_it_rests_on_by_number_not_by_its_full_wording(demo_pdf_bytes):
    text = " ".join(" ".join(text_of(demo_pdf_bytes)).split())
    commitments = text[text.rindex("7. What the parties agree"):text.rindex("Escalation ladder")]
    assert ("Rests on: A SMART criterion — no. 4 in section 5, invoice lines charging the refresh fee for "
            "undelivered laptops") in commitments
    assert "at most 0 invoice lines charge the refresh fee" not in commitments  # the wording lives in section 5
    assert "Rests on: An option of the package — A weekly dashboard from the asset register" in commitments


def test_the_print_stylesheets_reach_weasyprint_with_every_variable_resolved(monkeypatch):
    from negotiation.adapters import report

    resolved = []
    real = report._with_values
    monkeypatch.setattr(report, "_with_values", lambda css, values: resolved.append(real(css, values)) or resolved[-1])
    report._print_stylesheets.cache_clear()
    try:
        _, sheets = report._print_stylesheets()
    finally:
        report._print_stylesheets.cache_clear()
    assert len(resolved) == len(sheets) == 1 + len(list((report.TEMPLATES_DIR / "steps").glob("*.css")))
    assert all("var(" not in css for css in resolved)
    assert any("border-left: 3pt solid #1d5fa8" in css for css in resolved)  # var(--client) in steps/*.css
    with pytest.raises(KeyError):
        real("color: var(--undefined-colour)", {})
