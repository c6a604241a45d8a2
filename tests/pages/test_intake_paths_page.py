"""The Intake page's paths as decision trees: one-branch paths, adding and removing branches, chances, discount."""
from __future__ import annotations

from decimal import Decimal

from negotiation.adapters.cases import new_case
from negotiation.adapters.demo import DEMO_ID
from negotiation.data.intake import PathKind
from negotiation.data.parties import PartyRole
from tests.apptest import errors, open_page
from tests.apptest import texts as page_texts
from tests.payload_case import read_back
from ui.common import plain


def texts(at) -> str:
    """The page's text as a person reads it (the page escapes the case's own text for markdown)."""
    return read_back(page_texts(at))

CLIENT, VENDOR = PartyRole.CLIENT, PartyRole.VENDOR
MINUS = "\u2212\u2060"


def open_paths(case_id: str = DEMO_ID):
    at = open_page("intake", case_id)
    at.radio(key="intake.section").set_value("paths").run()
    assert not at.exception
    return at


def save(at, side: PartyRole, kind: PathKind, label: str):
    at.button(key=f"FormSubmitter:intake.path.{side.value}.{kind.value}-Save: {label}").click().run()
    assert not at.exception


def field(at, side: PartyRole, kind: PathKind, row: int, name: str):
    return at.text_input(key=f"w:intake.path.{side.value}.{kind.value}.{row}.{name}")


def test_a_one_branch_path_is_entered_as_simply_as_a_cost_and_months_and_is_valued_at_once(store):
    case = new_case("Acme rescue", "Acme B.V.", "Softworks Ltd", "J. Janssen")
    store.add(case)
    at = open_paths(case.id)
    field(at, CLIENT, PathKind.MUDDLE_ON, 0, "cost").input("1,000,000")
    field(at, CLIENT, PathKind.MUDDLE_ON, 0, "months").input("12")
    save(at, CLIENT, PathKind.MUDDLE_ON, "muddle on")
    assert errors(at) == []
    path = store.get(case.id).case.intake.path(CLIENT, PathKind.MUDDLE_ON)
    (branch,) = path.branches
    assert (branch.chance, branch.cost, branch.months) == (None, Decimal("1000000"), Decimal(12))
    page = texts(at)
    assert "Acme B.V.'s best alternative to a negotiated agreement (BATNA) is to muddle on: an expected net value " \
           f"of {MINUS}€1M, the same whichever way it ends." in page
    assert any(m.label == "Expected net value" and m.value == f"{MINUS}€1M" for m in at.metric)
    # Nothing coming in was typed: it is asked for, not assumed.
    assert any("is not entered yet on “Branch 1”" in read_back(w.value) for w in at.warning)


def test_adding_a_branch_gives_a_new_row_and_saves_the_three_branches_together(demo_store):
    at = open_paths()
    assert at.text_input(key="w:intake.path.client.solve.1.label").value == "it falls short"
    at.button(key="intake.path.client.solve.add").click().run()
    new = field(at, CLIENT, PathKind.SOLVE, 2, "label")
    assert new.value == ""
    new.input("partial delivery, then a second plan")
    field(at, CLIENT, PathKind.SOLVE, 0, "chance").input("60")
    field(at, CLIENT, PathKind.SOLVE, 1, "chance").input("30")
    field(at, CLIENT, PathKind.SOLVE, 2, "chance").input("10")
    field(at, CLIENT, PathKind.SOLVE, 2, "money_in").input("2,000,000")
    field(at, CLIENT, PathKind.SOLVE, 2, "cost").input("3,000,000")
    field(at, CLIENT, PathKind.SOLVE, 2, "months").input("15")
    save(at, CLIENT, PathKind.SOLVE, "solve")
    assert errors(at) == []
    branches = demo_store.get(DEMO_ID).case.intake.path(CLIENT, PathKind.SOLVE).branches
    assert [(b.label, b.chance) for b in branches] == [
        ("the revised plan delivers", 60), ("it falls short", 30), ("partial delivery, then a second plan", 10)]
    assert "partial delivery, then a second plan" in str(at.table[2].value)


