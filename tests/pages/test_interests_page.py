"""AppTests of the Interests page: the map with the demo, positions and interests, links, the people side, incidents."""
from __future__ import annotations

import datetime as dt

from negotiation.adapters.demo import DEMO_ID
from negotiation.data.interests import Decision, InterestKind, LinkKind, PeopleAspect
from negotiation.data.parties import PartyRole
from tests.apptest import errors, open_page, texts

LINKS, PEOPLE, INCIDENTS = "Links across the table", "The people side", "Trust incidents"


def stored(store):
    return store.get(DEMO_ID)


def open_tab(tab: str):
    """The Interests page with one of its lazy tabs open, as after a click on it."""
    from ui.interests import TABS_KEY

    return open_page("interests", DEMO_ID, **{TABS_KEY: tab})


def test_only_the_open_tab_is_drawn_so_reruns_stay_quick(demo_store):
    at = open_tab(PEOPLE)
    page = texts(at)
    assert "Perceptions" in page and "Add a position" not in page


def test_the_page_shows_the_map_chart_and_the_interests_in_words_with_the_demo(demo_store):
    at = open_page("interests", DEMO_ID)
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    page = texts(at)
    assert "Shared interests: common ground to open with" in page
    assert "Conflicting: settle these with objective criteria" in page
    assert "combined priority 10 of 10" in page


def test_the_chart_holds_both_sides_interests_and_a_line_for_every_link(demo_store):
    import json

    at = open_page("interests", DEMO_ID)
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    labels = " ".join(str(trace.get("text", "")) for trace in figure["data"])
    assert "The account earns a normal" in labels and "Withheld invoices paid" in labels
    lines = [trace for trace in figure["data"] if trace.get("mode") == "lines"]
    segments = sum(len([x for x in trace["x"] if x is None]) for trace in lines)
    assert segments == 6


def test_a_position_without_an_interest_is_flagged_ask_why_on_the_page(demo_store):
    at = open_page("interests", DEMO_ID)
    assert any("Ask why" in w.value and "penalty for every month of delay" in w.value for w in at.warning)


def test_adding_a_position_and_then_an_interest_under_it_stores_both(demo_store):
    at = open_page("interests", DEMO_ID)
    at.text_input(key="w:new_position.vendor").input("Change requests are paid before work starts")
    at.button(key="FormSubmitter:interests.add_position.vendor-Add a position").click().run()
    assert not at.exception
    position = stored(demo_store).case.interests.positions[-1]
    assert (position.side, position.statement) == (PartyRole.VENDOR, "Change requests are paid before work starts")
    assert any("Change requests are paid before work starts" in w.value for w in at.warning)  # ask why, for now

    at.text_area(key="w:new_interest.vendor.statement").input("Cash flow that covers the staging depots")
    at.number_input(key="w:new_interest.vendor.priority").set_value(4)
    at.selectbox(key="w:new_interest.vendor.kind").set_value(InterestKind.SUBSTANTIVE)
    at.selectbox(key="w:new_interest.vendor.position").set_value(position.id)
    at.button(key="FormSubmitter:interests.add_interest.vendor-Add an interest").click().run()
    assert not at.exception
    added = stored(demo_store).case.interests.interests[-1]
    assert (added.statement, added.priority, added.position_id) == (
        "Cash flow that covers the staging depots", 4, position.id)
    assert not any("Change requests are paid before work starts" in w.value for w in at.warning)


def test_an_interest_without_a_statement_is_refused_next_to_the_field_and_nothing_is_saved(demo_store):
    at = open_page("interests", DEMO_ID)
    at.button(key="FormSubmitter:interests.add_interest.client-Add an interest").click().run()
    assert "This cannot be empty." in errors(at)
    assert stored(demo_store).revision == 1


def test_a_priority_out_of_range_is_refused_with_a_message_and_nothing_is_saved(demo_store):
    at = open_page("interests", DEMO_ID)
    at.text_area(key="w:new_interest.client.statement").input("Fewer escalations")
    at.number_input(key="w:new_interest.client.priority").set_value(7)
    at.button(key="FormSubmitter:interests.add_interest.client-Add an interest").click().run()
    assert "Must be 5 or less." in errors(at)
    assert stored(demo_store).revision == 1


def test_linking_interests_across_the_sides_stores_the_link_and_shows_it(demo_store):
    at = open_tab(LINKS)
    at.selectbox(key="w:new_link.first").set_value("ic-trust")
    at.selectbox(key="w:new_link.second").set_value("iv-decisions")
    at.radio(key="w:new_link.kind").set_value(LinkKind.COMPATIBLE)
    at.text_input(key="w:new_link.note").input("Trust grows when decisions come on time")
    at.button(key="FormSubmitter:interests.add_link-Link them").click().run()
    assert not at.exception
    link = stored(demo_store).case.interests.links[-1]
    assert (link.first_id, link.second_id, link.kind) == ("ic-trust", "iv-decisions", LinkKind.COMPATIBLE)
    assert "Link added." in [s.value for s in at.success]


def test_a_link_between_two_interests_of_the_same_side_is_refused_and_nothing_is_saved(demo_store):
    at = open_tab(LINKS)
    at.selectbox(key="w:new_link.first").set_value("ic-trust")
    at.selectbox(key="w:new_link.second").set_value("ic-cost")
    at.button(key="FormSubmitter:interests.add_link-Link them").click().run()
    assert any("Both interests belong to the same side" in e for e in errors(at))
    assert stored(demo_store).revision == 1


