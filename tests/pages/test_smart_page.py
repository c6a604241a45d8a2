"""AppTests of the Decently working system page: write a criterion, watch the check, templates, acceptance."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from negotiation.adapters.demo import DEMO_ID
from negotiation.data.smart import Acceptance
from tests.apptest import errors, open_page, texts

NEW = "w:sc.__new__."
GOOD = ("From 1 March 2027, 95 % of laptop swaps are done within 2 business days, measured monthly from ServiceNow, "
        "owned by Ana Lopes (client) and Sanjay Iyer (vendor).")


def _without(store, *criterion_ids):
    """Store the demo case without some of its criteria, as if they had not been written yet."""
    stored = store.get(DEMO_ID)
    case = stored.case
    case.system.criteria = [c for c in case.system.criteria if c.id not in criterion_ids]
    store.save(case, expected_revision=stored.revision, step="system", summary="test setup")


def _with_unaccepted(store):
    stored = store.get(DEMO_ID)
    case = stored.case
    first = case.system.criteria[0]
    case.system.criteria[0] = first.model_copy(update={"client_acceptance": Acceptance(),
                                                       "vendor_acceptance": Acceptance()})
    store.save(case, expected_revision=stored.revision, step="system", summary="test setup")
    return first.id


def test_the_page_shows_the_definition_and_its_coverage_at_a_glance(demo_store):
    at = open_page("system", DEMO_ID)
    page = texts(at)
    assert "The definition holds 8 of 8 criteria: SMART and accepted by both sides." in page
    assert "no criterion yet" in page  # one demo interest has no criterion
    assert [m.value for m in at.metric][:3] == ["8", "8 / 8", "8 / 8"]


def test_the_check_changes_as_a_vague_criterion_is_fixed(demo_store):
    at = open_page("system", DEMO_ID)
    at.text_area(key=NEW + "statement").input("The vendor swaps broken laptops as soon as possible.").run()
    page = texts(at)
    assert "Not SMART yet" in page
    assert "“as soon as possible” does not say how fast" in page
    assert "within H business hours" in page
    at.text_area(key=NEW + "statement").input(GOOD).run()
    page = texts(at)
    assert "as soon as possible" not in page
    assert "Measurable** — A number with a unit" in page
    assert "Time-bound** — Has a date." in page
    # Issue 15: the owners are fields; until they are filled in that is a note beside S, not a failed S.
    assert "Specific** — Says what, without vague words" in page
    assert "**Note:** Name the owners in their fields" in page
    at.button(key="system.fill").click().run()
    page = texts(at)
    assert "Specific** — Says what, without vague words" in page
    assert "Name the owners in their fields" not in page


def test_writing_a_criterion_from_one_sentence_fills_the_fields_and_saves_it(demo_store):
    at = open_page("system", DEMO_ID)
    at.text_area(key=NEW + "statement").input(GOOD).run()
    at.button(key="system.fill").click().run()
    assert at.text_input(key=NEW + "target").value == "95"
    assert at.text_input(key=NEW + "unit").value == "%"
    assert at.text_input(key=NEW + "measured_where").value == "ServiceNow"
    assert at.date_input(key=NEW + "date").value == dt.date(2027, 3, 1)
    assert at.selectbox(key=NEW + "client_owner").value == "c-ops"
    assert at.selectbox(key=NEW + "vendor_owner").value == "v-ops"
    assert "were filled from the sentence" in texts(at)
    at.selectbox(key=NEW + "confirmed_by").set_value("v-ops")
    at.text_area(key=NEW + "achievable_why").input("Swap stock in every depot.")
    at.multiselect(key=NEW + "complaint_ids").set_value(["cp-servicedesk"])
    at.button(key="system.save").click().run()
    assert not at.exception and errors(at) == []
    stored = demo_store.get(DEMO_ID)
    assert stored.revision == 2
    saved = stored.case.system.criteria[-1]
    assert saved.statement == GOOD and saved.target == Decimal("95") and saved.unit == "%"
    assert saved.client_owner == "c-ops" and saved.complaint_ids == ["cp-servicedesk"]
    assert "Criterion 9 is saved." in texts(at)


@pytest.mark.parametrize("target, unit, date, message", [
    ("120", "%", None, "A percentage cannot be more than 100 %."),
    ("8", "", None, "A target needs a unit: %, business hours, days, laptops, EUR …"),
    ("95", "%", dt.date(2026, 6, 1), "before this case was opened on 2 November 2026"),
    ("95", "%", dt.date(2024, 6, 1), "before the contract started on 6 January 2025"),
    ("lots", "%", None, "Type a number such as 95.5."),
])
def test_an_impossible_criterion_is_explained_next_to_its_field_and_nothing_is_stored(demo_store, target, unit,
                                                                                      date, message):
    at = open_page("system", DEMO_ID)
    at.text_area(key=NEW + "statement").input(GOOD)
    at.text_input(key=NEW + "target").input(target)
    at.text_input(key=NEW + "unit").input(unit)
    if date is not None:
        at.date_input(key=NEW + "date").set_value(date)
    at.button(key="system.save").click().run()
    assert any(message in e for e in errors(at)), errors(at)
    stored = demo_store.get(DEMO_ID)
    assert stored.revision == 1 and len(stored.case.system.criteria) == 8


def test_applying_a_template_from_an_unanswered_complaint_fills_the_editor(demo_store):
    _without(demo_store, "sc-p1")
    at = open_page("system", DEMO_ID)
    assert "incidents are resolved within H business hours" in texts(at)
    at.button(key="system.template.cp-servicedesk").click().run()
    statement = at.text_area(key=NEW + "statement").value
    assert statement.startswith("From DATE, N % of priority-1 incidents")
    assert at.multiselect(key=NEW + "complaint_ids").value == ["cp-servicedesk"]
    assert "Still a template: fill in" in texts(at)
    completed = (statement.replace("DATE", "1 February 2027").replace("N %", "95 %").replace("H business", "8 business")
                 .replace("SYSTEM", "the ServiceNow SLA report"))
    at.text_area(key=NEW + "statement").input(completed)
    at.button(key="system.save").click().run()
    saved = demo_store.get(DEMO_ID).case.system.criteria[-1]
    assert saved.complaint_ids == ["cp-servicedesk"] and saved.area.value == "service_desk"
    assert saved.statement.startswith("From 1 February 2027, 95 % of priority-1 incidents")


def test_both_sides_accept_a_criterion_with_who_and_when(demo_store):
    cid = _with_unaccepted(demo_store)
    at = open_page("system", DEMO_ID)
    assert "The definition holds 7 of 8 criteria" in texts(at)
    at.selectbox(key=f"w:sc.accept.client.{cid}.who").set_value("c-exec")
    at.date_input(key=f"w:sc.accept.client.{cid}.when").set_value(dt.date(2026, 12, 8))
    at.button(key=f"system.accept.client.{cid}").click().run()
    assert "The client accepted criterion 1." in texts(at)
    at.selectbox(key=f"w:sc.accept.vendor.{cid}.who").set_value("v-exec")
    at.button(key=f"system.accept.vendor.{cid}").click().run()
    criterion = demo_store.get(DEMO_ID).case.system.get(cid)
    assert criterion.client_acceptance == Acceptance(accepted=True, by="c-exec", on=dt.date(2026, 12, 8))
    assert criterion.vendor_acceptance.accepted and criterion.vendor_acceptance.by == "v-exec"
    assert "The definition holds 8 of 8 criteria" in texts(at)


def test_an_acceptance_dated_before_the_case_opened_is_refused(demo_store):
    cid = _with_unaccepted(demo_store)
    at = open_page("system", DEMO_ID)
    at.date_input(key=f"w:sc.accept.client.{cid}.when").set_value(dt.date(2026, 1, 5))
    at.button(key=f"system.accept.client.{cid}").click().run()
    assert any("cannot be dated before the case was opened" in e for e in errors(at))
    assert demo_store.get(DEMO_ID).revision == 2


def test_editing_the_target_of_an_accepted_criterion_asks_both_sides_to_accept_again(demo_store):
    at = open_page("system", DEMO_ID)
    at.button(key="system.edit.sc-p1").click().run()
    at.text_input(key="w:sc.sc-p1.target").input("90")
    at.button(key="system.save").click().run()
    assert "both sides must accept it again" in texts(at)
    criterion = demo_store.get(DEMO_ID).case.system.get("sc-p1")
    assert criterion.target == Decimal("90") and not criterion.client_acceptance.accepted


def test_withdrawing_an_acceptance_takes_the_criterion_out_of_the_definition(demo_store):
    at = open_page("system", DEMO_ID)
    at.button(key="system.withdraw.vendor.sc-rate").click().run()
    assert not demo_store.get(DEMO_ID).case.system.get("sc-rate").vendor_acceptance.accepted
    assert "The definition holds 7 of 8 criteria" in texts(at)


def test_deleting_a_criterion_removes_it(demo_store):
    at = open_page("system", DEMO_ID)
    at.button(key="system.edit.sc-reporting").click().run()
    at.button(key="system.delete").click().run()
    assert demo_store.get(DEMO_ID).case.system.get("sc-reporting") is None
    assert not at.exception
