"""One AppTest per page: it renders the demo case without an exception and shows the case's data."""
from __future__ import annotations

import tomllib
from decimal import Decimal

import pytest

from negotiation.adapters.cases import MAX_IMPORT_BYTES
from negotiation.adapters.demo import DEMO_ID
from negotiation.adapters.store import MAX_BACKUP_BYTES
from negotiation.data.parties import Tier
from tests.apptest import errors, open_page, texts
from tests.conftest import ROOT
from ui.home import megabytes


@pytest.mark.parametrize("step, expected", [
    ("home", "Nordhaven / Meridian"),
    ("case", "Meridian Global IT Services Ltd."),
    ("intake", "eighteen months late"),
    ("interests", "normal margin"),
    ("options", "Regional staging depots"),
    ("system", "9,800 laptops"),
    ("margin", "€27,900,000.00"),
    ("agreement", "Amsterdam"),
])
def test_each_page_shows_the_demo_case(demo_store, step, expected):
    at = open_page(step, DEMO_ID)
    page_text = texts(at) + "".join(str(w.value) for w in at.text_input)
    assert expected in page_text


def test_without_a_case_a_step_page_says_so_and_links_to_the_cases(store):
    at = open_page("intake")
    assert "No case is open" in texts(at)


def test_starting_a_new_case_stores_it_and_opens_the_case_page(store):
    at = open_page("home")
    at.text_input(key="home.new.title").input("Acme rescue")
    at.text_input(key="home.new.client").input("Acme B.V.")
    at.text_input(key="home.new.vendor").input("Softworks Ltd")
    at.text_input(key="home.new.mediator").input("J. Janssen")
    at.button(key="FormSubmitter:home.new-Create case").click().run()
    assert not at.exception
    (summary,) = store.list()
    assert summary.title == "Acme rescue"
    assert store.get(summary.id).case.vendor.name == "Softworks Ltd"


def test_a_new_case_without_a_client_name_is_refused_next_to_the_field(store):
    at = open_page("home")
    at.text_input(key="home.new.title").input("Acme rescue")
    at.text_input(key="home.new.vendor").input("Softworks Ltd")
    at.text_input(key="home.new.mediator").input("J. Janssen")
    at.button(key="FormSubmitter:home.new-Create case").click().run()
    assert "This cannot be empty." in errors(at)
    assert store.list() == []


def test_a_bad_amount_in_the_contract_is_explained_and_nothing_is_saved(demo_store):
    at = open_page("case", DEMO_ID)
    at.text_input(key="w:contract.value").input("lots")
    at.text_input(key="w:contract.paid").input("-5")
    at.button(key="FormSubmitter:case.contract-Save contract").click().run()
    assert "Type an amount such as 1,250,000.5." in errors(at)
    assert "Must be 0 or more." in errors(at)
    stored = demo_store.get(DEMO_ID)
    assert stored.revision == 1 and stored.case.contract.value == Decimal("48600000.00")


def test_a_contract_edit_typed_the_local_way_is_saved_and_logged(demo_store):
    at = open_page("case", DEMO_ID)
    at.text_input(key="w:contract.value").input("49,100,000.00")
    at.button(key="FormSubmitter:case.contract-Save contract").click().run()
    assert not at.exception
    stored = demo_store.get(DEMO_ID)
    assert stored.case.contract.value == Decimal("49100000.00")
    assert demo_store.history(DEMO_ID)[0].summary == "contract edited"
    assert at.text_input(key="w:contract.value").value == "49,100,000"


def test_adding_a_person_shows_them_in_the_list(demo_store):
    at = open_page("case", DEMO_ID)
    at.text_input(key="w:person.client.new.name").input("Joost Bakker")
    at.text_input(key="w:person.client.new.title").input("Legal Counsel")
    at.button(key="FormSubmitter:case.person.client-Add a person").click().run()
    assert not at.exception
    assert "Joost Bakker" in texts(at)
    assert any(p.name == "Joost Bakker" for p in demo_store.get(DEMO_ID).case.client.people)


