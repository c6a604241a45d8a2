"""The directors' summary names the package, the price and its margin, or at least the zone."""
from __future__ import annotations

import re

from markupsafe import escape

from negotiation.adapters.report import render_html
from negotiation.method.agreement import directors_summary


def _summary_section(html: str) -> str:
    return re.search(r'<section class="summary".*?</section>', html, re.S).group(0)


def test_the_summary_lists_the_agreed_package_issue_by_issue(demo):
    summary = _summary_section(render_html(demo))
    assert "The package both sides agreed" in summary
    board = demo.options
    for issue in board.issues:
        option = board.option(board.proposal[issue.id])
        assert escape(issue.title) in summary and escape(option.statement) in summary


def test_a_package_not_yet_agreed_says_so_and_counts_the_open_issues(demo):
    demo.options.proposal_agreed = False
    first = demo.options.issues[0]
    demo.options.proposal = {k: v for k, v in demo.options.proposal.items() if k != first.id}
    package = directors_summary(demo)["package"]
    assert package["agreed"] is False and package["open"] == 1
    summary = _summary_section(render_html(demo))
    assert "not yet agreed by both sides" in summary and "Issues still open: 1." in summary


def test_without_an_agreed_price_the_summary_still_gives_the_zone(demo):
    demo.margin.price = None
    money = directors_summary(demo)["money"]
    assert money is not None and "zone of agreement" in money
    assert "The agreed price" not in money


def test_with_a_price_the_summary_gives_the_price_and_its_margin(demo):
    money = directors_summary(demo)["money"]
    assert money.startswith("The agreed price is") and "mark-up" in money
