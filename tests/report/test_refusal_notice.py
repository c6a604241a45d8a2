"""A refused print still answers the click: the downloaded file says why, in a sentence."""
from __future__ import annotations

import io

from pypdf import PdfReader

from negotiation.kernel.errors import RenderRefused
from ui.agreement import pdf_or_notice


def test_a_print_refused_for_its_size_downloads_a_one_page_pdf_that_says_why():
    def too_slow() -> bytes:
        raise RenderRefused("report.refused.too_slow", seconds=60)

    pdf = pdf_or_notice(too_slow)
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join((reader.pages[0].extract_text() or "").split())
    assert len(reader.pages) == 1 and not reader.attachments
    assert "The agreement was not printed" in text
    assert "too large to print within 60 seconds" in text


def test_a_print_that_succeeds_is_passed_through_unchanged():
    assert pdf_or_notice(lambda: b"%PDF-1.7 the agreement") == b"%PDF-1.7 the agreement"
