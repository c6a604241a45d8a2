"""Each side's paths as small decision trees: expected net value, range, discount, and the walk-away they suggest."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from negotiation.data.case import Case
from negotiation.data.intake import Branch, Intake, Path, PathKind
from negotiation.data.parties import Contract, ContractKind, Mediator, Party, PartyRole
from negotiation.method.intake import batna, suggested_walk_away, value_path, value_sentence

CLIENT, VENDOR = PartyRole.CLIENT, PartyRole.VENDOR
MINUS = "\u2212\u2060"
"""How a negative amount reads: a true minus sign, joined to its figure."""


def value(*branches: Branch, kind: PathKind = PathKind.LITIGATE, rate: D | None = None):
    return value_path(Path(side=CLIENT, kind=kind, branches=list(branches)), CLIENT, kind, rate)


def case_with(paths: list[Path], currency: str = "GBP", rate: D | None = None) -> Case:
    return Case(
        title="BSkyB v EDS, as a mediation", client=Party(role=CLIENT, name="BSkyB"),
        vendor=Party(role=VENDOR, name="EDS"), mediator=Mediator(name="A. Mediator"),
        contract=Contract(kind=ContractKind.IMPLEMENTATION_PROJECT, value=D("47600000.00"), currency=currency,
                          start=dt.date(2000, 11, 1), end=dt.date(2002, 7, 31), paid_so_far=D("0.00")),
        intake=Intake(paths=paths, discount_rate=rate),
    )


# -- a path's expected net value ------------------------------------------------------------


def test_a_paths_expected_net_value_weighs_each_branch_by_its_chance_and_gives_its_range():
    found = value(Branch(label="the cap applies", chance=D(60), money_in=D(30), cost=D(100), months=D(36)),
                  Branch(label="it does not", chance=D(40), money_in=D(500), cost=D(100), months=D(48)))
    assert found.value == D("118.00")  # 0.6 × -70 + 0.4 × 400
    assert (found.low, found.high) == (D(-70), D(400))
    assert (found.months_low, found.months_high) == (D(36), D(48))
    assert value_sentence(found, "GBP") == ("Expected net value £118, from " + MINUS + "£70 if it ends worst to "
                                            "£400 if it ends best. An outcome in 36 to 48 months.")


def test_a_cost_is_negative_money_in_minus_money_out():
    found = value(Branch(money_in=D(0), cost=D(250), months=D(6)), kind=PathKind.MUDDLE_ON)
    assert found.value == D(-250)


def test_chances_that_do_not_add_up_to_100_percent_are_explained_and_give_no_value():
    found = value(Branch(chance=D(60), money_in=D(0), cost=D(10)), Branch(chance=D(30), money_in=D(0), cost=D(10)))
    assert found.value is None
    assert found.missing == ("The branches' chances add up to 90%, not 100 %: every way the path can end is counted "
                             "once, so adjust them to add up to 100 %, or leave one empty to take the rest.",)


def test_one_branch_left_without_a_chance_takes_the_rest_of_100_percent():
    found = value(Branch(chance=D(35), money_in=D(100), cost=D(0)), Branch(money_in=D(0), cost=D(0)))
    assert [(b.chance, b.implied) for b in found.branches] == [(D(35), False), (D(65), True)]
    assert found.value == D("35.00")


def test_chances_given_over_100_percent_or_two_left_open_are_explained():
    over = value(Branch(chance=D(70), cost=D(1)), Branch(chance=D(40), cost=D(1)), Branch(cost=D(1)))
    assert over.missing[0].startswith("The chances given add up to 110%, more than 100 %")
    two_open = value(Branch(cost=D(1)), Branch(cost=D(1)))
    assert two_open.missing[0].startswith("2 branches have no chance yet")


def test_a_branch_without_any_money_is_named_and_the_path_has_no_value_yet():
    found = value(Branch(label="settle on the steps", chance=D(50), money_in=D(10)),
                  Branch(label="trial", chance=D(50)))
    assert found.value is None and found.missing == ("“trial” has no money in or out yet.",)


def test_money_in_not_entered_is_asked_for_and_the_path_counts_only_its_costs_until_then():
    found = value(Branch(label="good outcome", chance=D(40), cost=D(347)),
                  Branch(label="otherwise", chance=D(60), money_in=D(0), cost=D(347)))
    assert found.value == D(-347)
    assert found.prompts[0] == ("Money in (damages recovered, the value of a working system) is not entered yet on "
                                "“good outcome”: until it is, the expected net value counts only the costs. Type 0 "
                                "where nothing comes in.")


def test_a_branch_that_cannot_happen_is_left_out_of_the_range():
    found = value(Branch(chance=D(100), money_in=D(0), cost=D(5)), Branch(chance=D(0), money_in=D(999)))
    assert (found.low, found.high) == (D(-5), D(-5))


def test_with_a_discount_rate_each_branch_counts_at_its_months_from_now():
    later = Branch(chance=D(100), money_in=D(1210), cost=D(0), months=D(24))
    found = value(later, rate=D(10))
    assert found.value == D("1000.00") and found.undiscounted == D("1210.00")  # 1210 / 1.1²


def test_with_a_discount_rate_a_branch_without_months_is_named():
    found = value(Branch(label="appeal", money_in=D(5)), rate=D(8))
    assert found.value is None and found.missing == ("“appeal” needs its months to be discounted for time.",)


def test_a_path_not_entered_says_what_to_give():
    found = value_path(None, CLIENT, PathKind.SOLVE)
    assert found.missing == ("Not estimated yet: give each way this path can end its chance, its money in and out, "
                             "and its months.",)


# -- BSkyB v EDS: the figures of the issue -----------------------------------------------------


def bskyb_paths(money_in: bool) -> list[Path]:
    """The client's paths shaped like BSkyB v EDS (£M): litigation turns on whether the liability cap applies."""
    good_in = D("300000000.00") if money_in else None
    return [
        Path(side=CLIENT, kind=PathKind.MUDDLE_ON, branches=[
            Branch(label="good outcome", chance=D(50), money_in=D("60000000.00") if money_in else None,
                   cost=D("100000000.00"), months=D(24)),
            Branch(label="otherwise", chance=D(50), money_in=D(0), cost=D("100000000.00"), months=D(24))]),
        Path(side=CLIENT, kind=PathKind.LITIGATE, branches=[
            Branch(label="the liability cap applies", chance=D(60), money_in=D("30000000.00") if money_in else None,
                   cost=D("47000000.00"), legal_fees=D("300000000.00"), write_off=D(0), restart=D(0), months=D(60)),
            Branch(label="it does not (fraud)", chance=D(40), money_in=good_in, cost=D("47000000.00"),
                   legal_fees=D("300000000.00"), write_off=D(0), restart=D(0), months=D(96))]),
        Path(side=CLIENT, kind=PathKind.SOLVE, branches=[
            Branch(label="a working system", chance=D(70), money_in=D("80000000.00") if money_in else None,
                   cost=D("30000000.00"), months=D(18)),
            Branch(label="otherwise", chance=D(30), money_in=D(0), cost=D("30000000.00"), months=D(18))]),
    ]