def test_changing_a_link_to_conflicting_is_saved(demo_store):
    at = open_tab(LINKS)
    at.radio(key="w:link.lk-reporting.kind").set_value(LinkKind.CONFLICTING)
    at.button(key="FormSubmitter:interests.link.lk-reporting-Save link").click().run()
    links = {k.id: k for k in stored(demo_store).case.interests.links}
    assert links["lk-reporting"].kind is LinkKind.CONFLICTING


def test_removing_an_interest_removes_its_links_too(demo_store):
    at = open_page("interests", DEMO_ID)
    at.button(key="FormSubmitter:interests.interest.iv-margin-Remove interest").click().run()
    assert not at.exception
    interest_map = stored(demo_store).case.interests
    assert interest_map.interest("iv-margin") is None
    assert not any("iv-margin" in (k.first_id, k.second_id) for k in interest_map.links)
    assert "Interest removed, with its 2 link(s) to the other side." in [s.value for s in at.success]


def test_editing_an_interest_moves_it_under_another_position(demo_store):
    at = open_page("interests", DEMO_ID)
    at.selectbox(key="w:interest.ic-cost.position").set_value("pc-penalty")
    at.button(key="FormSubmitter:interests.interest.ic-cost-Save interest").click().run()
    interest_map = stored(demo_store).case.interests
    assert interest_map.interest("ic-cost").position_id == "pc-penalty"
    assert not any("penalty for every month" in w.value for w in at.warning)


def test_the_people_side_records_an_observation_for_a_side_and_removes_one(demo_store):
    at = open_tab(PEOPLE)
    at.selectbox(key="w:new_people.vendor.aspect").set_value(PeopleAspect.EMOTION)
    at.text_input(key="w:new_people.vendor.statement").input("Relieved that the boards asked for a mediator")
    at.button(key="FormSubmitter:interests.add_people.vendor-Add an observation").click().run()
    assert not at.exception
    note = stored(demo_store).case.interests.people[-1]
    assert (note.side, note.aspect) == (PartyRole.VENDOR, PeopleAspect.EMOTION)
    assert "Relieved that the boards asked for a mediator" in texts(at)

    at.button(key="interests.people.remove.pp-c-letters").click().run()
    assert "pp-c-letters" not in {n.id for n in stored(demo_store).case.interests.people}


def test_an_empty_observation_is_refused(demo_store):
    at = open_tab(PEOPLE)
    at.button(key="FormSubmitter:interests.add_people.client-Add an observation").click().run()
    assert "This cannot be empty." in errors(at)
    assert stored(demo_store).revision == 1


def test_a_trust_incident_is_added_with_its_date_side_and_cost(demo_store):
    at = open_tab(INCIDENTS)
    at.text_area(key="w:new_incident.what").input("The account manager left without a handover")
    at.date_input(key="w:new_incident.when").set_value(dt.date(2026, 8, 3))
    at.selectbox(key="w:new_incident.felt_by").set_value(PartyRole.CLIENT)
    at.text_input(key="w:new_incident.cost").input("Three weeks without a contact")
    at.text_input(key="w:new_incident.cost_amount").input("12,500.00")
    at.button(key="FormSubmitter:interests.new_incident-Add a trust incident").click().run()
    assert not at.exception
    incident = stored(demo_store).case.interests.incidents[-1]
    assert incident.what == "The account manager left without a handover"
    assert incident.when == dt.date(2026, 8, 3) and str(incident.cost_amount) == "12500.00"
    assert incident.decision is Decision.OPEN


def test_an_unreadable_cost_is_explained_and_nothing_is_saved(demo_store):
    at = open_tab(INCIDENTS)
    at.text_area(key="w:new_incident.what").input("Something")
    at.text_input(key="w:new_incident.cost_amount").input("a lot")
    at.button(key="FormSubmitter:interests.new_incident-Add a trust incident").click().run()
    assert any(e.startswith("Type an amount such as") for e in errors(at))
    assert stored(demo_store).revision == 1


def test_accepting_a_suggested_acknowledgement_puts_it_into_the_agreement_list(demo_store):
    from negotiation.method.interests import accepted_acknowledgements

    at = open_tab(INCIDENTS)
    suggested = at.text_area(key="w:ack.ti-exit").value
    assert suggested.startswith("Nordhaven Group N.V. acknowledges to Meridian Global IT Services Ltd.")
    at.button(key="FormSubmitter:interests.ack.ti-exit-Accept for the agreement").click().run()
    case = stored(demo_store).case
    accepted = {a.incident_id: a.text for a in accepted_acknowledgements(case)}
    assert accepted["ti-exit"] == suggested


def test_dropping_an_acknowledgement_takes_it_out_of_the_agreement_list(demo_store):
    from negotiation.method.interests import accepted_acknowledgements

    at = open_tab(INCIDENTS)
    at.button(key="FormSubmitter:interests.ack.ti-sales-Drop").click().run()
    case = stored(demo_store).case
    assert "ti-sales" not in {a.incident_id for a in accepted_acknowledgements(case)}
    assert "Acknowledgement dropped." in [s.value for s in at.success]


def test_rewording_an_accepted_acknowledgement_saves_the_new_wording(demo_store):
    from negotiation.method.interests import accepted_acknowledgements

    at = open_tab(INCIDENTS)
    at.text_area(key="w:ack.ti-monitoring").input("Nordhaven regrets imposing the monitoring tool without a word.")
    at.button(key="FormSubmitter:interests.ack.ti-monitoring-Accept for the agreement").click().run()
    accepted = {a.incident_id: a.text for a in accepted_acknowledgements(stored(demo_store).case)}
    assert accepted["ti-monitoring"] == "Nordhaven regrets imposing the monitoring tool without a word."
