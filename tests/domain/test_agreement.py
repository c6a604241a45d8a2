from __future__ import annotations

import datetime as dt
import json

import pytest
from pydantic import ValidationError

from negotiation.data.agreement import LADDER_ORDER, BasisKind, Commitment, EscalationTier, Level, digest
from negotiation.data.case import case_from_json, case_to_json, fingerprint, record
from negotiation.kernel.errors import CaseFinalised, ImportRejected, explain
from negotiation.method.agreement import (
    basis_candidates,
    compare,
    current_status,
    default_ladder,
    directors_summary,
    finalise,
)

WHEN = dt.datetime(2026, 12, 14, 10, 30, tzinfo=dt.timezone.utc)


def test_finalising_freezes_the_record_with_its_fingerprint_and_time(demo):
    final = finalise(demo, WHEN)
    (version,) = final.agreement.versions
    assert (version.number, version.finalised_at, version.fingerprint) == (1, WHEN, fingerprint(demo))
    assert version.record == record(demo)
    assert current_status(final) == ("final", 1)


def test_any_change_after_finalising_is_the_next_draft(demo):
    final = finalise(demo, WHEN)
    final.agreement.place = "Rotterdam"
    assert current_status(final) == ("draft", 2)
    again = finalise(final, WHEN + dt.timedelta(days=1))
    assert [v.number for v in again.agreement.versions] == [1, 2]


def test_finalising_twice_without_a_change_is_refused(demo):
    final = finalise(demo, WHEN)
    with pytest.raises(CaseFinalised) as exc_info:
        finalise(final, WHEN)
    assert "Nothing has changed since version 1" in str(exc_info.value)


def test_a_finalised_version_cannot_be_assigned_to(demo):
    version = finalise(demo, WHEN).agreement.versions[0]
    with pytest.raises(ValidationError):
        version.fingerprint = "0" * 64


def test_the_store_refuses_to_alter_or_remove_a_finalised_version(store, demo):
    final = finalise(demo, WHEN)
    store.add(final)
    altered = final.model_copy(deep=True)
    snapshot = dict(altered.agreement.versions[0].record)
    snapshot["title"] = "Rewritten history"
    altered.agreement.versions = [altered.agreement.versions[0].model_copy(
        update={"record": snapshot, "fingerprint": digest(snapshot)})]
    with pytest.raises(CaseFinalised):
        store.save(altered, expected_revision=1, step="agreement", summary="tamper")
    removed = final.model_copy(deep=True)
    removed.agreement.versions = []
    with pytest.raises(CaseFinalised) as exc_info:
        store.save(removed, expected_revision=1, step="agreement", summary="remove")
    assert "cannot be changed or removed" in str(exc_info.value)
    kept = store.get(demo.id).case.agreement.versions
    # Unchanged, but for the revision the store reads it at (the case still stands at it).
    assert [v.model_copy(update={"revision": None}) for v in kept] == final.agreement.versions
    assert kept[0].revision == 1


def test_an_imported_case_with_a_doctored_version_is_refused(demo):
    document = json.loads(case_to_json(finalise(demo, WHEN)))
    document["agreement"]["versions"][0]["record"]["contract"]["value"] = "1.00"
    with pytest.raises(ImportRejected) as exc_info:
        case_from_json(json.dumps(document))
    assert "no longer matches its fingerprint" in str(exc_info.value)


def test_versions_are_compared_in_words(demo):
    before = record(demo)
    demo.agreement.place = "Rotterdam"
    demo.agreement.commitments = [c for c in demo.agreement.commitments if c.id != "cm-credits"]
    sentences = compare(before, record(demo))
    assert "What the parties agree › Place: Amsterdam → Rotterdam" in sentences
    assert any(s.startswith("What the parties agree › commitments: removed “Issue credit notes") for s in sentences)
    assert compare(before, before) == []


def test_an_expedited_path_slower_than_the_normal_one_is_refused():
    with pytest.raises(ValidationError) as exc_info:
        EscalationTier(level=Level.MANAGEMENT, client_contact_ids=["a"], vendor_contact_ids=["b"],
                          days=5, expedited_days=8)
    assert [p.message for p in explain(exc_info.value)] == [
        "The expedited path for critical issues cannot take longer than the normal one."]


