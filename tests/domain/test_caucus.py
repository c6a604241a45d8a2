"""The caucus model, its redaction for the shared screen, and the blind zone check."""
from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from negotiation.data.case import Case, case_from_json, case_to_json, fingerprint
from negotiation.data.caucus import Caucus, CaucusNote, ConfidentialFigure, SideCaucus
from negotiation.data.margin import cost_to_complete
from negotiation.data.parties import PartyRole
from negotiation.method.caucus import ZoneFinding, blind_zone_check, confidential_texts, redacted, released_figures


def walk_aways(ceiling, floor, *, released=(False, False), midpoint=(False, False)) -> Caucus:
    return Caucus(
        client=SideCaucus(walk_away=None if ceiling is None else Decimal(ceiling), walk_away_released=released[0],
                          accepts_midpoint=midpoint[0], midpoint_told=midpoint[0]),
        vendor=SideCaucus(walk_away=None if floor is None else Decimal(floor), walk_away_released=released[1],
                          accepts_midpoint=midpoint[1], midpoint_told=midpoint[1]),
    )


def test_a_zone_exists_when_the_clients_highest_price_reaches_the_vendors_lowest():
    check = blind_zone_check(walk_aways("31050000", "30550000"))
    assert check.finding is ZoneFinding.ZONE
    assert (check.midpoint, check.width, check.gap) == (None, None, None)


def test_a_zone_exists_when_the_two_walk_aways_are_equal():
    assert blind_zone_check(walk_aways("100", "100")).finding is ZoneFinding.ZONE


def test_the_midpoint_is_given_only_when_both_sides_agreed_to_it_beforehand():
    both = blind_zone_check(walk_aways("31050000", "30550000", midpoint=(True, True)))
    assert both.midpoint == Decimal("30800000.00")
    for one in ((True, False), (False, True)):
        assert blind_zone_check(walk_aways("31050000", "30550000", midpoint=one)).midpoint is None


def test_the_midpoint_is_rounded_to_cents():
    assert blind_zone_check(walk_aways("100.01", "100.00", midpoint=(True, True))).midpoint == Decimal("100.00")


def test_no_zone_when_the_clients_highest_price_is_below_the_vendors_lowest_and_no_gap_size_is_given():
    check = blind_zone_check(walk_aways("29000000", "30550000", midpoint=(True, True)))
    assert check.finding is ZoneFinding.NO_ZONE
    assert (check.gap, check.midpoint) == (None, None)


def test_the_gap_size_is_given_only_when_both_sides_released_their_walk_away():
    assert blind_zone_check(walk_aways("29000000", "30550000", released=(True, False))).gap is None
    assert blind_zone_check(walk_aways("29000000", "30550000", released=(False, True))).gap is None
    assert blind_zone_check(walk_aways("29000000", "30550000", released=(True, True))).gap == Decimal("1550000")


def test_the_zone_width_is_given_only_when_both_sides_released_their_walk_away():
    assert blind_zone_check(walk_aways("31050000", "30550000", released=(True, False))).width is None
    assert blind_zone_check(walk_aways("31050000", "30550000", released=(True, True))).width == Decimal("500000")


@pytest.mark.parametrize("ceiling, floor", [(None, "1"), ("1", None), (None, None)])
def test_nothing_can_be_said_until_both_walk_aways_are_given(ceiling, floor):
    assert blind_zone_check(walk_aways(ceiling, floor)).finding is ZoneFinding.NOT_YET


def test_the_demo_has_a_narrow_zone_and_both_sides_agreed_to_the_midpoint(demo):
    check = blind_zone_check(demo.caucus)
    assert check.finding is ZoneFinding.ZONE
    assert check.midpoint == Decimal("54425000.00")
    ceiling, floor = demo.caucus.client.walk_away, demo.caucus.vendor.walk_away
    assert Decimal(0) < ceiling - floor <= Decimal("0.02") * floor  # a zone of at most 2 %
    # The vendor's true floor lies under its stated cost to complete, the client's ceiling over the floor.
    assert demo.caucus.vendor.figures[0].amount < cost_to_complete(demo.margin.costs)
    assert not demo.caucus.client.walk_away_released and not demo.caucus.vendor.walk_away_released


def test_redaction_keeps_only_what_a_side_released(demo):
    shared = redacted(demo.caucus)
    assert [n.id for n in shared.client.notes] == ["cc-depots"]
    assert shared.vendor.notes == [] and shared.client.figures == [] and shared.vendor.figures == []
    assert shared.client.walk_away is None and shared.vendor.walk_away is None
    assert shared.client.accepts_midpoint and shared.vendor.accepts_midpoint
    assert confidential_texts(shared) == []


def test_a_released_walk_away_and_figure_survive_redaction():
    caucus = Caucus(client=SideCaucus(
        walk_away=Decimal("10"), walk_away_released=True,
        figures=[ConfidentialFigure(label="Budget", amount=Decimal("5"), released=True),
                 ConfidentialFigure(label="Reserve", amount=Decimal("1"))]))
    shared = redacted(caucus)
    assert shared.client.walk_away == Decimal("10")
    assert [f.label for f in shared.client.figures] == ["Budget"]
    assert [f.label for f in released_figures(caucus, PartyRole.CLIENT)] == ["Budget"]


def test_redaction_does_not_change_the_caucus_it_was_given(demo):
    before = demo.caucus.model_dump()
    redacted(demo.caucus)
    assert demo.caucus.model_dump() == before


def test_a_note_must_say_something_and_a_figure_needs_a_label_and_a_non_negative_amount():
    with pytest.raises(ValidationError):
        CaucusNote(text="   ")
    with pytest.raises(ValidationError):
        ConfidentialFigure(label="", amount=Decimal("1"))
    with pytest.raises(ValidationError):
        ConfidentialFigure(label="Floor", amount=Decimal("-1"))
    with pytest.raises(ValidationError):
        SideCaucus(walk_away=Decimal("1.001"))


def test_the_caucus_changes_neither_the_record_nor_the_fingerprint(demo):
    without = demo.model_copy(update={"caucus": Caucus()})
    assert fingerprint(without) == fingerprint(demo)


def test_the_caucus_survives_a_json_round_trip_and_old_documents_without_it_still_load(demo):
    assert case_from_json(case_to_json(demo)).caucus == demo.caucus
    document = demo.model_dump(mode="json")
    del document["caucus"]
    assert Case.model_validate(document).caucus == Caucus()
