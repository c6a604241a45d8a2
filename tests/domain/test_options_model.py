"""The options board: validation, the analysis of the demo and of edited boards, the PDF view."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from pydantic import ValidationError

from negotiation.data.case import Case
from negotiation.data.options import Issue, ObjectiveCriterion, Option, OptionsBoard, PointAllocation
from negotiation.kernel.errors import explain
from negotiation.method.options.analysis import (
    analyse,
    fair_split,
    fmt_value,
    remove_criterion,
    remove_issue,
    remove_option,
    report_view,
    split_sentences,
    starter_criteria,
    unknown_interests,
)


def messages(exc: ValidationError) -> list[str]:
    return [p.message for p in explain(exc)]


def board(**kwargs) -> OptionsBoard:
    issues = [Issue(id="a", title="Who pays"), Issue(id="b", title="Timeline")]
    options = [
        Option(id="a1", issue_id="a", statement="Vendor pays", client_score=9, vendor_score=2),
        Option(id="a2", issue_id="a", statement="Split", client_score=5, vendor_score=5),
        Option(id="b1", issue_id="b", statement="Fast", client_score=8, vendor_score=3),
        Option(id="b2", issue_id="b", statement="Depots", client_score=7, vendor_score=7),
    ]
    return OptionsBoard(issues=issues, options=options, **kwargs)


@pytest.mark.parametrize("score, message", [(11, "Must be 10 or less."), (-1, "Must be 0 or more.")])
def test_a_score_outside_0_to_10_is_refused_with_a_clear_message(score, message):
    with pytest.raises(ValidationError) as caught:
        Option(statement="x", client_score=score)
    assert messages(caught.value) == [message]


def test_points_that_do_not_add_up_to_100_are_refused():
    with pytest.raises(ValidationError) as caught:
        PointAllocation(client={"a": 60, "b": 30})
    assert messages(caught.value) == ["The client's points must add up to exactly 100."]
    with pytest.raises(ValidationError) as caught:
        PointAllocation(vendor={"a": 60, "b": 50})
    assert messages(caught.value) == ["The vendor's points must add up to exactly 100."]


def test_negative_points_are_refused():
    with pytest.raises(ValidationError) as caught:
        PointAllocation(client={"a": 110, "b": -10})
    assert "Must be 0 or more." in messages(caught.value)


def test_a_criterion_without_a_source_is_refused():
    with pytest.raises(ValidationError) as caught:
        ObjectiveCriterion(name="Market rate")
    assert messages(caught.value) == ["Name the source of this standard: who publishes it and where."]


def test_a_batna_value_outside_the_scale_or_with_two_decimals_is_refused():
    with pytest.raises(ValidationError):
        board(batna_client=Decimal("10.5"))
    with pytest.raises(ValidationError):
        board(batna_vendor=Decimal("3.25"))


def test_a_proposal_must_name_an_option_of_its_own_issue():
    with pytest.raises(ValidationError) as caught:
        board(proposal={"a": "b1"})
    assert messages(caught.value) == ["The package on the table names an option that does not belong to its issue."]


def test_an_option_under_an_unknown_issue_or_citing_an_unknown_criterion_is_refused():
    with pytest.raises(ValidationError):
        OptionsBoard(options=[Option(statement="x", issue_id="nope")])
    with pytest.raises(ValidationError):
        OptionsBoard(options=[Option(statement="x", criteria=["nope"])])


def test_points_on_an_issue_that_is_not_on_the_table_are_refused():
    with pytest.raises(ValidationError):
        board(allocation=PointAllocation(client={"zz": 100}, vendor={"a": 100}))


def test_an_older_board_with_only_options_and_criteria_still_loads():
    old = {"options": [{"id": "op-depot", "statement": "Regional depots"}],
           "criteria": [{"id": "oc-itil", "name": "ITIL", "source": "AXELOS ITIL 4"}]}
    loaded = OptionsBoard.model_validate(old)
    assert loaded.unplaced()[0].id == "op-depot" and analyse(loaded).ready is False


def test_the_analysis_finds_the_efficient_packages_and_marks_the_proposal_inefficient():
    b = board(proposal={"a": "a2", "b": "b1"}, batna_client=Decimal("3"), batna_vendor=Decimal("3"))
    result = analyse(b)
    pairs = [(p.client, p.vendor) for p in result.frontier]
    # Packages (sum / 2): a1+b1 (8.5, 2.5), a1+b2 (8, 4.5), a2+b1 (6.5, 4), a2+b2 (6, 6).
    assert pairs == [(6, 6), (8, Fraction(9, 2)), (Fraction(17, 2), Fraction(5, 2))]
    assert result.proposal is not None and (result.proposal.client, result.proposal.vendor) == (Fraction(13, 2), 4)
    assert result.proposal_efficient is False
    (first,) = result.improvements  # only a1+b2 is at least as good for both as a2+b1
    assert first.both_better and first.package.option_ids == ("a1", "b2")
    assert [(c.issue.id, c.before.id, c.after.id) for c in first.changes] == [("a", "a2", "a1"), ("b", "b1", "b2")]


def test_both_suggestions_use_the_gains_over_each_sides_batna():
    b = board(batna_client=Decimal("3"), batna_vendor=Decimal("3"))
    result = analyse(b)
    # (6, 6): gains 3 x 3 = 9; (8, 4.5): gains 5 x 1.5 = 7.5: Nash and max-min both pick (6, 6).
    assert result.nash.option_ids == ("a2", "b2") and result.maxmin.option_ids == ("a2", "b2")
    b = board(batna_client=Decimal("1"), batna_vendor=Decimal("0"))
    result = analyse(b)
    # Now (8, 4.5) has 7 x 4.5 = 31.5 > 5 x 6 = 30 for Nash; max-min still prefers min(5, 6) = 5 > 4.5.
    assert result.nash.option_ids == ("a1", "b2") and result.maxmin.option_ids == ("a2", "b2")


def test_issues_without_an_option_scored_by_both_sides_are_left_out_and_named():
    b = board()
    b.issues = [*b.issues, Issue(id="c", title="Rate")]
    b.options = [*b.options, Option(issue_id="c", statement="Market rate", client_score=5)]
    result = analyse(b)
    assert [i.id for i in result.left_out] == ["c"] and len(result.issues) == 2


def test_a_proposal_that_leaves_an_issue_open_is_not_judged():
    result = analyse(board(proposal={"a": "a1"}))
    assert result.proposal is None and [i.id for i in result.proposal_missing] == ["b"]


def test_the_demo_package_on_the_table_is_efficient_and_is_both_suggestions(demo):
    result = analyse(demo.options)
    assert len(result.issues) == 5
    assert result.proposal_efficient is True
    assert result.nash.option_ids == result.proposal.option_ids == result.maxmin.option_ids
    assert (fmt_value(result.proposal.client), fmt_value(result.proposal.vendor)) == ("7.0", "6.6")


def test_the_demo_options_serve_interests_the_demo_holds(demo):
    ids = {i.id for i in demo.interests.interests}
    assert unknown_interests(demo.options, ids) == []
    assert all(o.serves for o in demo.options.options)


def test_the_demo_fair_split_in_words(demo):
    split = fair_split(demo.options)
    sentences = split_sentences(split)
    assert "“Service credits for the late refresh” is shared: the vendor takes 5/11 of it and the client 6/11." in sentences
    assert sentences[-1] == "Each side ends with 645/11 ≈ 58.64 of its own 100 points."


def test_no_fair_split_until_both_sides_have_spread_their_points():
    assert fair_split(board(allocation=PointAllocation(client={"a": 100}))) is None


def test_every_starter_criterion_has_a_source_a_date_and_a_web_address():
    starters = starter_criteria()
    assert len(starters) >= 6 and len({c.id for c in starters}) == len(starters)
    for criterion in starters:
        assert criterion.source and criterion.standard
        assert criterion.dated is not None and criterion.dated <= dt.date(2026, 11, 23)
        assert criterion.url.startswith("https://")


def test_the_report_view_lists_the_agreed_package_and_the_criteria_it_rests_on(demo):
    view = report_view(demo)
    assert view["agreed"] is True
    assert [r["option"].id for r in view["package_rows"]] == [
        "op-delay-shared", "op-credits-kind", "op-depot", "op-rate-market", "op-rep-weekly"]
    cited = {c.id for c in view["package_criteria"]}
    assert {"std-haviltex", "oc-contract-sla", "std-win10-eos", "std-eurostat-labour", "std-iso20000"} == cited


def test_the_whole_demo_case_round_trips_through_json(demo):
    again = Case.model_validate_json(demo.model_dump_json())
    assert again.options == demo.options


def test_removing_an_option_on_the_table_leaves_its_issue_open():
    b = remove_option(board(proposal={"a": "a1", "b": "b2"}), "a1")
    assert b.option("a1") is None and b.proposal == {"b": "b2"}


def test_an_issue_with_points_is_not_removed_and_one_without_takes_its_options_along():
    b = board(proposal={"a": "a1", "b": "b2"},
              allocation=PointAllocation(client={"a": 100, "b": 0}, vendor={"a": 100}))
    with pytest.raises(ValueError, match="options.error.issue_has_points"):
        remove_issue(b, "a")
    smaller = remove_issue(b, "b")
    assert [i.id for i in smaller.issues] == ["a"] and smaller.options_for("b") == []
    assert smaller.proposal == {"a": "a1"} and smaller.allocation.client == {"a": 100}


def test_removing_a_criterion_removes_its_citations():
    b = board()
    b = OptionsBoard.model_validate(b.model_dump() | {"criteria": [
        {"id": "c1", "name": "Rate", "source": "Eurostat"}]})
    b.options = [o.model_copy(update={"criteria": ["c1"]}) for o in b.options]
    b = remove_criterion(b, "c1")
    assert b.criteria == [] and all(o.criteria == [] for o in b.options)


def test_the_dutch_catalog_translates_every_options_message_with_the_same_placeholders():
    import json
    import string

    from negotiation.kernel.i18n import LOCALES_DIR

    english = json.loads((LOCALES_DIR / "en" / "options.json").read_text(encoding="utf-8"))
    dutch = json.loads((LOCALES_DIR / "nl" / "options.json").read_text(encoding="utf-8"))

    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert set(dutch) == set(english)
    assert {k for k in english if fields(english[k]) != fields(dutch[k])} == set()
