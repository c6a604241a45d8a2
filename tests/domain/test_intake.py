"""The intake's judgements: escalation, BATNA, the recognition verdict, and the validation of every input."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from pydantic import ValidationError

from negotiation.data.intake import (
    Answer,
    Branch,
    Complaint,
    Intake,
    Path,
    PathKind,
    RecognitionAnswer,
    RecognitionCheck,
    Statement,
    WarningSign,
)
from negotiation.data.intake import (
    ComplaintCategory as Cat,
)
from negotiation.data.intake import (
    WarningSignKind as Sign,
)
from negotiation.data.parties import PartyRole
from negotiation.kernel.errors import explain
from negotiation.method.intake import (
    Outcome,
    batna,
    batna_value,
    escalation,
    judge,
    report_view,
    value_path,
    verdict,
    workshop_warning,
)

CLIENT, VENDOR = PartyRole.CLIENT, PartyRole.VENDOR
NAMES = {CLIENT: "Nordhaven", VENDOR: "Meridian"}


def messages(exc: ValidationError) -> list[str]:
    return [p.message for p in explain(exc)]


def all_yes(**overrides) -> RecognitionCheck:
    """Both sides answer yes to every statement, except the (side, statement) pairs given."""
    answers = []
    for side in PartyRole:
        for statement in Statement:
            answer, note = overrides.get(f"{side.value}_{statement.value}", (Answer.YES, ""))
            answers.append(RecognitionAnswer(side=side, statement=statement, answer=answer, note=note))
    return RecognitionCheck(answers=answers)


def branch(chance, money_in, cost, months=12, label=""):
    return Branch(label=label, chance=None if chance is None else D(chance),
                  money_in=None if money_in is None else D(money_in), cost=None if cost is None else D(cost),
                  months=None if months is None else D(months))


def paths(side=CLIENT, muddle=((None, "0", "1000000", 24),), litigate=((None, "0", "3000000", 36),),
          solve=((None, "600000", "500000", 9),)):
    """The side's three paths, each a list of branches (chance, money in, money out, months); None: not entered."""
    made = []
    for kind, branches in ((PathKind.MUDDLE_ON, muddle), (PathKind.LITIGATE, litigate), (PathKind.SOLVE, solve)):
        if branches is None:
            continue
        made.append(Path(side=side, kind=kind, branches=[branch(*b) for b in branches]))
    return made


# -- the recognition verdict ---------------------------------------------------------------


def test_one_side_refusing_to_continue_means_do_not_proceed():
    check = all_yes(vendor_continue=(Answer.NO, "We would rather take the loss than go on."))
    found = judge(check, NAMES)
    assert found.outcome is Outcome.DO_NOT_PROCEED
    assert found.headline.startswith("Do not proceed")
    assert any("Meridian says no to" in r and "take the loss" in r for r in found.reasons)


def test_both_accepting_with_one_hesitation_means_proceed_on_conditions_naming_it():
    check = all_yes(vendor_share_information=(Answer.HESITANT, "a confidentiality agreement is signed first"))
    found = judge(check, NAMES)
    assert found.outcome is Outcome.CONDITIONS
    assert found.conditions == [
        "Meridian shares the information the analysis needs, on this condition: "
        "a confidentiality agreement is signed first"]
    assert "Meridian hesitates" in found.reasons[0]


def test_six_yeses_from_both_sides_mean_proceed():
    found = judge(all_yes(), NAMES)
    assert found.outcome is Outcome.PROCEED
    assert found.conditions == [] and found.better_paths == []


def test_a_refusal_outweighs_a_hesitation_and_both_are_given_as_reasons():
    check = all_yes(client_keep_services=(Answer.NO, "we stop paying until the refresh is done"),
                    vendor_core_interest=(Answer.HESITANT, "only with a measurable definition"))
    found = judge(check, NAMES)
    assert found.outcome is Outcome.DO_NOT_PROCEED
    assert len(found.reasons) == 2
    assert "Nordhaven says no" in found.reasons[0] and "Meridian hesitates" in found.reasons[1]


def test_an_unanswered_statement_leaves_the_check_incomplete_and_names_it():
    check = RecognitionCheck(answers=[a for a in all_yes().answers if a.statement is not Statement.KEEP_SERVICES
                                      or a.side is CLIENT])
    found = judge(check, NAMES)
    assert found.outcome is Outcome.INCOMPLETE
    assert found.reasons == ["Meridian has not yet answered “we keep services running during this process”."]


