"""The PDF's margin section on cases that are not the demo: what is missing, the band's baseline, a waiver."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from negotiation.adapters.report import render_html, render_pdf
from negotiation.data.margin import BandBaseline
from tests.margin_cases import hertz_like_case, overrun_at_cost_case, pound_case_with_limits_but_no_costs
from tests.pdf_text import body


def margin_text(case) -> str:
    """The margin section of the case's PDF, as text, its lines joined."""
    reader = PdfReader(io.BytesIO(render_pdf(case)))
    text = body("\n".join(page.extract_text() for page in reader.pages))
    start = text.index("A fair margin and the zone of agreement\n")
    return re.sub(r"\s+", " ", text[start:text.index("What the parties agree", start)])


def margin_html(case) -> str:
    html = render_html(case)
    return html[html.index('<section class="step" id="margin">'):html.index('<section class="step" id="agreement">')]


@pytest.fixture(scope="module")
def remaining_work_pdf() -> str:
    return margin_text(hertz_like_case(BandBaseline.REMAINING_WORK))


def test_the_pdf_prints_which_baseline_the_band_applies_to(remaining_work_pdf):
    assert "The normal band applies to The remaining work" in remaining_work_pdf  # the row of the price's facts
    assert ("The normal band applies to the remaining work: it is a mark-up on the cost to complete of US$10M, on "
            "top of the US$33.6M paid and invoiced for the work done") in remaining_work_pdf
    assert "US$9M is missing" in remaining_work_pdf and "NO ZONE: US$9M missing" in remaining_work_pdf


def test_the_pdf_of_the_same_case_on_the_whole_contract_says_so_and_misses_less():
    html = margin_html(hertz_like_case())
    assert "The normal band applies to the whole contract: it is a mark-up on the vendor&#39;s total cost of US$40M" \
        in html
    assert "US$8.4M is missing" in html


def test_a_pdf_with_figures_missing_says_not_enough_figures_yet_and_what():
    html = margin_html(pound_case_with_limits_but_no_costs())
    assert "Not enough figures yet" in html
    assert "The vendor&#39;s cost: the cost to complete" in html
    assert "Only the £25M paid so far is known, of a contract worth £40M." in html
    assert "on the tab" not in html  # the paper names what is missing, not where the screen asks for it
    assert "100.00%" not in html and "£0 already spent" not in html
    assert "Not enough figures yet for the margin under today&#39;s contract" in html


def test_the_pdf_names_a_price_at_cost_on_the_overrun_a_waiver():
    text = margin_text(overrun_at_cost_case())
    assert ("At the agreed price the vendor waives its margin on the remaining work: it is paid its cost and nothing "
            "more (0 % on cost). That is a waiver, not a normal margin.") in text
    assert "Vendor: its cost, margin waived, from here up" in text
    assert "the vendor's lowest with a normal margin" not in text


def test_the_pdf_of_a_dollar_case_names_no_other_currency(remaining_work_pdf):
    assert "euro" not in remaining_work_pdf.lower() and "€" not in remaining_work_pdf
    assert "the same amount of money" in remaining_work_pdf


def test_amounts_in_the_pdfs_sentences_and_on_its_line_are_rounded_for_people(remaining_work_pdf):
    lead = remaining_work_pdf[:remaining_work_pdf.index("Agreed price for the whole contract")]
    assert "US$44.6M" in lead and "US$35.6M" in lead and not re.search(r"\d,\d{3}\.\d\d", lead)
