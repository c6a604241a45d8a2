"""No unreleased walk-away can be worked out from the shared screen, whatever the release flags.

The rule (issue 16): the shared screen shows no figure derived from an unreleased walk-away, except
whether a zone exists and an agreed midpoint; while exactly one walk-away is released, not even the
midpoint. Every combination of release flags and midpoint acceptance is put in front of the blind
check (the method), the Caucus page in shared-screen view and the projector. Every amount each shows
is read back, rounded forms too ("€51.0 M"), and no amount, nor any sum, difference or
"twice one minus the other" of two of them, may come within 1 % of an unreleased walk-away.
"""
from __future__ import annotations

import itertools
import re
from decimal import Decimal

import pytest
from streamlit.testing.v1 import AppTest

from negotiation.adapters.demo import DEMO_ID, demo_case
from negotiation.data.caucus import Caucus, SideCaucus
from negotiation.kernel.i18n import fmt_money_rounded
from negotiation.method.caucus import MidpointHeld, ZoneFinding, blind_zone_check
from tests.apptest import PAGES, open_page
from tests.conftest import ROOT
from tests.pages.test_caucus_confidential import dump

# A wide zone (and a wide gap) so that the agreed midpoint, which may be shown, is far from either walk-away.
ZONE = (Decimal("61234567.89"), Decimal("47123456.78"))
NO_ZONE = (Decimal("38765432.10"), Decimal("52987654.32"))
FLAGS = list(itertools.product((False, True), repeat=4))
"""(client released, vendor released, client accepts the midpoint, vendor accepts the midpoint)."""

_AMOUNT = re.compile(r"€\s?(\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(M|million|k|bn)?\b")
_SCALE = {"": 1, "k": 1_000, "M": 1_000_000, "million": 1_000_000, "bn": 1_000_000_000}


def caucus(walk_aways: tuple[Decimal, Decimal], flags: tuple[bool, bool, bool, bool]) -> Caucus:
    client_released, vendor_released, client_accepts, vendor_accepts = flags
    return Caucus(
        client=SideCaucus(walk_away=walk_aways[0], walk_away_released=client_released,
                          accepts_midpoint=client_accepts, midpoint_told=client_accepts),
        vendor=SideCaucus(walk_away=walk_aways[1], walk_away_released=vendor_released,
                          accepts_midpoint=vendor_accepts, midpoint_told=vendor_accepts))


def amounts_in(text: str) -> set[Decimal]:
    return {Decimal(n.replace(",", "")) * _SCALE[unit] for n, unit in _AMOUNT.findall(text)}


def derivable(shown: set[Decimal]) -> set[Decimal]:
    """What anyone in the room can work out from the shown amounts with one step of arithmetic."""
    out = set(shown)
    for a, b in itertools.permutations(shown, 2):
        out |= {a + b, a - b, 2 * a - b, (a + b) / 2}
    return out


def secrets(c: Caucus) -> list[Decimal]:
    return [s.walk_away for s in (c.client, c.vendor) if s.walk_away is not None and not s.walk_away_released]


def inferable(shown_text: str, c: Caucus) -> list[Decimal]:
    """The unreleased walk-aways that come within 1 % of something the text lets anyone compute."""
    reachable = derivable(amounts_in(shown_text))
    return [w for w in secrets(c) if any(abs(x - w) <= w / 100 for x in reachable)]


def what_the_check_shows(c: Caucus) -> str:
    """The check's figures and the released walk-aways, in full and rounded, as the shared screen may print them."""
    check = blind_zone_check(c)
    figures = [v for v in (check.midpoint, check.gap, check.width) if v is not None]
    figures += [s.walk_away for s in (c.client, c.vendor) if s.walk_away_released and s.walk_away is not None]
    return " ".join(f"€{v:,.2f} {fmt_money_rounded(v, 'EUR')}" for v in figures)


@pytest.mark.parametrize("walk_aways", [ZONE, NO_ZONE], ids=["zone", "no zone"])
@pytest.mark.parametrize("flags", FLAGS, ids=lambda f: "".join("YN"[not x] for x in f))
def test_no_combination_of_flags_lets_the_shared_figures_give_an_unreleased_walk_away(walk_aways, flags):
    c = caucus(walk_aways, flags)
    assert inferable(what_the_check_shows(c), c) == []


def test_with_one_walk_away_released_the_agreed_midpoint_is_withheld_and_the_reason_is_named():
    for released in ((True, False), (False, True)):
        check = blind_zone_check(caucus(ZONE, (*released, True, True)))
        assert check.finding is ZoneFinding.ZONE
        assert check.midpoint is None and check.midpoint_held is MidpointHeld.ONE_RELEASED


