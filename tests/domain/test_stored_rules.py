"""A stored case that breaks a rule newer than itself still opens and lists its problems; the rule applies to
the next edit. An import is held to every rule; a finalised version, a frozen document, to none of the new ones."""
from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from negotiation.data import case as case_module
from negotiation.data.agreement import AgreementVersion, digest
from negotiation.data.case import (
    Case,
    case_from_document,
    case_from_stored,
    case_problems,
    checked_edit,
    fingerprint,
    new_problems,
    record,
)
from negotiation.data.intake import Complaint
from negotiation.data.limits import MAX_COMPLAINTS
from negotiation.data.parties import PartyRole
from negotiation.data.smart import SmartCriterion
from negotiation.kernel.base import deferred_rules
from negotiation.kernel.errors import ImportRejected, explain

OVERRIDE = "\u202e"
REVERSED = "The release passed its tests " + OVERRIDE + "DESREVER"


def stored(demo: Case, change) -> dict:
    """The demo as a document an older Yesable stored, changed by `change` (rules of its day only)."""
    document = demo.model_dump(mode="json")
    change(document)
    return document


def with_override(document: dict) -> None:
    document["intake"]["complaints"][1]["statement"] = REVERSED


def complaint_docs(count: int) -> list[dict]:
    return [dict(id=f"old{n}", raised_by="client", category="system_defects", statement=f"Complaint {n}")
            for n in range(count)]


def keys(found) -> list[tuple[str, str]]:
    return [(b.field, b.key) for b in found]


def refused(exc_info) -> list[tuple[str, str]]:
    return [(p.field, p.message) for p in explain(exc_info.value)]


# -- it opens, and lists its problems ------------------------------------------------------------------


def test_a_stored_case_with_a_right_to_left_override_opens_and_lists_its_problem(demo):
    case = case_from_stored(stored(demo, with_override))
    assert case.intake.complaints[1].statement == REVERSED
    [problem] = [b.problem() for b in case_problems(case)]
    assert problem.field == "intake.complaints.1.statement"
    assert problem.message.startswith("This text holds an invisible direction mark (U+202E)")


def test_a_stored_case_with_too_many_complaints_opens_and_lists_the_list(demo):
    document = stored(demo, lambda d: d["intake"].update(complaints=complaint_docs(MAX_COMPLAINTS + 40)))
    case = case_from_stored(document)
    assert len(case.intake.complaints) == MAX_COMPLAINTS + 40
    assert [b.message for b in case_problems(case)] == [
        f"A case holds at most {MAX_COMPLAINTS} complaints; this one would hold {MAX_COMPLAINTS + 40}. "
        "Group similar complaints into one."]


def test_a_stored_case_with_a_year_outside_the_range_opens_and_lists_it(demo):
    case = case_from_stored(stored(demo, lambda d: d["agreement"].update(signing_date="0202-03-01")))
    assert keys(case_problems(case)) == [("agreement.signing_date", "limits.date.year")]


def test_a_stored_criterion_dated_before_the_contract_starts_opens_and_is_listed(demo):
    def early(document: dict) -> None:
        document["system"]["criteria"][0]["date"] = "2020-01-01"

    case = case_from_stored(stored(demo, early))
    [breach] = case_problems(case)
    assert breach.field == "system.criteria.0.date"
    assert breach.message.startswith("1 January 2020 is before the contract started on")


def test_a_stored_case_reads_back_exactly_as_stored(demo):
    def windows_text(document: dict) -> None:
        with_override(document)
        document["summary"] = "First line\r\nsecond line"

    document = stored(demo, windows_text)
    case = case_from_stored(document)
    assert case.model_dump(mode="json") == document  # nothing normalised: its fingerprint is as it was
    assert fingerprint(case) == digest(case_module.record(case))


def test_an_old_rule_still_refuses_a_stored_document_that_is_not_a_case(demo):
    document = stored(demo, lambda d: d["contract"].update(value="-5"))
    with pytest.raises(ImportRejected):
        case_from_stored(document)