def test_bskyb_litigation_is_valued_at_minus_its_cost_not_at_its_cost_divided_by_its_chance():
    # Before: £347 M at 40 % showed as £867.5 M "risk-adjusted", and muddling on as £200 M.
    found = batna(Intake(paths=bskyb_paths(money_in=False)), CLIENT, "GBP", "BSkyB")
    litigation = value_path(bskyb_paths(money_in=False)[1], CLIENT, PathKind.LITIGATE)
    assert litigation.value == D("-347000000.00")
    assert found.best is PathKind.MUDDLE_ON and found.value == D("-100000000.00")
    assert "867" not in found.reason and MINUS + "£347M" in found.reason


def test_bskyb_gets_no_walk_away_while_the_value_of_a_good_outcome_is_missing():
    # Before: £47.6 M + £200 M = £247.6 M was suggested for a £47.6 M contract.
    found = suggested_walk_away(case_with(bskyb_paths(money_in=False)), D("47600000.00"))
    assert found.price is None and found.formula == ""
    assert found.missing[0] == ("Muddle on: the value of a good outcome (money in) is not entered yet on "
                                "“good outcome”.")
    assert found.sentence.startswith("No walk-away can be suggested from the client's paths yet.")


def test_bskyb_with_its_values_entered_gets_the_highest_price_at_which_solving_still_beats_its_batna():
    # Muddle on: -£70 M; litigate: 0.6 × -£317 M + 0.4 × -£47 M = -£209 M; solve: 0.7 × £50 M - 0.3 × £30 M = £26 M.
    found = suggested_walk_away(case_with(bskyb_paths(money_in=True)), D("47600000.00"))
    assert found.batna is PathKind.MUDDLE_ON and found.batna_value == D("-70000000.00")
    assert found.solve_value == D("26000000.00")
    assert found.price == D("143600000.00")  # 47.6 + 26 - (-70)
    assert found.formula == ("Today's contract price £47.6M, plus what solving is worth to the client (£26M), minus "
                             "what its best alternative, to muddle on, is worth (" + MINUS + "£70M): £143.6M.")
    assert found.sentence == ("BSkyB would pay up to £143.6M: the highest price at which solving is still worth at "
                              "least its best alternative, to muddle on.")


