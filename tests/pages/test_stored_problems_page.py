"""A case stored before today's text rules opens as it was stored, lists what breaks a rule, and still saves."""
from __future__ import annotations

import json

from negotiation.adapters.demo import DEMO_ID, demo_case
from negotiation.adapters.store import BACKUP_FORMAT, BACKUP_VERSION
from tests.apptest import open_page, texts

OVERRIDE = "\u202e"


def store_a_legacy_case(store) -> None:
    """The demo with a right-to-left override in a complaint, as a store from before the rule would hold it."""
    document = demo_case().model_dump(mode="json")
    document["intake"]["complaints"][0]["statement"] += f" {OVERRIDE}DESREVER"
    store.restore_backup(json.dumps({"format": BACKUP_FORMAT, "version": BACKUP_VERSION,
                                     "cases": [{"archived": False, "document": document}]}))


def test_a_stored_case_that_breaks_a_newer_rule_opens_and_lists_its_problem_on_every_step(store):
    store_a_legacy_case(store)
    for step in ("case", "intake", "agreement"):
        at = open_page(step, DEMO_ID)
        page = texts(at)
        assert "was stored before some of today's rules, and breaks 1 of them" in page
        assert "invisible direction mark" in page and r"U\+202E" in page
        assert "intake.complaints.0.statement" in page


def test_an_edit_elsewhere_in_such_a_case_is_saved(store):
    store_a_legacy_case(store)
    at = open_page("case", DEMO_ID)
    at.text_area(key="w:case.summary").input("Both sides agree the laptops must be replaced by June.")
    at.button(key="FormSubmitter:case.details-Save case details").click().run()
    assert store.get(DEMO_ID).case.summary == "Both sides agree the laptops must be replaced by June."
    assert OVERRIDE in store.get(DEMO_ID).case.intake.complaints[0].statement  # untouched until edited


def test_a_case_that_meets_every_rule_shows_no_list(demo_store):
    assert "was stored before some of today's rules" not in texts(open_page("intake", DEMO_ID))
