"""The largest case the store accepts: a long list shows its first editors and offers the rest."""
from __future__ import annotations

from negotiation.adapters.bench.limits import largest_case
from negotiation.adapters.demo import DEMO_ID
from tests.apptest import open_page, texts
from ui.interests import SHOWN_FIRST


def test_a_long_list_of_interests_shows_its_first_editors_and_a_switch_for_all_of_them(store):
    case = largest_case()
    store.add(case)
    at = open_page("interests", case.id)
    assert f"Showing the first {SHOWN_FIRST} of" in texts(at)
    switches = [s for s in at.toggle if s.key and s.key.startswith("interests.show_all.")]
    assert switches, "no switch to show the whole list"
    before = len(at.get("form"))
    at.toggle(key=switches[0].key).set_value(True).run()
    assert not at.exception
    assert len(at.get("form")) > before


def test_the_demo_s_short_lists_show_whole_with_no_switch(demo_store):
    at = open_page("interests", DEMO_ID)
    assert "Showing the first" not in texts(at)
    assert not [s for s in at.toggle if s.key and s.key.startswith("interests.show_all.")]
