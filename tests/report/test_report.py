from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from negotiation.adapters.report import RECORD_NAME, ShippedOnlyFetcher, html_to_pdf, render_html, render_pdf
from negotiation.data.case import fingerprint, record, short_fingerprint
from negotiation.kernel.base import canonical_json


@pytest.fixture(scope="module")
def demo_pdf():
    from negotiation.adapters.demo import demo_case

    case = demo_case()
    return case, PdfReader(io.BytesIO(render_pdf(case)))


def pdf_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_names_both_parties_the_mediator_and_the_subject(demo_pdf):
    case, reader = demo_pdf
    text = pdf_text(reader)
    for expected in ("Nordhaven Group N.V.", "Meridian Global IT Services Ltd.", "Dr. Ingrid Vos", "NH-MGS-2025-014"):
        assert expected in text


def test_every_page_carries_page_x_of_y_and_the_fingerprint(demo_pdf):
    case, reader = demo_pdf
    short = short_fingerprint(fingerprint(case))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"Page {number} of {total}" in text
        assert f"Fingerprint {short}" in text


def test_the_last_pages_hold_signature_blocks_for_both_directors_and_the_mediator(demo_pdf):
    case, reader = demo_pdf
    text = pdf_text(reader)
    signatures = text[text.rindex("Signatures"):]
    assert signatures.count("Signature\n") + signatures.count("Signature") >= 3
    for name in ("Marieke de Groot", "Rajiv Menon", "Dr. Ingrid Vos"):
        assert name in signatures
    assert "For the Client" in signatures and "For the Vendor" in signatures
    assert "Witnessed by the mediator" in signatures


def test_the_pdf_is_pdf_a_3b_and_embeds_the_case_record_whose_hash_is_printed(demo_pdf):
    case, reader = demo_pdf
    metadata = reader.xmp_metadata
    assert metadata is not None and "pdfaid" in str(reader.trailer["/Root"]["/Metadata"].get_object().get_data())
    attachments = reader.attachments
    assert list(attachments) == [RECORD_NAME]
    embedded = attachments[RECORD_NAME][0].decode("utf-8")
    assert embedded == canonical_json(record(case))
    import hashlib
    assert hashlib.sha256(embedded.encode()).hexdigest() == fingerprint(case)


def test_the_same_case_gives_the_same_pdf_bytes(demo):
    assert render_pdf(demo) == render_pdf(demo)


def test_party_text_is_shown_as_text_never_read_as_markup_or_a_template(demo):
    hostile = '<img src="file:///etc/hostname"> {{ 7*7 }}'
    demo.client.name = hostile
    html = render_html(demo)
    assert '<img src="file:///etc/hostname">' not in html
    assert "&lt;img src=&#34;file:///etc/hostname&#34;&gt; {{ 7*7 }}" in html
    fetcher = ShippedOnlyFetcher()
    pdf = html_to_pdf(html, fetcher=fetcher)
    text = pdf_text(PdfReader(io.BytesIO(pdf)))
    assert '<img src="file:///etc/hostname"> {{ 7*7 }}' in text
    assert '<img src="file:///etc/hostname"> 49' not in text  # the template in the name was never evaluated
    assert fetcher.refused == []  # the escaped tag never became a request


def test_the_renderer_refuses_files_and_urls_it_does_not_ship():
    fetcher = ShippedOnlyFetcher()
    html = ('<link rel="stylesheet" href="print.css"><img src="file:///etc/hostname">'
            '<img src="https://example.com/x.png"><p>x</p>')
    html_to_pdf(html, fetcher=fetcher)
    assert fetcher.refused == ["file:///etc/hostname", "https://example.com/x.png"]


def test_every_font_in_the_pdf_is_embedded(tmp_path, demo):
    import shutil
    import subprocess

    path = tmp_path / "a.pdf"
    path.write_bytes(render_pdf(demo))
    assert shutil.which("pdffonts"), "poppler-utils is missing: run `make test`, which installs it"
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows)
