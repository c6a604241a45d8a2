"""Case files of schema version 1 (one cost, months and chance per path) open as version 2 (decision trees)."""
from __future__ import annotations

import copy
import json
from decimal import Decimal as D

import pytest

from negotiation.data.agreement import digest
from negotiation.data.case import (
    CONFIDENTIAL_FIELDS,
    SCHEMA_VERSION,
    case_from_document,
    case_from_json,
    case_to_json,
    migrate_1_to_2,
    migrated,
)
from negotiation.data.intake import PathKind
from negotiation.data.parties import PartyRole
from negotiation.kernel.errors import ImportRejected
from negotiation.method.intake import batna, batna_value, path_values, suggested_walk_away
from tests.conftest import ROOT

V1_DEMO = ROOT / "tests" / "data" / "demo_case_v1.json"
CLIENT, VENDOR = PartyRole.CLIENT, PartyRole.VENDOR


@pytest.fixture
def v1() -> dict:
    return json.loads(V1_DEMO.read_text(encoding="utf-8"))


def v1_with_a_finalised_version(document: dict) -> dict:
    """The version-1 demo with a version finalised under schema 1: its record holds the old paths."""
    shared = {k: v for k, v in document.items() if k not in CONFIDENTIAL_FIELDS}
    shared["agreement"] = {k: v for k, v in document["agreement"].items() if k != "versions"}
    version = {"number": 1, "finalised_at": "2026-10-01T12:00:00Z", "fingerprint": digest(shared),
               "record": shared, "revision": None}
    return {**document, "agreement": {**document["agreement"], "versions": [version]}}


def test_the_current_schema_is_version_2_and_version_1_has_a_migration():
    assert SCHEMA_VERSION == 2


def test_the_version_1_demo_opens_as_version_2(v1):
    case = case_from_document(v1)
    assert case.schema_version == 2
    assert case.title == v1["title"] and len(case.intake.paths) == 6
    assert len(case.intake.complaints) == len(v1["intake"]["complaints"])


def test_a_version_1_path_becomes_a_good_outcome_and_otherwise_with_the_same_cost(v1):
    case = case_from_document(v1)
    litigation = case.intake.path(CLIENT, PathKind.LITIGATE)
    good, otherwise = litigation.branches
    assert (good.label, good.chance, good.money_in) == ("good outcome", D(45), None)
    assert (otherwise.label, otherwise.chance, otherwise.money_in) == ("otherwise", D(55), D(0))
    for branch in (good, otherwise):
        assert (branch.cost, branch.legal_fees, branch.write_off, branch.restart, branch.months) == (
            D("2000000.00"), D("1200000.00"), D("4500000.00"), D("7500000.00"), D(36))
    assert litigation.note == v1["intake"]["paths"][1]["note"]


def test_until_the_value_of_a_good_outcome_is_entered_each_path_is_worth_minus_its_cost(v1):
    case = case_from_document(v1)
    for old in v1["intake"]["paths"]:
        side, kind = PartyRole(old["side"]), PathKind(old["kind"])
        found = path_values(case.intake, side)[kind]
        whole_cost = sum(D(old[n]) for n in ("cost", "legal_fees", "write_off", "restart") if old[n] is not None)
        assert found.value == -whole_cost
        assert any(p.startswith("Money in (damages recovered") and "“good outcome”" in p for p in found.prompts)


def test_the_migrated_demos_batna_is_the_cheaper_alternative_and_no_walk_away_is_suggested_yet(v1):
    case = case_from_document(v1)
    found = batna(case.intake, CLIENT, "EUR", "Nordhaven")
    assert found.best is PathKind.MUDDLE_ON and found.value == D("-6800000.00")
    assert batna_value(case, CLIENT) == D("6800000.00")  # was €27,200,000.00 "risk-adjusted"
    walk_away = suggested_walk_away(case, D("48950000.00"))
    assert walk_away.price is None
    assert len(walk_away.missing) == 3 and all("value of a good outcome" in m for m in walk_away.missing)


def test_the_migration_leaves_the_document_it_was_given_as_it_was(v1):
    before = copy.deepcopy(v1)
    migrate_1_to_2(v1)
    assert v1 == before
    assert json.loads(V1_DEMO.read_text(encoding="utf-8")) == before


def test_a_finalised_version_keeps_the_record_it_was_finalised_from_as_stored(v1):
    document = v1_with_a_finalised_version(v1)
    stored = copy.deepcopy(document["agreement"]["versions"][0])
    case = case_from_document(document)
    (version,) = case.agreement.versions
    assert version.record == stored["record"] and version.fingerprint == stored["fingerprint"]
    assert version.record["schema_version"] == 1 and "cost" in version.record["intake"]["paths"][0]


def test_a_version_1_path_without_figures_keeps_no_branch_and_one_without_a_chance_asks_for_it(v1):
    paths = v1["intake"]["paths"]
    paths[0].update(cost=None, months=None, chance=None)
    paths[2].update(chance=None)
    case = case_from_document(v1)
    assert case.intake.path(CLIENT, PathKind.MUDDLE_ON).branches == []
    solve = path_values(case.intake, CLIENT)[PathKind.SOLVE]
    assert [b.chance for b in solve.path.branches] == [None, None]
    assert solve.value is None and solve.missing[0].startswith("2 branches have no chance yet")


def test_a_migrated_case_saves_as_version_2_and_loads_again_unchanged(v1):
    case = case_from_document(v1)
    again = case_from_json(case_to_json(case))
    assert again == case and json.loads(case_to_json(case))["schema_version"] == 2


def test_an_invalid_version_1_document_is_refused_after_migration_naming_the_field(v1):
    v1["intake"]["paths"][0]["chance"] = "250"
    with pytest.raises(ImportRejected) as caught:
        case_from_document(v1)
    assert "intake.paths.0.branches.0.chance" in str(caught.value)


def test_migrated_brings_an_earlier_snapshot_to_the_current_schema_and_refuses_an_unknown_one(v1):
    assert migrated(v1)["schema_version"] == 2
    assert migrated(migrated(v1)) == migrated(v1)
    with pytest.raises(ImportRejected):
        migrated({**v1, "schema_version": 3})

