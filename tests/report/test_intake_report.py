"""The intake section of the PDF: complaints by side and category, warning signs, paths compared, the verdict."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from negotiation.adapters.report import render_html, render_pdf
from negotiation.data.intake import Answer, RecognitionAnswer, Statement
from negotiation.data.parties import PartyRole
from tests.pdf_text import body

MINUS = "\u2212"


def intake_html(case) -> str:
    html = render_html(case)
    return html[html.index('id="intake"'):html.index('id="interests"')]


@pytest.fixture(scope="module")
def intake_text():
    from negotiation.adapters.demo import demo_case

    reader = PdfReader(io.BytesIO(render_pdf(demo_case())))
    text = body("\n".join(page.extract_text() for page in reader.pages))
    start = text.index("Where it pinches and whether to proceed")
    return re.sub(r"\s+", " ", text[start:text.index("Mutual recognition check", start) + 3000])


def test_the_section_opens_with_the_verdict_and_its_condition(intake_text):
    assert "Verdict: Proceed on conditions" in intake_text
    assert ("Meridian Global IT Services Ltd. shares the information the analysis needs, "
            "on this condition") in intake_text


def test_complaints_appear_by_side_and_category_with_the_dispute_beside_them(intake_text):
    client = intake_text.index("Client: Nordhaven Group N.V.")
    vendor = intake_text.index("Vendor: Meridian Global IT Services Ltd.")
    assert client < intake_text.index("Invoicing wrong") < vendor < intake_text.index("Requirements late or changing")
    assert "disputed — Other side's account: The fee covers staging and logistics" in intake_text


def test_the_warning_signs_and_the_escalation_in_words_are_printed(intake_text):
    assert "Level 3 of 4 · Open conflict" in intake_text
    assert "Monitoring imposed on the vendor" in intake_text and "4 May 2026" in intake_text


def test_the_paths_are_compared_by_expected_net_value_with_the_batna_and_solving_set_against_it(intake_text):
    text = intake_text.replace(MINUS, "-")
    assert "Expected net value -€5.3M, from -€6.17M if it ends worst to -€3.27M if it ends best." in text
    assert "the liability cap applies 65% €4.86M €15.2M -€10.3M -€8.93M 36 months" in text
    assert "Legal fees €1.2M · Investment written off €4.5M · Restarting with a new vendor €7.5M · other €2M" in text
    assert "Solving is worth €1.42M to Meridian Global IT Services Ltd.: €9.34M more than its best alternative." in text
    assert "discounted for time at 5% a year" in text


def test_no_amount_in_the_paths_is_printed_to_the_cent(intake_text):
    paths = intake_text[intake_text.index("The three paths compared"):intake_text.index("Mutual recognition check")]
    assert re.search(r"\d,\d{3}\.\d{2}", paths) is None and "risk-adjusted" not in paths.lower()


def test_the_bars_are_drawn_from_zero_with_the_same_numbers_as_the_screen(demo):
    html = intake_html(demo)
    bars = re.findall(r'class="bar (client|vendor) (neg|pos)" style="(?:margin-left: ([\d.]+)%; )?width: ([\d.]+)%"',
                      html)
    assert len(bars) == 6 and max(float(b[3]) for b in bars) == 50.0
    # The vendor's litigation is the largest value (-€14.3M); the client's solving (€1.08M) goes right of zero.
    assert bars[2][:2] == ("client", "pos")
    assert float(bars[2][3]) == pytest.approx(1084665.95 / 14296455.77 * 50, abs=0.05)


def test_the_recognition_answers_and_notes_of_both_sides_are_printed(intake_text):
    assert "Hesitant" in intake_text
    assert "a confidentiality agreement first limits its cost-to-complete and margin figures" in intake_text


def test_a_refusal_prints_do_not_proceed_with_each_sides_better_path(demo):
    demo.intake.recognition.answers = [
        a for a in demo.intake.recognition.answers
        if not (a.side is PartyRole.CLIENT and a.statement is Statement.CONTINUE)
    ] + [RecognitionAnswer(side=PartyRole.CLIENT, statement=Statement.CONTINUE, answer=Answer.NO,
                           note="Trust is gone after the withheld invoices.")]
    html = intake_html(demo)
    assert "Do not proceed: the basis for a negotiated solution is missing." in html
    assert "For Nordhaven Group N.V., the better path is to muddle on." in html


def test_party_text_in_the_intake_is_escaped_not_markup(demo):
    demo.intake.complaints[0].statement = "<b>bold</b> & <script>x</script>"
    html = intake_html(demo)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_an_empty_intake_renders_with_no_verdict_yet_and_nothing_estimated():
    from negotiation.adapters.cases import new_case

    html = intake_html(new_case("Acme rescue", "Acme B.V.", "Softworks Ltd", "J. Janssen"))
    assert "No verdict yet" in html
    assert "No complaints recorded." in html and "No warning signs seen." in html
    assert "not yet estimated" in html and "not answered" in html
    assert "Not estimated yet: give each way this path can end its chance" in html
