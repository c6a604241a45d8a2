"""How much one case may hold: every list has a limit (docs/limits.md), refused with a sentence naming the list,
and a case that holds everything it may still fits in MAX_CASE_BYTES."""
from __future__ import annotations

import datetime as dt
import typing

import pytest
from pydantic import BaseModel, ValidationError

from negotiation.data import limits as L
from negotiation.data.agreement import AgreementVersion, Commitment, Level, digest
from negotiation.data.case import Case, case_bytes, case_from_document, case_problems, case_to_json, record
from negotiation.data.caucus import CaucusNote
from negotiation.data.intake import Complaint, PathKind, Statement, WarningSignKind
from negotiation.data.interests import Interest
from negotiation.data.options import Issue, Option, OptionsBoard
from negotiation.data.parties import PartyRole, Person, Tier
from negotiation.data.smart import SmartCriterion
from negotiation.kernel.base import AtMost
from negotiation.kernel.errors import ImportRejected, explain
from tests.domain.full_case import full_case


def problems(exc_info) -> list[tuple[str, str]]:
    return [(p.field, p.message) for p in explain(exc_info.value)]


def complaints(count: int, start: int = 0) -> list[Complaint]:
    return [Complaint(id=f"x{n}", raised_by=PartyRole.CLIENT, category="system_defects", statement=f"Complaint {n}")
            for n in range(start, start + count)]


@pytest.fixture(scope="module")
def full():
    from negotiation.adapters.demo import demo_case

    return full_case(demo_case())


# -- what the issue asks for at least ------------------------------------------------------------------


def test_the_limits_leave_a_real_workshop_a_wide_margin():
    assert L.MAX_COMPLAINTS >= 300
    assert L.MAX_INTERESTS_PER_SIDE >= 100
    assert L.MAX_ISSUES >= 30 and L.MAX_OPTIONS_PER_ISSUE >= 8
    assert L.MAX_CRITERIA >= 200 and L.MAX_OBJECTIVE_CRITERIA >= 200
    assert L.MAX_COMMITMENTS >= 100


def test_the_one_of_each_limits_are_as_many_as_there_are_kinds():
    assert L.MAX_WARNING_SIGNS == len(WarningSignKind)
    assert L.MAX_PATHS == len(PartyRole) * len(PathKind)
    assert L.MAX_RECOGNITION_ANSWERS == len(PartyRole) * len(Statement)
    assert L.MAX_LADDER_LEVELS == len(Level)


def _annotated_rules(annotation) -> list:
    rules = []
    if typing.get_origin(annotation) is typing.Annotated:
        rules += list(annotation.__metadata__)
    for arg in typing.get_args(annotation):
        rules += _annotated_rules(arg)
    return rules


BOUNDED_OTHERWISE = {
    "Path.branches": "MAX_BRANCHES, a rule of the path's own validator since version 2",
    "MarginModel.scenarios": "MAX_SCENARIOS, a rule of the margin's own validator from the start",
    "OptionsBoard.proposal": "one option per issue, and every key an issue on the board",
    "PointAllocation.client": "points per issue, and every key an issue on the board",
    "PointAllocation.vendor": "points per issue, and every key an issue on the board",
    "AgreementVersion.record": "a frozen document, never held to a newer rule",
}