def test_when_it_does_not_pass_each_side_is_told_its_better_path_from_its_batna():
    intake = Intake(paths=paths(CLIENT) + paths(VENDOR, muddle=((None, "0", "4000000", 24),),
                                                 litigate=((None, "0", "1000000", 36),)))
    batnas = {side: batna(intake, side, "EUR", NAMES[side]) for side in PartyRole}
    found = judge(all_yes(client_continue=(Answer.NO, "trust is gone")), NAMES, batnas)
    assert found.better_paths[0].startswith("For Nordhaven, the better path is to muddle on.")
    assert found.better_paths[1].startswith("For Meridian, the better path is to stop and litigate.")


def test_without_estimated_paths_the_better_path_says_to_weigh_them_first():
    found = judge(all_yes(client_continue=(Answer.NO, "trust is gone")), NAMES, {})
    assert all("has not weighed its paths yet" in p for p in found.better_paths)


# -- BATNA ---------------------------------------------------------------------------------


def test_batna_picks_the_alternative_with_the_best_expected_net_value_and_says_why():
    # Muddling on costs €6.8 m either way; litigating costs €10 m, and half the time recovers €8 m:
    # an expected net value of -€6 m, from -€10 m to -€2 m.
    intake = Intake(paths=paths(muddle=((None, "0", "6800000", 24),),
                                litigate=(("50", "8000000", "10000000", 36), ("50", "0", "10000000", 36))))
    found = batna(intake, CLIENT, "EUR", "Nordhaven")
    assert found.best is PathKind.LITIGATE
    assert (found.value, found.low, found.high) == (D("-6000000.00"), D("-10000000.00"), D("-2000000.00"))
    assert found.reason == (
        "Nordhaven's best alternative to a negotiated agreement (BATNA) is to stop and litigate: an expected net "
        "value of \u2212\u2060€6M, from \u2212\u2060€10M if it ends worst to \u2212\u2060€2M if it ends best. "
        "An outcome in 36 months. That is better than to muddle on (\u2212\u2060€6.8M).")


def test_batna_breaks_a_tie_on_the_sooner_outcome():
    intake = Intake(paths=paths(muddle=((None, "0", "2000000", 24),), litigate=((None, "0", "2000000", 12),)))
    assert batna(intake, CLIENT, "EUR").best is PathKind.LITIGATE


def test_batna_sets_solving_against_the_best_alternative():
    intake = Intake(paths=paths(muddle=((None, "0", "1000000", 24),), solve=(("80", "1000000", "500000", 9),
                                                                             ("20", "0", "500000", 9))))
    found = batna(intake, CLIENT, "EUR", "Nordhaven")
    assert found.solve_value == D("300000.00") and found.solving_is_better is True
    assert found.against_solving == "Solving is worth €300K to Nordhaven: €1.3M more than its best alternative."


def test_batna_says_when_solving_is_worth_less_than_the_alternative():
    intake = Intake(paths=paths(muddle=((None, "0", "100000", 6),), solve=((None, "0", "900000", 9),)))
    found = batna(intake, CLIENT, "EUR", "Nordhaven")
    assert found.solving_is_better is False
    assert "less than its best alternative, so solving only makes sense if the deal improves on it" in (
        found.against_solving)


def test_batna_with_one_alternative_valued_says_the_other_could_not_be_compared():
    intake = Intake(paths=paths(litigate=None))
    found = batna(intake, CLIENT, "EUR")
    assert found.best is PathKind.MUDDLE_ON
    assert "To stop and litigate cannot be valued yet, so it could not be compared." in found.reason


def test_batna_cannot_be_named_until_an_alternative_can_be_valued():
    intake = Intake(paths=[Path(side=CLIENT, kind=PathKind.MUDDLE_ON, branches=[branch("40", None, None, 3)])])
    found = batna(intake, CLIENT, "EUR", "Nordhaven")
    assert found.best is None and found.value is None
    assert found.reason == ("Nordhaven's best alternative cannot be named yet: to muddle on and to stop and litigate "
                            "cannot be valued yet.")


def test_a_path_with_one_branch_is_taken_as_certain_and_worth_its_net_value():
    found = value_path(Path(side=CLIENT, kind=PathKind.SOLVE, branches=[branch(None, "900000", "400000", 9)]),
                       CLIENT, PathKind.SOLVE)
    assert found.value == D("500000.00") and found.low == found.high == D("500000.00")
    assert found.branches[0].chance == D(100) and found.branches[0].implied


def test_litigations_prompted_costs_count_as_money_out_of_each_branch():
    path = Path(side=CLIENT, kind=PathKind.LITIGATE, branches=[Branch(
        money_in=D(0), cost=D(100), legal_fees=D(200), write_off=D(300), restart=D(400), months=D(36))])
    assert path.branches[0].money_out == D(1000) and path.branches[0].net == D(-1000)
    assert value_path(path, CLIENT, PathKind.LITIGATE).value == D("-1000.00")
    assert path.unprompted() == []


