"""The interests section of the PDF, and the map chart (readable on a projector with 30 interests a side)."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from negotiation.adapters.bench.interests import synthetic_map
from negotiation.adapters.charts.interests import LABEL_WIDTH, ROW_PX, interest_map_figure
from negotiation.adapters.report import render_html, render_pdf
from negotiation.data.interests import Interest, TrustIncident
from negotiation.method.interests import map_layout


def section(html: str) -> str:
    start = html.index('<section class="step" id="interests">')
    return html[start:html.index("</section>", start)]


def test_the_section_has_a_table_per_kind_of_link_with_both_interests_in_combined_priority_order(demo):
    html = section(render_html(demo))
    for kind in ("shared", "compatible", "conflicting"):
        assert f'<table class="grid pairs {kind}">' in html
    conflicting = html[html.index('pairs conflicting'):]
    assert conflicting.index("Who pays for regional images") < conflicting.index("Pay on delivery against release")


def test_the_section_lists_the_accepted_acknowledgements_and_not_the_open_one(demo):
    html = section(render_html(demo))
    assert "Acknowledged trust incidents" in html
    assert "Meridian acknowledges that it broke its refresh promise" in html
    assert "Nordhaven Group N.V. acknowledges to Meridian Global IT Services Ltd." in html  # the suggested wording
    assert "threatened to end the contract" not in html  # ti-exit is not decided yet


def test_the_map_is_inline_svg_with_a_dot_per_interest_and_a_line_per_link(demo):
    html = section(render_html(demo))
    assert "<svg" in html and "<img" not in html and "http" not in html.replace("http://www.w3.org/2000/svg", "")
    assert html.count('<circle class="dot client"') == 5 and html.count('<circle class="dot vendor"') == 5
    assert len(re.findall(r'<line class="link (shared|compatible|conflicting)"', html)) == 6
    labels = re.findall(r'<span class="chart-label (?:start|end)" style="[^"]*">(.*?)</span>', html)
    assert "Dates it can plan around and report to its board" in labels
    assert "Staff work on reliable, current laptops without<br>losing days to old devices" in labels


def test_a_long_party_name_in_the_maps_heading_ends_in_an_ellipsis_within_its_half(demo):
    demo.client.name = "Nordhaven Group N.V. and its subsidiaries in twenty-three countries of Europe and Asia"
    html = section(render_html(demo))
    head = re.search(r'<span class="chart-label end" style="([^"]*)">Client · Nordhaven', html).group(1)
    assert "left:0.00pt" in head and "width:205.40pt" in head and "text-overflow:ellipsis" in head


def test_the_position_without_an_interest_is_listed_to_ask_about(demo):
    html = section(render_html(demo))
    assert "Positions still without a stated interest" in html and "penalty for every month of delay" in html


def test_party_text_in_the_section_is_escaped_never_markup(demo):
    demo.interests.interests = [*demo.interests.interests,
                                Interest(id="ix", side="client", statement="<script>alert(1)</script> & more")]
    demo.interests.incidents = [*demo.interests.incidents,
                                TrustIncident(what="<b>bold</b>", decision="accepted")]
    html = section(render_html(demo))
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>bold</b>" not in html


def test_a_case_without_interests_or_incidents_says_the_step_is_empty(demo):
    demo.interests = type(demo.interests)()
    html = section(render_html(demo))
    assert 'class="empty"' in html and "<svg" not in html and "Acknowledged trust incidents" not in html


def test_the_pdf_carries_the_interests_tables_and_the_acknowledged_incidents(demo):
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(demo))).pages)
    text = " ".join(text.split())
    for expected in ("Interests behind the positions", "Shared interests: common ground to open with",
                     "Different but compatible: where trades are possible",
                     "Conflicting: settle these with objective criteria", "Acknowledged trust incidents",
                     "Meridian acknowledges that it broke its refresh promise"):
        assert expected in text


def test_a_pdf_with_a_hundred_interests_a_side_renders(demo):
    demo.interests = synthetic_map(100, 200)
    reader = PdfReader(io.BytesIO(render_pdf(demo)))
    assert "Interests behind the positions" in " ".join(p.extract_text() for p in reader.pages)


# -- the chart ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def projector_map():
    return synthetic_map(30, 45)


def test_the_chart_with_thirty_interests_a_side_labels_every_interest_in_projector_sized_text(projector_map):
    figure = interest_map_figure(projector_map, "Client Ltd", "Vendor Ltd")
    label_traces = [t for t in figure.data if t.mode == "markers+text" and t.marker.opacity == 0]
    assert sum(len(t.text) for t in label_traces) == 60
    assert all(t.textfont.size >= 18 for t in label_traces)
    assert figure.layout.font.size >= 18
    for trace in label_traces:
        for label in trace.text:
            assert all(len(line) <= LABEL_WIDTH for line in label.split("<br>"))


def test_the_chart_grows_with_the_number_of_rows_so_labels_never_overlap(projector_map):
    figure = interest_map_figure(projector_map, "Client Ltd", "Vendor Ltd")
    rows = map_layout(projector_map).rows
    assert rows >= 30
    assert figure.layout.height >= rows * ROW_PX
    # Two label lines at 20 px need about 48 px; a row is more than that.
    assert ROW_PX >= 2 * 20 * 1.2


def test_the_chart_draws_each_kind_of_link_in_its_own_colour_and_dash(projector_map):
    figure = interest_map_figure(projector_map, "Client Ltd", "Vendor Ltd")
    lines = [t for t in figure.data if t.mode == "lines"]
    assert len(lines) == 3
    assert len({t.line.color for t in lines}) == 3 and len({t.line.dash for t in lines}) == 3
    assert sum(list(t.x).count(None) for t in lines) == 45


def test_the_chart_uses_the_client_and_vendor_colours(demo):
    from negotiation.kernel import palette

    figure = interest_map_figure(demo.interests, demo.client.name, demo.vendor.name)
    dots = [t for t in figure.data if t.mode == "markers+text" and t.marker.opacity != 0]
    assert [t.marker.color for t in dots] == [palette.CLIENT, palette.VENDOR]


def test_party_text_in_the_chart_is_escaped_so_plotly_does_not_read_it_as_markup(demo):
    demo.interests.interests = [*demo.interests.interests,
                                Interest(id="ix", side="vendor", statement="<b>Bold</b> claims & more")]
    figure = interest_map_figure(demo.interests, "A <i>client</i>", demo.vendor.name)
    labels = " ".join(str(t.text) for t in figure.data if t.mode == "markers+text")
    assert "&lt;b&gt;Bold&lt;/b&gt;" in labels and "<b>Bold" not in labels
    assert all("<i>" not in a.text for a in figure.layout.annotations)