def test_the_midpoint_shows_when_both_or_neither_walk_away_is_released():
    for released in ((False, False), (True, True)):
        assert blind_zone_check(caucus(ZONE, (*released, True, True))).midpoint == Decimal("54179012.34")


def test_an_acceptance_given_before_the_side_was_told_does_not_count():
    c = caucus(ZONE, (False, False, True, True))
    c.vendor.midpoint_told = False
    check = blind_zone_check(c)
    assert check.midpoint is None and check.midpoint_held is MidpointHeld.NOT_TOLD


def test_gap_and_width_need_both_walk_aways_released():
    for walk_aways in (ZONE, NO_ZONE):
        for released in ((False, False), (True, False), (False, True)):
            check = blind_zone_check(caucus(walk_aways, (*released, False, False)))
            assert check.gap is None and check.width is None
    assert blind_zone_check(caucus(ZONE, (True, True, False, False))).width == ZONE[0] - ZONE[1]
    assert blind_zone_check(caucus(NO_ZONE, (True, True, False, False))).gap == NO_ZONE[1] - NO_ZONE[0]


def test_the_inference_check_itself_catches_the_measured_leak():
    # The measurement: midpoint and the client's released figure gave the vendor's to the cent.
    c = caucus(ZONE, (True, False, True, True))
    midpoint = (ZONE[0] + ZONE[1]) / 2
    assert inferable(f"€{midpoint:,.2f} and €{ZONE[0]:,.2f}", c) == [ZONE[1]]
    assert inferable(f"{fmt_money_rounded(midpoint, 'EUR')} and €{ZONE[0]:,.2f}", c) == [ZONE[1]]


# -- the pages that show the blind check, with a store holding each combination -------------------------

def store_with(store, c: Caucus) -> None:
    case = demo_case()
    case.caucus = c
    store.add(case)


def open_projector_on_caucus(store) -> AppTest:
    store.set_current_step(DEMO_ID, "caucus")
    at = AppTest.from_file(str(ROOT / PAGES["projector"]), default_timeout=60)
    at.query_params["case"] = DEMO_ID
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


# Each flag combination with a zone (where the midpoint matters), and the no-zone ones with a release.
PAGE_CASES = [(ZONE, f) for f in FLAGS] + [(NO_ZONE, f) for f in FLAGS if f[0] or f[1]]


@pytest.mark.parametrize("walk_aways,flags", PAGE_CASES,
                         ids=[("zone-" if w is ZONE else "gap-") + "".join("YN"[not x] for x in f)
                              for w, f in PAGE_CASES])
def test_the_caucus_page_in_shared_view_and_the_projector_give_away_no_unreleased_walk_away(
        store, walk_aways, flags):
    c = caucus(walk_aways, flags)
    store_with(store, c)
    for page in (dump(open_page("caucus", DEMO_ID, screen_mode="shared")), dump(open_projector_on_caucus(store))):
        assert ("A zone of agreement exists" in page) == (walk_aways is ZONE)
        assert inferable(page, c) == []
        for released, side in zip(flags[:2], (c.client, c.vendor)):
            assert (f"{side.walk_away:,.2f}" in page) == released


def test_the_mediator_view_says_why_the_midpoint_is_not_on_the_shared_screen(store):
    store_with(store, caucus(ZONE, (True, False, True, True)))
    at = open_page("caucus", DEMO_ID)
    notes = " ".join(i.value for i in at.info)
    assert "only the client has released its walk-away price" in notes
    assert "twice the midpoint minus the released price" in notes
    shared = " ".join(m.value for m in open_page("caucus", DEMO_ID, screen_mode="shared").markdown)
    assert "It is not shown here while only one walk-away price is released" in shared
    assert "twice the midpoint" not in shared


def test_the_caucus_form_tells_the_side_what_the_midpoint_reveals_and_the_acceptance_records_it(store):
    store_with(store, caucus(ZONE, (False, False, False, False)))
    at = open_page("caucus", DEMO_ID)
    notices = " ".join(c.value for c in at.caption)
    assert "Tell the vendor before it agrees" in notices
    assert "work out the other side's to the cent" in notices
    at.checkbox(key="w:caucus.vendor.accepts_midpoint").check()
    at.button(key="FormSubmitter:caucus.walk_away.vendor-Save the walk-away").click().run()
    vendor = store.get(DEMO_ID).case.caucus.vendor
    assert vendor.accepts_midpoint and vendor.midpoint_told


def test_an_acceptance_stored_before_the_notice_existed_shows_unticked_with_the_reason(store):
    c = caucus(ZONE, (False, False, True, True))
    c.client.midpoint_told = False
    store_with(store, c)
    at = open_page("caucus", DEMO_ID)
    assert at.checkbox(key="w:caucus.client.accepts_midpoint").value is False
    assert "the client agreed to the midpoint before it was told" in " ".join(i.value for i in at.info)
