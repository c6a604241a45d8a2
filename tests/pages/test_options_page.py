"""AppTests of the options page: issues, options, scores, the chart, suggestions, the fair split, criteria."""
from __future__ import annotations

import json

from negotiation.adapters.demo import DEMO_ID
from negotiation.method.interests import remove_interest
from tests.apptest import errors, open_page
from tests.apptest import texts as page_texts
from tests.payload_case import read_back


def texts(at) -> str:
    """The page's text as a person reads it (the page escapes the case's own text for markdown)."""
    return read_back(page_texts(at))


def stored(store):
    return store.get(DEMO_ID)


def editing(at, toggle: str = "options.edit_issues"):
    at.toggle(key=toggle).set_value(True).run()
    assert not at.exception
    return at


def test_the_page_shows_issues_options_scores_and_both_suggestions(demo_store):
    at = open_page("options", DEMO_ID)
    page = texts(at)
    for expected in ("Who pays for the OEM factory-link delay", "Regional staging depots",
                     "Balanced package (max–min)", "Nash bargaining package", "This is the package on the table.",
                     "The package on the table is efficient", "the vendor takes 5/11 of it",
                     "Haviltex", "Directive 2011/7/EU"):
        assert expected in page, expected


def test_the_chart_draws_the_efficient_packages_the_proposal_and_both_batnas(demo_store):
    at = open_page("options", DEMO_ID)
    (chart,) = at.get("plotly_chart")
    spec = json.loads(chart.proto.spec)
    names = [trace.get("name") for trace in spec["data"]]
    assert names == ["Possible package", "Efficient packages", "On the table", "Balanced (max–min)", "Nash"]
    assert len(spec["data"][1]["x"]) == 14
    lines = [(s["x0"], s["y0"]) for s in spec["layout"]["shapes"]]
    assert (3.5, 0) in lines and (0, 3.0) in lines


def test_scoring_an_option_by_both_sides_is_saved(demo_store):
    at = editing(open_page("options", DEMO_ID))
    at.number_input(key="w:option.op-delay-vendor.client").set_value(10)
    at.number_input(key="w:option.op-delay-vendor.vendor").set_value(2)
    at.button(key="FormSubmitter:options.scores.is-delay-Save issue and scores").click().run()
    assert not at.exception
    option = stored(demo_store).case.options.option("op-delay-vendor")
    assert (option.client_score, option.vendor_score) == (10, 2)


def test_a_score_above_10_is_refused_next_to_the_field_and_nothing_is_saved(demo_store):
    at = editing(open_page("options", DEMO_ID))
    at.number_input(key="w:option.op-delay-vendor.client").set_value(11)
    at.button(key="FormSubmitter:options.scores.is-delay-Save issue and scores").click().run()
    assert "Must be 10 or less." in errors(at)
    after = stored(demo_store)
    assert after.revision == 1 and after.case.options.option("op-delay-vendor").client_score == 9


def test_adding_an_issue_and_an_option_under_it(demo_store):
    at = editing(open_page("options", DEMO_ID))
    at.text_input(key="w:new_issue.title").input("Scope of the next release")
    at.button(key="FormSubmitter:options.add_issue-Add an issue").click().run()
    assert not at.exception
    issue = stored(demo_store).case.options.issues[-1]
    assert issue.title == "Scope of the next release"
    at.text_input(key=f"w:new_option.{issue.id}.statement").input("Windows 11 images first")
    at.multiselect(key=f"w:new_option.{issue.id}.serves").select("ic-productive")
    at.number_input(key=f"w:new_option.{issue.id}.client").set_value(8)
    at.number_input(key=f"w:new_option.{issue.id}.vendor").set_value(6)
    at.button(key=f"FormSubmitter:options.add_option.{issue.id}-Add an option").click().run()
    assert not at.exception
    option = stored(demo_store).case.options.options_for(issue.id)[0]
    assert (option.statement, option.serves, option.client_score, option.vendor_score) == (
        "Windows 11 images first", ["ic-productive"], 8, 6)
    assert "Windows 11 images first" in texts(at)


def test_an_inefficient_package_on_the_table_shows_what_would_be_better_for_both(demo_store):
    at = open_page("options", DEMO_ID)
    at.selectbox(key="w:proposal.is-reporting").set_value("op-rep-daily")
    at.button(key="FormSubmitter:options.proposal-Save the package on the table").click().run()
    assert not at.exception
    page = texts(at)
    assert "leaves value on the table" in page
    assert "Better for both" in page
    assert "instead of “Keep the daily milestone-monitoring tool”" in page


