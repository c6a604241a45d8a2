"""The options section of the PDF on the suggested packages: the rule they follow, and an unset BATNA in words."""
from __future__ import annotations

import io
from decimal import Decimal

from pypdf import PdfReader

from negotiation.adapters.report import render_html, render_pdf
from tests.pdf_text import body


def section(html: str) -> str:
    return html[html.index('id="options"'):html.index('id="system"')]


def test_the_pdf_names_both_batnas_and_the_rule_the_suggestions_follow(demo):
    reader = PdfReader(io.BytesIO(render_pdf(demo)))
    text = " ".join(body("\n".join(page.extract_text() for page in reader.pages)).split())
    assert "Best alternatives (BATNA) on the same scale: 3.5 for the client, 3.0 for the vendor." in text
    assert ("Only packages that give each side at least its best alternative (BATNA) are suggested: "
            "12 of the 14 efficient packages.") in text
    assert "circle: the Nash package; square: the balanced package" in text


def test_an_unset_batna_reads_not_entered_and_no_suggestion_is_drawn(demo):
    demo.options.batna_vendor = None
    html = section(render_html(demo))
    assert "3.5 for the client, not entered yet for the vendor." in html
    assert "the vendor&#39;s BATNA is not entered yet" in html  # the sentence, escaped as all text is
    # Neither the balanced square nor the Nash circle, and the caption does not name them.
    assert "<rect" not in html and "<circle" not in html
    assert "the Nash package" not in html


def test_when_no_package_reaches_both_batnas_the_caption_says_so_once(demo):
    demo.options.batna_vendor = Decimal("9.0")
    html = section(render_html(demo))
    assert html.count("No package gives both sides at least their best alternative") == 1
    assert "<rect" not in html and "<circle" not in html
