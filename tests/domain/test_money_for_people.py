"""Amounts rounded for people: what a sentence or a chart on the shared screen says of money."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from negotiation.kernel import i18n


@pytest.mark.parametrize("amount, shown", [
    ("347000000", "£347M"), ("21666666.66", "£21.7M"), ("47600000", "£47.6M"), ("12500", "£12.5K"),
    ("850.55", "£851"), ("-40600000", "-£40.6M"), ("0", "£0"),
])
def test_an_amount_for_people_has_three_significant_figures_and_its_unit(amount, shown):
    assert i18n.fmt_money_rounded(D(amount), "GBP") == shown


def test_an_amount_just_under_a_million_reads_as_a_million_not_a_thousand_thousands():
    assert i18n.fmt_money_rounded(D("999999"), "EUR") == "€1M"


def test_in_dutch_millions_read_as_mln():
    i18n.set_language("nl")
    assert i18n.fmt_money_rounded(D("47600000"), "EUR").replace("\xa0", " ") == "€ 47,6 mln."
