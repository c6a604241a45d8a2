"""A unique sentinel in every confidential field: in the mediator's view, and nowhere shared.

Shared means every page in shared-screen view (AppTest, the whole element tree: text, widget
labels and values, help tooltips, the sidebar, iframes, HTML), the projector view on every step,
and the PDF (its text and its embedded record).
"""
from __future__ import annotations

import io
from decimal import Decimal

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from negotiation.adapters.demo import DEMO_ID, demo_case
from negotiation.adapters.report import RECORD_NAME, render_pdf
from negotiation.data.case import case_to_json, record
from negotiation.data.caucus import CaucusNote, ConfidentialFigure, SideCaucus
from negotiation.method.caucus import confidential_texts
from tests.apptest import PAGES, open_page
from tests.conftest import ROOT

SIDES = ("client", "vendor")


def sentinels_for(side: str) -> dict[str, str]:
    """One unique marker per confidential field of a side (amounts are unique digits).

    Letters only: a page shows typed text through ui.common.plain, which escapes punctuation, so a marker with
    a hyphen in it would not be found as typed.
    """
    digit = "7" if side == "client" else "3"
    return {
        "note.id": f"ZQX{side}NOTEID",
        "note.text": f"ZQX{side}NoteTextSentinel",
        "figure.id": f"ZQX{side}FIGID",
        "figure.label": f"ZQX{side}FigureLabelSentinel",
        "figure.amount": f"9{digit}1{digit}46{digit}2.19",
        "figure.note": f"ZQX{side}FigureNoteSentinel",
        "walk_away": f"8{digit}5{digit}21{digit}4.63" if side == "client" else f"6{digit}5{digit}21{digit}4.63",
    }


def amount_forms(raw: str) -> list[str]:
    """How an amount can appear anywhere: as typed, grouped, and its whole part."""
    whole, cents = raw.split(".")
    grouped = f"{int(whole):,}"
    return [raw, grouped, f"{grouped}.{cents}", whole]


def sentinel_case():
    case = demo_case()
    sides = {}
    for side in SIDES:
        s = sentinels_for(side)
        sides[side] = SideCaucus(
            notes=[CaucusNote(id=s["note.id"], text=s["note.text"])],
            figures=[ConfidentialFigure(id=s["figure.id"], label=s["figure.label"],
                                        amount=Decimal(s["figure.amount"]), note=s["figure.note"])],
            walk_away=Decimal(s["walk_away"]),
            accepts_midpoint=True,
            midpoint_told=True,
        )
    case.caucus = case.caucus.model_copy(update=sides)
    return case


def all_markers() -> list[str]:
    markers = []
    for side in SIDES:
        for name, value in sentinels_for(side).items():
            markers += amount_forms(value) if name in ("figure.amount", "walk_away") else [value]
    return markers


def leaked(dump: str) -> list[str]:
    return [m for m in all_markers() if m in dump]


def dump(at) -> str:
    """Everything the page sent to the browser: every element's and block's protobuf, as text."""
    parts = []

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    parts += [str(e.message) for e in at.exception]
    return "\n".join(parts)


def open_projector(case_id: str | None = DEMO_ID) -> AppTest:
    """The projector window on its own (opening the app first would move the mediator's step)."""
    at = AppTest.from_file(str(ROOT / PAGES["projector"]), default_timeout=60)
    if case_id:
        at.query_params["case"] = case_id
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.fixture
def sentinel_store(store):
    """The sentinel case, its caucus given in a second, logged change (so the history holds it too)."""
    case = sentinel_case()
    store.add(case.model_copy(update={"caucus": type(case.caucus)()}), summary="sentinel case")
    store.save(case, expected_revision=1, step="caucus", summary="caucus notes taken")
    return store


def test_the_sentinel_case_has_a_marker_in_every_confidential_field():
    # If a caucus model grows a field, this fails until the sentinel covers it too.
    assert set(CaucusNote.model_fields) == {"id", "text", "released"}
    assert set(ConfidentialFigure.model_fields) == {"id", "label", "amount", "note", "released"}
    assert set(SideCaucus.model_fields) == {"notes", "figures", "walk_away", "walk_away_released",
                                            "accepts_midpoint", "midpoint_told"}
    case = sentinel_case()
    texts = " ".join(confidential_texts(case.caucus))
    for side in SIDES:
        for name, value in sentinels_for(side).items():
            if not name.endswith(".id"):
                assert value in texts, name


