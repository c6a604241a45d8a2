"""Whether a case stands at its final version is decided by its revision; a version's PDF is its stored record."""
from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from pypdf import PdfReader

from negotiation.adapters.cases import import_case
from negotiation.adapters.report import render_version_pdf
from negotiation.adapters.verify import verify_pdf
from negotiation.data.agreement import digest
from negotiation.data.case import case_to_json
from negotiation.kernel.errors import CaseFinalised
from negotiation.method.agreement import current_status, finalise

WHEN = dt.datetime(2026, 12, 8, 16, 0, tzinfo=dt.timezone.utc)


def _cover(pdf: bytes) -> str:
    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def _finalised_in_store(store, demo):
    store.add(demo)
    stored = store.get(demo.id)
    revision = store.save(finalise(stored.case, WHEN), expected_revision=stored.revision, step="agreement",
                          summary="version 1 finalised")
    return store.get(demo.id), revision


def test_finalising_records_the_revision_the_finalising_save_made(store, demo):
    stored, revision = _finalised_in_store(store, demo)
    assert stored.case.agreement.versions[0].revision == revision == 2
    assert current_status(stored.case, stored.revision) == ("final", 1)


def test_after_any_edit_the_case_is_the_next_draft_even_if_its_record_reads_the_same(store, demo):
    stored, _ = _finalised_in_store(store, demo)
    edited = stored.case.model_copy(deep=True)
    edited.agreement.place = "Rotterdam"
    revision = store.save(edited, expected_revision=stored.revision, step="agreement", summary="place")
    edited.agreement.place = stored.case.agreement.place
    back = store.save(edited, expected_revision=revision, step="agreement", summary="place back")
    again = store.get(demo.id)
    assert again.revision == back == 4
    assert current_status(again.case, again.revision) == ("draft", 2)


def test_a_stored_version_from_before_revisions_is_judged_once_by_its_fingerprint_then_by_revision(store, demo):
    final = finalise(demo, WHEN)  # as older code finalised: no revision on the version
    store.add(final)
    stored = store.get(demo.id)
    assert stored.case.agreement.versions[0].revision == 1
    assert current_status(stored.case, stored.revision) == ("final", 1)
    edited = stored.case.model_copy(deep=True)
    edited.agreement.place = "Rotterdam"
    revision = store.save(edited, expected_revision=stored.revision, step="agreement", summary="place")
    later = store.get(demo.id)
    assert later.case.agreement.versions[0].revision == 1  # the stamp was kept with the edit
    assert current_status(later.case, revision) == ("draft", 2)


def test_a_versions_revision_once_stamped_cannot_be_changed(store, demo):
    stored, _ = _finalised_in_store(store, demo)
    moved = stored.case.model_copy(deep=True)
    moved.agreement.versions = [moved.agreement.versions[0].model_copy(update={"revision": 9})]
    with pytest.raises(CaseFinalised):
        store.save(moved, expected_revision=stored.revision, step="agreement", summary="move the stamp")


def test_an_imported_case_that_stands_at_its_version_is_final_in_the_store_and_a_copy_is_not(store, demo):
    payload = case_to_json(finalise(demo, WHEN)).encode()
    case, copied = import_case(store, payload)
    assert not copied and current_status(store.get(case.id).case, 1) == ("final", 1)
    copy, copied = import_case(store, payload)
    assert copied and current_status(store.get(copy.id).case, 1) == ("draft", 2)


def test_a_versions_pdf_prints_and_carries_the_stored_fingerprint_and_verifies(demo):
    version = finalise(demo, WHEN).agreement.versions[0]
    pdf = render_version_pdf(version)
    assert verify_pdf(pdf).ok
    assert f"{version.fingerprint[:8]}-{version.fingerprint[8:16]}" in _cover(pdf)


def test_a_versions_pdf_keeps_its_stored_record_even_when_todays_schema_reads_it_differently(demo):
    version = finalise(demo, WHEN).agreement.versions[0]
    record = json.loads(json.dumps(version.record))
    # A field today's model fills with its default: a record written before that field existed lacks it.
    del record["summary"]
    old = version.model_copy(update={"record": record, "fingerprint": digest(record)})
    pdf = render_version_pdf(old)
    assert verify_pdf(pdf).ok
    assert f"{old.fingerprint[:8]}-{old.fingerprint[8:16]}" in _cover(pdf)