def test_litigation_says_which_typical_costs_are_not_yet_estimated():
    path = Path(side=CLIENT, kind=PathKind.LITIGATE, branches=[Branch(cost=D(100), legal_fees=D(0))])
    assert path.unprompted() == ["write_off", "restart"]


def test_batna_value_is_the_expected_extra_cost_of_the_best_alternative(demo):
    # The margin step reads it as a cost: minus the BATNA's expected net value (discounted at the demo's 5 %).
    assert batna_value(demo, CLIENT) == -batna(demo.intake, CLIENT, "EUR").value == D("5297052.15")
    assert batna_value(demo, VENDOR) == D("7927437.65")


# -- escalation ----------------------------------------------------------------------------


def test_no_warning_signs_means_the_relationship_is_calm():
    found = escalation(Intake())
    assert found.level == 0
    assert found.sentence == "No warning signs have been seen: the relationship has not escalated."


@pytest.mark.parametrize("signs, level, name", [
    ([Sign.FORMAL_TONE], 1, "Strained"),
    ([Sign.FORMAL_TONE, Sign.MISSED_DEADLINES, Sign.CLAUSE_LETTERS], 2, "Formal"),
    ([Sign.MONITORING_IMPOSED, Sign.PAYMENTS_WITHHELD], 3, "Open conflict"),
    ([Sign.FORMAL_TONE, Sign.LAWYERS_INVOLVED], 4, "On the way to court"),
])
def test_escalation_is_the_level_of_the_most_serious_sign_seen(signs, level, name):
    found = escalation(Intake(warning_signs=[WarningSign(kind=k) for k in signs]))
    assert (found.level, found.name) == (level, name)


def test_escalation_names_the_signs_that_put_it_there_in_words():
    intake = Intake(warning_signs=[WarningSign(kind=Sign.FORMAL_TONE), WarningSign(kind=Sign.THREATS),
                                   WarningSign(kind=Sign.PAYMENTS_WITHHELD)])
    assert escalation(intake).sentence == (
        "The relationship is in open conflict: sanctions and threats are in play "
        "(escalation or termination threats, payments withheld). Warning signs seen: 3 of 8.")


# -- validation ----------------------------------------------------------------------------


def test_a_negative_cost_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError) as caught:
        Branch(cost=D(-5))
    assert messages(caught.value) == ["A cost cannot be negative."]


@pytest.mark.parametrize("chance", [D(-1), D("100.1"), D(250)])
def test_a_chance_outside_0_to_100_percent_is_refused(chance):
    with pytest.raises(ValidationError) as caught:
        Branch(chance=chance)
    assert messages(caught.value) == ["A chance is a percentage from 0 to 100 %."]


def test_time_until_an_outcome_must_be_months_from_0_to_600():
    with pytest.raises(ValidationError) as caught:
        Branch(months=D(-2))
    assert messages(caught.value) == ["Give the time in months, from 0 to 600."]


def test_litigation_costs_on_another_path_are_refused():
    with pytest.raises(ValidationError) as caught:
        Path(side=CLIENT, kind=PathKind.MUDDLE_ON, branches=[Branch(legal_fees=D(10))])
    assert "belong to the litigation path only" in messages(caught.value)[0]


def test_a_since_date_in_the_future_is_refused():
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        Complaint(raised_by=CLIENT, statement="Slow", since=tomorrow)
    assert messages(caught.value) == ["This date is in the future: give the date it was first seen, today or earlier."]
    with pytest.raises(ValidationError):
        WarningSign(kind=Sign.THREATS, seen_on=tomorrow)


def test_an_empty_complaint_is_refused():
    with pytest.raises(ValidationError) as caught:
        Complaint(raised_by=CLIENT, statement="   ")
    assert messages(caught.value) == ["This cannot be empty."]


def test_a_category_of_the_other_side_is_refused():
    with pytest.raises(ValidationError) as caught:
        Complaint(raised_by=VENDOR, category=Cat.SYSTEM_DEFECTS, statement="Defects")
    assert "belongs to the other side's complaints" in messages(caught.value)[0]


def test_both_sides_may_raise_other_complaints():
    for side in PartyRole:
        assert Complaint(raised_by=side, category=Cat.OTHER, statement="Something else").category is Cat.OTHER


def test_a_disputed_complaint_needs_the_other_sides_account():
    with pytest.raises(ValidationError) as caught:
        Complaint(raised_by=CLIENT, statement="Invoices wrong", category=Cat.INVOICING_WRONG, disputed=True)
    assert messages(caught.value) == ["A disputed complaint needs the other side's account beside it."]