def test_a_row_added_and_left_empty_is_not_saved_as_a_branch(demo_store):
    at = open_paths()
    at.button(key="intake.path.vendor.muddle_on.add").click().run()
    save(at, VENDOR, PathKind.MUDDLE_ON, "muddle on")
    assert len(demo_store.get(DEMO_ID).case.intake.path(VENDOR, PathKind.MUDDLE_ON).branches) == 2


def test_a_chance_over_100_percent_is_refused_next_to_it_and_nothing_is_saved(demo_store):
    at = open_paths()
    field(at, CLIENT, PathKind.LITIGATE, 1, "chance").input("130")
    field(at, CLIENT, PathKind.LITIGATE, 0, "chance").input("about half")
    save(at, CLIENT, PathKind.LITIGATE, "stop and litigate")
    shown = errors(at)
    assert "Chance (%): A chance is a percentage from 0 to 100 %." in shown  # under its row, named by its field
    assert "Chance (%): Type a number such as 12.5." in shown
    assert demo_store.get(DEMO_ID).revision == 1


def test_chances_that_do_not_add_up_to_100_percent_are_saved_and_explained_instead_of_valued(demo_store):
    at = open_paths()
    field(at, CLIENT, PathKind.SOLVE, 0, "chance").input("60")
    save(at, CLIENT, PathKind.SOLVE, "solve")
    assert demo_store.get(DEMO_ID).revision == 2  # the figures are kept; the judgement says what is wrong
    page = texts(at)
    assert "The branches' chances add up to 90%, not 100 %" in page
    assert ("Solving cannot be valued for Nordhaven Group N.V. yet, so it cannot be set against the best "
            "alternative.") in page


def test_removing_a_branch_leaves_the_other_and_its_chance_is_explained(demo_store):
    at = open_paths()
    at.checkbox(key="w:intake.path.vendor.solve.1.remove").check()
    save(at, VENDOR, PathKind.SOLVE, "solve")
    (left,) = demo_store.get(DEMO_ID).case.intake.path(VENDOR, PathKind.SOLVE).branches
    assert left.label == "the revised plan delivers"
    assert "The branches' chances add up to 65%, not 100 %" in texts(at)


def test_the_discount_for_time_is_set_per_case_and_a_rate_out_of_range_is_refused(demo_store):
    at = open_paths()
    at.text_input(key="w:intake.discount").input("80")
    at.button(key="FormSubmitter:intake.discount-Save discount").click().run()
    assert "A discount rate is a percentage a year from 0 to 50 %." in errors(at)
    assert demo_store.get(DEMO_ID).revision == 1
    at.text_input(key="w:intake.discount").input("")
    at.button(key="FormSubmitter:intake.discount-Save discount").click().run()
    assert demo_store.get(DEMO_ID).case.intake.discount_rate is None
    assert "they are not discounted for time" in texts(at)
    assert f"an expected net value of {MINUS}€5.84M" in texts(at)  # the client's muddling on, undiscounted


def test_a_branch_label_is_shown_as_text_never_as_markup(demo_store):
    at = open_paths()
    field(at, VENDOR, PathKind.LITIGATE, 0, "label").input("**the cap** [applies](http://x)")
    save(at, VENDOR, PathKind.LITIGATE, "stop and litigate")
    assert plain("**the cap** [applies](http://x)") in at.table[4].value.iloc[0, 0]  # st.table reads markdown


def test_the_shared_screen_shows_the_paths_with_their_values(demo_store):
    at = open_page("intake", DEMO_ID, screen_mode="shared")
    at.radio(key="intake.section").set_value("paths").run()
    assert not at.exception
    assert "Meridian Global IT Services Ltd.'s best alternative to a negotiated agreement (BATNA) is to muddle on" \
           in texts(at)
    assert len(at.table) == 6
