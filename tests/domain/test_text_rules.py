"""What typed text may hold (no invisible direction mark or control character; a name is one line) and which
years a date may have, refused with a sentence wherever a case holds text or a date."""
from __future__ import annotations

import datetime as dt
import typing

import pytest
from pydantic import BaseModel, ValidationError

from negotiation.data.case import Case, case_from_document
from negotiation.data.intake import Complaint
from negotiation.data.options import ObjectiveCriterion
from negotiation.data.parties import Mediator, Person, Tier
from negotiation.kernel import i18n
from negotiation.kernel.base import TextRule, YearRule
from negotiation.kernel.errors import ImportRejected, explain

DIRECTION_MARKS = ["\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
                   "\u2066", "\u2067", "\u2068", "\u2069"]
CONTROLS = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f"]


def complaint(statement: str, **changes) -> Complaint:
    return Complaint(raised_by="client", category="system_defects", statement=statement, **changes)


def problems(exc_info) -> list[tuple[str, str]]:
    return [(p.field, p.message) for p in explain(exc_info.value)]


def test_a_right_to_left_override_in_a_complaint_is_refused_with_a_sentence():
    with pytest.raises(ValidationError) as exc_info:
        complaint("The release was \u202eDESREVER")
    assert problems(exc_info) == [(
        "statement",
        "This text holds an invisible direction mark (U+202E), which can make the PDF show the text differently "
        "from what is recorded. Type the text again instead of pasting it.")]


@pytest.mark.parametrize("mark", DIRECTION_MARKS, ids=lambda c: f"U+{ord(c):04X}")
def test_every_direction_mark_is_refused_and_named_by_its_code(mark):
    with pytest.raises(ValidationError) as exc_info:
        complaint(f"The invoices {mark}were late")
    assert f"(U+{ord(mark):04X})" in problems(exc_info)[0][1]


