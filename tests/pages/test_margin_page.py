"""The Fair margin page with the demo case: entry of cost, revenue, band, limits and scenarios."""
from __future__ import annotations

from decimal import Decimal as D

from negotiation.adapters.demo import DEMO_ID
from tests.apptest import errors, open_page
from tests.apptest import texts as page_texts
from tests.payload_case import read_back


def texts(at) -> str:
    """The page's text as a person reads it (the page escapes the case's own text for markdown)."""
    return read_back(page_texts(at))


def submit(at, form: str, label: str) -> None:
    at.button(key=f"FormSubmitter:{form}-{label}").click().run()
    assert not at.exception, [e.message for e in at.exception]


def stored(store):
    return store.get(DEMO_ID)


def test_the_page_shows_the_zone_the_margin_both_ways_and_the_suggested_price(demo_store):
    at = open_page("margin", DEMO_ID)
    text = texts(at)
    # the sentence rounds for people (€54.12M, €527K wide); the table below it keeps the cents
    assert "There is a zone of agreement: any price from €54.12M" in text and "€527K wide" in text
    assert "€54,123,120.00" in text and "€54,386,560.00" in text
    assert "Share of price" in text and "Mark-up on cost" in text and "9.10%" in text and "8.34%" in text
    assert len(at.get("plotly_chart")) == 2  # the zone, and the live what-if


def test_changing_a_day_rate_saves_it_and_the_cost_to_complete_follows(demo_store):
    at = open_page("margin", DEMO_ID)
    at.text_input(key="w:margin.effort.ef-field.rate").input("530")
    submit(at, "margin.costs", "Save the vendor's cost")
    case = stored(demo_store).case
    assert next(line for line in case.margin.costs.effort if line.id == "ef-field").day_rate == D("530")
    assert "€28,050,000.00" in texts(at)  # 15,000 days × €10 more
    assert case.margin.currency == "EUR"


def test_adding_and_removing_cost_lines_in_one_save(demo_store):
    at = open_page("margin", DEMO_ID)
    at.text_input(key="w:margin.effort.new.role").input("Security engineer")
    at.text_input(key="w:margin.effort.new.days").input("40.5")
    at.text_input(key="w:margin.effort.new.rate").input("€900")
    at.checkbox(key="w:margin.item.ci-travel.remove").check()
    submit(at, "margin.costs", "Save the vendor's cost")
    costs = stored(demo_store).case.margin.costs
    assert costs.effort[-1].role == "Security engineer" and costs.effort[-1].cost == D("36450.00")
    assert "| Security engineer | 40.5 | €900.00 | €36,450.00 |" in texts(at)
    assert all(item.id != "ci-travel" for item in costs.items)


def test_a_negative_cost_is_refused_next_to_the_field_and_nothing_is_saved(demo_store):
    at = open_page("margin", DEMO_ID)
    at.text_input(key="w:margin.costs.risk_reserve").input("-5")
    at.text_input(key="w:margin.effort.ef-desk.days").input("many")
    submit(at, "margin.costs", "Save the vendor's cost")
    assert "Must be 0 or more." in errors(at) and "Must be a number." in errors(at)
    assert stored(demo_store).revision == 1


def test_the_revenue_under_the_contract_is_saved(demo_store):
    at = open_page("margin", DEMO_ID)
    at.text_input(key="w:margin.revenue.service_credits").input("1,040,000")
    submit(at, "margin.revenue", "Save the revenue")
    assert stored(demo_store).case.margin.revenue.service_credits == D("1040000")
    assert "€54,323,120.00" in texts(at)  # the vendor's lowest price rises by the extra credits


def test_a_price_in_another_currency_is_refused_and_nothing_is_saved(demo_store):
    at = open_page("margin", DEMO_ID)
    at.text_input(key="w:margin.price").input("$54,000,000")
    submit(at, "margin.price", "Save the price")
    assert "This case is in EUR: an amount in USD is not accepted. Convert it to EUR first." in errors(at)
    assert stored(demo_store).revision == 1 and stored(demo_store).case.margin.price == D("54380000.00")


def test_a_band_whose_low_end_is_above_its_high_end_is_refused_and_nothing_is_saved(demo_store):
    at = open_page("margin", DEMO_ID)
    at.text_input(key="w:margin.band.low").input("20")
    at.text_input(key="w:margin.band.high").input("10")
    submit(at, "margin.band", "Save the band")
    assert any("The low end of the normal band cannot be above its high end." in e for e in errors(at))
    assert stored(demo_store).revision == 1


def test_a_new_band_moves_the_vendors_lowest_price(demo_store):
    at = open_page("margin", DEMO_ID)
    at.text_input(key="w:margin.band.low").input("10")
    submit(at, "margin.band", "Save the band")
    assert stored(demo_store).case.margin.band.low == D("10")
    assert "€54,810,000.00" in texts(at)  # 47.7 m × 1.10 + 2.34 m owed


def test_a_walk_away_below_the_vendors_lowest_price_shows_no_zone_and_the_levers(demo_store):
    at = open_page("margin", DEMO_ID)
    at.text_input(key="w:margin.client.walk_away").input("53,000,000")
    submit(at, "margin.client", "Save the client's limits")
    text = texts(at)
    assert "There is no zone of agreement" in text and "€1.12M is missing" in text
    assert "Levers that could close the gap" in text
    assert "Alone it would need scope worth" in text
    assert "No fair price can be suggested" in text


