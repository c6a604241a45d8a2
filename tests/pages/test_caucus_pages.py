"""The screen-mode switch, the caucus page, the history page and the projector, in AppTest."""
from __future__ import annotations

from decimal import Decimal

import pytest
from streamlit.testing.v1 import AppTest

from negotiation.adapters.cases import new_case
from negotiation.adapters.demo import DEMO_ID
from tests.apptest import PAGES, errors, open_page, texts
from tests.conftest import ROOT
from tests.payload_case import read_back


def html_bodies(at) -> str:
    return "\n".join(str(h.proto.body) for h in at.get("html"))


@pytest.mark.parametrize("step", [s for s in PAGES if s != "projector"])
def test_every_page_says_which_view_is_on(demo_store, step):
    assert "Mediator view" in texts(open_page(step, DEMO_ID))
    assert "Shared-screen view" in texts(open_page(step, DEMO_ID, screen_mode="shared"))


def test_the_switch_turns_on_shared_screen_view_with_larger_type_and_it_stays_on_across_pages(demo_store):
    at = open_page("case", DEMO_ID)
    assert "font-size" not in html_bodies(at)
    at.toggle(key="screen_mode_switch").set_value(True).run()
    assert "Shared-screen view" in texts(at) and "Mediator view" not in texts(at)
    assert "font-size: 24px" in html_bodies(at)
    at.switch_page(PAGES["margin"]).run()
    assert "Shared-screen view" in texts(at)
    assert at.toggle(key="screen_mode_switch").value is True
    at.toggle(key="screen_mode_switch").set_value(False).run()
    assert "Leave shared-screen view?" in texts(at) and "Mediator view" not in texts(at)
    at.button(key="screen_leave_confirm").click().run()
    assert "Mediator view" in texts(at)


def test_a_link_with_view_shared_opens_the_window_in_shared_screen_view(demo_store):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["view"] = "shared"
    at.run()
    assert "Shared-screen view" in texts(at)
    assert "view" not in at.query_params  # removed, so the switch decides from now on


def test_an_edit_in_shared_screen_view_keeps_the_confidential_caucus(demo_store):
    before = demo_store.get(DEMO_ID).case.caucus
    at = open_page("case", DEMO_ID, screen_mode="shared")
    at.text_input(key="w:contract.reference").input("SHARED-REF")
    at.button(key="FormSubmitter:case.contract-Save contract").click().run()
    stored = demo_store.get(DEMO_ID).case
    assert stored.contract.reference == "SHARED-REF"
    assert stored.caucus == before


def test_the_cases_page_in_shared_screen_view_shows_only_the_open_case_and_no_files(demo_store):
    demo_store.add(new_case("Another mediation", "Other Client B.V.", "Other Vendor", "M. Ediator"))
    shared = texts(open_page("home", DEMO_ID, screen_mode="shared"))
    assert "Nordhaven / Meridian" in shared and "Another mediation" not in shared
    assert "Backup of all cases" not in shared
    mediator = open_page("home", DEMO_ID)
    assert "Another mediation" in texts(mediator) and "Backup of all cases" in texts(mediator)
    assert [b.proto.label for b in mediator.get("download_button")] == [
        "Download this case as JSON", "Download a backup of all cases"]


def test_a_note_added_in_the_caucus_is_confidential_until_released(demo_store):
    at = open_page("caucus", DEMO_ID)
    at.text_area(key="w:caucus.vendor.new_note").input("The vendor can start on 5 January.")
    at.button(key="FormSubmitter:caucus.add_note.vendor-Add the note").click().run()
    assert not at.exception
    note = demo_store.get(DEMO_ID).case.caucus.vendor.notes[-1]
    assert (note.text, note.released) == ("The vendor can start on 5 January.", False)
    assert "5 January" not in texts(open_page("caucus", DEMO_ID, screen_mode="shared"))

    at.button(key=f"caucus.release.{note.id}").click().run()
    assert demo_store.get(DEMO_ID).case.caucus.vendor.notes[-1].released
    assert "5 January" in texts(open_page("caucus", DEMO_ID, screen_mode="shared"))
    assert demo_store.history(DEMO_ID)[0].summary == "vendor note released"


def test_a_figure_with_an_unreadable_amount_is_refused_and_nothing_is_saved(demo_store):
    at = open_page("caucus", DEMO_ID)
    at.text_input(key="w:caucus.client.new_figure.label").input("Budget line")
    at.text_input(key="w:caucus.client.new_figure.amount").input("a lot")
    at.button(key="FormSubmitter:caucus.add_figure.client-Add the figure").click().run()
    assert any("Type an amount" in e for e in errors(at))
    assert demo_store.get(DEMO_ID).revision == 1


