"""AppTests of the two suggested packages: one rule for both, said once when no package passes it."""
from __future__ import annotations

import json
from decimal import Decimal

from negotiation.adapters.demo import DEMO_ID
from tests.apptest import open_page, texts

NONE_PASS = "No package gives both sides at least their best alternative, so none is suggested"


def chart_traces(at) -> list[str]:
    (chart,) = at.get("plotly_chart")
    return [trace.get("name") for trace in json.loads(chart.proto.spec)["data"]]


def save_batnas(store, client, vendor) -> None:
    case = store.get(DEMO_ID).case
    case.options.batna_client, case.options.batna_vendor = client, vendor
    store.save(case, expected_revision=1, step="options", summary="BATNA values edited")


def test_the_demo_says_which_rule_the_suggestions_follow_and_shows_both(demo_store):
    page = texts(open_page("options", DEMO_ID))
    assert ("Only packages that give each side at least its best alternative (BATNA) are suggested: "
            "12 of the 14 efficient packages.") in page
    assert "Balanced package (max–min)" in page and "Nash bargaining package" in page
    assert "the client gains **+3.5**, the vendor **+3.6** points over its BATNA" in page


def test_a_batna_no_package_reaches_leaves_one_sentence_and_no_suggestion_below_it(demo_store):
    at = open_page("options", DEMO_ID)
    # The best any package gives the vendor is 8.6 / 10.
    at.number_input(key="w:batna.vendor").set_value(9.0)
    at.button(key="FormSubmitter:options.batna-Save BATNA values").click().run()
    assert not at.exception
    page = texts(at)
    assert page.count(NONE_PASS) == 1  # said once, for both suggestions
    assert "Balanced package (max–min)" not in page and "Nash bargaining package" not in page
    # No negative gain anywhere among the suggestions.
    assert "−" not in page.split("Two fair suggestions")[1].split("The package on the table")[0]
    assert "Balanced (max–min)" not in chart_traces(at) and "Nash" not in chart_traces(at)


def test_an_unset_batna_is_not_zero_the_suggestions_wait_until_it_is_entered(demo_store):
    save_batnas(demo_store, None, Decimal("3.0"))
    at = open_page("options", DEMO_ID)
    page = texts(at)
    assert ("No package is suggested yet: a suggestion must give each side at least its best alternative, "
            "and the client's BATNA is not entered yet.") in page
    assert "gains" not in page.split("Two fair suggestions")[1].split("The package on the table")[0]
    assert "Nash" not in chart_traces(at)
    at.number_input(key="w:batna.client").set_value(3.5)
    at.button(key="FormSubmitter:options.batna-Save BATNA values").click().run()
    assert not at.exception
    assert "12 of the 14 efficient packages" in texts(at)


def test_with_neither_batna_entered_the_page_says_both_are_missing(demo_store):
    save_batnas(demo_store, None, None)
    page = texts(open_page("options", DEMO_ID))
    assert "neither BATNA is entered yet" in page
    assert "counted from 0" not in page