# -- the rule applies to the next edit -------------------------------------------------------------------


def test_an_edit_that_leaves_the_broken_text_alone_is_saved(demo):
    before = case_from_stored(stored(demo, with_override))
    work = before.model_copy(deep=True)
    with deferred_rules():
        work.title = "Nordhaven / Meridian, after the workshop"
    saved = checked_edit(work, before=before)
    assert saved.title == "Nordhaven / Meridian, after the workshop"
    assert saved.intake.complaints[1].statement == REVERSED  # still listed, not lost
    assert new_problems(before, saved) == []


def test_the_store_may_pass_the_stored_document_itself_as_the_state_before(demo):
    document = stored(demo, with_override)
    work = case_from_stored(document)
    work.summary = "Edited"
    assert checked_edit(work, before=document).summary == "Edited"


def test_an_edit_that_brings_a_direction_mark_elsewhere_is_refused_with_the_sentence_at_its_field(demo):
    before = case_from_stored(stored(demo, with_override))
    work = before.model_copy(deep=True)
    with deferred_rules():
        work.intake.complaints[3].evidence = "ticket \u2066 4711"
    with pytest.raises(ValidationError) as exc_info:
        checked_edit(work, before=before)
    [(field, message)] = refused(exc_info)
    assert field == "intake.complaints.3.evidence"
    assert message.startswith("This text holds an invisible direction mark (U+2066)")


def test_an_edit_that_changes_the_broken_text_must_meet_the_rule(demo):
    before = case_from_stored(stored(demo, with_override))
    work = before.model_copy(deep=True)
    with deferred_rules():
        work.intake.complaints[1].statement = REVERSED + " (edited)"
    with pytest.raises(ValidationError) as exc_info:
        checked_edit(work, before=before)
    assert refused(exc_info)[0][0] == "intake.complaints.1.statement"
    work.intake.complaints[1].statement = "The release passed its tests REVERSED"  # typed again: accepted
    assert case_problems(checked_edit(work, before=before)) == []


def test_deleting_an_earlier_item_does_not_turn_an_old_breach_into_a_new_one(demo):
    before = case_from_stored(stored(demo, with_override))
    work = before.model_copy(deep=True)
    with deferred_rules():
        work.intake.complaints = work.intake.complaints[1:]  # the broken complaint moves from 1 to 0
    saved = checked_edit(work, before=before)
    assert keys(case_problems(saved)) == [("intake.complaints.0.statement", "limits.text.direction_mark")]


def test_a_list_over_its_limit_may_shrink_or_stay_but_not_grow(demo):
    before = case_from_stored(stored(demo, lambda d: d["intake"].update(complaints=complaint_docs(MAX_COMPLAINTS + 2))))
    work = before.model_copy(deep=True)
    with deferred_rules():
        work.intake.complaints = work.intake.complaints[1:]
    shrunk = checked_edit(work, before=before)
    assert len(shrunk.intake.complaints) == MAX_COMPLAINTS + 1
    with deferred_rules():
        work.intake.complaints = [*before.intake.complaints,
                                  Complaint(id="new", raised_by="client", category="other", statement="One more")]
    with pytest.raises(ValidationError) as exc_info:
        checked_edit(work, before=before)
    assert refused(exc_info) == [("intake.complaints", f"A case holds at most {MAX_COMPLAINTS} complaints; this one "
                                                       f"would hold {MAX_COMPLAINTS + 3}. Group similar complaints into one.")]


def test_without_deferred_rules_an_assignment_is_held_to_every_rule_and_changes_nothing(demo):
    before = case_from_stored(stored(demo, lambda d: d["intake"].update(complaints=complaint_docs(MAX_COMPLAINTS + 2))))
    with pytest.raises(ValidationError):
        before.intake.complaints = before.intake.complaints[1:]
    assert len(before.intake.complaints) == MAX_COMPLAINTS + 2


