"""Text people typed reaches the screen as text, on every page, in both views and on the projector.

The case is the demo with a payload of markdown, raw HTML and Streamlit's own markup in every free-text field
(tests/payload_case.py). Every element the page sends is read from AppTest's tree: whatever Streamlit reads as
markdown (bodies, headings, message boxes, captions, every label, radio options, table cells) must hold no
piece of the payload as it was typed, and must read back as exactly the payload; charts and HTML must hold it
escaped for HTML. The real browser's side of it is tests/browser/test_no_outside_requests.py.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from negotiation.adapters.demo import DEMO_ID
from negotiation.kernel.i18n import t
from tests.apptest import PAGES, open_page
from tests.conftest import ROOT
from tests.payload_case import FRAGMENTS, TAG, breakout_url, payload, payload_case, read_back, store_hostile_case
from ui import intake as intake_view
from ui import interests as interests_view
from ui.common import FOLLOWED_STEPS, link, plain
from ui.system import EDITING

MARKDOWN_FIELDS = {"body", "label", "help", "caption", "captions", "tooltip"}
"""Fields of an element Streamlit reads as markdown (a radio's options too, and every table cell)."""
TEXT_ONLY = {"text_input", "text_area", "selectbox", "multiselect", "number_input", "date_input", "slider",
             "form", "toggle", "checkbox", "button", "download_button", "radio", "file_uploader", "link_button",
             "page_link", "heading", "markdown", "alert", "metric", "expandable", "tab", "tab_container",
             "horizontal", "vertical", "column", "container", "progress", "iframe", "html", "plotly_chart",
             "arrow_data_frame", "table", "empty", "form_submit_button", "button_group", "space"}
"""Element types this test knows how each field is shown; any other type holding the payload fails the test."""
BASE = "http://127.0.0.1:9"
"""Where the payload's images and links point (nothing fetches in AppTest)."""
HTML_FRAGMENTS = ("<img src=", "<b>bold</b>")
"""Pieces of the payload a browser would make an element of, in HTML or in a chart's label."""


@dataclass(frozen=True)
class Shown:
    kind: str
    """markdown (st.table's cells too), text, html (an HTML document or a chart's labels: tags count) or unknown."""
    where: str
    text: str


def _strings(value, path: str):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, path)


def shown(at: AppTest) -> list[Shown]:
    """Every string the page sent, with how the browser treats it."""
    found: list[Shown] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        kind = getattr(node, "type", "")
        if proto is not None and kind in ("table", "arrow_data_frame"):
            frame = node.value
            cells = [str(c) for c in frame.columns] + [str(v) for v in frame.to_numpy().flatten()]
            found.extend(Shown("markdown" if kind == "table" else "text", kind, c) for c in cells)
        elif proto is not None:
            data = MessageToDict(proto, preserving_proto_field_name=True)
            for path, text in _strings(data, kind):
                field = path.rsplit(".", 1)[-1]
                if kind == "plotly_chart" and field == "spec":
                    found.extend(Shown("html", "plotly_chart", s) for _, s in _strings(json.loads(text), "spec"))
                elif kind in ("iframe", "html") or field in ("srcdoc", "src"):
                    found.append(Shown("html", path, text))
                elif field in MARKDOWN_FIELDS or (kind == "radio" and field == "options"):
                    found.append(Shown("markdown", path, text))
                else:
                    found.append(Shown("text" if kind in TEXT_ONLY else "unknown", path, text))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found


def reads_as_typed(back: str, tag: str) -> bool:
    """Each time the field's tag is shown, the payload follows it as typed (or a start of it, cut with "…")."""
    typed = payload(tag, BASE)
    for match in re.finditer(rf"(?<![-\w]){tag} ", back):  # the tag that starts a payload
        shown = back[match.start():match.start() + len(typed)]
        cut = shown.split("…", 1)[0]
        if shown != typed and not ("…" in shown and len(cut) > len(tag) + 10 and typed.startswith(cut)):
            return False
    return True


def problems(at: AppTest) -> list[str]:
    """Each place a payload is shown other than as its own characters."""
    found = []
    for item in shown(at):
        tags = TAG.findall(item.text)
        if not tags:
            continue
        if item.kind == "markdown":
            raw = [f for f in FRAGMENTS if f in item.text]
            if raw:
                found.append(f"{item.where}: {raw[0]!r} reaches markdown as typed in {item.text[:120]!r}")
            back = read_back(item.text)
            for tag in set(tags):
                if not reads_as_typed(back, tag):
                    found.append(f"{item.where}: {tag} does not read back as typed: {back[:160]!r}")
        elif item.kind == "html":
            raw = [f for f in HTML_FRAGMENTS if f in item.text]
            if raw:
                found.append(f"{item.where}: {raw[0]!r} reaches HTML as typed")
        elif item.kind == "unknown":
            found.append(f"{item.where}: an element this test does not know shows {tags[0]}")
    return found


