"""Both suggested packages follow one rule: only packages at or above both BATNAs, and an unset BATNA is not zero."""
from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

import pytest

from negotiation.data.options import Issue, Option, OptionsBoard
from negotiation.kernel.i18n import set_language
from negotiation.method.options.analysis import analyse, fmt_batna, report_view, suggestions_verdict


def board(batna_client: str | None, batna_vendor: str | None, scores=((9, 2), (5, 5)), more=((8, 3), (7, 7))):
    """Two issues: (9, 2) or (5, 5) on the first, (8, 3) or (7, 7) on the second."""
    issues = [Issue(id="a", title="Who pays"), Issue(id="b", title="Timeline")]
    options = [Option(id=f"a{k}", issue_id="a", statement=f"A{k}", client_score=c, vendor_score=v)
               for k, (c, v) in enumerate(scores)]
    options += [Option(id=f"b{k}", issue_id="b", statement=f"B{k}", client_score=c, vendor_score=v)
                for k, (c, v) in enumerate(more)]
    return OptionsBoard(issues=issues, options=options,
                        batna_client=None if batna_client is None else Decimal(batna_client),
                        batna_vendor=None if batna_vendor is None else Decimal(batna_vendor))


def random_board(rng: random.Random) -> OptionsBoard:
    n = rng.randint(1, 5)
    options = [Option(id=f"i{k}o{j}", issue_id=f"i{k}", statement=f"Option {j}",
                      client_score=rng.randint(0, 10), vendor_score=rng.randint(0, 10))
               for k in range(n) for j in range(rng.randint(1, 4))]
    return OptionsBoard(issues=[Issue(id=f"i{k}", title=f"Issue {k}") for k in range(n)], options=options,
                        batna_client=Decimal(rng.randint(0, 80)) / 10, batna_vendor=Decimal(rng.randint(0, 80)) / 10)


@pytest.mark.parametrize("seed", range(200))
def test_no_package_is_suggested_below_a_batna(seed):
    result = analyse(random_board(random.Random(seed)))
    for package in (result.maxmin, result.nash):
        if package is not None:
            assert package.client >= result.batna_client and package.vendor >= result.batna_vendor
    # One rule: the two suggestions are there together or not at all.
    assert (result.maxmin is None) == (result.nash is None)
    reachable = [p for p in result.frontier if p.client >= result.batna_client and p.vendor >= result.batna_vendor]
    assert result.acceptable == len(reachable)
    assert (result.maxmin is None) == (not reachable)


def test_when_no_package_reaches_both_batnas_neither_suggestion_is_made_and_one_sentence_says_so():
    # Packages: (8.5, 2.5), (8, 4.5), (6.5, 4), (6, 6); a vendor BATNA of 6.5 is beyond every one of them.
    result = analyse(board("3", "6.5"))
    assert result.maxmin is None and result.nash is None and result.acceptable == 0
    assert suggestions_verdict(result) == (
        "No package gives both sides at least their best alternative, so none is suggested: there is no deal "
        "both should prefer to walking away. Invent further options, or check the BATNA values.")


def test_the_balanced_package_is_the_best_for_the_worse_off_side_among_packages_above_both_batnas():
    # Over BATNAs (7, 3): (6, 6) leaves the client 1 below, so it is out although its smaller gain (-1) is the
    # largest of all; of (8.5, 2.5) no, (8, 4.5) yes, (6.5, 4) no, only (8, 4.5) is at or above both.
    result = analyse(board("7", "3"))
    assert result.acceptable == 1
    assert result.maxmin.option_ids == result.nash.option_ids == ("a0", "b1")
    assert suggestions_verdict(result) == (
        "Only packages that give each side at least its best alternative (BATNA) are suggested: "
        "1 of the 3 efficient packages.")


def test_a_package_exactly_at_a_batna_may_be_suggested():
    # (6, 6) against BATNAs (6, 6): no gain, no loss; it is the one package not below either.
    result = analyse(board("6", "6"))
    assert result.maxmin.option_ids == result.nash.option_ids == ("a1", "b1")
    assert result.gains(result.maxmin) == (0, 0)


@pytest.mark.parametrize("client, vendor, which", [
    (None, "3", "the client's BATNA is not entered yet"),
    ("3", None, "the vendor's BATNA is not entered yet"),
    (None, None, "neither BATNA is entered yet"),
])
def test_an_unset_batna_is_not_counted_as_zero_and_nothing_is_suggested_until_it_is_entered(client, vendor, which):
    result = analyse(board(client, vendor))
    assert result.maxmin is None and result.nash is None and result.acceptable is None
    verdict = suggestions_verdict(result)
    assert verdict.startswith("No package is suggested yet") and which in verdict
    with pytest.raises(ValueError):
        result.gains(result.frontier[0])


def test_entering_the_missing_batna_brings_the_suggestions_back():
    assert analyse(board(None, "3")).maxmin is None
    result = analyse(board("3", "3"))
    assert result.maxmin.option_ids == ("a1", "b1") and result.gains(result.maxmin) == (Fraction(3), Fraction(3))


def test_the_demo_suggests_the_package_on_the_table_and_says_how_many_packages_pass_both_batnas(demo):
    result = analyse(demo.options)
    # BATNAs 3.5 and 3.0: of the 14 efficient packages, (2.2, 8.6) and (3.2, 8.4) leave the client below its
    # BATNA; (9.0, 3.0) leaves the vendor exactly at its own and stays in.
    assert suggestions_verdict(result) == (
        "Only packages that give each side at least its best alternative (BATNA) are suggested: "
        "12 of the 14 efficient packages.")
    assert result.maxmin.option_ids == result.nash.option_ids == result.proposal.option_ids
    assert all(gain > 0 for gain in result.gains(result.maxmin))


def test_the_pdf_view_says_an_unset_batna_is_not_entered_rather_than_zero(demo):
    demo.options.batna_vendor = None
    view = report_view(demo)
    assert view["batna"](view["analysis"].batna_vendor) == "not entered yet"
    assert view["batna"](view["analysis"].batna_client) == "3.5"
    assert "the vendor's BATNA is not entered yet" in view["suggestions_verdict"]


def test_the_dutch_sentences_say_the_same():
    set_language("nl")
    assert fmt_batna(None) == "nog niet ingevuld"
    assert "BATNA van de leverancier" in suggestions_verdict(analyse(board("3", None)))
    assert suggestions_verdict(analyse(board("7", "3"))).endswith("1 van de 3 efficiënte pakketten.")
