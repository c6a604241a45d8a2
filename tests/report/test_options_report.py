"""The options section of the agreement PDF: the agreed package, its criteria with sources, the fair split, the chart."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from negotiation.adapters.report import render_html, render_pdf, step_views
from tests.pdf_text import body


@pytest.fixture(scope="module")
def options_text():
    from negotiation.adapters.demo import demo_case

    reader = PdfReader(io.BytesIO(render_pdf(demo_case())))
    text = body("\n".join(page.extract_text() for page in reader.pages))
    start = text.index("Options and objective criteria\nThe agreed package")
    return " ".join(text[start:text.index("A decently working system", start)].split())


def test_the_section_names_the_agreed_option_for_each_issue(options_text):
    assert "The agreed package" in options_text
    for expected in ("Who pays for the OEM factory-link delay", "Credits paid in kind",
                     "Regional staging depots image the laptops", "A day rate benchmarked on Eurostat"):
        assert expected in options_text
    assert "7.0 / 10 for the client and 6.6 / 10 for the vendor" in options_text


def test_the_section_lists_the_criteria_the_package_rests_on_with_sources_and_dates(options_text):
    assert "The criteria it rests on" in options_text
    assert "ECLI:NL:HR:1981:AG4158" in options_text and "13 March 1981" in options_text
    assert "Eurostat, dataset lc_lci_lev" in options_text


def test_the_section_states_the_fair_split_in_words(options_text):
    assert "“Service credits for the late refresh” is shared: the vendor takes 5/11 of it and the client 6/11." in options_text
    assert "Each side ends with 645/11 ≈ 58.64 of its own 100 points." in options_text


def test_the_frontier_is_drawn_as_inline_svg_with_party_text_escaped(demo):
    demo.options.issues[0].title = '<script>alert(1)</script>'
    html = render_html(demo)
    section = html[html.index('id="options"'):html.index('id="system"')]
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="frontier"' in section
    assert "<script>" not in section and "&lt;script&gt;" in section


def test_the_frontier_draws_a_dot_for_every_package_and_every_efficient_one(demo):
    import re

    from negotiation.method.options.analysis import analyse

    analysis = analyse(demo.options)
    html = render_html(demo)
    figure = html[html.index('<figure class="frontier">'):html.index("</figure>", html.index('<figure class="frontier">'))]
    grey, green = re.findall(r'<path d="([^"]*)" fill="none" stroke="[^"]*" stroke-width="[^"]*" stroke-linecap="round"/>',
                             figure)
    assert grey.count("h0") == len(analysis.cloud) > 100
    assert green.count("h0") == len(analysis.frontier) > 5


def test_an_empty_board_says_so(demo):
    from negotiation.data.options import OptionsBoard

    demo.options = OptionsBoard()
    html = render_html(demo)
    section = html[html.index('id="options"'):html.index('id="system"')]
    assert 'class="empty"' in section


def test_the_report_draws_the_frontier_from_the_options_view(demo):
    svg = step_views(demo)["options"]["svg"]
    assert "<svg" in svg and "polyline" in svg