def test_zero_days_at_a_level_is_refused():
    with pytest.raises(ValidationError) as exc_info:
        EscalationTier(level=Level.MEDIATION, forum="M", days=0, expedited_days=1)
    assert "Must be 1 or more." in [p.message for p in explain(exc_info.value)]


def test_the_ladder_climbs_in_order_and_names_each_level_once(demo):
    with pytest.raises(ValidationError) as exc_info:
        demo.agreement.ladder = list(reversed(demo.agreement.ladder))
    assert "climbs in order" in explain(exc_info.value)[0].message


def test_a_commitment_needs_an_owner_and_a_date():
    with pytest.raises(ValidationError) as exc_info:
        Commitment(side="client", owner_id="", what="Pay", due=None)
    fields = {p.field for p in explain(exc_info.value)}
    assert {"owner_id", "due"} <= fields


def test_a_ladder_contact_who_is_not_one_of_the_case_people_is_refused(demo):
    document = json.loads(case_to_json(demo))
    document["agreement"]["ladder"][0]["client_contact_ids"] = ["nobody"]
    with pytest.raises(ImportRejected) as exc_info:
        case_from_json(json.dumps(document))
    assert "not one of the case's people" in str(exc_info.value)


def test_removing_a_person_who_owns_a_commitment_is_refused(demo):
    document = json.loads(case_to_json(demo))
    document["vendor"]["people"] = [p for p in document["vendor"]["people"] if p["id"] != "v-ops"]
    with pytest.raises(ImportRejected):
        case_from_json(json.dumps(document))


def test_the_default_ladder_is_staffed_from_the_people_by_tier(demo):
    ladder = default_ladder(demo)
    assert [t.level for t in ladder] == LADDER_ORDER
    assert ladder[1].client_contact_ids == ["c-mgmt", "c-vm"]
    assert ladder[3].forum == "Dr. Ingrid Vos"


def test_vendor_commitments_in_the_demo_are_confirmed_by_delivery_or_say_they_are_not(demo):
    vendor = [c for c in demo.agreement.commitments if c.side.value == "vendor"]
    assert all(c.confirmed_by for c in vendor if c.delivery_confirmed)
    assert len(demo.agreement.ladder) == 5 and demo.agreement.review.count == 6


def test_a_commitment_can_rest_on_a_criterion_an_option_of_the_package_or_an_accepted_incident(demo):
    candidates = basis_candidates(demo)
    assert "sc-refresh" in dict(candidates[BasisKind.CRITERION])
    options = dict(candidates[BasisKind.OPTION])
    assert "op-rep-weekly" in options and "op-rep-daily" not in options  # only the package on the table
    assert "ti-sales" in dict(candidates[BasisKind.INCIDENT])
    for commitment in demo.agreement.commitments:
        if commitment.basis is not BasisKind.OTHER:
            assert commitment.basis_ref in dict(candidates[commitment.basis]), commitment.id


def test_the_directors_summary_states_the_verdict_the_definition_and_the_price(demo):
    summary = directors_summary(demo)
    assert summary["recognition"].startswith("Proceed on conditions")
    assert len(summary["system"]) == 8 and summary["system_total"] == 8
    assert "€54,380,000.00" in summary["money"] and "9.10%" in summary["money"]


def test_the_summary_gives_each_criterion_in_brief_what_target_date_and_owners(demo):
    system = directors_summary(demo)["system"]
    assert system[1] == ("Priority-1 incidents resolved within 8 business hours: at least 95 %, from 1 February 2027; "
                         "owned by Ana Lopes and Claire Dubois.")
    assert all(len(line) < len(c.statement) for line, c in zip(system, demo.system.criteria))


def test_a_criterion_without_a_metric_is_summarised_by_its_own_wording(demo):
    demo.system.criteria[0] = demo.system.criteria[0].model_copy(update={"metric": ""})
    assert directors_summary(demo)["system"][0] == demo.system.criteria[0].statement