def test_proposing_the_suggested_price_saves_it(demo_store):
    at = open_page("margin", DEMO_ID)
    at.button(key="margin.fair.use").click().run()
    assert stored(demo_store).case.margin.price == D("54386560.00")


def test_the_scenarios_stand_side_by_side_with_their_verdicts(demo_store):
    at = open_page("margin", DEMO_ID)
    text = texts(at)
    assert "Client's budget only" in text and "Without the developer laptops" in text
    assert ":red[Outside the zone]" in text and ":green[Inside the zone, normal margin]" in text
    assert "Three scenarios is the most" in text


def test_removing_a_scenario_makes_room_for_a_new_one(demo_store):
    at = open_page("margin", DEMO_ID)
    at.selectbox(key="margin.scenarios.chosen").select_index(1).run()  # full: no "new" choice
    submit(at, "margin.scenario.sc-budget", "Remove the scenario")
    assert [s.id for s in stored(demo_store).case.margin.scenarios] == ["sc-agreed", "sc-scope"]
    at.selectbox(key="margin.scenarios.chosen").select_index(0).run()  # room again: "new" first
    at.text_input(key="w:margin.scenario.new.name").input("Shared factory-link cost")
    at.text_input(key="w:margin.scenario.new.price").input("54,000,000")
    at.text_input(key="w:margin.scenario.new.cost_change").input("-700,000")
    submit(at, "margin.scenario.new", "Add the scenario")
    scenarios = stored(demo_store).case.margin.scenarios
    assert scenarios[-1].name == "Shared factory-link cost" and scenarios[-1].cost_change == D("-700000")
    assert "Shared factory-link cost" in texts(at)


def test_a_scenario_with_a_name_already_used_is_refused(demo_store):
    at = open_page("margin", DEMO_ID)
    at.selectbox(key="margin.scenarios.chosen").select_index(2).run()
    at.text_input(key="w:margin.scenario.sc-scope.name").input("Agreed price")
    submit(at, "margin.scenario.sc-scope", "Save the scenario")
    assert any("Two scenarios cannot have the same name." in e for e in errors(at))
    assert stored(demo_store).revision == 1


def test_editing_a_standard_and_taking_the_band_from_the_standards(demo_store):
    at = open_page("margin", DEMO_ID)
    at.selectbox(key="margin.standards.chosen").select_index(2).run()  # after "add" and the SSRO rate
    at.checkbox(key="w:margin.standard.std-dfars-risk.counts").check()
    submit(at, "margin.standard.std-dfars-risk", "Save the standard")
    at.button(key="margin.band.take").click().run()
    band = stored(demo_store).case.margin.band
    assert band.low == D("5.00") and band.high == D("17.23")


def test_a_standard_with_its_ends_inverted_is_refused(demo_store):
    at = open_page("margin", DEMO_ID)
    at.selectbox(key="margin.standards.chosen").select_index(2).run()  # after "add" and the SSRO rate
    at.text_input(key="w:margin.standard.std-dfars-risk.low").input("9")
    submit(at, "margin.standard.std-dfars-risk", "Save the standard")
    assert any("The low end of a standard cannot be above its high end." in e for e in errors(at))
    assert stored(demo_store).revision == 1


def test_on_the_shared_screen_the_numbers_show_and_the_editing_folds_away(demo_store):
    at = open_page("margin", DEMO_ID, screen_mode="shared")
    assert "There is a zone of agreement" in texts(at)
    assert not [b for b in at.button if b.key == "margin.fair.use"]
    assert not [s for s in at.selectbox if s.key in ("margin.standards.chosen", "margin.scenarios.chosen")]
    assert all(not e.proto.expanded for e in at.expander if e.label.startswith("Edit the"))


def test_a_live_what_if_moves_the_margin_and_the_zone_without_saving(demo_store):
    at = open_page("margin", DEMO_ID)
    at.text_input(key="w:margin.whatif.price").input("53,000,000").run()
    at.text_input(key="w:margin.whatif.cost_change").input("-1,000,000").run()
    text = texts(at)
    assert "€3,960,000.00" in text  # 53.0 m − 2.34 m owed − 46.7 m cost
    assert "from €53.04M" in text  # 46.7 m × 1.0856 + 2.34 m = €53,037,520.00, rounded in the sentence
    assert stored(demo_store).revision == 1


def test_a_what_if_in_another_currency_is_refused_on_the_spot(demo_store):
    at = open_page("margin", DEMO_ID)
    at.text_input(key="w:margin.whatif.price").input("£45,000,000").run()
    assert "This case is in EUR: an amount in GBP is not accepted. Convert it to EUR first." in errors(at)


def test_a_what_if_can_be_kept_as_a_scenario_when_there_is_room(demo_store):
    at = open_page("margin", DEMO_ID)
    at.selectbox(key="margin.scenarios.chosen").select_index(1).run()
    at.button(key="FormSubmitter:margin.scenario.sc-budget-Remove the scenario").click().run()
    at.text_input(key="w:margin.whatif.price").input("54,200,000").run()
    at.text_input(key="w:margin.whatif.name").input("Split the difference").run()
    at.button(key="margin.whatif.keep").click().run()
    kept = stored(demo_store).case.margin.scenarios[-1]
    assert kept.name == "Split the difference" and kept.price == D("54200000")
