"""Leaving shared-screen view is a deliberate act: one click in front of the parties shows nothing."""
from __future__ import annotations

from negotiation.adapters.demo import DEMO_ID
from tests.apptest import PAGES, open_page, texts
from tests.pages.test_caucus_confidential import dump

DEMO_SECRET = "True cost floor to complete the deal"


def switch_off(at):
    at.toggle(key="screen_mode_switch").set_value(False).run()
    return at


def test_turning_the_switch_off_in_shared_view_asks_first_and_shows_nothing_confidential(demo_store):
    at = switch_off(open_page("caucus", DEMO_ID, screen_mode="shared"))
    page = texts(at)
    assert "Leave shared-screen view?" in page and "Shared-screen view" in page
    assert "Mediator view" not in page
    assert DEMO_SECRET not in dump(at)
    assert at.toggle(key="screen_mode_switch").disabled


def test_the_confirmation_names_what_would_become_visible(demo_store):
    warning = " ".join(w.value for w in switch_off(open_page("case", DEMO_ID, screen_mode="shared")).warning)
    # The demo: the client keeps 2 notes, 2 figures and its walk-away; the vendor 2 notes, 2 figures and its walk-away.
    assert "the client's 2 confidential notes, 2 confidential figures and walk-away price" in warning
    assert "the vendor's 2 confidential notes, 2 confidential figures and walk-away price" in warning
    assert "Turn the screen away from the parties" in warning


def test_confirming_shows_the_mediator_view(demo_store):
    at = switch_off(open_page("caucus", DEMO_ID, screen_mode="shared"))
    at.button(key="screen_leave_confirm").click().run()
    assert "Mediator view" in texts(at) and DEMO_SECRET in dump(at)
    assert "Leave shared-screen view?" not in texts(at)


def test_staying_keeps_shared_view_and_the_question_goes_away(demo_store):
    at = switch_off(open_page("caucus", DEMO_ID, screen_mode="shared"))
    at.button(key="screen_leave_stay").click().run()
    assert "Shared-screen view" in texts(at) and "Leave shared-screen view?" not in texts(at)
    assert DEMO_SECRET not in dump(at)
    at.switch_page(PAGES["margin"]).run()
    assert "Shared-screen view" in texts(at)


def test_turning_shared_view_on_needs_no_confirmation(demo_store):
    at = open_page("case", DEMO_ID)
    at.toggle(key="screen_mode_switch").set_value(True).run()
    assert "Shared-screen view" in texts(at) and "Leave shared-screen view?" not in texts(at)
