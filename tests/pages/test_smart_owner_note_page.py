"""Issue 15 on the Decently working system page: a missing owner is a note beside S, and keeps a criterion
out of the definition until both owner fields are filled in."""
from __future__ import annotations

from negotiation.adapters.demo import DEMO_ID
from tests.apptest import open_page, texts

NEW = "w:sc.__new__."
WITHOUT_OWNER = ("From 1 March 2027, at least 95 % of laptop swaps are done within 2 business days, "
                 "as recorded in ServiceNow.")


def _without_owners(store, criterion_id):
    stored = store.get(DEMO_ID)
    case = stored.case
    case.system.criteria = [c.model_copy(update={"client_owner": None, "vendor_owner": None})
                            if c.id == criterion_id else c for c in case.system.criteria]
    store.save(case, expected_revision=stored.revision, step="system", summary="test setup")


def test_a_sentence_without_an_owner_passes_specific_and_shows_the_owners_as_a_note(demo_store):
    at = open_page("system", DEMO_ID)
    at.text_area(key=NEW + "statement").input(WITHOUT_OWNER).run()
    page = texts(at)
    assert "Specific** — Says what, without vague words" in page
    assert "**Note:** Name the owners in their fields" in page
    # The draft's fields say nothing of A and R yet; S is not among the letters that fail.
    assert "Not SMART yet: achievable, relevant." in page
    specific = next(box for box in at.success if "Specific" in box.value)
    assert specific.icon == ":material/check_circle:"


def test_a_saved_criterion_without_owners_is_almost_smart_and_stays_out_of_the_definition(demo_store):
    _without_owners(demo_store, "sc-p1")
    at = open_page("system", DEMO_ID)
    page = texts(at)
    assert "The definition holds 7 of 8 criteria" in page
    assert "Almost SMART: name the owners at the client and at the vendor in their fields." in page
    assert [m.value for m in at.metric][1] == "7 / 8"

