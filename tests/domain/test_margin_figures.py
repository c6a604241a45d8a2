"""The fair margin says only what its figures support: what is missing, which baseline, a waiver, one currency."""
from __future__ import annotations

import json
import re
from decimal import Decimal as D

import pytest
from pydantic import ValidationError

from negotiation.data.margin import BandBaseline, MarginBand, MarginModel
from negotiation.kernel import i18n
from negotiation.kernel.i18n import t
from negotiation.method.margin.analysis import (
    MarginVerdict,
    Missing,
    analyse,
    chart_marks,
    describe_band,
    describe_baseline,
    describe_fair_price,
    describe_lever,
    describe_margin,
    describe_missing,
    describe_zone,
    distinct_money,
    report_view,
    zone_money,
    zones_by_baseline,
)
from tests.conftest import ROOT
from tests.margin_cases import (
    hertz_like_case,
    overrun_at_cost_case,
    pound_case_with_limits_but_no_costs,
    pound_case_without_costs,
)


def words(case) -> str:
    """Every sentence the step shows for `case`, on the screen and in the PDF."""
    picture = analyse(case)
    view = report_view(case)
    parts = [describe_zone(picture.zone, picture.currency, picture.missing_for_zone), describe_fair_price(picture),
             describe_baseline(picture), t("margin.both.intro"), *describe_missing(picture.missing, case),
             *(describe_lever(e, picture.currency) for e in picture.levers), *picture.findings]
    if picture.band:
        parts.append(describe_band(picture.band))
    if not view["empty"]:
        parts += [view["zone_text"], view["fair_text"], view["baseline_text"], view["price_text"] or "",
                  view["today_text"] or ""]
    return "\n".join(parts)


# -- before any cost is entered -------------------------------------------------------------

def test_before_any_cost_is_entered_there_is_no_margin_today_only_what_is_missing():
    case = pound_case_without_costs()
    picture = analyse(case)
    # it used to read "margin £25,000,000.00, 100.00 % of price", taking the £25M paid for the price
    assert picture.contract_margin is None and picture.today_margin is None and not picture.today_known
    assert picture.missing == [Missing.COSTS, Missing.REVENUE, Missing.BAND, Missing.WALK_AWAY]
    listed = describe_missing(picture.missing, case)
    assert listed[0].startswith("The vendor's cost: the cost to complete")
    assert "Only the £25M paid so far is known, of a contract worth £40M." in listed[1]
    assert all("Enter it on the tab" in sentence for sentence in listed)
    assert describe_zone(picture.zone, "GBP", picture.missing_for_zone) == (
        "Not enough figures yet for the zone of agreement: the vendor's cost, a normal-margin band and the "
        "client's walk-away point are still missing.")
    assert "100.00%" not in words(case)


def test_paid_so_far_alone_is_never_marked_as_todays_price():
    case = pound_case_with_limits_but_no_costs()
    picture = analyse(case)
    assert [name for name, _ in chart_marks(picture)] == []
    assert report_view(case)["today_text"] == ("Not enough figures yet for the margin under today's contract: the "
                                               "vendor's cost and the revenue still to invoice are still missing.")


def test_with_a_band_and_a_walk_away_but_no_cost_the_vendor_has_no_lowest_price_yet():
    picture = analyse(pound_case_with_limits_but_no_costs())
    # with a cost of £0 the vendor's "lowest fair price" came out £0 and the zone £41M wide
    assert picture.zone.vendor_lowest is None and not picture.zone.known and picture.fair is None
    assert picture.price_margin is None and picture.levers == []
    assert describe_zone(picture.zone, "GBP", picture.missing_for_zone) == (
        "Not enough figures yet for the zone of agreement: the vendor's cost is still missing.")


def test_a_new_cases_placeholder_contract_asks_for_its_value_too():
    case = pound_case_without_costs()
    case.contract = case.contract.model_copy(update=dict(value=D("0"), paid_so_far=D("0")))
    revenue = describe_missing(analyse(case).missing, case)[1]
    assert revenue.startswith("The contract's value and what is paid") and "on the Case page" in revenue