def test_a_second_signing_director_is_refused(demo_store):
    at = open_page("case", DEMO_ID)
    at.text_input(key="w:person.vendor.new.name").input("Second Director")
    at.selectbox(key="w:person.vendor.new.tier").set_value(Tier.EXECUTIVE)
    at.checkbox(key="w:person.vendor.new.signs").check()
    at.button(key="FormSubmitter:case.person.vendor-Add a person").click().run()
    assert any("Only one director signs" in e for e in errors(at))
    assert len(demo_store.get(DEMO_ID).case.vendor.people) == 4


def test_archiving_hides_a_case_and_show_archived_brings_it_back(demo_store):
    at = open_page("home", DEMO_ID)
    at.button(key=f"home.archive.{DEMO_ID}").click().run()
    assert demo_store.list() == []
    at.toggle(key="home.show_archived").set_value(True).run()
    assert "archived" in texts(at)
    at.button(key=f"home.unarchive.{DEMO_ID}").click().run()
    assert [c.id for c in demo_store.list()] == [DEMO_ID]


def test_the_agreement_page_saves_the_place_of_signing(demo_store):
    at = open_page("agreement", DEMO_ID)
    at.text_input(key="w:agreement.place").input("Utrecht")
    at.button(key="FormSubmitter:agreement.signing-Save signing details").click().run()
    assert demo_store.get(DEMO_ID).case.agreement.place == "Utrecht"


def test_editing_a_person_changes_only_that_person(demo_store):
    at = open_page("case", DEMO_ID)
    choice = at.selectbox(key="case.person_choice.vendor")
    choice.select_index(choice.options.index("Mark Ellison")).run()
    at.text_input(key="w:person.vendor.v-sales.title").input("Client Partner (Sales), Europe")
    at.button(key="FormSubmitter:case.person.vendor-Save person").click().run()
    vendor = demo_store.get(DEMO_ID).case.vendor
    assert next(p for p in vendor.people if p.id == "v-sales").title == "Client Partner (Sales), Europe"
    assert next(p for p in vendor.people if p.id == "v-exec").signs


def test_removing_a_person_who_is_on_the_ladder_is_refused_with_the_reason(demo_store):
    at = open_page("case", DEMO_ID)
    choice = at.selectbox(key="case.person_choice.client")
    choice.select_index(choice.options.index("Ana Lopes")).run()
    at.button(key="FormSubmitter:case.person.client-Remove this person").click().run()
    assert any("not one of the case's people" in e for e in errors(at))
    assert len(demo_store.get(DEMO_ID).case.client.people) == 4


def test_every_step_after_the_intake_shows_the_conditions_of_the_recognition_check(demo_store):
    for step in ("interests", "options", "system", "margin", "agreement"):
        at = open_page(step, DEMO_ID)
        assert any("proceeds on conditions" in w.value for w in at.warning), step


def test_when_a_side_refuses_to_continue_every_later_page_says_the_workshop_runs_against_the_verdict(demo_store):
    from negotiation.data.intake import Answer, Statement

    case = demo_store.get(DEMO_ID).case
    case.intake.recognition.answers = [
        a.model_copy(update={"answer": Answer.NO, "note": "We want to leave."})
        if a.side.value == "client" and a.statement is Statement.CONTINUE else a
        for a in case.intake.recognition.answers
    ]
    demo_store.save(case, expected_revision=1, step="intake", summary="client refuses")
    for step in ("interests", "margin", "agreement"):
        at = open_page(step, DEMO_ID)
        assert any("runs against its verdict" in e for e in errors(at)), step
    assert not any("runs against" in e for e in errors(open_page("case", DEMO_ID)))


def test_each_upload_has_its_own_limit_and_the_server_allows_the_largest(demo_store):
    at = open_page("home", DEMO_ID)
    limits = {u.proto.id.rsplit("-", 1)[-1]: u.proto.max_upload_size_mb for u in at.get("file_uploader")}
    assert limits == {"home.import": megabytes(MAX_IMPORT_BYTES), "home.backup.file": megabytes(MAX_BACKUP_BYTES)}
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == megabytes(MAX_BACKUP_BYTES)
