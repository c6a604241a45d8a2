"""The margin section of the agreement PDF: the agreed price, the margin both ways, the band and its sources, the zone."""
from __future__ import annotations

import io
import re
from decimal import Decimal as D

import pytest
from pypdf import PdfReader

from negotiation.adapters.report import render_html, render_pdf
from tests.pdf_text import body


def margin_html(case) -> str:
    html = render_html(case)
    return html[html.index('<section class="step" id="margin">'):html.index('<section class="step" id="agreement">')]


@pytest.fixture(scope="module")
def margin_pages():
    from negotiation.adapters.demo import demo_case

    reader = PdfReader(io.BytesIO(render_pdf(demo_case())))
    text = body("\n".join(page.extract_text() for page in reader.pages))
    start = text.index("A fair margin and the zone of agreement\nThere is a zone")
    return text[start:]


def test_the_pdf_states_the_agreed_price_and_the_margin_both_ways(margin_pages):
    for expected in ("Agreed price for the whole contract", "€54,380,000.00", "Margin as a share of price", "8.34%",
                     "Margin as a mark-up on cost", "9.10%", "€4,340,000.00"):
        assert expected in margin_pages


def test_the_pdf_shows_the_band_with_each_source_and_date(margin_pages):
    text = re.sub(r"\s+", " ", margin_pages)
    assert "8.56% to 17.23% mark-up on cost" in text
    for expected in ("Single Source Regulations Office", "DFARS 215.404-71-2(c)", "Accenture", "Capgemini",
                     "14 March 2025", "15 November 2024", "reference only"):
        assert expected in text


def test_the_pdf_says_the_band_applies_to_the_whole_contract_and_where_the_agreed_price_stands(margin_pages):
    text = re.sub(r"\s+", " ", margin_pages)
    assert "The normal band applies to The whole contract" in text
    assert ("The normal band applies to the whole contract: it is a mark-up on the vendor's total cost of €47.7M "
            "(€19.8M already spent, €27.9M still to come)") in text
    assert ("At the agreed price the vendor earns 9.10% on the cost of the whole contract: inside the normal band of "
            "8.56% to 17.23%.") in text


def test_the_zone_is_drawn_as_inline_svg_from_the_same_numbers(demo):
    html = margin_html(demo)
    figure = html[html.index('<figure class="zone-line">'):html.index("</figure>")]
    assert "<svg" in figure and "<img" not in html
    labels = " ".join(re.findall(r'<span class="chart-label [a-z]+" style="[^"]*">([^<]*)</span>', figure))
    # labels on the line are rounded for people, to as many figures as the zone's width needs to read true
    assert "ZONE OF AGREEMENT" in labels and "€54.12M" in labels and "€54.65M" in labels
    assert "€527K wide" in labels and "Agreed price €54.38M" in labels


def test_the_zone_labels_are_text_in_the_pdf_one_run_per_line(margin_pages):
    # positioned over the drawing, they follow the page's flowing text in the PDF's reading order
    for expected in ("Vendor's lowest\n€54.12M", "Client's highest\n€54.65M",
                     "ZONE OF AGREEMENT\n€527K wide", "Agreed price €54.38M"):
        assert expected in margin_pages


def test_a_case_without_a_zone_draws_the_gap_and_says_how_much_is_missing(demo):
    demo.margin.client.walk_away = D("53000000.00")
    html = margin_html(demo)
    assert "NO ZONE: €1.12M missing" in html
    assert "There is no zone of agreement" in html


def test_a_case_without_margin_figures_says_the_step_is_empty(demo):
    from negotiation.data.margin import MarginModel

    demo.margin = MarginModel()
    assert "Nothing has been recorded for this step." in margin_html(demo)


def test_party_text_in_the_margin_section_is_escaped(demo):
    demo.margin.price_note = "<script>alert(1)</script>"
    html = margin_html(demo)
    assert "<script>" not in html and "&lt;script&gt;" in html