def test_costs_entered_without_the_revenue_still_to_come_leave_todays_margin_unknown():
    case = hertz_like_case()
    case.margin.revenue = case.margin.revenue.model_copy(update=dict(to_invoice=D("0")))
    picture = analyse(case)
    assert picture.missing == [Missing.REVENUE] and picture.contract_margin is None
    assert picture.zone.known  # the whole contract's zone does not rest on the revenue still to invoice


# -- which baseline the band applies to ---------------------------------------------------------

def test_the_hertz_shaped_case_misses_8_4m_on_the_whole_contract_and_9m_on_the_remaining_work():
    zones = zones_by_baseline(hertz_like_case())
    assert zones[BandBaseline.WHOLE_CONTRACT].vendor_lowest == D("44000000.00")  # $40M total cost × 1.10
    assert zones[BandBaseline.WHOLE_CONTRACT].gap == D("8400000.00")
    assert zones[BandBaseline.REMAINING_WORK].vendor_lowest == D("44600000.00")  # $33.6M paid + $10M × 1.10
    assert zones[BandBaseline.REMAINING_WORK].gap == D("9000000.00")
    whole, remaining = analyse(hertz_like_case()), analyse(hertz_like_case(BandBaseline.REMAINING_WORK))
    assert "US$8.4M is missing" in describe_zone(whole.zone, "USD")
    assert "US$9M is missing" in describe_zone(remaining.zone, "USD")


def test_the_words_say_which_baseline_is_used_with_the_cases_figures():
    whole = describe_baseline(analyse(hertz_like_case()))
    remaining = describe_baseline(analyse(hertz_like_case(BandBaseline.REMAINING_WORK)))
    assert whole.startswith("The normal band applies to the whole contract") and "US$40M" in whole
    assert remaining.startswith("The normal band applies to the remaining work") and "US$33.6M paid" in remaining
    assert report_view(hertz_like_case(BandBaseline.REMAINING_WORK))["baseline_name"] == "The remaining work"


def test_on_the_remaining_work_the_margin_at_a_price_is_on_the_cost_to_complete():
    case = hertz_like_case(BandBaseline.REMAINING_WORK)
    case.margin.price = D("45100000")
    margin = analyse(case).price_margin
    assert (margin.revenue, margin.cost, margin.amount, margin.on_cost) == (
        D("11500000"), D("10000000"), D("1500000"), D("15"))  # $45.1M − $33.6M paid, on the $10M to complete
    whole = hertz_like_case()
    whole.margin.price = D("45100000")
    assert analyse(whole).price_margin.on_cost == D("12.75")  # the same price on the whole $40M


def test_cases_stored_before_the_choice_keep_the_whole_contract_and_their_figures(demo):
    stored = json.loads((ROOT / "tests/data/demo_case_v1.json").read_text(encoding="utf-8"))["margin"]
    assert "band_baseline" not in stored
    demo.margin = MarginModel.model_validate(stored)
    assert demo.margin.band_baseline is BandBaseline.WHOLE_CONTRACT
    assert analyse(demo).zone.vendor_lowest == D("54123120.00")  # the figure it always had


def test_a_baseline_that_is_no_choice_is_refused_by_the_model():
    with pytest.raises(ValidationError):
        MarginModel(band_baseline="the vendor's wishes")
    model = MarginModel()
    with pytest.raises(ValidationError):
        model.band_baseline = "both"
    assert model.band_baseline is BandBaseline.WHOLE_CONTRACT
    assert MarginModel(band_baseline=BandBaseline.REMAINING_WORK).is_empty  # a setting, not a figure


# -- a 0 % margin is a waiver -----------------------------------------------------------------

