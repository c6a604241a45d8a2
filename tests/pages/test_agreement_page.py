"""AppTests of the Agreement page: commitments, the ladder, finalising, comparing."""
from __future__ import annotations

import datetime as dt

from negotiation.adapters.demo import DEMO_ID
from tests.apptest import errors, open_page, texts
from tests.payload_case import read_back


def test_the_page_shows_the_demo_commitments_ladder_and_draft_status(demo_store):
    at = open_page("agreement", DEMO_ID)
    page = texts(at)
    assert "Draft, version 1" in page
    assert "Replace the remaining 3,700 laptops" in page
    assert "feasibility confirmed by delivery: Claire Dubois" in page
    assert "5. Arbitration or court · 120 working days · critical: 20" in page


def test_adding_a_commitment_saves_it(demo_store):
    at = open_page("agreement", DEMO_ID)
    at.text_area(key="w:agreement.new.what").input("Name a single contact for all refresh approvals")
    at.date_input(key="w:agreement.new.due").set_value(dt.date(2027, 1, 31))
    at.button(key="FormSubmitter:agreement.add_commitment-Add a commitment").click().run()
    assert not at.exception, [e.message for e in at.exception]
    stored = demo_store.get(DEMO_ID).case.agreement.commitments
    assert any(c.what == "Name a single contact for all refresh approvals" and c.owner_id == "c-exec" for c in stored)
    assert "Commitment added." in texts(at)


def test_a_commitment_without_a_date_is_refused_and_nothing_is_saved(demo_store):
    at = open_page("agreement", DEMO_ID)
    at.text_area(key="w:agreement.new.what").input("Something without a date")
    at.button(key="FormSubmitter:agreement.add_commitment-Add a commitment").click().run()
    assert "This is required." in errors(at)
    assert demo_store.get(DEMO_ID).revision == 1


def test_a_vendor_commitment_confirmed_without_saying_by_whom_is_refused(demo_store):
    at = open_page("agreement", DEMO_ID)
    at.radio(key="w:agreement.new.side").set_value(at.radio(key="w:agreement.new.side").options[1]).run()
    at.radio(key="w:agreement.new.side")
    at.text_area(key="w:agreement.new.what").input("Weekly depot status")
    at.date_input(key="w:agreement.new.due").set_value(dt.date(2027, 1, 31))
    at.checkbox(key="w:agreement.new.confirmed").check()
    at.button(key="FormSubmitter:agreement.add_commitment-Add a commitment").click().run()
    assert any("Say who in the delivery team confirmed" in e for e in errors(at))
    assert demo_store.get(DEMO_ID).revision == 1


def test_a_ladder_level_with_a_slower_expedited_path_is_refused(demo_store):
    at = open_page("agreement", DEMO_ID)
    at.number_input(key="w:tier.management.expedited").set_value(15)
    at.button(key="FormSubmitter:agreement.tier.management-Save this level").click().run()
    assert "The expedited path for critical issues cannot take longer than the normal one." in errors(at)
    assert demo_store.get(DEMO_ID).revision == 1


def test_a_ladder_level_without_contacts_is_refused(demo_store):
    at = open_page("agreement", DEMO_ID)
    at.multiselect(key="w:tier.executive.vendor").set_value([])
    at.button(key="FormSubmitter:agreement.tier.executive-Save this level").click().run()
    assert any("needs a contact on both sides" in e for e in errors(at))
    assert demo_store.get(DEMO_ID).revision == 1


def test_finalising_makes_version_one_final_and_a_change_starts_draft_two(demo_store):
    at = open_page("agreement", DEMO_ID)
    at.checkbox(key="agreement.finalise.confirm").check().run()
    at.button(key="agreement.finalise").click().run()
    assert not at.exception
    assert "Final, version 1" in texts(at)
    assert len(demo_store.get(DEMO_ID).case.agreement.versions) == 1

    at.text_input(key="w:agreement.place").input("Rotterdam")
    at.button(key="FormSubmitter:agreement.signing-Save signing details").click().run()
    page = read_back(texts(at))  # the comparison quotes what was typed, escaped for markdown
    assert "Draft, version 2" in page
    assert "What the parties agree › Place: Amsterdam → Rotterdam" in page