def test_every_list_in_a_case_has_a_limit():
    seen: set[type[BaseModel]] = set()
    stack: list[type[BaseModel]] = [Case]
    unbounded = []
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            annotation = info.annotation
            inner = [a for a in typing.get_args(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]
            origin = typing.get_origin(annotation)
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                inner.append(annotation)
            for arg in typing.get_args(annotation):
                inner += [a for a in typing.get_args(arg) if isinstance(a, type) and issubclass(a, BaseModel)]
            stack += inner
            if origin in (list, dict):
                limited = any(isinstance(r, AtMost) for r in [*info.metadata, *_annotated_rules(annotation)])
                if not limited and f"{model.__name__}.{name}" not in BOUNDED_OTHERWISE:
                    unbounded.append(f"{model.__name__}.{name}")
    assert unbounded == []
    assert len(seen) > 30  # the walk reached the whole case


# -- at the limit, and one over -------------------------------------------------------------------------


def test_a_case_holds_its_limit_of_complaints_and_refuses_one_more_with_a_sentence(demo):
    demo.intake.complaints = complaints(L.MAX_COMPLAINTS)
    with pytest.raises(ValidationError) as exc_info:
        demo.intake.complaints = complaints(L.MAX_COMPLAINTS + 1)
    assert problems(exc_info) == [("complaints", f"A case holds at most {L.MAX_COMPLAINTS} complaints; this one would "
                                                 f"hold {L.MAX_COMPLAINTS + 1}. Group similar complaints into one.")]
    assert len(demo.intake.complaints) == L.MAX_COMPLAINTS  # the refused edit changed nothing


def test_interests_are_limited_per_side_not_in_total(demo):
    def interests(side: PartyRole, count: int) -> list[Interest]:
        return [Interest(id=f"{side.value}{n}", side=side, statement=f"Interest {n}") for n in range(count)]

    demo.interests.links = []
    per_side = L.MAX_INTERESTS_PER_SIDE
    demo.interests.interests = interests(PartyRole.CLIENT, per_side) + interests(PartyRole.VENDOR, per_side)
    with pytest.raises(ValidationError) as exc_info:
        demo.interests.interests = interests(PartyRole.CLIENT, per_side + 1)
    assert problems(exc_info) == [("interests", f"Each side has at most {per_side} interests; one side would have "
                                                f"{per_side + 1}. Group similar interests into one.")]


def test_an_issue_holds_its_limit_of_options_and_unplaced_ideas_have_their_own_limit():
    board = OptionsBoard(issues=[Issue(id="i1", title="Timeline")])
    board.options = [Option(id=f"o{n}", statement=f"Option {n}", issue_id="i1") for n in range(L.MAX_OPTIONS_PER_ISSUE)]
    with pytest.raises(ValidationError) as exc_info:
        board.options = [*board.options, Option(id="one-more", statement="One more", issue_id="i1")]
    assert problems(exc_info)[0][1].startswith(f"An issue has at most {L.MAX_OPTIONS_PER_ISSUE} options; one issue would "
                                          f"have {L.MAX_OPTIONS_PER_ISSUE + 1}.")
    unplaced = [Option(id=f"u{n}", statement=f"Idea {n}") for n in range(L.MAX_UNPLACED_OPTIONS + 1)]
    with pytest.raises(ValidationError) as exc_info:
        board.options = unplaced
    assert problems(exc_info)[0][1].startswith(f"At most {L.MAX_UNPLACED_OPTIONS} options may wait without an issue; "
                                          f"there would be {L.MAX_UNPLACED_OPTIONS + 1}.")


def test_the_decently_working_system_refuses_a_criterion_over_its_limit(demo):
    criteria = [SmartCriterion(id=f"s{n}", statement=f"Criterion {n}") for n in range(L.MAX_CRITERIA + 1)]
    with pytest.raises(ValidationError) as exc_info:
        demo.system.criteria = criteria
    assert problems(exc_info) == [("criteria", f"The decently working system holds at most {L.MAX_CRITERIA} criteria; "
                                               f"this one would hold {L.MAX_CRITERIA + 1}.")]


def test_an_agreement_refuses_a_commitment_over_its_limit(demo):
    owner = demo.client.people[0].id
    commitments = [Commitment(id=f"a{n}", side=PartyRole.CLIENT, owner_id=owner, what=f"Do {n}",
                              due=dt.date(2027, 1, 1)) for n in range(L.MAX_COMMITMENTS + 1)]
    with pytest.raises(ValidationError) as exc_info:
        demo.agreement.commitments = commitments
    assert problems(exc_info) == [("commitments",
                                   f"An agreement holds at most {L.MAX_COMMITMENTS} commitments; "
                                   f"this one would hold {L.MAX_COMMITMENTS + 1}.")]


def test_a_party_refuses_a_person_over_its_limit(demo):
    people = [Person(id=f"p{n}", name=f"Person {n}", tier=Tier.OPERATIONAL) for n in range(L.MAX_PEOPLE_PER_SIDE + 1)]
    with pytest.raises(ValidationError) as exc_info:
        demo.client.people = people
    assert problems(exc_info) == [("people", f"A party has at most {L.MAX_PEOPLE_PER_SIDE} people; "
                                           f"this one would have {L.MAX_PEOPLE_PER_SIDE + 1}.")]


def test_a_sides_caucus_refuses_a_note_over_its_limit(demo):
    with pytest.raises(ValidationError) as exc_info:
        demo.caucus.client.notes = [CaucusNote(id=f"n{n}", text="Said alone")
                                    for n in range(L.MAX_CAUCUS_NOTES_PER_SIDE + 1)]
    assert problems(exc_info) == [("notes", f"Each side's caucus holds at most {L.MAX_CAUCUS_NOTES_PER_SIDE} notes; "
                                          f"it would hold {L.MAX_CAUCUS_NOTES_PER_SIDE + 1}.")]


def test_an_import_over_a_list_limit_is_refused_with_the_sentence_and_the_list(demo):
    document = demo.model_dump(mode="json")
    document["intake"]["complaints"] = [c.model_dump(mode="json") for c in complaints(L.MAX_COMPLAINTS + 1)]
    with pytest.raises(ImportRejected) as exc_info:
        case_from_document(document)
    assert (f"intake.complaints: A case holds at most {L.MAX_COMPLAINTS} complaints; this one would hold "
            f"{L.MAX_COMPLAINTS + 1}.") in str(exc_info.value)


# -- the whole case -----------------------------------------------------------------------------------


def test_a_case_with_every_list_at_its_limit_is_valid_and_breaks_no_rule(full):
    assert len(full.intake.complaints) == L.MAX_COMPLAINTS
    assert len(full.options.options) == L.MAX_OPTIONS
    assert case_problems(full) == []


def test_a_case_with_every_list_at_its_limit_fits_twice_finalised_within_the_size_limit(full):
    case = full.model_copy(deep=True)
    for number in (1, 2):
        shared = record(case)
        case.agreement.versions = [*case.agreement.versions, AgreementVersion(
            number=number, finalised_at=dt.datetime(2026, 6, 1, 12), fingerprint=digest(shared), record=shared)]
    assert case_bytes(case) < L.MAX_CASE_BYTES
    assert len(case_to_json(case).encode("utf-8")) < L.MAX_CASE_FILE_BYTES  # its export can be imported again
    assert L.depth(case.model_dump(mode="json")) <= L.MAX_DEPTH


def test_an_import_larger_than_the_size_limit_is_refused_with_a_sentence(full):
    document = full.model_dump(mode="json")
    long = "A long account of what happened. " * 118  # just under 4,000 characters
    for complaint in document["intake"]["complaints"]:
        complaint.update(statement=long, evidence=long, disputed=True, other_side_account=long)
    # Every long list with its longest text: a case at every limit takes about 1 MB of realistic text.
    for items, field in ((document["interests"]["interests"], "statement"),
                         (document["interests"]["positions"], "statement"),
                         (document["interests"]["people"], "statement"),
                         (document["options"]["options"], "statement"),
                         (document["system"]["criteria"], "statement"),
                         (document["caucus"]["client"]["notes"], "text"),
                         (document["caucus"]["vendor"]["notes"], "text")):
        for item in items:
            item[field] = long
    with pytest.raises(ImportRejected) as exc_info:
        case_from_document(document)
    message = str(exc_info.value)
    assert message.startswith("This file is a case of ") and "more than the 8 MB a case may take" in message
    assert message.endswith("Nothing was imported.")


def test_depth_counts_the_objects_and_arrays_nested_at_the_deepest(demo):
    assert L.depth("text") == 0
    assert L.depth({"a": [1, {"b": []}]}) == 4
    assert L.depth([[[[[]]]]], limit=3) == 4  # stops counting past the limit
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    assert L.depth(deep) == L.MAX_DEPTH + 1  # no recursion: a hostile document cannot overflow the stack
    assert L.depth(demo.model_dump(mode="json")) < L.MAX_DEPTH // 3
