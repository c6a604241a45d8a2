"""`python -m negotiation analyse CASE.json`: the case's analysis as one JSON object."""
from __future__ import annotations

import json
import re
from decimal import Decimal

from negotiation.adapters.cases import new_case
from negotiation.data.case import case_to_json
from tests.cli.test_cli import run_cli

MONEY = re.compile(r"^-?\d+\.\d{2}$")


def analyse_file(tmp_path, case) -> dict:
    path = tmp_path / "case.json"
    path.write_text(case_to_json(case), encoding="utf-8")
    result = run_cli("analyse", str(path))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_demo_analysis_gives_each_sides_batna_as_an_expected_value_with_its_range(tmp_path, demo):
    found = analyse_file(tmp_path, demo)
    for side in ("client", "vendor"):
        batna = found["batna"][side]
        assert batna["path"] in {"muddle_on", "litigate"}
        assert MONEY.match(batna["expected"]) and all(MONEY.match(v) for v in batna["range"])
        low, high = (Decimal(v) for v in batna["range"])
        assert low <= Decimal(batna["expected"]) <= high


def test_the_verdict_is_a_stable_code_and_a_sentence(tmp_path, demo):
    verdict = analyse_file(tmp_path, demo)["verdict"]
    assert verdict["code"] == "conditions" and verdict["text"].endswith(".")


def test_the_options_give_both_batnas_and_each_suggestion_on_the_scoring_scale(tmp_path, demo):
    options = analyse_file(tmp_path, demo)["options"]
    assert set(options["batna"]) == {"client", "vendor"}
    for key in ("nash", "balanced"):
        suggestion = options[key]
        assert suggestion is None or 0 <= Decimal(suggestion["client"]) <= 10
        if suggestion is not None:
            assert Decimal(suggestion["client"]) >= Decimal(options["batna"]["client"])
            assert Decimal(suggestion["vendor"]) >= Decimal(options["batna"]["vendor"])


def test_the_margin_gives_price_cost_margin_both_ways_band_and_zone_in_decimal_strings(tmp_path, demo):
    margin = analyse_file(tmp_path, demo)["margin"]
    assert MONEY.match(margin["price"]) and MONEY.match(margin["cost"])
    assert set(margin["margin_at_price"]) == {"amount", "on_price", "on_cost"}
    assert margin["band"]["baseline"] in {"whole_contract", "remaining_work"}
    assert margin["zone"]["exists"] is True and MONEY.match(margin["zone"]["vendor_lowest"])


def test_a_new_case_gives_null_for_what_it_does_not_hold_yet(tmp_path):
    found = analyse_file(tmp_path, new_case("A new case", "Client Ltd", "Vendor BV", "M. Mediator"))
    assert found["batna"] == {"client": None, "vendor": None}
    assert found["options"]["nash"] is None and found["options"]["balanced"] is None
    assert found["fair_split"] is None and found["margin"] is None


def test_a_file_that_is_not_a_case_gives_a_sentence_and_exit_2(tmp_path):
    path = tmp_path / "nope.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    result = run_cli("analyse", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr and result.stderr.startswith("error:")
