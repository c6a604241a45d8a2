"""A case stored under schema version 1 opens from the store migrated, and saves as version 2."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from decimal import Decimal

import pytest

from negotiation.adapters.store import CaseStore
from negotiation.data.agreement import digest
from negotiation.data.case import CONFIDENTIAL_FIELDS, migrated
from negotiation.data.intake import PathKind
from negotiation.data.parties import PartyRole
from negotiation.method.agreement import current_status
from negotiation.method.history import restore_step
from negotiation.method.intake import path_values
from tests.conftest import ROOT


@pytest.fixture
def v1_document() -> dict:
    document = json.loads((ROOT / "tests" / "data" / "demo_case_v1.json").read_text(encoding="utf-8"))
    shared = {k: v for k, v in document.items() if k not in CONFIDENTIAL_FIELDS}
    shared["agreement"] = {k: v for k, v in document["agreement"].items() if k != "versions"}
    # Finalised under schema 1: the record it holds has the old paths (one cost and chance each).
    version = {"number": 1, "finalised_at": "2026-10-01T12:00:00Z", "fingerprint": digest(shared),
               "record": shared, "revision": None}
    return {**document, "agreement": {**document["agreement"], "versions": [version]}}


def stored_as_written(store: CaseStore, document: dict) -> None:
    """The row an earlier Yesable wrote: the document as JSON, exactly as it was."""
    now = dt.datetime(2026, 10, 1, 12, tzinfo=dt.timezone.utc).isoformat()
    with sqlite3.connect(store.path) as conn:
        conn.execute("INSERT INTO cases (id, title, archived, revision, document, created_at, updated_at)"
                     " VALUES (?, ?, 0, 1, ?, ?, ?)",
                     (document["id"], document["title"], json.dumps(document, ensure_ascii=False), now, now))


def test_a_stored_version_1_case_opens_with_its_paths_as_decision_trees(store, v1_document):
    stored_as_written(store, v1_document)
    case = store.get(v1_document["id"]).case
    assert case.schema_version == 2
    muddle = case.intake.path(PartyRole.CLIENT, PathKind.MUDDLE_ON)
    assert [b.label for b in muddle.branches] == ["good outcome", "otherwise"]
    assert path_values(case.intake, PartyRole.CLIENT)[PathKind.MUDDLE_ON].value == -muddle.branches[0].cost


def test_a_stored_version_1_case_still_stands_at_the_version_it_was_finalised_at(store, v1_document):
    stored_as_written(store, v1_document)
    loaded = store.get(v1_document["id"])
    assert current_status(loaded.case, loaded.revision) == ("final", 1)


def test_an_edit_of_a_migrated_case_saves_it_as_version_2_and_leaves_its_finalised_version_as_stored(
        store, v1_document):
    stored_as_written(store, v1_document)
    loaded = store.get(v1_document["id"])
    work = loaded.case.model_copy(deep=True)
    work.intake.path(PartyRole.CLIENT, PathKind.SOLVE).branches[0].money_in = Decimal("4600000.00")
    revision = store.save(work, expected_revision=loaded.revision, step="intake", summary="value of a good outcome")
    assert revision == 2
    document = store.document_at(v1_document["id"], 2)
    assert document["schema_version"] == 2
    (version,) = document["agreement"]["versions"]
    original = v1_document["agreement"]["versions"][0]
    assert version["record"] == original["record"] and version["fingerprint"] == original["fingerprint"]
    assert store.document_at(v1_document["id"], 1)["schema_version"] == 1  # the earlier revision, as it was


def test_restoring_the_intake_from_a_version_1_snapshot_needs_the_snapshot_migrated_first(store, v1_document):
    stored_as_written(store, v1_document)
    loaded = store.get(v1_document["id"])
    work = loaded.case.model_copy(deep=True)
    work.intake.paths = []
    store.save(work, expected_revision=loaded.revision, step="intake", summary="paths cleared")
    restored = restore_step(store.get(v1_document["id"]).case, migrated(store.document_at(v1_document["id"], 1)),
                            "intake")
    assert len(restored.intake.paths) == 6 and all(len(p.branches) == 2 for p in restored.intake.paths)
