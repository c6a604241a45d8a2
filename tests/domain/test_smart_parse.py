"""Reading a one-sentence criterion: number and unit, direction, date, source, owner, in English and Dutch."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from negotiation.data.smart import DateKind, Direction, Frequency
from negotiation.method.smart.parse import language_of, owner_person, parse, to_decimal


@pytest.mark.parametrize("text, expected", [
    ("By 1 March 2027 it is done", dt.date(2027, 3, 1)),
    ("Uiterlijk 1 maart 2027 is het klaar", dt.date(2027, 3, 1)),
    ("by March 1, 2027", dt.date(2027, 3, 1)),
    ("vóór 30 juni 2027", dt.date(2027, 6, 30)),
    ("by 2027-03-01", dt.date(2027, 3, 1)),
    ("uiterlijk 01-07-2027", dt.date(2027, 7, 1)),
    ("by the end of March 2027", dt.date(2027, 3, 31)),
    ("eind mrt 2027", dt.date(2027, 3, 31)),
    ("by Q2 2027", dt.date(2027, 6, 30)),
])
def test_english_and_dutch_dates_are_read(text, expected):
    assert parse(text).date == expected


@pytest.mark.parametrize("text, kind", [
    ("From 1 March 2027, 95 % …", DateKind.FROM),
    ("Vanaf 1 maart 2027 wordt …", DateKind.FROM),
    ("Met ingang van 1 maart 2027 …", DateKind.FROM),
    ("By 1 March 2027, 95 % …", DateKind.BY),
    ("Uiterlijk 1 maart 2027 …", DateKind.BY),
])
def test_the_date_is_read_as_a_deadline_or_as_the_start_of_a_regime(text, kind):
    assert parse(text).date_kind is kind


@pytest.mark.parametrize("text, target, unit", [
    ("95% of incidents", Decimal("95"), "%"),
    ("95 % van de meldingen", Decimal("95"), "%"),
    ("99,5 procent beschikbaar", Decimal("99.5"), "%"),
    ("resolved within 4 business hours", Decimal("4"), "business hours"),
    ("opgelost binnen 4 werkuren", Decimal("4"), "business hours"),
    ("within 5 werkdagen", Decimal("5"), "business days"),
    ("all 9,800 laptops are replaced", Decimal("9800"), "laptops"),
    ("alle 9.800 laptops zijn vervangen", Decimal("9800"), "laptops"),
    ("at most € 1,150 per day", Decimal("1150"), "EUR per day"),
    ("maximaal 5 open prioriteit-2-bevindingen", Decimal("5"), "open prioriteit-2-bevindingen"),
])
def test_the_target_number_and_its_unit_are_read(text, target, unit):
    parsed = parse(text)
    assert (parsed.target, parsed.unit) == (target, unit)


def test_a_percentage_is_the_target_and_the_time_limit_stays_in_the_metric():
    parsed = parse("From 1 March 2027, 95 % of priority-1 incidents are resolved within 8 business hours, "
                   "measured monthly from ServiceNow.")
    assert parsed.target == Decimal("95") and parsed.unit == "%"
    assert parsed.metric == "priority-1 incidents are resolved within 8 business hours"
    assert [q.unit for q in parsed.quantities] == ["%", "business hours"]


def test_priority_codes_and_years_are_not_taken_for_quantities():
    parsed = parse("P1 and priority-1 incidents by 1 March 2027")
    assert parsed.quantities == []


def test_a_number_without_a_unit_is_kept_as_unitless():
    parsed = parse("reduce the backlog to 50 by 1 March 2027")
    assert parsed.target == Decimal("50") and parsed.unit == ""
    assert len(parsed.unitless_numbers) == 1


@pytest.mark.parametrize("text, direction", [
    ("at least 95 % of incidents", Direction.AT_LEAST),
    ("minimaal 95% van de meldingen", Direction.AT_LEAST),
    ("at most 5 open defects", Direction.AT_MOST),
    ("maximaal 5 open bevindingen", Direction.AT_MOST),
    ("no more than € 950 per day", Direction.AT_MOST),
    ("exactly 2 releases", Direction.EXACTLY),
    ("resolved within 4 business hours", Direction.WITHIN),
    ("95 % of incidents are resolved within 4 business hours", Direction.AT_LEAST),
])
def test_the_direction_is_read(text, direction):
    assert parse(text).direction is direction


@pytest.mark.parametrize("text, source, frequency", [
    ("measured monthly from ServiceNow, owned by X", "ServiceNow", Frequency.MONTHLY),
    ("maandelijks gemeten uit TOPdesk; eigenaar: X", "TOPdesk", Frequency.MONTHLY),
    ("as shown in the LMS training report", "LMS training report", None),
    ("volgens de telefonierapportage", "telefonierapportage", None),
    ("counted weekly in Jira", "Jira", Frequency.WEEKLY),
    ("checked per quotation against the rate card", "rate card", Frequency.PER_EVENT),
    ("replaced according to the asset register by the client's Vendor Manager", "asset register", None),
])
def test_the_measurement_source_and_frequency_are_read(text, source, frequency):
    parsed = parse(text)
    assert parsed.source == source
    assert parsed.frequency is frequency


def test_a_price_per_day_is_not_mistaken_for_a_daily_measurement():
    assert parse("quoted at no more than € 950 per day, checked per quotation").frequency is Frequency.PER_EVENT


@pytest.mark.parametrize("text, owner", [
    ("…, owned by the client's Service Delivery Manager.", "the client's Service Delivery Manager"),
    ("…; owner: Sanjay Iyer.", "Sanjay Iyer"),
    ("…; eigenaar: de servicedeskmanager van de leverancier.", "de servicedeskmanager van de leverancier"),
    ("…, checked monthly by the client's Vendor Manager.", "the client's Vendor Manager"),
])
def test_the_owner_is_read(text, owner):
    assert parse(text).owners == [owner]


def test_an_owner_named_in_the_sentence_is_matched_to_the_case_people(demo):
    parsed = parse("…, owned by Thomas Berger (client) and Claire Dubois (vendor).")
    assert parsed.owners == ["Thomas Berger (client) and Claire Dubois (vendor)"]
    assert owner_person(parsed.owners, demo.client.people) == "c-mgmt"
    assert owner_person(parsed.owners, demo.vendor.people) == "v-mgmt"
    assert owner_person(["the Vendor Manager, Procurement"], demo.client.people) == "c-vm"


@pytest.mark.parametrize("token, value", [
    ("9,800", Decimal("9800")), ("9.800", Decimal("9800")), ("99.5", Decimal("99.5")), ("99,5", Decimal("99.5")),
    ("1,250.50", Decimal("1250.50")), ("1.250,50", Decimal("1250.50")), ("2.4", Decimal("2.4")),
])
def test_numbers_typed_the_english_or_the_dutch_way_are_read(token, value):
    assert to_decimal(token) == value


def test_the_language_of_a_criterion_is_recognised():
    assert language_of("Vanaf 1 maart 2027 wordt 95% van de meldingen binnen 4 werkuren opgelost") == "nl"
    assert language_of("From 1 March 2027, 95 % of the incidents are resolved within 4 business hours") == "en"
