"""The PDF's definition of the decently working system: the criteria table and the coverage."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from negotiation.adapters.report import render_html, render_pdf
from negotiation.data.parties import PartyRole
from negotiation.method.smart.criteria import withdraw
from tests.pdf_text import body


@pytest.fixture(scope="module")
def section_text():
    from negotiation.adapters.demo import demo_case

    reader = PdfReader(io.BytesIO(render_pdf(demo_case())))
    text = body("\n".join(page.extract_text() for page in reader.pages))
    start = text.index("A decently working system")
    return text[start:text.index("A fair margin and the zone of agreement", start)]


def test_the_pdf_states_the_definition_as_the_criteria_smart_and_accepted_by_both(section_text):
    assert "SMART and accepted by" in section_text and "8 of 8" in section_text


def test_the_criteria_table_has_metric_target_measurement_date_and_owners(section_text):
    for heading in ("Criterion", "Target", "Measurement", "Date", "Owners", "Metric:"):
        assert heading in section_text
    flat = " ".join(section_text.split())
    for expected in ("at least 95 %", "by 30 June 2027", "from 1 February 2027", "Asset register (ServiceNow)",
                     "Thomas Berger", "Sanjay Iyer", "at most 1,150 EUR per day"):
        assert expected in flat, expected


def test_criteria_accepted_together_are_said_once_above_the_table(section_text):
    flat = " ".join(section_text.split())
    assert ("All 8 criteria were accepted on 7 Dec 2026: for Nordhaven Group N.V. by Thomas Berger, "
            "for Meridian Global IT Services Ltd. by Claire Dubois.") in flat
    assert "Acceptance" not in flat and "Claire Dubois, 7 Dec 2026" not in flat


def test_criteria_accepted_apart_get_an_acceptance_column(demo):
    from negotiation.method.smart.criteria import accept

    other = next(p for p in demo.vendor.people if p.name != "Claire Dubois")
    demo.system.criteria[1] = accept(demo.system.criteria[1], PartyRole.VENDOR, other.id,
                                     demo.system.criteria[1].vendor_acceptance.on)
    html = render_html(demo)
    assert "All 8 criteria were accepted" not in html
    assert "<th>Acceptance</th>" in html and f"Vendor: {other.name}, 7 Dec 2026" in html
    assert "Vendor: Claire Dubois, 7 Dec 2026" in html


def test_criteria_accepted_together_on_two_days_say_each_sides_day(demo):
    import datetime as dt

    from negotiation.method.smart.criteria import accept

    for index, criterion in enumerate(demo.system.criteria):
        demo.system.criteria[index] = accept(criterion, PartyRole.VENDOR, criterion.vendor_acceptance.by,
                                             dt.date(2026, 12, 8))
    html = render_html(demo)
    assert ("All 8 criteria were accepted for Nordhaven Group N.V. by Thomas Berger on 7 Dec 2026, and for "
            "Meridian Global IT Services Ltd. by Claire Dubois on 8 Dec 2026.") in html
    assert "<th>Acceptance</th>" not in html


def test_a_criterion_one_side_has_not_accepted_keeps_the_acceptance_column(demo):
    demo.system.criteria[2] = withdraw(demo.system.criteria[2], PartyRole.CLIENT)
    html = render_html(demo)
    assert "criteria were accepted" not in html and "<th>Acceptance</th>" in html


def test_a_single_criterion_keeps_its_acceptance_in_the_table(demo):
    demo.system.criteria = demo.system.criteria[:1]
    html = render_html(demo)
    assert "criteria were accepted" not in html and "Vendor: Claire Dubois, 7 Dec 2026" in html


def test_the_coverage_lists_every_complaint_and_interest_with_the_criteria_answering_it(section_text):
    flat = " ".join(section_text.split())
    assert "9 of 9 complaints have a criterion." in flat
    assert "9 of 10 interests have a criterion." in flat
    assert "No disruptive change of vendor in the middle of a global rollout none" in flat


def test_a_criterion_not_accepted_by_both_is_marked_and_not_counted(demo):
    demo.system.criteria[0] = withdraw(demo.system.criteria[0], PartyRole.VENDOR)
    html = render_html(demo)
    assert "SMART and accepted by both sides: 7 of 8." in html
    assert 'class="pending"' in html and "not accepted yet" in html


def test_criterion_text_is_escaped_in_the_pdf_section(demo):
    demo.system.criteria[0] = demo.system.criteria[0].model_copy(update={"metric": "<b>bold</b>"})
    html = render_html(demo)
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html


def test_the_section_reads_in_dutch_when_the_document_is_dutch(demo):
    from negotiation.kernel import i18n

    i18n.set_language("nl")
    html = render_html(demo)
    assert "Dekking van klachten en belangen" in html
    assert "minimaal 95 %" in html and "uiterlijk 30 juni 2027" in html