@pytest.fixture
def hostile_store(store):
    store_hostile_case(store, BASE)
    return store


def states(step: str, case) -> list[dict]:
    """The session states that together draw every part of a page (its lazy tabs, its sections, its editors)."""
    if step == "intake":
        return [{intake_view.SECTION_KEY: s} for s in intake_view.SECTIONS]
    if step == "interests":
        return [{interests_view.TABS_KEY: t(f"interests.tab.{s}")} for s in ("positions", "links", "people",
                                                                              "incidents")]
    if step == "options":
        return [{"options.edit_issues": True, "options.edit_criteria": True}]
    if step == "system":
        return [{EDITING: case.system.criteria[0].id}]
    if step == "margin":
        return [{"margin.standards.chosen": f"1. {case.margin.standards[0].name}",
                 "margin.scenarios.chosen": case.margin.scenarios[0].name}]
    return [{}]


VIEWS = {"mediator": {}, "shared": {"screen_mode": "shared"}}
STEPS = [s for s in PAGES if s != "projector"]


def test_the_payload_case_puts_a_payload_in_every_free_text_field():
    case, fields = payload_case(BASE)
    assert len(fields) > 250
    assert case.title == payload("F1", BASE)
    assert case.options.criteria[0].url == breakout_url(BASE)


def test_plain_text_reads_back_as_typed_and_breaks_every_kind_of_markup():
    typed = payload("F1", BASE) + " :smile: -> <= www.example.com a@b.example https://h/x\n# head\n\n    code"
    written = plain(typed)
    assert read_back(written) == typed
    # No line starts a heading or a code block, and no empty line ends the paragraph (or bold around it).
    assert not [piece for piece in (*FRAGMENTS, "\n#", "\n ", "\n\n") if piece in written]
    # Streamlit rewrites these after reading the markdown, backslashes gone: a word joiner stands in the way.
    assert not [piece for piece in (":smile:", "->", "<=", "www.", "@b", "://") if piece in written.replace("\\", "")]


@pytest.mark.parametrize("url", [breakout_url(BASE), "javascript:alert(1)", "http://h/a b", "http://h/<x>",
                                 "ftp://h/a", "https://", "http://h/\"x", "http://h/[x]", "http://h/a\\b"])
def test_an_address_that_could_break_out_of_a_link_is_shown_as_text(url):
    assert "](" not in link(url) and read_back(link(url)) == url


def test_a_plain_web_address_becomes_a_link_that_shows_the_address():
    url = "https://www.axelos.com/certifications/itil-service-management?x=1&y=%20#top"
    assert link(url) == f"[{plain(url)}]({url})"


def shows_a_payload(item: Shown) -> bool:
    """A payload in full, read back from markdown, or escaped in HTML."""
    if item.kind == "html":
        return "&lt;b&gt;bold&lt;/b&gt;" in item.text
    return item.kind == "markdown" and any(payload(tag, BASE) in read_back(item.text) for tag in TAG.findall(item.text))


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("step", STEPS)
def test_every_page_shows_the_payload_as_text(hostile_store, step, view):
    at = open_page(step, DEMO_ID, **VIEWS[view])
    found, seen = [], False
    for state in states(step, hostile_store.get(DEMO_ID).case):
        for key, value in state.items():
            at.session_state[key] = value
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        found += problems(at)
        seen = seen or any(shows_a_payload(item) for item in shown(at))
    assert seen, f"the {step} page shows no payload as typed"
    assert found == [], "\n".join(found[:12])


@pytest.mark.parametrize("step", FOLLOWED_STEPS)
def test_the_projector_shows_the_payload_as_text_on_every_step(hostile_store, step):
    hostile_store.set_current_step(DEMO_ID, step)
    at = AppTest.from_file(str(ROOT / PAGES["projector"]), default_timeout=60)
    at.query_params["case"] = DEMO_ID
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert any(shows_a_payload(item) for item in shown(at)), f"the projector shows no payload on {step}"
    assert problems(at) == []


def test_a_message_that_confirms_a_save_shows_the_typed_title_as_text(demo_store):
    at = open_page("options", DEMO_ID, **{"options.edit_issues": True})
    at.text_input(key="w:new_issue.title").input(payload("F1", BASE))
    next(b for b in at.button if b.label == t("options.add_issue")).click().run()
    assert not at.exception, [e.message for e in at.exception]
    (message,) = [s.value for s in at.success if "F1" in s.value]
    assert not [f for f in FRAGMENTS if f in message] and payload("F1", BASE) in read_back(message)
