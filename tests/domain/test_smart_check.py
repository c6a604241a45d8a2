"""The SMART check: findings per letter, in English and Dutch, with a sharper wording for each."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from negotiation.data.smart import Direction, SmartCriterion
from negotiation.kernel import i18n
from negotiation.method.smart.check import LETTERS, check, vague_words
from tests.conftest import ROOT

GOOD_EN = ("From 1 March 2027, 95 % of priority-1 incidents are resolved within 4 business hours, "
           "measured monthly from ServiceNow, owned by the client's Service Delivery Manager.")
GOOD_NL = ("Vanaf 1 maart 2027 wordt 95% van de prioriteit-1-incidenten binnen 4 werkuren opgelost, "
           "maandelijks gemeten uit TOPdesk; eigenaar: de servicedeskmanager van de leverancier.")


def codes(verdict, letter=None):
    return [f.code for f in verdict.findings if letter is None or f.letter == letter]


def test_the_check_returns_one_result_per_letter_in_order():
    verdict = check(GOOD_EN)
    assert [r.letter for r in verdict.letters] == list(LETTERS)


@pytest.mark.parametrize("sentence", [GOOD_EN, GOOD_NL])
def test_a_good_sentence_passes_specific_measurable_and_time_bound(sentence):
    verdict = check(sentence)
    assert verdict.wording_smart
    assert verdict.failing == []


def test_from_a_sentence_alone_achievable_and_relevant_stay_open_and_say_why():
    verdict = check(GOOD_EN)
    assert verdict.letter("A").status == "open" and verdict.letter("R").status == "open"
    assert "delivery team" in verdict.letter("A").summary
    assert not verdict.smart


@pytest.mark.parametrize("sentence, word, kind", [
    ("The service desk must be fast and answer within 4 business hours by 1 March 2027.", "fast", "speed"),
    ("The portal is user-friendly for 500 users by 1 March 2027.", "user-friendly", "quality"),
    ("Defects are fixed as soon as possible.", "as soon as possible", "speed"),
    ("The vendor provides adequate staffing.", "adequate", "quality"),
    ("Invoices are correct where possible.", "where possible", "hedge"),
    ("Response times improve significantly.", "significantly", "amount"),
    ("Reports, dashboards, interfaces etc. are delivered.", "etc.", "open_list"),
    ("De servicedesk moet snel reageren.", "snel", "speed"),
    ("Het systeem is gebruiksvriendelijk.", "gebruiksvriendelijk", "quality"),
    ("Storingen worden zo snel mogelijk opgelost.", "zo snel mogelijk", "speed"),
    ("De leverancier zorgt voor adequate bezetting.", "adequate", "quality"),
    ("Facturen zijn waar mogelijk correct.", "waar mogelijk", "hedge"),
    ("De responstijden verbeteren aanzienlijk.", "aanzienlijk", "amount"),
    ("Rapporten, dashboards, koppelingen enz. worden geleverd.", "enz.", "open_list"),
])
def test_each_vague_word_fails_specific_with_an_explanation_and_a_sharper_wording(sentence, word, kind):
    verdict = check(sentence)
    finding = next(f for f in verdict.findings if f.code == f"vague_{kind}" and word in f.explanation)
    assert finding.letter == "S" and not finding.advice
    assert finding.suggestion and finding.suggestion != finding.explanation
    assert "S" in verdict.failing


def test_direction_words_are_not_mistaken_for_vague_words():
    assert vague_words("at most 5 defects, no more than 2 days, 10 or more users, minder dan 3 meldingen") == []


def test_the_longest_vague_phrase_is_reported_once():
    assert vague_words("fix it as soon as possible") == [("as soon as possible", "speed")]


def test_a_sentence_without_a_number_fails_measurable():
    verdict = check("By 1 March 2027 the laptops are replaced, measured in the asset register, owner: Thomas Berger.")
    assert codes(verdict, "M") == ["no_number"]


def test_a_number_without_a_unit_fails_measurable_and_asks_for_the_unit():
    verdict = check("By 1 March 2027 reduce the backlog to 50, measured in Jira, owner: Thomas Berger.")
    assert "no_unit" in codes(verdict, "M")
    assert "%" in verdict.findings[codes(verdict).index("no_unit")].suggestion


def test_a_sentence_without_a_measurement_source_fails_measurable():
    verdict = check("By 1 March 2027, 95 % of incidents are resolved within 4 business hours; owner: Thomas Berger.")
    assert codes(verdict, "M") == ["no_source"]


def test_a_sentence_without_a_date_fails_time_bound():
    verdict = check("95 % of incidents are resolved within 4 business hours, measured monthly from ServiceNow; "
                    "owner: Thomas Berger.")
    assert codes(verdict, "T") == ["no_date"]
    assert "1 March 2027" in verdict.letter("T").findings[0].suggestion


def test_an_impossible_date_is_named_rather_than_ignored():
    verdict = check("Uiterlijk 31 februari 2027 zijn alle 9.800 laptops vervangen, gemeten in het assetregister; "
                    "eigenaar: Thomas Berger.")
    finding = verdict.letter("T").findings[0]
    assert finding.code == "bad_date" and "31 februari 2027" in finding.explanation


def test_a_sentence_without_an_owner_passes_specific_with_a_note_to_name_the_owners_in_their_fields():
    # Issue 15: the owner is a field of its own; a sentence checked alone is not failed for leaving it out.
    verdict = check("By 1 March 2027, 95 % of incidents are resolved within 4 business hours, measured from ServiceNow.")
    assert codes(verdict, "S") == ["no_owner"]
    assert verdict.letter("S").passed and verdict.wording_smart
    assert verdict.letter("S").findings[0].note and "in their fields" in verdict.letter("S").findings[0].explanation


def test_a_template_with_placeholders_is_not_specific_until_they_are_filled():
    verdict = check("From DATE, N % of priority-1 incidents are resolved within H business hours, measured monthly "
                    "from SYSTEM.")
    finding = next(f for f in verdict.findings if f.code == "placeholder")
    assert "DATE" in finding.explanation and "SYSTEM" in finding.explanation


def test_a_product_name_with_a_capital_letter_is_not_a_placeholder():
    assert "placeholder" not in codes(check(GOOD_EN.replace("ServiceNow", "the Control-M report")))


def test_dutch_findings_read_in_the_screen_language_and_suggest_dutch_wording():
    i18n.set_language("nl")
    verdict = check("De leverancier lost storingen zo snel mogelijk op.")
    speed = next(f for f in verdict.findings if f.code == "vague_speed")
    assert speed.explanation.startswith("‘zo snel mogelijk’ zegt niet hoe snel")
    assert "werkuren" in speed.suggestion
    assert verdict.headline.startswith("Nog niet SMART")


def test_on_an_english_screen_a_dutch_criterion_gets_english_explanations_and_dutch_wording():
    verdict = check("De leverancier lost storingen zo snel mogelijk op.")
    speed = next(f for f in verdict.findings if f.code == "vague_speed")
    assert speed.explanation.startswith("“zo snel mogelijk” does not say how fast")
    assert "binnen H werkuren" in speed.suggestion


def _full(**changes) -> SmartCriterion:
    values = dict(statement=GOOD_EN, unit="%", target=Decimal("95"), direction=Direction.AT_LEAST,
                  measured_where="ServiceNow", date=dt.date(2027, 3, 1), client_owner="c-ops", vendor_owner="v-mgmt",
                  achievable_why="Two engineers move to break-fix.", confirmed_by="v-mgmt",
                  complaint_ids=["cp-servicedesk"])
    values.update(changes)
    return SmartCriterion(**values)


def test_a_complete_criterion_in_the_demo_case_is_smart(demo):
    assert check(_full(), demo).smart


def test_an_unconfirmed_criterion_fails_achievable(demo):
    verdict = check(_full(confirmed_by=None), demo)
    assert codes(verdict, "A") == ["not_confirmed"]


def test_achievability_confirmed_by_the_sales_person_fails_with_a_reason(demo):
    verdict = check(_full(confirmed_by="v-sales"), demo)
    finding = verdict.letter("A").findings[0]
    assert finding.code == "confirmed_by_sales" and "Mark Ellison" in finding.explanation
    assert not verdict.smart


def test_a_criterion_with_no_reason_it_is_achievable_fails_achievable(demo):
    assert codes(check(_full(achievable_why=""), demo), "A") == ["no_reason"]


def test_a_criterion_linked_to_nothing_fails_relevant(demo):
    verdict = check(_full(complaint_ids=[], interest_ids=[]), demo)
    assert codes(verdict, "R") == ["no_link"]


def test_a_criterion_linked_only_to_an_interest_is_relevant(demo):
    assert check(_full(complaint_ids=[], interest_ids=["ic-productive"]), demo).letter("R").passed


def test_an_owner_on_one_side_only_is_a_note_and_keeps_the_criterion_out_of_the_definition(demo):
    verdict = check(_full(vendor_owner=None), demo)
    finding = verdict.letter("S").findings[0]
    assert finding.code == "owner_one_side" and "vendor" in finding.explanation and finding.note
    assert verdict.letter("S").passed and verdict.failing == []
    assert not verdict.smart and verdict.owners_missing == ("vendor",)
    assert verdict.headline == "Almost SMART: name the owner at the vendor in its field."


def test_a_date_before_the_case_opened_fails_time_bound(demo):
    verdict = check(_full(date=dt.date(2026, 1, 1), statement=GOOD_EN.replace("1 March 2027", "1 January 2026")), demo)
    assert codes(verdict, "T") == ["date_in_past"]


def test_a_hundred_percent_target_is_advice_not_a_failure(demo):
    verdict = check(_full(target=Decimal("100")), demo)
    assert "hundred_percent" in codes(verdict, "A")
    assert verdict.smart


def test_the_labelled_set_loads_with_at_least_forty_criteria_in_both_languages():
    data = json.loads((ROOT / "tests" / "data" / "smart_labelled.json").read_text(encoding="utf-8"))
    items = data["criteria"]
    assert len(items) >= 40
    assert {i["lang"] for i in items} == {"en", "nl"}
    assert any(i["smart"] for i in items) and any(not i["smart"] for i in items)
    assert all(set(i["fails"]) <= {"S", "M", "T"} and (not i["fails"]) == i["smart"] for i in items)


def test_the_checker_agrees_with_the_labels_on_the_clear_cases():
    items = json.loads((ROOT / "tests" / "data" / "smart_labelled.json").read_text(encoding="utf-8"))["criteria"]
    # Clear cases: failing every wording letter, or written as the method's own model sentence.
    clear_bad = [i for i in items if set(i["fails"]) == {"S", "M", "T"}]
    assert len(clear_bad) >= 10
    for item in clear_bad:
        assert not check(item["text"]).wording_smart, item["text"]
    for sentence in (GOOD_EN, GOOD_NL):
        assert check(sentence).wording_smart


@pytest.mark.parametrize("sentence, letter, code", [
    ("Uiterlijk 1 maart 2027 zijn de laptops vervangen, gemeten in het assetregister; eigenaar: Thomas Berger.",
     "M", "no_number"),
    ("Uiterlijk 1 maart 2027 daalt de achterstand tot 50, gemeten in Jira; eigenaar: Thomas Berger.", "M", "no_unit"),
    ("Uiterlijk 1 maart 2027 wordt 95% van de meldingen binnen 4 werkuren opgelost; eigenaar: Thomas Berger.",
     "M", "no_source"),
    ("95% van de meldingen wordt binnen 4 werkuren opgelost, maandelijks gemeten uit TOPdesk; eigenaar: Thomas Berger.",
     "T", "no_date"),
    ("Vanaf DATUM wordt N % van de prioriteit-1-incidenten binnen H werkuren opgelost, maandelijks gemeten uit SYSTEEM.",
     "S", "placeholder"),
])
def test_each_wording_finding_is_found_in_a_dutch_criterion_and_explained_in_dutch(sentence, letter, code):
    i18n.set_language("nl")
    verdict = check(sentence)
    assert verdict.language == "nl"
    finding = next(f for f in verdict.findings if f.code == code)
    assert finding.letter == letter and letter in verdict.failing
    dutch = i18n.catalog("nl")
    assert finding.explanation == dutch[f"system.finding.{code}"].format(
        words=", ".join(verdict.parsed.placeholders)) if code == "placeholder" else dutch[f"system.finding.{code}"]
    assert finding.suggestion == dutch[f"system.suggest.{code}"].format(words=", ".join(verdict.parsed.placeholders))


def test_every_finding_has_an_explanation_and_a_suggestion_in_english_and_dutch():
    english, dutch = i18n.catalog("en"), i18n.catalog("nl")
    codes_used = {key.split(".")[-1] for key in english if key.startswith("system.finding.")}
    assert len(codes_used) >= 20
    for code in codes_used:
        for catalog in (english, dutch):
            assert f"system.finding.{code}" in catalog and f"system.suggest.{code}" in catalog, code


def test_every_letter_has_a_name_in_both_languages():
    for language in ("en", "nl"):
        i18n.set_language(language)
        names = [r.name for r in check(GOOD_EN).letters]
        assert len(set(names)) == 5
    assert names == ["Specifiek", "Meetbaar", "Haalbaar", "Relevant", "Tijdgebonden"]


@pytest.mark.parametrize("finding", ["no_reason", "not_confirmed", "confirmed_by_sales", "no_link", "date_in_past",
                                     "owner_one_side"])
def test_the_findings_judged_against_the_case_read_in_dutch_too(demo, finding):
    i18n.set_language("nl")
    changes = {"no_reason": dict(achievable_why=""), "not_confirmed": dict(confirmed_by=None),
               "confirmed_by_sales": dict(confirmed_by="v-sales"), "no_link": dict(complaint_ids=[]),
               "date_in_past": dict(date=dt.date(2026, 1, 1), statement=GOOD_NL.replace("1 maart 2027", "1 januari 2026")),
               "owner_one_side": dict(vendor_owner=None)}[finding]
    verdict = check(_full(**{"statement": GOOD_NL, **changes}), demo)
    found = next(f for f in verdict.findings if f.code == finding)
    assert found.explanation == i18n.catalog("nl")[f"system.finding.{finding}"].format(
        side="leverancier", name="Mark Ellison", date="1 januari 2026", opened="2 november 2026")


@pytest.mark.parametrize("sentence", [
    "Vanaf 1 juni 2027 is 98 % van de back-ups binnen 6 uur teruggezet, zoals gemeten in Veeam.",
    "Uiterlijk 1 mei 2027 zijn alle 12 koppelingen getest, zoals afgesproken in het testplan.",
])
def test_zoals_before_a_participle_is_as_measured_not_an_open_list(sentence):
    assert "vague_open_list" not in codes(check(sentence), "S")


def test_zoals_before_examples_still_leaves_the_list_open():
    sentence = "Vanaf 1 juni 2027 zijn alle koppelingen, zoals de HR-koppeling, getest volgens het testrapport."
    assert "vague_open_list" in codes(check(sentence), "S")


@pytest.mark.parametrize("sentence", [
    "By 1 May 2027 every laptop has its warranty date filled in in the CMDB.",
    "Vanaf 1 mei 2027 wijkt niet meer dan 1 % van de uren af van wat in Exact is geboekt.",
])
def test_a_system_named_by_acronym_or_before_its_dutch_verb_is_a_source(sentence):
    assert "no_source" not in codes(check(sentence), "M")
