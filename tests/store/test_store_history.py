"""Snapshots per revision, restoring a step, the change log in words, presence, and backups."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from negotiation.adapters.cases import new_case
from negotiation.adapters.store import CaseStore
from negotiation.data.case import STEPS, Case
from negotiation.kernel.changes import Change
from negotiation.kernel.errors import ImportRejected
from negotiation.method.history import (
    change_in_words,
    fields_of_step,
    path_in_words,
    restore_step,
    shared_changes,
    step_of_path,
)


def test_every_revision_keeps_the_whole_document(store, demo):
    store.add(demo)
    edited = demo.model_copy(update={"title": "Second title"})
    store.save(edited, expected_revision=1, step="case", summary="title")
    assert store.revisions(demo.id) == [2, 1]
    assert store.document_at(demo.id, 1)["title"] == demo.title
    assert store.document_at(demo.id, 2)["title"] == "Second title"
    assert store.document_at(demo.id, 3) is None


def test_restoring_a_step_brings_back_only_that_step_and_is_a_logged_change(store, demo):
    store.add(demo)
    work = demo.model_copy(deep=True)
    work.margin.price = Decimal("1.00")
    work.title = "Title changed too"
    store.save(work, expected_revision=1, step="margin", summary="price edited")
    current = store.get(demo.id)
    restored = restore_step(current.case, store.document_at(demo.id, 1), "margin")
    assert restored.margin == demo.margin and restored.title == "Title changed too"
    revision = store.save(restored, expected_revision=current.revision, step="margin",
                          summary="6 · Fair margin restored to revision 1")
    assert revision == 3
    entry = store.history(demo.id)[0]
    assert entry.summary.endswith("restored to revision 1")
    assert [(c.path, c.after) for c in entry.changes] == [("margin.price", "54380000.00")]
    assert store.document_at(demo.id, 2)["margin"]["price"] == "1.00"  # the undone state is still kept


def test_the_case_step_owns_the_parties_contract_and_title_and_no_other_steps_part():
    fields = fields_of_step("case")
    assert {"title", "client", "vendor", "mediator", "contract", "summary", "opened"} <= set(fields)
    assert not set(fields) & (set(STEPS) | {"caucus", "id", "schema_version"})
    covered = {f for step in (*STEPS, "caucus") for f in fields_of_step(step)}
    assert covered | {"id", "schema_version"} == set(Case.model_fields)


def test_restoring_the_caucus_brings_back_the_confidential_notes(demo):
    emptied = demo.model_copy(update={"caucus": type(demo.caucus)()})
    restored = restore_step(emptied, demo.model_dump(mode="json"), "caucus")
    assert restored.caucus == demo.caucus


def test_a_change_reads_as_a_sentence_with_before_and_after():
    change = Change("contract.reference", "NH-MGS-2025-014", "NEW-REF")
    assert change_in_words(change) == "Contract › reference: “NH-MGS-2025-014” → “NEW-REF”"
    assert change_in_words(Change("client.people[c-exec].signs", True, False)) == "Client › people › signs: yes → no"
    assert change_in_words(Change("vendor.people[x1]", None, {"id": "x1", "name": "Joost Bakker"})) == \
        "Vendor › people: added “Joost Bakker”"
    assert change_in_words(Change("summary", "", "Long " * 40)).endswith("…”")
    assert path_in_words("margin.price") == "margin › price"


def test_changes_to_the_caucus_are_left_out_of_what_the_shared_screen_may_show():
    changes = [Change("caucus.client.walk_away", None, "31050000.00"), Change("caucus", None, {}),
               Change("title", "a", "b")]
    assert shared_changes(changes) == [Change("title", "a", "b")]
    assert step_of_path("caucus.client.notes[x].text") == "caucus"
    assert step_of_path("contract.value") == "case"
    assert step_of_path("margin.price") == "margin"


def test_the_mediators_step_is_kept_per_case_for_the_projector(store, demo):
    store.add(demo)
    assert store.current_step(demo.id) is None
    store.set_current_step(demo.id, "intake")
    store.set_current_step(demo.id, "margin")
    assert store.current_step(demo.id).step == "margin"
    assert store.current_step().case_id == demo.id


def test_a_backup_restores_every_case_into_an_empty_store(store, demo, tmp_path):
    store.add(demo)
    other = new_case("Second case", "Client B.V.", "Vendor Ltd", "M. Ediator")
    store.add(other)
    store.set_archived(other.id, True)
    payload = store.backup()

    fresh = CaseStore(tmp_path / "fresh.db")
    result = fresh.restore_backup(payload)
    assert sorted(result.added) == sorted([demo.id, other.id])
    assert fresh.get(demo.id).case == demo  # the caucus included
    assert fresh.get(other.id).archived
    assert fresh.history(demo.id)[0].summary == "restored from a backup"


def test_restoring_a_backup_over_a_changed_case_keeps_the_present_state_in_its_history(store, demo):
    store.add(demo)
    payload = store.backup()
    changed = demo.model_copy(update={"title": "Changed after the backup"})
    store.save(changed, expected_revision=1, step="case", summary="title")
    result = store.restore_backup(payload)
    assert (result.updated, result.added) == ([demo.id], [])
    stored = store.get(demo.id)
    assert (stored.case.title, stored.revision) == (demo.title, 3)
    assert store.document_at(demo.id, 2)["title"] == "Changed after the backup"
    assert store.restore_backup(payload).unchanged == [demo.id]


def test_a_backup_with_one_invalid_case_restores_nothing(store, demo, tmp_path):
    other = new_case("Second case", "Client B.V.", "Vendor Ltd", "M. Ediator")
    store.add(demo)
    store.add(other)
    data = json.loads(store.backup())
    data["cases"][1]["document"]["contract"]["end"] = "1999-01-01"
    fresh = CaseStore(tmp_path / "fresh.db")
    with pytest.raises(ImportRejected) as exc_info:
        fresh.restore_backup(json.dumps(data))
    assert "Case number 2" in str(exc_info.value) and "Nothing was restored" in str(exc_info.value)
    assert fresh.list(include_archived=True) == []


@pytest.mark.parametrize("payload, words", [
    (b"not json", "not valid JSON"),
    (b'{"format": "something else", "cases": []}', "not a Yesable backup"),
    (b'{"format": "yesable-backup", "version": 99, "cases": []}', "does not know"),
])
def test_a_file_that_is_not_a_backup_is_refused_with_a_reason(store, payload, words):
    with pytest.raises(ImportRejected) as exc_info:
        store.restore_backup(payload)
    assert words in str(exc_info.value)


def test_a_backup_holding_a_case_twice_is_refused(store, demo):
    store.add(demo)
    data = json.loads(store.backup())
    data["cases"].append(data["cases"][0])
    with pytest.raises(ImportRejected):
        CaseStore(store.path.parent / "other.db").restore_backup(json.dumps(data))
