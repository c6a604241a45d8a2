"""The client's tab offers the walk-away its best alternative supports, with the formula, and saves it on request."""
from __future__ import annotations

from negotiation.adapters.demo import DEMO_ID
from negotiation.kernel.i18n import fmt_money
from negotiation.method.margin.analysis import suggested_walk_away
from tests.apptest import open_page
from tests.apptest import texts as page_texts
from tests.payload_case import read_back


def texts(at) -> str:
    """The page's text as a person reads it (the page escapes the case's own text for markdown)."""
    return read_back(page_texts(at))


def test_the_suggested_walk_away_is_shown_with_its_formula_and_taken_on_request(demo_store):
    suggestion = suggested_walk_away(demo_store.get(DEMO_ID).case)
    at = open_page("margin", DEMO_ID)
    shown = texts(at).replace("\\", "")
    assert f"suggests a walk-away point of {fmt_money(suggestion.price, 'EUR')}" in shown
    assert suggestion.formula in shown  # the formula beside it
    at.button(key="margin.client.use_batna").click().run()
    assert not at.exception
    assert demo_store.get(DEMO_ID).case.margin.client.walk_away == suggestion.price


def test_without_the_clients_paths_valued_no_walk_away_is_suggested_and_the_page_says_why(demo_store):
    stored = demo_store.get(DEMO_ID)
    case = stored.case.model_copy(deep=True)
    case.intake.paths = [p for p in case.intake.paths if not (p.side == "client" and p.kind == "litigate")]
    demo_store.save(case, expected_revision=stored.revision, step="intake", summary="drop a path")
    at = open_page("margin", DEMO_ID)
    assert "No walk-away point can be suggested from the intake yet." in texts(at)
    assert "margin.client.use_batna" not in [button.key for button in at.button]
