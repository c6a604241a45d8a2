"""Helpers for AppTests: open a page of the app with a case, the way a mediator would."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from ui.common import PAGES


def open_page(step: str, case_id: str | None = None, **state) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if case_id is not None:
        at.session_state["case_id"] = case_id
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    if step != "home":
        at.switch_page(PAGES[step]).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """All the text a person sees on the page, in one string (for `in` checks)."""
    parts = []
    for kind in ("markdown", "title", "header", "subheader", "caption", "success", "error", "warning", "info", "metric"):
        for element in getattr(at, kind):
            parts.append(str(getattr(element, "value", "")))
            label = getattr(element, "label", None)
            if label:
                parts.append(str(label))
    for expander in at.expander:
        parts.append(str(expander.label))
    return "\n".join(parts)


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]
