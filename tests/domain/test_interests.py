"""The interest map: validation, the pure analysis, acknowledgements, the layout the chart and PDF share."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from pydantic import ValidationError

from negotiation.adapters.bench.interests import synthetic_map
from negotiation.data.case import Case, case_from_json, case_to_json
from negotiation.data.interests import (
    Decision,
    Interest,
    InterestKind,
    InterestLink,
    InterestMap,
    LinkKind,
    PeopleAspect,
    PeopleNote,
    Position,
    TrustIncident,
)
from negotiation.data.parties import PartyRole
from negotiation.kernel.errors import explain
from negotiation.method.interests import (
    accepted_acknowledgements,
    acknowledgement_text,
    analyse,
    decide,
    link_sides,
    map_layout,
    people_by_side,
    remove_interest,
    remove_position,
    report_view,
    short_label,
    suggested_acknowledgement,
    svg_geometry,
)

CLIENT, VENDOR = PartyRole.CLIENT, PartyRole.VENDOR
SHARED, COMPATIBLE, CONFLICTING = LinkKind.SHARED, LinkKind.COMPATIBLE, LinkKind.CONFLICTING


def interest(id: str, side: PartyRole, priority: int = 3, position: str | None = None) -> Interest:
    return Interest(id=id, side=side, statement=f"interest {id}", priority=priority, position_id=position)


def link(first: str, second: str, kind: LinkKind = SHARED, id: str | None = None) -> InterestLink:
    return InterestLink(id=id or f"{first}-{second}", first_id=first, second_id=second, kind=kind)


def messages(exc: pytest.ExceptionInfo) -> list[str]:
    return [p.message for p in explain(exc.value)]


# -- validation ---------------------------------------------------------------------------


@pytest.mark.parametrize("statement", ["", "   "])
def test_an_interest_without_a_statement_is_refused_with_a_clear_message(statement):
    with pytest.raises(ValidationError) as exc:
        Interest(side=CLIENT, statement=statement)
    assert messages(exc) == ["This cannot be empty."]


@pytest.mark.parametrize("priority, message", [(0, "Must be 1 or more."), (6, "Must be 5 or less.")])
def test_a_priority_outside_one_to_five_is_refused_with_a_clear_message(priority, message):
    with pytest.raises(ValidationError) as exc:
        Interest(side=VENDOR, statement="A normal margin", priority=priority)
    assert messages(exc) == [message]


def test_a_position_without_a_statement_is_refused():
    with pytest.raises(ValidationError) as exc:
        Position(side=CLIENT, statement=" ")
    assert messages(exc) == ["This cannot be empty."]


def test_a_link_between_two_interests_of_the_same_side_is_refused():
    with pytest.raises(ValidationError) as exc:
        InterestMap(interests=[interest("a", CLIENT), interest("b", CLIENT)], links=[link("a", "b")])
    assert messages(exc) == ["Both interests belong to the same side. "
                             "A link joins an interest of the client to one of the vendor."]
    assert explain(exc.value)[0].field == "links"


def test_a_link_from_an_interest_to_itself_is_refused_as_same_side():
    with pytest.raises(ValidationError, match="link_same_side"):
        InterestMap(interests=[interest("a", CLIENT)], links=[link("a", "a")])


def test_a_link_to_an_interest_that_does_not_exist_is_refused():
    with pytest.raises(ValidationError) as exc:
        InterestMap(interests=[interest("a", CLIENT)], links=[link("a", "gone")])
    assert "no longer exists" in messages(exc)[0]


def test_linking_the_same_two_interests_twice_is_refused_whichever_comes_first():
    with pytest.raises(ValidationError) as exc:
        InterestMap(interests=[interest("a", CLIENT), interest("b", VENDOR)],
                    links=[link("a", "b", SHARED, "l1"), link("b", "a", CONFLICTING, "l2")])
    assert messages(exc) == ["These two interests are already linked: change the existing link instead."]


def test_assigning_a_same_side_link_to_a_stored_map_is_refused_too():
    interest_map = InterestMap(interests=[interest("a", CLIENT), interest("b", CLIENT)])
    with pytest.raises(ValidationError, match="link_same_side"):
        interest_map.links = [link("a", "b")]
    assert interest_map.links == []


def test_an_interest_can_only_sit_under_an_existing_position_of_its_own_side():
    position = Position(id="p", side=VENDOR, statement="Pay first")
    with pytest.raises(ValidationError, match="position_other_side"):
        InterestMap(positions=[position], interests=[interest("a", CLIENT, position="p")])
    with pytest.raises(ValidationError, match="position_missing"):
        InterestMap(positions=[position], interests=[interest("a", VENDOR, position="elsewhere")])


def test_two_interests_with_the_same_id_are_refused():
    with pytest.raises(ValidationError, match="duplicate_id"):
        InterestMap(interests=[interest("a", CLIENT), interest("a", VENDOR)])


def test_an_incident_dated_in_the_future_is_refused():
    with pytest.raises(ValidationError) as exc:
        TrustIncident(what="Something", when=dt.date.today() + dt.timedelta(days=1))
    assert messages(exc) == ["An incident cannot have happened in the future: choose today or an earlier date."]


def test_an_incident_needs_to_say_what_happened_and_a_cost_cannot_be_negative():
    with pytest.raises(ValidationError) as exc:
        TrustIncident(what="", cost_amount=-5)
    assert {p.field for p in explain(exc.value)} == {"what", "cost_amount"}


# -- deleting keeps the map whole -----------------------------------------------------------


def test_deleting_an_interest_removes_every_link_to_it_and_nothing_dangles(demo):
    before = demo.interests
    after = remove_interest(before, "iv-margin")
    assert after.interest("iv-margin") is None
    assert {k.id for k in after.links} == {k.id for k in before.links} - {"lk-depots", "lk-changes"}
    assert InterestMap.model_validate(after.model_dump()) == after
    assert before.interest("iv-margin") is not None  # the original map is untouched


def test_deleting_a_position_keeps_its_interests_standing_on_their_own(demo):
    after = remove_position(demo.interests, "pc-monitoring")
    assert after.position("pc-monitoring") is None
    assert after.interest("ic-trust").position_id is None
    assert after.interest("ic-predictable").position_id is None
    assert after.interest("ic-cost").position_id == "pc-withhold"


# -- the analysis ---------------------------------------------------------------------------


def test_interests_are_grouped_under_their_positions_highest_priority_first():
    interest_map = InterestMap(
        positions=[Position(id="p1", side=CLIENT, statement="Pay nothing"),
                   Position(id="p2", side=VENDOR, statement="Pay first")],
        interests=[interest("c-low", CLIENT, 2, "p1"), interest("c-high", CLIENT, 5, "p1"),
                   interest("c-alone", CLIENT, 4), interest("v1", VENDOR, 3, "p2")])
    groups = analyse(interest_map).groups
    assert [(g.position.id if g.position else None, [i.id for i in g.interests]) for g in groups[CLIENT]] == [
        ("p1", ["c-high", "c-low"]), (None, ["c-alone"])]
    assert [[i.id for i in g.interests] for g in groups[VENDOR]] == [["v1"]]


def test_interests_of_equal_priority_keep_the_order_they_were_recorded_in():
    interest_map = InterestMap(interests=[interest("first", CLIENT, 4), interest("top", CLIENT, 5),
                                          interest("second", CLIENT, 4)])
    (group,) = analyse(interest_map).groups[CLIENT]
    assert [i.id for i in group.interests] == ["top", "first", "second"]


def test_a_position_with_no_interest_behind_it_is_flagged_ask_why(demo):
    analysis = analyse(demo.interests)
    assert [p.id for p in analysis.ask_why] == ["pc-penalty"]
    flagged = [g for g in analysis.groups[CLIENT] if g.ask_why]
    assert [g.position.id for g in flagged] == ["pc-penalty"]


def test_interests_standing_alone_are_never_flagged_ask_why():
    analysis = analyse(InterestMap(interests=[interest("a", CLIENT)]))
    assert analysis.ask_why == () and not analysis.groups[CLIENT][0].ask_why


def test_links_are_grouped_by_kind_and_ordered_by_combined_priority(demo):
    pairs = analyse(demo.interests).pairs
    assert [p.link.id for p in pairs[SHARED]] == ["lk-plan", "lk-continuity"]
    assert [p.combined for p in pairs[SHARED]] == [8, 7]
    assert [p.link.id for p in pairs[COMPATIBLE]] == ["lk-depots", "lk-reporting"]
    assert [p.link.id for p in pairs[CONFLICTING]] == ["lk-changes", "lk-invoices"]
    assert [p.rank for p in pairs[CONFLICTING]] == [1, 2]


def test_pairs_with_equal_combined_priority_share_a_rank_keep_their_link_order_and_are_marked_tied():
    interest_map = InterestMap(
        interests=[interest("c5", CLIENT, 5), interest("c3", CLIENT, 3), interest("c4", CLIENT, 4),
                   interest("v1", VENDOR, 1), interest("v3", VENDOR, 3), interest("v5", VENDOR, 5)],
        links=[link("c3", "v3", id="six-a"), link("c5", "v5", id="ten"), link("c5", "v1", id="six-b"),
               link("c4", "v1", id="five")])
    pairs = analyse(interest_map).pairs[SHARED]
    assert [(p.link.id, p.combined, p.rank, p.tied) for p in pairs] == [
        ("ten", 10, 1, False), ("six-a", 6, 2, True), ("six-b", 6, 2, True), ("five", 5, 4, False)]


def test_an_interest_linked_several_times_appears_in_each_of_its_pairs_and_once_as_multi_linked(demo):
    analysis = analyse(demo.interests)
    margin_pairs = [p for p in analysis.linked_pairs if p.vendor.id == "iv-margin"]
    assert {p.kind for p in margin_pairs} == {COMPATIBLE, CONFLICTING}
    multi = {m.interest.id: m for m in analysis.multi_linked}
    assert set(multi) == {"ic-cost", "iv-margin"}
    assert multi["iv-margin"].kinds == (COMPATIBLE, CONFLICTING) and multi["iv-margin"].mixed
    assert multi["ic-cost"].kinds == (CONFLICTING, CONFLICTING) and not multi["ic-cost"].mixed


def test_interests_not_linked_to_the_other_side_are_listed_per_side():
    interest_map = InterestMap(interests=[interest("a", CLIENT, 2), interest("b", VENDOR), interest("c", CLIENT, 5)],
                               links=[link("a", "b")])
    unlinked = analyse(interest_map).unlinked
    assert [i.id for i in unlinked[CLIENT]] == ["c"] and unlinked[VENDOR] == ()


def test_a_link_reads_client_first_whichever_interest_was_chosen_first(demo):
    (pair,) = [p for p in analyse(demo.interests).linked_pairs if p.link.id == "lk-changes"]
    assert (pair.client.id, pair.vendor.id) == ("ic-cost", "iv-margin")
    assert [i.id for i in link_sides(demo.interests, pair.link)] == ["ic-cost", "iv-margin"]


def test_an_empty_map_analyses_to_nothing_without_error():
    analysis = analyse(InterestMap())
    assert analysis.linked_pairs == () and analysis.ask_why == () and analysis.groups == {CLIENT: (), VENDOR: ()}


def test_the_analysis_handles_a_hundred_interests_a_side_with_two_hundred_links():
    big = synthetic_map(100, 200)
    analysis = analyse(big)
    assert len(analysis.linked_pairs) == 200
    for kind in LinkKind:
        combined = [p.combined for p in analysis.pairs[kind]]
        assert combined == sorted(combined, reverse=True)
    assert sum(len(g.interests) for side in analysis.groups.values() for g in side) == 200


# -- the layout the chart and the PDF share -------------------------------------------------


def test_the_map_layout_puts_priority_bands_at_the_same_rows_on_both_sides():
    interest_map = InterestMap(interests=[interest("c5a", CLIENT, 5), interest("c5b", CLIENT, 5),
                                          interest("v5", VENDOR, 5), interest("c2", CLIENT, 2),
                                          interest("v2", VENDOR, 2), interest("v1", VENDOR, 1)],
                               links=[link("c2", "v5", CONFLICTING)])
    layout = map_layout(interest_map)
    assert [(b.priority, b.first_row, b.rows) for b in layout.bands] == [(5, 0, 2), (2, 2, 1), (1, 3, 1)]
    assert {i: layout.nodes[i].row for i in ("c5a", "c5b", "v5", "c2", "v2", "v1")} == {
        "c5a": 0, "c5b": 1, "v5": 0, "c2": 2, "v2": 2, "v1": 3}
    ((client, vendor, kind),) = layout.edges
    assert (client.interest.id, vendor.interest.id, kind) == ("c2", "v5", CONFLICTING)


def test_a_label_is_wrapped_at_spaces_and_cut_with_an_ellipsis():
    assert short_label("Dates it can plan around and report to its board", 32, 2) == [
        "Dates it can plan around and", "report to its board"]
    cut = short_label("Staff work on reliable, current laptops without losing days to old devices", 32, 2)
    assert cut == ["Staff work on reliable, current", "laptops without losing days to…"]
    assert all(len(line) <= 32 for line in cut)
    assert short_label("Supercalifragilisticexpialidocious", 10, 2) == ["Supercali…"]


def test_the_print_drawing_always_fits_on_a_page():
    for per_side in (5, 30, 100):
        geometry = svg_geometry(map_layout(synthetic_map(per_side, per_side)))
        assert geometry["height"] <= 700
    small = svg_geometry(map_layout(synthetic_map(5, 5)))
    assert small["numbers"] and all(1 <= len(n["lines"]) <= 2 for n in small["nodes"])


# -- the people side and acknowledgements ----------------------------------------------------


def test_people_notes_are_sorted_by_side_and_aspect(demo):
    notes = people_by_side(demo.interests)
    assert [n.id for n in notes[CLIENT][PeopleAspect.PERCEPTION]] == ["pp-c-sold", "pp-c-numbers"]
    assert [n.id for n in notes[VENDOR][PeopleAspect.EMOTION]] == ["pp-v-distrusted"]


def test_a_people_note_needs_an_observation():
    with pytest.raises(ValidationError):
        PeopleNote(side=CLIENT, aspect=PeopleAspect.EMOTION, statement="")


def test_the_suggested_acknowledgement_comes_from_the_side_that_did_not_feel_the_harm(demo):
    incident = TrustIncident(what="The vendor missed the date.", felt_by=CLIENT, cost="Two weeks")
    text = suggested_acknowledgement(incident, demo)
    assert text == ("Meridian Global IT Services Ltd. acknowledges to Nordhaven Group N.V. that this happened: "
                    "The vendor missed the date; and what it cost: Two weeks.")


def test_an_incident_felt_by_both_sides_is_acknowledged_by_both(demo):
    text = suggested_acknowledgement(TrustIncident(what="Meetings became only about numbers"), demo)
    assert text.startswith("Nordhaven Group N.V. and Meridian Global IT Services Ltd. both acknowledge")


def test_the_mediators_own_wording_replaces_the_suggestion(demo):
    incident = TrustIncident(what="x", felt_by=VENDOR, acknowledgement="We are sorry.")
    assert acknowledgement_text(incident, demo) == "We are sorry."


def test_accepted_acknowledgements_are_the_accepted_ones_in_incident_order(demo):
    accepted = accepted_acknowledgements(demo)
    assert [a.incident_id for a in accepted] == ["ti-sales", "ti-promise", "ti-monitoring", "ti-numbers"]
    by_id = {a.incident_id: a for a in accepted}
    assert by_id["ti-sales"].by == (VENDOR,)
    assert by_id["ti-monitoring"].by == (CLIENT,)
    assert by_id["ti-numbers"].by == (CLIENT, VENDOR)
    assert by_id["ti-monitoring"].text.startswith("Nordhaven Group N.V. acknowledges to Meridian")


def test_dropping_removes_an_acknowledgement_and_accepting_fixes_its_wording(demo):
    dropped = decide(demo.interests, "ti-sales", Decision.DROPPED, "ignored")
    demo.interests = decide(dropped, "ti-exit", Decision.ACCEPTED, "Nordhaven regrets the tone of its letter.")
    accepted = {a.incident_id: a.text for a in accepted_acknowledgements(demo)}
    assert "ti-sales" not in accepted
    assert accepted["ti-exit"] == "Nordhaven regrets the tone of its letter."


# -- the demo and old documents ------------------------------------------------------------


def test_the_demo_has_four_to_six_interests_a_side_links_of_every_kind_and_the_story_incidents(demo):
    interest_map = demo.interests
    for side in (CLIENT, VENDOR):
        assert 4 <= sum(i.side is side for i in interest_map.interests) <= 6
    assert {k.kind for k in interest_map.links} == set(LinkKind)
    assert {i.id for i in interest_map.incidents} >= {"ti-sales", "ti-promise", "ti-monitoring", "ti-numbers"}
    assert {a for n in interest_map.people for a in [n.aspect]} == set(PeopleAspect)
    assert [i.id for i in interest_map.interests] == [
        "ic-productive", "ic-cost", "ic-predictable", "ic-trust", "ic-continuity",
        "iv-margin", "iv-reference", "iv-decisions", "iv-cash", "iv-overhead"]


def test_a_case_saved_before_positions_and_links_existed_still_loads(demo):
    document = json.loads(case_to_json(demo))
    document["interests"] = {"interests": [
        {"id": "ic-cost", "side": "client", "statement": "Pay for what is delivered", "priority": 4,
         "kind": "substantive"}]}
    case = case_from_json(json.dumps(document))
    assert case.interests.interest("ic-cost").position_id is None
    assert case.interests.links == [] and case.interests.incidents == []


def test_the_case_round_trips_its_interest_map_through_json(demo):
    again = case_from_json(case_to_json(demo))
    assert again.interests == demo.interests


def test_the_report_view_lists_kinds_that_have_pairs_and_the_accepted_incidents(demo):
    view = report_view(demo)
    assert [kind for kind, _ in view["kinds"]] == [SHARED, COMPATIBLE, CONFLICTING]
    assert len(view["acknowledged"]) == 4
    assert len(view["svg"]["edges"]) == 6 and len(view["svg"]["nodes"]) == 10


def test_a_case_with_no_interests_has_an_empty_report_view(demo):
    bare = Case.model_validate({**demo.model_dump(), "interests": {}})
    view = report_view(bare)
    assert view["kinds"] == [] and view["acknowledged"] == [] and view["svg"] is None


def test_kinds_of_interest_are_the_three_of_the_method():
    assert [k.value for k in InterestKind] == ["substantive", "relationship", "procedural"]


def test_the_dutch_catalog_has_every_interests_message_with_the_same_placeholders():
    import string

    from negotiation.kernel import i18n

    english = {k: v for k, v in i18n.catalog("en").items() if k.startswith("interests.")}
    dutch = {k: v for k, v in i18n.catalog("nl").items() if k.startswith("interests.")}
    assert set(dutch) == set(english)

    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert [k for k in english if fields(english[k]) != fields(dutch[k])] == []


def test_in_dutch_the_suggested_acknowledgement_reads_in_dutch(demo):
    from negotiation.kernel import i18n

    i18n.set_language("nl")
    text = suggested_acknowledgement(TrustIncident(what="De datum is gemist", felt_by=CLIENT), demo)
    assert text == ("Meridian Global IT Services Ltd. erkent tegenover Nordhaven Group N.V. dat dit is gebeurd: "
                    "De datum is gemist.")