def test_a_hesitation_without_a_note_is_refused():
    with pytest.raises(ValidationError) as caught:
        RecognitionAnswer(side=VENDOR, statement=Statement.CONTINUE, answer=Answer.HESITANT)
    assert messages(caught.value) == ["Say why they hesitate or refuse, and on what condition they would agree."]


def test_each_side_answers_each_statement_once():
    one = RecognitionAnswer(side=VENDOR, statement=Statement.CONTINUE, answer=Answer.YES)
    with pytest.raises(ValidationError):
        RecognitionCheck(answers=[one, one])


def test_an_intake_saved_before_signs_paths_and_recognition_existed_still_loads():
    old = {"complaints": [{"id": "c1", "raised_by": "client", "statement": "Slow", "category": "service_desk_slow"}]}
    intake = Intake.model_validate(old)
    assert intake.warning_signs == [] and intake.paths == [] and intake.recognition.answers == []


# -- the demo, the warning on later pages, the PDF view ------------------------------------


def test_the_demo_ends_in_proceed_on_conditions_about_confidential_cost_information(demo):
    found = verdict(demo)
    assert found.outcome is Outcome.CONDITIONS
    (condition,) = found.conditions
    assert condition.startswith("Meridian Global IT Services Ltd. shares the information the analysis needs")
    assert "confidentiality agreement" in condition


def test_the_demo_keeps_its_complaint_ids_and_tells_the_whole_story(demo):
    assert {c.id for c in demo.intake.complaints} >= {
        "cp-refresh", "cp-servicedesk", "cp-images", "cp-invoice", "cp-changes",
        "cv-eol", "cv-factory", "cv-withheld", "cv-monitoring"}
    assert escalation(demo.intake).name == "Open conflict"
    assert demo.intake.sign(Sign.MONITORING_IMPOSED).seen_on == dt.date(2026, 5, 4)
    assert len(demo.intake.paths) == 6 and all(len(p.branches) == 2 for p in demo.intake.paths)
    assert all(value_path(p, p.side, p.kind).valued for p in demo.intake.paths)
    assert all(p.unprompted() == [] for p in demo.intake.paths)
    assert all(b.money_in is not None for p in demo.intake.paths for b in p.branches)


def test_workshop_warning_is_none_when_the_verdict_is_proceed(demo):
    demo.intake.recognition = all_yes()
    assert workshop_warning(demo) is None


def test_workshop_warning_names_the_conditions_when_proceeding_on_conditions(demo):
    warning = workshop_warning(demo)
    assert warning.startswith("This workshop proceeds on conditions from the recognition check.")
    assert "confidentiality agreement" in warning


def test_workshop_warning_says_plainly_when_the_workshop_runs_against_the_verdict(demo):
    demo.intake.recognition = all_yes(client_continue=(Answer.NO, "trust is gone"))
    assert workshop_warning(demo) == ("The recognition check said do not proceed: this workshop runs against its "
                                      "verdict. See the Intake page for each side's better path.")


def test_workshop_warning_says_when_the_check_is_not_done_yet(demo):
    demo.intake.recognition = RecognitionCheck()
    assert "not complete" in workshop_warning(demo)


def test_the_report_view_groups_complaints_by_side_and_category_most_severe_first(demo):
    view = report_view(demo)
    client, vendor = view["complaints"]
    assert (client["side"], vendor["side"]) == ("client", "vendor")
    categories = [g["category"] for g in client["groups"]]
    assert categories[0] == "The system does not do what it should / defects"
    assert sum(len(g["complaints"]) for g in client["groups"] + vendor["groups"]) == 9


def test_the_report_view_draws_bars_from_zero_relative_to_the_largest_value(demo):
    rows = [row for block in report_view(demo)["paths"] for row in block["rows"]]
    assert max(r["share"] for r in rows) == pytest.approx(50.0)  # half the cell each way from zero
    assert all(0 < r["share"] <= 50 for r in rows)
    assert [r["kind"] for r in rows if r["negative"]] == ["muddle_on", "litigate", "muddle_on", "litigate"]
    assert [r["kind"] for r in rows if r["batna"]] == ["muddle_on", "muddle_on"]


def test_the_intake_speaks_dutch_with_dutch_money(demo):
    from negotiation.kernel import i18n

    i18n.set_language("nl")
    assert verdict(demo).headline.startswith("Doorgaan onder voorwaarden")
    reason = batna(demo.intake, CLIENT, "EUR", "Nordhaven").reason.replace("\xa0", " ")
    assert "is doormodderen" in reason and "\u2212\u2060€ 5,3 mln." in reason
