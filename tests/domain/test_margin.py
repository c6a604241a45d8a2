"""The money model of the fair-margin step: exact, pure, and in one currency."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from pydantic import ValidationError

from negotiation.data.margin import (
    ContractRevenue,
    CostItem,
    EffortLine,
    Levers,
    MarginBand,
    MarginBasis,
    MarginModel,
    MarginStandard,
    Scenario,
    VendorCosts,
    cost_to_complete,
    to_markup,
)
from negotiation.kernel.errors import explain
from negotiation.method.intake import suggested_walk_away as intake_suggestion
from negotiation.method.margin.analysis import (
    CurrencyMismatch,
    FairRule,
    LeverKind,
    Margin,
    ZoneInputs,
    analyse,
    band_from_standards,
    contract_price,
    describe_lever,
    describe_zone,
    evaluate,
    fair_price,
    lever_effects,
    margin_text,
    owed_by_vendor,
    price_for_markup,
    read_amount,
    report_view,
    revenue_at,
    suggested_walk_away,
    to_share,
    total_cost,
    with_levers,
    zone_svg_geometry,
)
from negotiation.method.margin.standards import starter_standards


def inputs(total="1000.00", owed="0", low="10", high="20", walk="1200.00") -> ZoneInputs:
    return ZoneInputs(D(total), D(owed), None if low is None else D(low), None if high is None else D(high),
                         None if walk is None else D(walk))


def messages(exc_info) -> list[str]:
    return [p.message for p in explain(exc_info.value)]


# -- cost and revenue, exactly --------------------------------------------------------------

def test_an_effort_line_costs_days_times_rate_rounded_half_up_to_the_cent():
    line = EffortLine(role="Engineer", days=D("0.5"), day_rate=D("333.33"))
    assert line.cost == D("166.67")


def test_cost_to_complete_adds_effort_items_and_reserve_without_float_drift():
    costs = VendorCosts(
        effort=[EffortLine(role="A", days=D("0.10"), day_rate=D("1.00")) for _ in range(3)],
        items=[CostItem(description="x", amount=D("0.10")), CostItem(description="y", amount=D("0.20"))],
        risk_reserve=D("0.01"), sunk=D("5.00"))
    assert cost_to_complete(costs) == D("0.61")
    assert total_cost(costs) == D("5.61")
    assert 0.1 + 0.2 != 0.3  # the float drift this model never sees


def test_todays_price_is_paid_plus_invoiced_plus_to_invoice_plus_change_orders():
    revenue = ContractRevenue(invoiced_unpaid=D("10.00"), to_invoice=D("20.00"), change_orders=D("5.00"),
                                 service_credits=D("3.00"), penalties=D("2.00"))
    assert contract_price(revenue, D("100.00")) == D("135.00")
    assert owed_by_vendor(revenue) == D("5.00")
    assert revenue_at(D("135.00"), D("5.00")) == D("130.00")


def test_negative_costs_are_refused_with_a_sentence():
    with pytest.raises(ValidationError) as exc_info:
        CostItem(description="Licences", amount=D("-1"))
    assert messages(exc_info) == ["Must be 0 or more."]
    with pytest.raises(ValidationError) as exc_info:
        EffortLine(role="Engineer", days=D("-2"), day_rate=D("500"))
    assert messages(exc_info) == ["Must be 0 or more."]
    with pytest.raises(ValidationError):
        VendorCosts(risk_reserve=D("-0.01"))


def test_days_are_kept_to_two_decimals():
    with pytest.raises(ValidationError) as exc_info:
        EffortLine(role="Engineer", days=D("1.005"), day_rate=D("500"))
    assert messages(exc_info) == ["Use at most two decimals."]


# -- margin both ways -----------------------------------------------------------------------

def test_the_margin_is_shown_both_as_a_share_of_price_and_as_a_markup_on_cost():
    margin = Margin(revenue=D("1100.00"), cost=D("1000.00"))
    assert margin.amount == D("100.00")
    assert margin.on_cost == D("10")
    assert margin.on_price == D("100") * 100 / D("1100")
    assert margin.on_price == to_share(D("10"))


def test_a_share_of_price_converts_to_a_markup_on_cost_and_back():
    assert to_markup(D("20"), MarginBasis.ON_PRICE) == D("25")
    assert to_share(D("25")) == D("20")
    assert to_markup(D("8.56"), MarginBasis.ON_COST) == D("8.56")


def test_a_zero_price_has_no_share_of_price_and_loses_all_of_the_cost():
    margin = Margin(revenue=D("0"), cost=D("1000.00"))
    assert margin.on_price is None
    assert margin.on_cost == D("-100")
    assert margin_text(margin) == ("—", "-100.00%")


def test_a_zero_cost_has_no_markup():
    assert Margin(revenue=D("10.00"), cost=D("0")).on_cost is None


# -- the band and its standards -------------------------------------------------------------

def test_a_band_whose_low_end_is_above_its_high_end_is_refused():
    with pytest.raises(ValidationError) as exc_info:
        MarginBand(low=D("12"), high=D("8"))
    assert messages(exc_info) == ["The low end of the normal band cannot be above its high end."]


def test_a_standard_whose_low_end_is_above_its_high_end_is_refused():
    with pytest.raises(ValidationError) as exc_info:
        MarginStandard(name="x", low=D("7"), high=D("3"))
    assert messages(exc_info) == ["The low end of a standard cannot be above its high end."]


def test_every_starter_standard_names_its_source_address_and_date():
    standards = starter_standards()
    assert {s.id for s in standards} == {"std-ssro-bpr", "std-dfars-risk", "std-accenture", "std-capgemini"}
    for standard in standards:
        assert standard.source and standard.url.startswith("https://") and standard.published and standard.note


def test_the_starter_set_holds_the_checked_figures():
    by_id = {s.id: s for s in starter_standards()}
    assert (by_id["std-ssro-bpr"].low, by_id["std-ssro-bpr"].basis) == (D("8.56"), MarginBasis.ON_COST)
    assert (by_id["std-dfars-risk"].low, by_id["std-dfars-risk"].high) == (D("3"), D("7"))
    assert by_id["std-accenture"].low == D("14.7") and by_id["std-accenture"].basis is MarginBasis.ON_PRICE


def test_the_band_from_the_standards_spans_the_central_values_of_those_that_count():
    band = band_from_standards(starter_standards())
    assert band == MarginBand(low=D("8.56"), high=D("17.23"), reasoning=band.reasoning)
    assert "DFARS" not in band.reasoning and "US defence" not in band.reasoning
    assert band_from_standards([]) is None


# -- the zone of agreement ------------------------------------------------------------------

def test_the_lowest_fair_price_is_cost_plus_the_low_end_of_the_band_rounded_up_to_the_cent():
    price = price_for_markup(D("333.33"), D("8.56"))
    assert price == D("361.87")
    assert Margin(price, D("333.33")).on_cost >= D("8.56")
    assert Margin(price - D("0.01"), D("333.33")).on_cost < D("8.56")


def test_credits_and_penalties_owed_raise_the_vendors_lowest_price_one_for_one():
    assert inputs(owed="50.00").zone().vendor_lowest == inputs().zone().vendor_lowest + D("50.00")


def test_a_zone_of_agreement_exists_when_the_client_pays_more_than_cost_plus_normal_margin():
    zone = inputs().zone()
    assert zone.exists and zone.vendor_lowest == D("1100.00") and zone.client_highest == D("1200.00")
    assert zone.width == D("100.00") and zone.gap == 0 and zone.middle == D("1150.00")
    assert "There is a zone of agreement" in describe_zone(zone, "EUR")
    assert "€100 wide" in describe_zone(zone, "EUR")  # amounts in sentences are rounded for people


def test_no_zone_of_agreement_when_budget_below_cost_plus_normal_margin_says_by_how_much():
    zone = inputs(walk="1050.00").zone()
    assert not zone.exists and zone.gap == D("50.00") and zone.width == 0 and zone.middle is None
    text = describe_zone(zone, "EUR")
    assert text.startswith("There is no zone of agreement") and "€50 is missing" in text


def test_a_zone_that_is_exactly_one_price_still_exists():
    zone = inputs(walk="1100.00").zone()
    assert zone.exists and zone.width == 0 and zone.contains(D("1100.00"))


def test_without_a_band_or_a_walk_away_the_zone_is_not_known_and_the_words_say_what_is_missing():
    assert "Set a normal-margin band" in describe_zone(inputs(low=None, high=None).zone(), "EUR")
    zone = inputs(walk=None).zone()
    assert not zone.known and "Set the client's walk-away point" in describe_zone(zone, "EUR")


# -- the fair price -------------------------------------------------------------------------

def test_a_narrow_zone_suggests_its_middle():
    fair = fair_price(inputs(walk="1200.00", high="40"))
    assert fair.rule is FairRule.MIDDLE_OF_ZONE and fair.price == D("1150.00")


def test_a_wide_zone_suggests_the_price_of_exactly_the_middle_of_the_band():
    fair = fair_price(inputs(walk="2000.00"))
    assert fair.rule is FairRule.NORMAL_MARGIN and fair.price == D("1150.00")
    assert fair.margin.on_cost == D("15")


def test_there_is_no_fair_price_without_a_zone():
    assert fair_price(inputs(walk="1000.00")) is None


# -- levers -------------------------------------------------------------------------------

def test_each_lever_says_what_it_would_take_alone_to_close_the_gap():
    gap_inputs = inputs(walk="1045.00", owed="0")  # lowest 1100, gap 55
    effects = {e.kind: e for e in lever_effects(gap_inputs, Levers())}
    assert effects[LeverKind.LESS_SCOPE].needed_alone == D("50.00")  # 50 of cost saves 55 of price
    assert effects[LeverKind.SHARED_DISPUTED].needed_alone == D("91.67")  # 55 / (1.10 - 0.50), rounded up
    assert effects[LeverKind.WAIVED_CREDITS].needed_alone is None  # nothing owed to waive


def test_cutting_the_scope_the_lever_names_closes_the_gap_exactly():
    gap_inputs = inputs(walk="1045.00")
    needed = next(e for e in lever_effects(gap_inputs, Levers()) if e.kind is LeverKind.LESS_SCOPE).needed_alone
    after = ZoneInputs(gap_inputs.cost - needed, D("0"), D("10"), D("20"), D("1045.00")).zone()
    assert after.exists and after.width == 0


def test_waived_credits_lower_the_vendors_lowest_price_by_at_most_what_is_owed():
    effects = lever_effects(inputs(owed="30.00", walk="1100.00"), Levers(credits_waived=D("100.00")))
    waived = next(e for e in effects if e.kind is LeverKind.WAIVED_CREDITS)
    assert waived.lowers_vendor_price_by == D("30.00") and waived.needed_alone == D("30.00") and waived.closes_alone


def test_levers_pulled_together_add_up():
    base = inputs(walk="1000.00")
    effects = lever_effects(base, Levers(scope_cost=D("50.00"), time_saving=D("10.00"), phased_saving=D("10.00")))
    together = with_levers(base, effects)
    assert together.vendor_lowest == D("1100.00") - D("55.00") - D("11.00") - D("11.00")
    assert all(describe_lever(e, "EUR") for e in effects)


# -- scenarios ----------------------------------------------------------------------------

def test_a_scenario_moves_cost_walk_away_and_credits_and_the_zone_moves_with_them():
    result = evaluate(inputs(owed="20.00"), Scenario(
        name="Less scope", price=D("1100.00"), cost_change=D("-100.00"), walk_away_change=D("-50.00"),
        credits_waived=D("20.00")))
    assert result.inputs.cost == D("900.00") and result.inputs.owed == 0
    assert result.zone.vendor_lowest == D("990.00") and result.zone.client_highest == D("1150.00")
    assert result.margin.amount == D("200.00") and result.in_zone
    assert result.normal is False  # 22.2 % on cost is above the band


def test_at_most_three_scenarios_are_kept_side_by_side():
    with pytest.raises(ValidationError) as exc_info:
        MarginModel(scenarios=[Scenario(name=f"S{i}") for i in range(4)])
    assert messages(exc_info) == ["Keep at most three scenarios side by side: remove one first."]


def test_two_scenarios_cannot_share_a_name():
    with pytest.raises(ValidationError) as exc_info:
        MarginModel(scenarios=[Scenario(name="Base"), Scenario(name="base")])
    assert messages(exc_info) == ["Two scenarios cannot have the same name."]


# -- currency -----------------------------------------------------------------------------

@pytest.mark.parametrize("typed, expected", [
    ("1,250,000.50", D("1250000.50")), ("€1,250,000.50", D("1250000.50")), ("1,250,000 EUR", D("1250000")),
    ("EUR 12.5", D("12.5")),
])
def test_an_amount_typed_in_the_cases_currency_is_read(typed, expected):
    assert read_amount(typed, "EUR") == expected


@pytest.mark.parametrize("typed, named", [("$54,000,000", "USD"), ("£1,000", "GBP"), ("1000 CHF", "CHF"),
                                          ("US$ 5", "USD")])
def test_a_price_in_another_currency_than_the_case_is_refused_with_a_clear_message(typed, named):
    with pytest.raises(CurrencyMismatch) as exc_info:
        read_amount(typed, "EUR")
    assert str(exc_info.value) == (f"This case is in EUR: an amount in {named} is not accepted. "
                                   "Convert it to EUR first.")


def test_a_dollar_sign_is_the_cases_own_dollar_when_the_case_is_in_dollars():
    assert read_amount("$1,000", "AUD") == D("1000")


@pytest.mark.parametrize("typed", ["lots", "one", "12 abc"])
def test_text_that_is_no_amount_is_refused_as_no_number_not_as_a_currency(typed):
    with pytest.raises(ValueError, match="margin.error.not_an_amount"):
        read_amount(typed, "EUR")


def test_figures_entered_in_another_currency_than_the_contract_are_not_compared(demo):
    demo.contract.currency = "USD"
    with pytest.raises(CurrencyMismatch) as exc_info:
        analyse(demo)
    assert "entered in EUR, but the contract is now in USD" in str(exc_info.value)
    assert "entered in EUR" in report_view(demo)["error"]


# -- documents, the demo, the PDF view ------------------------------------------------------

def test_a_skeleton_document_with_one_cost_to_complete_still_loads():
    model = MarginModel.model_validate({"cost_to_complete": "27900000.00", "price": "31250000.00"})
    assert cost_to_complete(model.costs) == D("27900000.00") and model.price == D("31250000.00")


def test_the_demo_has_a_full_picture_and_a_narrow_but_real_zone(demo):
    picture = analyse(demo)
    assert picture.cost_to_complete == D("27900000.00") and picture.total_cost == D("47700000.00")
    assert picture.contract_margin.amount < 0  # under water today
    assert picture.zone.exists and D("0") < picture.zone.width < picture.zone.client_highest / 50
    assert picture.zone.contains(picture.price) and picture.findings == []
    assert all(isinstance(v, D) for v in (picture.zone.vendor_lowest, picture.price_margin.on_cost))


def test_the_pdf_view_is_empty_for_a_case_without_figures(demo):
    demo.margin = MarginModel()
    assert report_view(demo) == {"empty": True}


def test_the_zone_drawing_keeps_the_zone_in_frame_and_pins_far_prices_to_the_edge(demo):
    geometry = zone_svg_geometry(analyse(demo))
    assert geometry["left"] < geometry["inner_low_x"] < geometry["inner_high_x"] < geometry["right"]
    assert geometry["inner_high_x"] - geometry["inner_low_x"] > geometry["width"] / 8
    assert {m["name"] for m in geometry["pinned"]} == {"today", "budget"}
    assert {m["name"] for m in geometry["marks"]} == {"fair", "price"}


def test_the_suggested_walk_away_is_where_solving_at_todays_price_stops_beating_the_clients_batna(demo):
    today = contract_price(demo.margin.revenue, demo.contract.paid_so_far)
    suggestion = suggested_walk_away(demo)
    expected = intake_suggestion(demo, today)
    assert suggestion.price == expected.price
    assert suggestion.price == today + expected.solve_value - expected.batna_value
    assert suggestion.formula  # shown beside it


def test_no_walk_away_is_suggested_while_todays_price_is_unknown(demo):
    demo.margin.revenue.to_invoice = D("0")
    demo.margin.revenue.invoiced_unpaid = D("0")
    demo.margin.revenue.change_orders = D("0")
    assert suggested_walk_away(demo).price is None