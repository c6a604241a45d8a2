"""The PDF of a case file from schema version 1, and of an agreement version finalised under it."""
from __future__ import annotations

import io
import json
import re

from pypdf import PdfReader

from negotiation.adapters.report import render_html, render_version_pdf
from negotiation.data.agreement import AgreementVersion, digest
from negotiation.data.case import CONFIDENTIAL_FIELDS, case_from_document, short_fingerprint
from tests.conftest import ROOT
from tests.pdf_text import body


def v1_document() -> dict:
    return json.loads((ROOT / "tests" / "data" / "demo_case_v1.json").read_text(encoding="utf-8"))


def test_a_version_1_case_prints_its_paths_at_minus_their_cost_and_asks_for_the_value_of_a_good_outcome():
    html = render_html(case_from_document(v1_document()))
    paths = html[html.index("The three paths compared"):html.index('id="interests"')]
    assert "Expected net value \u2212\u2060€6.8M, the same whichever way it ends." in paths
    assert "good outcome" in paths and "not entered" in paths
    assert "Money in (damages recovered, the value of a working system) is not entered yet on “good outcome”" in paths
    assert "27,200,000" not in paths and "27.2M" not in paths  # the old "risk-adjusted" figure is gone


def test_a_version_finalised_under_schema_1_prints_from_its_stored_record_with_its_stored_fingerprint():
    document = v1_document()
    record = {k: v for k, v in document.items() if k not in CONFIDENTIAL_FIELDS}
    record["agreement"] = {k: v for k, v in document["agreement"].items() if k != "versions"}
    version = AgreementVersion(number=1, finalised_at="2026-10-01T12:00:00Z", fingerprint=digest(record),
                               record=record)
    reader = PdfReader(io.BytesIO(render_version_pdf(version)))
    text = re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))
    assert f"Fingerprint {short_fingerprint(version.fingerprint)}" in text
    assert "The three paths compared" in body(text)
    assert version.record == record  # read through today's schema, never rewritten
