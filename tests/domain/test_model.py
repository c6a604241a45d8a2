from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from pydantic import ValidationError

from negotiation.data.case import SCHEMA_VERSION, Case, case_from_json, case_to_json, fingerprint
from negotiation.data.parties import Contract, ContractKind, Party, PartyRole, Person, Tier
from negotiation.kernel.errors import ImportRejected, explain


def contract(**changes):
    values = dict(kind=ContractKind.SAAS, value=Decimal("100000"), start=dt.date(2026, 1, 1),
                  end=dt.date(2027, 1, 1), paid_so_far=Decimal("0"))
    values.update(changes)
    return Contract(**values)


def messages(exc_info) -> list[str]:
    return [p.message for p in explain(exc_info.value)]


def test_a_contract_that_ends_before_it_starts_is_refused_with_a_sentence():
    with pytest.raises(ValidationError) as exc_info:
        contract(start=dt.date(2027, 1, 1), end=dt.date(2026, 1, 1))
    assert messages(exc_info) == ["The contract cannot end before it starts."]


def test_a_negative_contract_value_is_refused():
    with pytest.raises(ValidationError) as exc_info:
        contract(value=Decimal("-5"))
    assert messages(exc_info) == ["Must be 0 or more."]


def test_paying_more_than_the_contract_value_is_refused():
    with pytest.raises(ValidationError) as exc_info:
        contract(paid_so_far=Decimal("100000.01"))
    assert "more than the contract value" in messages(exc_info)[0]


def test_amounts_keep_cents_exactly_and_refuse_fractions_of_cents():
    assert contract(value=Decimal("0.10") + Decimal("0.20")).value == Decimal("0.30")
    with pytest.raises(ValidationError):
        contract(value=Decimal("10.005"))


def test_only_one_director_signs_per_side_and_only_from_the_executive_tier():
    with pytest.raises(ValidationError) as exc_info:
        Person(name="Ann", tier=Tier.MANAGEMENT, signs=True)
    assert "executive tier" in messages(exc_info)[0]
    people = [Person(name=n, tier=Tier.EXECUTIVE, signs=True) for n in ("Ann", "Bob")]
    with pytest.raises(ValidationError) as exc_info:
        Party(role=PartyRole.CLIENT, name="Acme", people=people)
    assert "Only one director signs" in messages(exc_info)[0]


def test_an_empty_party_name_is_refused_after_stripping_spaces():
    with pytest.raises(ValidationError) as exc_info:
        Party(role=PartyRole.VENDOR, name="   ")
    assert messages(exc_info) == ["This cannot be empty."]


def test_the_demo_case_survives_a_json_round_trip_unchanged(demo):
    again = case_from_json(case_to_json(demo))
    assert again == demo
    assert fingerprint(again) == fingerprint(demo)


def test_the_fingerprint_changes_when_any_shared_content_changes(demo):
    before = fingerprint(demo)
    demo.contract = demo.contract.model_copy(update={"reference": "NH-MGS-2025-015"})
    assert fingerprint(demo) != before
    assert len(before) == 64


def test_a_case_is_written_in_schema_version_2_and_an_older_document_reaches_it_only_by_migration(demo):
    assert SCHEMA_VERSION == 2 and json.loads(case_to_json(demo))["schema_version"] == 2
    document = json.loads(case_to_json(demo))
    document["schema_version"] = 1
    with pytest.raises(ValidationError):
        Case.model_validate(document)  # a version-1 document is read through case_from_document, which migrates it


def test_a_document_of_an_unknown_schema_version_is_refused_plainly(demo):
    document = json.loads(case_to_json(demo))
    document["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(ImportRejected) as exc_info:
        case_from_json(json.dumps(document))
    assert "format this version of Yesable does not know" in str(exc_info.value)


@pytest.mark.parametrize("payload, phrase", [
    (b"{not json", "not valid JSON"),
    (b"[1, 2]", "holds no case document"),
    (b'{"title": "x"}', "does not say which version"),
])
def test_broken_files_are_refused_with_a_reason(payload, phrase):
    with pytest.raises(ImportRejected) as exc_info:
        case_from_json(payload)
    assert phrase in str(exc_info.value)


def test_a_case_with_invalid_content_names_the_field(demo):
    document = json.loads(case_to_json(demo))
    document["contract"]["value"] = "-3"
    with pytest.raises(ImportRejected) as exc_info:
        case_from_json(json.dumps(document))
    assert "contract.value" in str(exc_info.value)


def test_client_and_vendor_cannot_be_swapped(demo):
    document = json.loads(case_to_json(demo))
    document["client"], document["vendor"] = document["vendor"], document["client"]
    with pytest.raises(ImportRejected):
        case_from_json(json.dumps(document))


def test_the_demo_case_has_a_signing_director_on_each_side(demo):
    assert demo.client.signatory.name == "Marieke de Groot"
    assert demo.vendor.signatory.name == "Rajiv Menon"
    assert isinstance(demo, Case)