def test_a_price_at_cost_on_the_overrun_is_named_a_waiver_not_a_normal_margin():
    case = overrun_at_cost_case()
    picture = analyse(case)
    assert picture.price_margin.amount == 0
    sentence = describe_margin(picture.price_margin, picture.inputs, "GBP", "price")
    assert sentence == ("At the agreed price the vendor waives its margin on the remaining work: it is paid its cost "
                        "and nothing more (0 % on cost). That is a waiver, not a normal margin.")
    at_cost, split = picture.scenarios
    assert at_cost.verdict is MarginVerdict.WAIVED and at_cost.normal is False  # the band starts at 0 %: not normal
    assert split.verdict is MarginVerdict.NORMAL
    zone = describe_zone(picture.zone, "GBP")
    assert "(the vendor's cost, its margin waived)" in zone and "normal margin" not in zone


def test_a_band_of_nothing_suggests_a_waiver_and_says_so():
    case = overrun_at_cost_case()
    case.margin.band = MarginBand(low=D("0"), high=D("0"))
    picture = analyse(case)
    fair = describe_fair_price(picture)
    # it read: "the price that gives the vendor exactly the middle of the normal band (0.00% on cost …)"
    assert picture.fair.verdict is MarginVerdict.WAIVED
    assert fair.startswith("We suggest £43.6M: the vendor's cost with its margin on the remaining work waived")
    assert "normal band" not in fair and "windfall" not in fair
    assert describe_band(case.margin.band).startswith("No margin: the band is 0 % on cost")
    assert describe_band(MarginBand(low=D("0"), high=D("10"))).startswith("Band: from a waived margin (0 %) to 10.00%")


@pytest.mark.parametrize("price, verdict, words_", [
    ("43000000", MarginVerdict.LOSS, "the vendor loses £600K on the remaining work: a loss, not a margin."),
    ("45000000", MarginVerdict.ABOVE_BAND, "above the normal band of 0.00% to 10.00%, more than a normal margin."),
    ("44000000", MarginVerdict.NORMAL, "inside the normal band of 0.00% to 10.00%."),
])
def test_every_margin_at_the_price_gets_a_verdict_in_words(price, verdict, words_):
    case = overrun_at_cost_case()
    case.margin.price = D(price)
    picture = analyse(case)
    assert describe_margin(picture.price_margin, picture.inputs, "GBP", "price").endswith(words_)


# -- one currency, amounts for people ---------------------------------------------------------

@pytest.mark.parametrize("build", [pound_case_without_costs, pound_case_with_limits_but_no_costs, hertz_like_case,
                                   overrun_at_cost_case])
def test_no_sentence_names_a_currency_other_than_the_cases(build):
    case = build()
    text = words(case).lower()
    assert "euro" not in text and "€" not in text and "eur" not in re.findall(r"\b[a-z]{3}\b", text)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_message_of_the_step_names_a_currency(language):
    messages = {k: v for k, v in i18n.catalog(language).items() if k.startswith("margin.")}
    named = {k: v for k, v in messages.items() if re.search(r"euro|€|\$|£|dollar|pound|pond", v, re.IGNORECASE)}
    assert named == {}


def test_amounts_in_sentences_are_rounded_for_people_and_a_narrow_zone_keeps_its_limits_apart(demo):
    picture = analyse(demo)
    sentence = describe_zone(picture.zone, "EUR")
    assert "from €54.12M" in sentence and "to €54.65M" in sentence and "€527K wide" in sentence
    assert not re.search(r"\d,\d{3}\.\d\d", sentence + describe_fair_price(picture))  # no "€54,123,120.00"
    assert zone_money(D("21666666.66"), "GBP") == "£21.7M"


def test_two_different_amounts_never_read_the_same_after_rounding():
    assert distinct_money(D("40000000"), D("40020000"), "GBP") == ("£40M", "£40.02M")
    assert distinct_money(D("347000000"), D("21666666.66"), "GBP") == ("£347M", "£21.7M")