@pytest.mark.parametrize("step", [s for s in PAGES if s != "projector"])
def test_no_sentinel_in_any_page_in_shared_screen_view(sentinel_store, step):
    at = open_page(step, DEMO_ID, screen_mode="shared")
    page = dump(at)
    assert "Shared-screen view" in page
    assert leaked(page) == []


def test_shared_screen_view_offers_no_download_but_the_agreement_pdf(sentinel_store):
    offered = []
    for step in PAGES:
        if step == "projector":
            continue
        at = open_page(step, DEMO_ID, screen_mode="shared")
        offered += [b.proto.label for b in at.get("download_button")]
    assert offered == ["Download the agreement (PDF)"]


def test_the_caucus_page_in_mediator_view_shows_every_sentinel(sentinel_store):
    at = open_page("caucus", DEMO_ID)
    page = dump(at)
    assert "Mediator view" in page
    for side in SIDES:
        for name, value in sentinels_for(side).items():
            forms = amount_forms(value) if name in ("figure.amount", "walk_away") else [value]
            assert any(form in page for form in forms), (side, name)


@pytest.mark.parametrize("step", ["home", "case", "intake", "interests", "options", "system", "margin",
                                  "agreement", "caucus"])
def test_no_sentinel_in_the_projector_view_on_any_step(sentinel_store, step):
    sentinel_store.set_current_step(DEMO_ID, step)
    at = open_projector()
    page = dump(at)
    assert "Following the mediator" in page
    assert leaked(page) == []


def test_the_projector_shows_the_blind_check_but_no_walk_away(sentinel_store):
    sentinel_store.set_current_step(DEMO_ID, "caucus")
    at = open_projector()
    page = dump(at)
    assert "A zone of agreement exists" in page
    # The midpoint of the two sentinel walk-aways is shared (both agreed to it); neither walk-away is.
    assert "€75,552,154.63" in page


def test_no_sentinel_in_the_pdf_text_or_its_embedded_record():
    case = sentinel_case()
    pdf = render_pdf(case)
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert "Nordhaven" in text
    assert leaked(text) == []
    embedded = b"".join(b"".join(v) for v in reader.attachments.values())
    assert RECORD_NAME in reader.attachments and b"Nordhaven" in embedded
    assert leaked(embedded.decode("utf-8")) == []
    assert leaked(pdf.decode("latin-1")) == []


def test_the_record_and_fingerprint_leave_the_caucus_out_while_the_case_file_keeps_it():
    case = sentinel_case()
    assert "caucus" not in record(case)
    assert leaked(str(record(case))) == []
    assert sentinels_for("client")["note.text"] in case_to_json(case)


def test_the_history_in_mediator_view_shows_the_caucus_changes_with_their_sentinels(sentinel_store):
    page = dump(open_page("history", DEMO_ID))
    assert sentinels_for("vendor")["note.text"] in page
    assert any(form in page for form in amount_forms(sentinels_for("client")["walk_away"]))  # "." is escaped there


def test_error_messages_in_shared_screen_view_carry_no_sentinel(sentinel_store):
    at = open_page("case", DEMO_ID, screen_mode="shared")
    other = open_page("case", DEMO_ID, screen_mode="shared")
    at.text_input(key="w:contract.value").input("lots")
    at.button(key="FormSubmitter:case.contract-Save contract").click().run()
    assert at.error and leaked(dump(at)) == []
    at.text_input(key="w:contract.value").input("48,600,000.00")
    at.text_input(key="w:contract.reference").input("REF-ONE")
    at.button(key="FormSubmitter:case.contract-Save contract").click().run()
    other.text_input(key="w:contract.reference").input("REF-TWO")
    other.button(key="FormSubmitter:case.contract-Save contract").click().run()
    assert sentinel_store.get(DEMO_ID).case.contract.reference == "REF-ONE"
    assert any("changed in another window" in e.value for e in other.error)
    assert leaked(dump(other)) == []
    # and the confidential caucus is still whole after the shared-screen edits
    assert sentinel_store.get(DEMO_ID).case.caucus == sentinel_case().caucus
