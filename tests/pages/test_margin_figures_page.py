"""The Fair margin page on cases that are not the demo: figures missing, the band's baseline, a waived margin."""
from __future__ import annotations

from negotiation.data.margin import BandBaseline
from tests.apptest import open_page, texts
from tests.margin_cases import hertz_like_case, overrun_at_cost_case, pound_case_without_costs

BASELINE = "w:margin.band.baseline"


def opened(store, case, **state):
    store.add(case, summary="case for the margin step")
    return open_page("margin", case.id, **state)


def warnings(at) -> str:
    return "\n".join(w.value for w in at.warning)


def test_a_new_case_shows_not_enough_figures_yet_and_what_is_missing(store):
    at = opened(store, pound_case_without_costs())
    missing = warnings(at)
    assert "**Not enough figures yet**" in missing
    for expected in ("The vendor's cost: the cost to complete", "Enter it on the tab “Vendor's cost and revenue”.",
                     "Only the £25M paid so far is known, of a contract worth £40M.",
                     "A normal-margin band", "Enter it on the tab “What is normal”.",
                     "The client's walk-away point", "Enter it on the tab “Client's limits and the price”."):
        assert expected in missing
    text = texts(at)
    # it showed "Today's contract | £25,000,000.00 | £25,000,000.00 | 100.00% | —" as if £25M were all margin
    assert "100.00%" not in text and "| Today's contract |" not in text
    assert ("Not enough figures yet for the margin under today's contract: the vendor's cost and the revenue still "
            "to invoice are still missing.") in text


def test_the_shared_screen_of_a_new_case_says_the_same_and_offers_no_form(store):
    at = opened(store, pound_case_without_costs(), screen_mode="shared")
    assert "**Not enough figures yet**" in warnings(at) and "100.00%" not in texts(at)
    assert not [r for r in at.radio if r.key == BASELINE]


def test_the_revenue_table_takes_the_total_cost_off_without_a_negative_sign(store):
    at = opened(store, hertz_like_case())
    text = texts(at)
    # it read "| Total cost of the contract | -US$40,000,000.00 |"
    assert "| Less the total cost of the contract | US$40,000,000.00 |" in text
    assert "-US$40,000,000.00" not in text
    assert "| **Margin on the whole contract** | **US$2,000,000.00** (share of price 4.76%, mark-up on cost 5.00%) |" \
        in text


def test_the_mediator_chooses_the_baseline_in_the_normal_band_tab_and_the_zone_follows(store):
    case = hertz_like_case()
    at = opened(store, case)
    text = texts(at)
    assert "US$8.4M is missing" in text and "The normal band applies to the whole contract" in text
    choice = at.radio(key=BASELINE)
    assert choice.value is BandBaseline.WHOLE_CONTRACT
    # each choice shows what it gives, so the parties see what the choice changes before it is made
    whole, remaining = choice.proto.captions
    assert "no zone, US$8.4M missing" in whole and "no zone, US$9M missing" in remaining
    choice.set_value(BandBaseline.REMAINING_WORK)
    at.button(key="FormSubmitter:margin.baseline-Use this baseline").click().run()
    assert not at.exception
    assert store.get(case.id).case.margin.band_baseline is BandBaseline.REMAINING_WORK
    text = texts(at)
    assert "US$9M is missing" in text and "The normal band applies to the remaining work" in text
    assert "Vendor's lowest fair price US$44.6M: no zone, US$9M missing." in at.radio(key=BASELINE).proto.captions[1]


def test_the_shared_screen_says_which_baseline_is_used_but_offers_no_choice(store):
    at = opened(store, hertz_like_case(BandBaseline.REMAINING_WORK), screen_mode="shared")
    assert "The normal band applies to the remaining work" in texts(at)
    assert not [r for r in at.radio if r.key == BASELINE]
    assert not [b for b in at.button if "margin.baseline" in (b.key or "")]


def test_a_price_at_cost_on_the_overrun_is_named_a_waiver_on_the_page(store):
    at = opened(store, overrun_at_cost_case())
    text = texts(at)
    assert "At the agreed price the vendor waives its margin on the remaining work" in text
    assert "(the vendor's cost, its margin waived)" in text
    # the scenario at cost read ":green[Inside the zone, normal margin]"
    assert ":orange[Inside the zone, margin waived]" in text and ":green[Inside the zone, normal margin]" in text
    assert "Band: from a waived margin (0 %) to 10.00%" in text


def test_no_text_on_a_pound_or_dollar_case_names_euros(store):
    for case in (pound_case_without_costs(), hertz_like_case()):
        text = texts(opened(store, case)).lower()
        assert "euro" not in text and "€" not in text
