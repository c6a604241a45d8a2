"""`python -m negotiation check "SENTENCE"`: the SMART check of one sentence as JSON, run as a mediator would."""
from __future__ import annotations

import json

from tests.cli.test_cli import run_cli

GOOD = ("From Q2 2027, at least 99 % of outbound EDI orders are posted in SAP within 15 minutes of receipt, "
        "according to the SAP interface monitor.")
DUTCH = ("Vanaf Q2 2027 zijn er aan het eind van elke maand hooguit 3 open P1-incidenten, volgens het maandrapport "
         "van de servicedesk; eigenaar: de servicemanager van de leverancier.")


def check(*args):
    result = run_cli("check", *args)
    return result, (json.loads(result.stdout) if result.returncode == 0 else None)


def test_a_smart_sentence_prints_one_json_object_with_the_verdict_the_letters_and_what_was_read():
    result, out = check(GOOD)
    assert result.returncode == 0, result.stderr
    assert out["smart"] is True and out["language"] == "en"
    assert list(out["letters"]) == ["S", "M", "A", "R", "T"]
    assert all({"ok", "findings"} <= set(letter) for letter in out["letters"].values())
    assert out["letters"]["S"]["ok"] and out["letters"]["M"]["ok"] and out["letters"]["T"]["ok"]
    assert out["parsed"]["date"] == "2027-04-01" and out["parsed"]["date_kind"] == "from"
    assert (out["parsed"]["target"], out["parsed"]["unit"]) == (99, "%")
    assert out["parsed"]["source"] == "SAP interface monitor"


def test_achievable_and_relevant_stay_open_for_a_sentence_and_say_why():
    _, out = check(GOOD)
    for letter in ("A", "R"):
        assert out["letters"][letter]["ok"] is False and out["letters"][letter]["status"] == "open"
        assert out["letters"][letter]["summary"].startswith("Not judged from a sentence")


def test_a_missing_owner_is_a_note_not_a_failed_specific():
    _, out = check(GOOD)
    specific = out["letters"]["S"]
    assert specific["ok"] and [f["kind"] for f in specific["findings"]] == ["note"]
    assert "Name the owners in their fields" in specific["findings"][0]["explanation"]


def test_a_vague_sentence_is_not_smart_and_each_failing_letter_says_why_and_how_to_sharpen_it():
    result, out = check("The service desk becomes more responsive and friendlier.")
    assert result.returncode == 0
    assert out["smart"] is False and out["verdict"].startswith("Not SMART yet")
    for letter in ("S", "M", "T"):
        failing = [f for f in out["letters"][letter]["findings"] if f["kind"] == "fail"]
        assert not out["letters"][letter]["ok"] and failing
        assert all(f["explanation"] and f["suggestion"] for f in failing)


def test_a_dutch_sentence_is_detected_and_explained_in_dutch():
    _, out = check(DUTCH)
    assert out["language"] == "nl" and out["smart"] is True
    assert out["letters"]["S"]["name"] == "Specifiek"
    assert out["parsed"]["direction"] == "at_most" and out["parsed"]["owners"]
    assert out["parsed"]["date"] == "2027-04-01"


def test_lang_forces_the_language_of_the_sentence():
    _, detected = check("Releases bring what the business needs.")
    _, forced = check("Releases bring what the business needs.", "--lang", "nl")
    assert detected["language"] == "en" and forced["language"] == "nl"
    assert forced["letters"]["T"]["findings"][0]["explanation"].startswith("Geen datum")


def test_as_of_gives_the_year_to_the_end_of_the_year():
    sentence = ("By the end of the year, month-end closing in the ERP system takes at most five working days, "
                "as shown in the finance close checklist in SharePoint.")
    _, out = check(sentence, "--as-of", "2027-01-15")
    assert out["as_of"] == "2027-01-15" and out["smart"] is True
    assert out["parsed"]["date"] == "2027-12-31" and out["parsed"]["year_assumed"] is True
    advice = out["letters"]["T"]["findings"][0]
    assert advice["kind"] == "advice" and "31 December 2027" in advice["explanation"]


def test_without_as_of_the_year_is_todays():
    import datetime as dt

    _, out = check("By the end of the year, all 86 virtual servers run on the new platform, as recorded in the CMDB.")
    assert out["as_of"] == dt.date.today().isoformat()
    assert out["parsed"]["date"] == f"{dt.date.today().year}-12-31"


def test_a_bad_as_of_exits_2_with_a_sentence_and_no_traceback():
    result, _ = check(GOOD, "--as-of", "15/01/2027")
    assert result.returncode == 2 and result.stdout == ""
    assert "'15/01/2027' is not a date: write it as YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_empty_sentence_or_an_unknown_language_exits_2_with_a_sentence():
    result, _ = check("   ")
    assert result.returncode == 2 and "the sentence is empty" in result.stderr and "Traceback" not in result.stderr
    result, _ = check(GOOD, "--lang", "de")
    assert result.returncode == 2 and "invalid choice: 'de'" in result.stderr and "Traceback" not in result.stderr


def test_the_command_documents_itself():
    result = run_cli("check", "--help")
    assert result.returncode == 0 and "--as-of" in result.stdout and "--lang" in result.stdout
