from __future__ import annotations

import json
import sqlite3

import pytest

from negotiation.adapters.cases import import_case, new_case
from negotiation.adapters.store import CaseStore
from negotiation.data.case import case_to_json
from negotiation.kernel.errors import ImportRejected, StaleCase


def test_a_saved_case_is_there_after_the_store_is_opened_again(store, demo, db_path):
    store.add(demo)
    reopened = CaseStore(db_path)
    assert reopened.get(demo.id).case == demo
    assert [c.title for c in reopened.list()] == [demo.title]


def test_every_accepted_change_is_saved_at_once_and_logged_with_its_step(store, demo):
    store.add(demo)
    edited = demo.model_copy(deep=True)
    edited.contract = edited.contract.model_copy(update={"reference": "NEW-REF"})
    revision = store.save(edited, expected_revision=1, step="case", summary="contract edited")
    assert revision == 2
    assert store.get(demo.id).case.contract.reference == "NEW-REF"
    latest = store.history(demo.id)[0]
    assert (latest.step, latest.summary, latest.revision) == ("case", "contract edited", 2)
    assert [(c.path, c.before, c.after) for c in latest.changes] == [
        ("contract.reference", "NH-MGS-2025-014", "NEW-REF")]


def test_a_save_based_on_a_stale_revision_is_refused_and_changes_nothing(store, demo):
    store.add(demo)
    first = demo.model_copy(update={"title": "Changed in window one"})
    store.save(first, expected_revision=1, step="case", summary="title")
    second = demo.model_copy(update={"title": "Changed in window two"})
    with pytest.raises(StaleCase) as exc_info:
        store.save(second, expected_revision=1, step="case", summary="title")
    assert "changed in another window" in str(exc_info.value)
    assert store.get(demo.id).case.title == "Changed in window one"


def test_a_save_that_changes_nothing_writes_no_revision(store, demo):
    store.add(demo)
    assert store.save(demo, expected_revision=1, step="case", summary="nothing") == 1
    assert len(store.history(demo.id)) == 1


def test_archived_cases_are_hidden_from_the_list_but_not_deleted(store, demo):
    store.add(demo)
    other = new_case("Second case", "Client B.V.", "Vendor Ltd", "M. Ediator")
    store.add(other)
    store.set_archived(demo.id, True)
    assert [c.id for c in store.list()] == [other.id]
    assert {c.id for c in store.list(include_archived=True)} == {demo.id, other.id}
    assert store.get(demo.id).archived
    store.set_archived(demo.id, False)
    assert len(store.list()) == 2


def test_an_imported_case_is_validated_before_it_touches_the_store(store, demo):
    document = json.loads(case_to_json(demo))
    document["contract"]["end"] = "2020-01-01"
    with pytest.raises(ImportRejected) as exc_info:
        import_case(store, json.dumps(document).encode())
    assert "Nothing was imported" in str(exc_info.value)
    assert store.list(include_archived=True) == []


def test_importing_a_case_whose_id_is_taken_stores_a_copy(store, demo):
    store.add(demo)
    copy, copied = import_case(store, case_to_json(demo).encode())
    assert copied and copy.id != demo.id
    assert len(store.list()) == 2


def test_a_failed_write_rolls_back_and_leaves_the_last_committed_state(store, demo, db_path, monkeypatch):
    store.add(demo)
    edited = demo.model_copy(update={"title": "Half-saved"})

    def broken_log(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(CaseStore, "_log", staticmethod(broken_log))
    with pytest.raises(sqlite3.OperationalError):
        store.save(edited, expected_revision=1, step="case", summary="title")
    monkeypatch.undo()
    stored = CaseStore(db_path).get(demo.id)
    assert (stored.case.title, stored.revision) == (demo.title, 1)


def test_a_case_made_invalid_in_place_never_reaches_the_store(store, demo):
    from pydantic import ValidationError

    store.add(demo)
    demo.interests.interests.pop(0)  # an in-place edit that leaves a link dangling
    with pytest.raises(ValidationError):
        store.save(demo, expected_revision=1, step="interests", summary="bad")
    assert store.get(demo.id).revision == 1