@pytest.mark.parametrize("char", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_a_control_character_is_refused_with_a_sentence_naming_it(char):
    with pytest.raises(ValidationError) as exc_info:
        complaint("The service desk", evidence=f"ticket{char}4711")
    assert problems(exc_info) == [(
        "evidence",
        f"This text holds an invisible control character (U+{ord(char):04X}), which the PDF would not show. "
        "Type the text again instead of pasting it.")]


def test_line_breaks_and_tabs_stay_in_free_text():
    kept = complaint("First line\nsecond line\tand a tab")
    assert kept.statement == "First line\nsecond line\tand a tab"


def test_a_windows_or_old_mac_line_break_is_stored_as_a_plain_line_break():
    assert complaint("one\r\ntwo\rthree").statement == "one\ntwo\nthree"


def test_letters_of_any_script_and_emoji_are_text_not_marks():
    text = "Müller & Søn — 東京 · مرحبا · שלום 👍"
    assert complaint(text).statement == text


def test_a_name_is_one_line():
    with pytest.raises(ValidationError) as exc_info:
        Person(name="Anna\nde Vries", tier=Tier.EXECUTIVE)
    assert problems(exc_info) == [("name", "This must be one line: take out the line break or tab.")]


def test_a_name_with_a_direction_mark_is_refused_before_it_can_reach_the_signature_block():
    with pytest.raises(ValidationError) as exc_info:
        Mediator(name="J. \u2067Jansen")
    assert "U+2067" in problems(exc_info)[0][1]


def test_an_email_or_a_web_address_with_a_direction_mark_is_refused():
    with pytest.raises(ValidationError):
        Mediator(name="J. Jansen", email="j@\u202eexample.org")
    with pytest.raises(ValidationError):
        ObjectiveCriterion(name="Rates", source="Agency", url="https://example.org/\u200fx")


def test_an_edit_by_assignment_is_held_to_the_same_rule_and_leaves_the_value_as_it_was():
    kept = complaint("As typed")
    with pytest.raises(ValidationError):
        kept.statement = "As \x00typed"
    assert kept.statement == "As typed"


def test_the_sentence_reads_in_dutch_too():
    i18n.set_language("nl")
    with pytest.raises(ValidationError) as exc_info:
        complaint("\u202eDESREVER")
    assert problems(exc_info)[0][1].startswith("Deze tekst bevat een onzichtbaar richtingsteken (U+202E)")


def test_an_import_with_a_direction_mark_is_refused_with_a_sentence_naming_the_field(demo):
    document = demo.model_dump(mode="json")
    document["intake"]["complaints"][2]["statement"] = "The PDF shows \u202eDESREVER"
    with pytest.raises(ImportRejected) as exc_info:
        case_from_document(document)
    assert "intake.complaints.2.statement: This text holds an invisible direction mark (U+202E)" in str(exc_info.value)
    assert str(exc_info.value).endswith("Nothing was imported.")


# -- years ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [1, 202, 1899, 2101, 9999])
def test_a_year_outside_1900_to_2100_is_refused_with_a_sentence(year):
    with pytest.raises(ValidationError) as exc_info:
        complaint("Late", since=dt.date(year, 1, 1))
    assert problems(exc_info) == [("since", f"The year {year} cannot be right here: a date in a case lies between "
                                            "1900 and 2100. Check the year.")]


@pytest.mark.parametrize("year", [1900, 2026, 2100])
def test_the_years_1900_to_2100_are_accepted(year, demo):
    contract = demo.contract.model_copy(update={"start": dt.date(1900, 1, 1), "end": dt.date(year, 12, 31)})
    assert type(contract).model_validate(contract.model_dump()).end.year == year


def test_a_contract_ending_in_2202_is_refused_on_the_case_page_and_in_an_import(demo):
    with pytest.raises(ValidationError) as exc_info:
        demo.contract.end = dt.date(2202, 1, 1)
    assert "2202" in problems(exc_info)[0][1]
    document = demo.model_dump(mode="json")
    document["contract"]["end"] = "2202-01-01"
    with pytest.raises(ImportRejected):
        case_from_document(document)


# -- every field is covered -------------------------------------------------------------------------


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> None:
    if model in seen:
        return
    seen.add(model)
    for info in model.model_fields.values():
        for inner in _types(info.annotation):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                _models(inner, seen)


def _types(annotation) -> list:
    found = [annotation]
    for arg in typing.get_args(annotation):
        found += _types(arg)
    return found


def _fields_of(kind: type) -> list[tuple[str, list]]:
    """(model.field, the rules on it and inside its type) for every field of a case whose type holds `kind`."""
    seen: set[type[BaseModel]] = set()
    _models(Case, seen)
    found = []
    for model in seen:
        for name, info in model.model_fields.items():
            types = _types(info.annotation)
            if kind in types:
                rules = list(info.metadata) + [m for t in types if typing.get_origin(t) is typing.Annotated
                                               for m in t.__metadata__]
                found.append((f"{model.__name__}.{name}", rules))
    return found


NOT_TYPED_TEXT = {
    "AgreementVersion.fingerprint",  # a SHA-256 in hex (a pattern), written by the app
    "AgreementVersion.record",  # a frozen document: never held to a newer rule
}


def test_every_text_field_of_a_case_refuses_direction_marks_and_control_characters():
    # An id and a currency code are held to a pattern of letters and digits; everything else a person types.
    unguarded = [name for name, rules in _fields_of(str)
                 if name not in NOT_TYPED_TEXT and not any(isinstance(r, TextRule) for r in rules)
                 and not any(getattr(r, "pattern", None) in (r"^[A-Za-z0-9_-]{1,40}$", r"^[A-Z]{3}$") for r in rules)]
    assert unguarded == []


def test_every_date_field_of_a_case_holds_its_year_between_1900_and_2100():
    unguarded = [name for name, rules in _fields_of(dt.date) if not any(isinstance(r, YearRule) for r in rules)]
    assert unguarded == []