def test_the_point_allocation_is_saved_and_split_in_words(demo_store):
    at = open_page("options", DEMO_ID)
    for issue, client, vendor in (("is-delay", 50, 40), ("is-credits", 20, 30), ("is-timeline", 15, 10),
                                  ("is-rate", 10, 10), ("is-reporting", 5, 10)):
        at.number_input(key=f"w:points.client.{issue}").set_value(client)
        at.number_input(key=f"w:points.vendor.{issue}").set_value(vendor)
    at.button(key="FormSubmitter:options.points-Save points and split").click().run()
    assert not at.exception
    # Brams' own numbers, on the demo's issues: the vendor takes 1/6 of the first issue.
    assert "“Who pays for the OEM factory-link delay” is shared: the vendor takes 1/6 of it and the client 5/6." in texts(at)


def test_points_that_do_not_add_up_to_100_are_refused_and_nothing_is_saved(demo_store):
    at = open_page("options", DEMO_ID)
    at.number_input(key="w:points.client.is-delay").set_value(35)
    at.button(key="FormSubmitter:options.points-Save points and split").click().run()
    assert any("The client's points must add up to exactly 100." in e for e in errors(at))
    assert stored(demo_store).revision == 1


def test_negative_points_are_refused_next_to_the_field(demo_store):
    at = open_page("options", DEMO_ID)
    at.number_input(key="w:points.vendor.is-delay").set_value(-10)
    at.number_input(key="w:points.vendor.is-credits").set_value(70)
    at.button(key="FormSubmitter:options.points-Save points and split").click().run()
    assert "Must be 0 or more." in errors(at)
    assert stored(demo_store).revision == 1


def test_the_batna_values_move_the_dashed_lines(demo_store):
    at = open_page("options", DEMO_ID)
    at.number_input(key="w:batna.client").set_value(5.0)
    at.button(key="FormSubmitter:options.batna-Save BATNA values").click().run()
    assert not at.exception
    assert str(stored(demo_store).case.options.batna_client) == "5.0"


def test_a_criterion_without_a_source_is_refused_and_one_with_a_source_is_added(demo_store):
    at = editing(open_page("options", DEMO_ID), "options.edit_criteria")
    at.text_input(key="w:new_crit.name").input("Market day rate for a field engineer")
    at.button(key="FormSubmitter:options.add_criterion-Add an objective criterion").click().run()
    assert "Name the source of this standard: who publishes it and where." in errors(at)
    assert stored(demo_store).revision == 1
    at.text_input(key="w:new_crit.source").input("Nordhaven procurement rate card 2026")
    at.button(key="FormSubmitter:options.add_criterion-Add an objective criterion").click().run()
    assert stored(demo_store).case.options.criteria[-1].source == "Nordhaven procurement rate card 2026"


def test_a_new_case_gets_the_starter_criteria_with_one_click(store):
    from negotiation.adapters.cases import new_case

    case = new_case("Acme rescue", "Acme B.V.", "Softworks Ltd", "J. Janssen")
    store.add(case)
    at = open_page("options", case.id)
    assert "Score at least one option of an issue by both sides" in texts(at)
    at.button(key="options.add_starters").click().run()
    assert not at.exception
    criteria = store.get(case.id).case.options.criteria
    assert len(criteria) == 8 and all(c.source and c.dated for c in criteria)


def test_the_shared_view_shows_no_edit_forms_until_editing_is_switched_on(demo_store):
    at = open_page("options", DEMO_ID)
    assert not any(str(w.key).startswith("w:option.") for w in at.number_input)
    editing(at)
    assert any(str(w.key).startswith("w:option.") for w in at.number_input)


def test_an_issue_carrying_points_cannot_be_removed_until_they_are_moved(demo_store):
    at = editing(open_page("options", DEMO_ID))
    at.button(key="options.remove_issue.is-delay").click().run()
    assert any("move them to other issues first" in e for e in errors(at))
    assert stored(demo_store).revision == 1


def test_removing_an_option_takes_it_off_the_table_too(demo_store):
    at = editing(open_page("options", DEMO_ID))
    at.selectbox(key="w:remove_option.is-reporting").set_value("op-rep-weekly")
    at.button(key="options.remove_option.is-reporting").click().run()
    assert not at.exception
    board = stored(demo_store).case.options
    assert board.option("op-rep-weekly") is None and "is-reporting" not in board.proposal
    assert "does not settle every issue yet" in texts(at)


def test_the_interests_an_option_serves_can_be_changed_later(demo_store):
    at = editing(open_page("options", DEMO_ID))
    at.multiselect(key="w:option.op-delay-vendor.serves").select("iv-reference")
    at.button(key="FormSubmitter:options.scores.is-delay-Save issue and scores").click().run()
    assert not at.exception
    assert stored(demo_store).case.options.option("op-delay-vendor").serves == ["ic-cost", "iv-reference"]


def test_an_option_naming_an_interest_the_case_no_longer_holds_is_flagged(demo_store):
    case = demo_store.get(DEMO_ID).case
    case.interests = remove_interest(case.interests, "ic-cost")
    demo_store.save(case, expected_revision=1, step="interests", summary="interest removed")
    at = open_page("options", DEMO_ID)
    assert "no longer in the case" in texts(at)
    assert "Meridian carries the whole cost of the delay" in texts(at)