# -- the walk-away suggested to the margin step ---------------------------------------------


def test_at_the_suggested_walk_away_solving_is_worth_exactly_the_batna():
    case = case_with(bskyb_paths(money_in=True))
    found = suggested_walk_away(case, D("47600000.00"))
    worth_at_price = found.solve_value - (found.price - found.today_price)
    assert worth_at_price == found.batna_value


def test_no_walk_away_without_todays_price_or_with_a_path_that_cannot_be_valued():
    no_price = suggested_walk_away(case_with(bskyb_paths(money_in=True)), None)
    assert no_price.price is None and no_price.missing == ("Today's contract price is not known yet.",)
    paths = bskyb_paths(money_in=True)[:2]
    no_solve = suggested_walk_away(case_with(paths), D("47600000.00"))
    assert no_solve.price is None
    assert no_solve.missing == ("Solve: Not estimated yet: give each way this path can end its chance, its money in "
                                "and out, and its months.",)


def test_no_walk_away_while_litigations_typical_costs_are_still_asked_for():
    paths = bskyb_paths(money_in=True)
    paths[1].branches[0].write_off = None
    found = suggested_walk_away(case_with(paths), D("47600000.00"))
    assert found.price is None
    assert found.missing == ("Stop and litigate: not yet estimated on every branch: investment written off.",)


def test_when_solving_is_worth_less_than_the_batna_even_for_free_no_walk_away_is_suggested():
    paths = bskyb_paths(money_in=True)
    paths[2] = Path(side=CLIENT, kind=PathKind.SOLVE, branches=[Branch(money_in=D(0), cost=D("200000000.00"))])
    found = suggested_walk_away(case_with(paths), D("47600000.00"))
    assert found.price is None and found.missing == ()
    assert found.sentence == ("Solving is worth less to BSkyB than its best alternative even at no price, so no "
                              "walk-away can be suggested.")


def test_the_demo_suggests_a_walk_away_near_the_clients_own_from_its_discounted_paths(demo):
    found = suggested_walk_away(demo, D("48950000.00"))
    assert found.price == D("55331718.10")  # 48.95 M + 1.08 M + 5.30 M, at 5 % a year
    assert demo.margin.client.walk_away == D("54650000.00")


@pytest.mark.parametrize("side, best", [(CLIENT, PathKind.MUDDLE_ON), (VENDOR, PathKind.MUDDLE_ON)])
def test_the_demo_values_every_path_and_both_sides_are_better_off_solving(demo, side, best):
    found = batna(demo.intake, side, "EUR")
    assert found.best is best and found.solving_is_better is True
    assert found.low < found.value < found.high