def test_releasing_both_walk_aways_shows_the_zone_width_on_the_shared_screen(demo_store):
    at = open_page("caucus", DEMO_ID)
    for role in ("client", "vendor"):
        at.checkbox(key=f"w:caucus.{role}.walk_away_released").check()
        at.button(key=f"FormSubmitter:caucus.walk_away.{role}-Save the walk-away").click().run()
        assert not at.exception
    shared = texts(open_page("caucus", DEMO_ID, screen_mode="shared"))
    assert "the zone is €950,000.00 wide" in shared
    assert "€54,900,000.00" in shared  # released by the client, so it may be shown


def test_a_walk_away_below_the_other_sides_shows_no_zone_and_hides_the_gap(demo_store):
    at = open_page("caucus", DEMO_ID)
    at.text_input(key="w:caucus.client.walk_away").input("29,000,000")
    at.button(key="FormSubmitter:caucus.walk_away.client-Save the walk-away").click().run()
    assert demo_store.get(DEMO_ID).case.caucus.client.walk_away == Decimal("29000000")
    shared = texts(open_page("caucus", DEMO_ID, screen_mode="shared"))
    assert "There is no zone of agreement yet" in shared
    assert "stays confidential" in shared and "29,000,000" not in shared


def test_the_caucus_cannot_be_changed_from_shared_screen_view(demo_store):
    at = open_page("caucus", DEMO_ID, screen_mode="shared")
    assert at.get("form") == [] and at.button == []


def test_restoring_a_step_from_the_history_page_is_a_logged_change(demo_store):
    work = demo_store.get(DEMO_ID).case
    work.margin.price = Decimal("1.00")
    demo_store.save(work, expected_revision=1, step="margin", summary="price edited")
    at = open_page("history", DEMO_ID)
    at.selectbox(key="history.restore.step").set_value("margin").run()
    at.selectbox(key="history.restore.revision").set_value(1).run()
    assert "price: “1.00” → “54380000.00”" in read_back(texts(at))  # escaped for markdown on the page
    at.button(key="history.restore.go").click().run()
    assert not at.exception
    stored = demo_store.get(DEMO_ID)
    assert stored.case.margin.price == Decimal("54380000.00") and stored.revision == 3
    assert demo_store.history(DEMO_ID)[0].summary == "6 · Fair margin restored to revision 1"
    assert "restored to revision 1" in texts(at)


def test_the_history_in_shared_screen_view_cannot_restore_the_caucus(demo_store):
    work = demo_store.get(DEMO_ID).case
    work.title = "Retitled"
    demo_store.save(work, expected_revision=1, step="case", summary="title")
    at = open_page("history", DEMO_ID, screen_mode="shared")
    assert "caucus" not in at.selectbox(key="history.restore.step").options


def open_projector() -> AppTest:
    at = AppTest.from_file(str(ROOT / PAGES["projector"]), default_timeout=60)
    at.query_params["case"] = DEMO_ID
    return at.run()


def test_the_projector_follows_the_step_the_mediator_opens(demo_store):
    mediator = open_page("intake", DEMO_ID)
    projector = open_projector()
    assert "Following the mediator: 2 · Intake" in texts(projector)
    mediator.switch_page(PAGES["margin"]).run()
    projector.run()
    assert "Following the mediator: 6 · Fair margin" in texts(projector)
    frame = projector.get("iframe")
    assert frame and "€27,900,000.00" in str(frame[0].proto)


def test_the_projector_is_read_only(demo_store):
    open_page("case", DEMO_ID)
    projector = open_projector()
    widgets = ("button", "text_input", "text_area", "selectbox", "checkbox", "toggle", "download_button", "form")
    assert all(projector.get(kind) == [] for kind in widgets)


def test_the_projector_shows_a_change_saved_by_the_mediator(demo_store):
    mediator = open_page("case", DEMO_ID)
    projector = open_projector()
    mediator.text_input(key="w:contract.reference").input("REF-SEEN-ON-THE-PROJECTOR")
    mediator.button(key="FormSubmitter:case.contract-Save contract").click().run()
    projector.run()
    assert "REF-SEEN-ON-THE-PROJECTOR" in str(projector.get("iframe")[0].proto)


def test_without_a_step_the_projector_waits_for_the_mediator(store):
    store.add(new_case("Empty", "C B.V.", "V Ltd", "M. Ediator"))
    at = AppTest.from_file(str(ROOT / PAGES["projector"]), default_timeout=60).run()
    assert "The mediator opens the projector view from a case" in texts(at)