def test_a_new_case_is_held_to_every_rule(demo):
    work = demo.model_copy(deep=True)
    with deferred_rules():
        work.summary = "A pasted \x00 summary"
    with pytest.raises(ValidationError) as exc_info:
        checked_edit(work, before=None)
    assert refused(exc_info)[0][0] == "summary"


def test_an_edit_that_grows_a_case_past_the_size_limit_is_refused_and_one_that_shrinks_it_is_saved(demo, monkeypatch):
    monkeypatch.setattr(case_module, "MAX_CASE_BYTES", case_module.case_bytes(demo) - 10)
    before = case_from_stored(demo.model_dump(mode="json"))
    assert keys(case_problems(before)) == [("", "limits.case.too_big")]
    work = before.model_copy(deep=True)
    work.summary = before.summary + " And more."
    with pytest.raises(ValidationError) as exc_info:
        checked_edit(work, before=before)
    assert refused(exc_info)[0][1].startswith("This case would take 0.0 MB, more than the 0 MB")
    work.summary = before.summary[:-20]
    checked_edit(work, before=before)


# -- the criterion's date and the contract ---------------------------------------------------------------


def test_a_criterion_dated_before_the_contract_starts_is_refused_by_the_model(demo):
    early = demo.contract.start - dt.timedelta(days=1)
    criteria = [*demo.system.criteria, SmartCriterion(id="early", statement="Holds from before the contract",
                                                      date=early)]
    document = demo.model_dump(mode="json")
    document["system"]["criteria"] = [c.model_dump(mode="json") for c in criteria]
    with pytest.raises(ValidationError) as exc_info:
        Case.model_validate(document)
    assert refused(exc_info)[0][1].endswith("Choose a date from which the criterion can still be met.")


def test_an_import_cannot_carry_a_criterion_dated_before_the_contract(demo):
    document = demo.model_dump(mode="json")
    document["system"]["criteria"][0]["date"] = "2001-01-01"
    with pytest.raises(ImportRejected) as exc_info:
        case_from_document(document)
    assert "1 January 2001 is before the contract started on" in str(exc_info.value)


def test_moving_the_contract_start_past_a_criterion_date_is_refused(demo):
    dated = min(c.date for c in demo.system.criteria if c.date is not None)
    start = demo.contract.start
    with pytest.raises(ValidationError):
        demo.contract = demo.contract.model_copy(update={"start": dated + dt.timedelta(days=1)})
    assert demo.contract.start == start  # the refused assignment left the case as it was (pydantic#7105)
    work = demo.model_copy(deep=True)
    with deferred_rules():
        work.contract.start = dated + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as exc_info:
        checked_edit(work, before=demo)
    assert refused(exc_info)[0][0].startswith("system.criteria.")


# -- finalised versions are frozen documents -------------------------------------------------------------


def test_a_finalised_version_is_never_held_to_a_newer_rule(demo):
    old_record = record(case_from_stored(stored(demo, with_override)))
    version = dict(number=1, finalised_at="2026-11-20T10:00:00", fingerprint=digest(old_record), record=old_record)
    document = demo.model_dump(mode="json")
    document["agreement"]["versions"] = [version]
    imported = case_from_document(document)  # an import is strict, but a version is a frozen document
    assert case_problems(imported) == []
    assert imported.agreement.versions[0].record == old_record
    shown = case_from_stored(imported.agreement.versions[0].record)  # how its PDF reads it
    assert shown.intake.complaints[1].statement == REVERSED
    assert AgreementVersion.model_validate(version).fingerprint == digest(old_record)


def test_a_refused_assignment_leaves_the_case_as_it_was_even_when_a_rule_of_the_whole_case_refuses_it(demo):
    # pydantic stores the value before a model validator refuses it (pydantic/pydantic#7105); DomainModel undoes it.
    with pytest.raises(ValidationError):
        demo.client = demo.client.model_copy(update={"role": PartyRole.VENDOR})
    assert demo.client.role is PartyRole.CLIENT
    assert demo.model_dump() == type(demo).model_validate(demo.model_dump()).model_dump()
