"""The Intake page: complaints, warning signs, paths and the recognition check, edited the way a mediator would."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from negotiation.adapters.demo import DEMO_ID
from negotiation.data.intake import Answer, ComplaintCategory, PathKind, Statement, WarningSignKind
from negotiation.data.parties import PartyRole
from tests.apptest import errors, open_page
from tests.apptest import texts as page_texts
from tests.payload_case import read_back


def texts(at) -> str:
    """The page's text as a person reads it (the page escapes the case's own text for markdown)."""
    return read_back(page_texts(at))


CLIENT, VENDOR = PartyRole.CLIENT, PartyRole.VENDOR
TOMORROW = dt.date.today() + dt.timedelta(days=1)


def open_intake(section: str = "complaints"):
    at = open_page("intake", DEMO_ID)
    if section != "complaints":
        at.radio(key="intake.section").set_value(section).run()
        assert not at.exception
    return at


def stored(store):
    return store.get(DEMO_ID)


def test_the_page_shows_the_verdict_with_its_condition_above_everything(demo_store):
    at = open_intake()
    (warning,) = at.warning[:1]
    assert "Verdict: Proceed on conditions" in warning.value
    assert "confidentiality agreement" in warning.value


def test_the_paths_part_shows_each_sides_batna_and_the_chart_comparing_the_paths(demo_store):
    at = open_intake("paths")
    page = texts(at)
    assert "Nordhaven Group N.V.'s best alternative to a negotiated agreement (BATNA) is to muddle on" in page
    assert "Solving is worth €1.42M to Meridian Global IT Services Ltd.: €9.34M more than its best alternative." in page
    assert len(at.get("plotly_chart")) == 1


def test_the_warning_signs_part_says_how_far_it_has_escalated_in_words(demo_store):
    at = open_intake("signs")
    assert "The relationship is in open conflict: sanctions and threats are in play" in texts(at)


def test_the_page_shows_one_part_of_the_intake_at_a_time(demo_store):
    at = open_intake("recognition")
    assert "Nordhaven Group N.V.: where it pinches" not in texts(at) and "eighteen months late" not in texts(at)
    assert at.radio(key="w:intake.rec.client.continue").value.value == "yes"


# -- complaints ----------------------------------------------------------------------------


def test_adding_a_complaint_stores_it_and_shows_it(demo_store):
    at = open_intake()
    at.selectbox(key="w:intake.new.vendor.category").set_value(ComplaintCategory.DECISIONS_LATE)
    at.text_area(key="w:intake.new.vendor.statement").input("Image sign-off took eleven weeks instead of two.")
    at.slider(key="w:intake.new.vendor.severity").set_value(4)
    at.date_input(key="w:intake.new.vendor.since").set_value(dt.date(2026, 3, 1))
    at.text_input(key="w:intake.new.vendor.evidence").input("Sign-off log SO-12")
    at.button(key="FormSubmitter:intake.add.vendor-Add complaint").click().run()
    assert not at.exception and errors(at) == []
    added = stored(demo_store).case.intake.complaints[-1]
    assert (added.raised_by, added.category.value, added.severity) == (VENDOR, "decisions_late", 4)
    assert added.since == dt.date(2026, 3, 1) and added.evidence == "Sign-off log SO-12"
    assert "Image sign-off took eleven weeks instead of two." in texts(at)


def test_an_empty_complaint_is_refused_next_to_the_field_and_nothing_is_saved(demo_store):
    at = open_intake()
    at.button(key="FormSubmitter:intake.add.client-Add complaint").click().run()
    assert "This cannot be empty." in errors(at)
    assert stored(demo_store).revision == 1


def test_a_complaint_dated_in_the_future_is_refused_and_nothing_is_saved(demo_store):
    at = open_intake()
    at.text_area(key="w:intake.new.client.statement").input("Laptops arrive without docking stations.")
    at.date_input(key="w:intake.new.client.since").set_value(TOMORROW)
    at.button(key="FormSubmitter:intake.add.client-Add complaint").click().run()
    assert any("This date is in the future" in e for e in errors(at))
    assert stored(demo_store).revision == 1
    assert len(stored(demo_store).case.intake.complaints) == 9


def test_disputing_a_complaint_records_the_other_sides_account_beside_it(demo_store):
    at = open_intake()
    at.checkbox(key="w:intake.disputed.cv-eol").check()
    at.text_area(key="w:intake.account.cv-eol").input("The lists changed because the vendor's inventory was wrong.")
    at.button(key="FormSubmitter:intake.dispute.cv-eol-Save dispute").click().run()
    assert not at.exception
    complaint = next(c for c in stored(demo_store).case.intake.complaints if c.id == "cv-eol")
    assert complaint.disputed and complaint.other_side_account.startswith("The lists changed")
    assert "The lists changed because the vendor's inventory was wrong." in texts(at)


def test_a_dispute_without_the_other_sides_account_is_refused(demo_store):
    at = open_intake()
    at.checkbox(key="w:intake.disputed.cv-eol").check()
    at.button(key="FormSubmitter:intake.dispute.cv-eol-Save dispute").click().run()
    assert "A disputed complaint needs the other side's account beside it." in "\n".join(errors(at))
    assert stored(demo_store).revision == 1


def test_deleting_a_complaint_removes_it(demo_store):
    at = open_intake()
    at.button(key="intake.delete.cp-changes").click().run()
    assert not at.exception
    assert "cp-changes" not in {c.id for c in stored(demo_store).case.intake.complaints}
    assert "quoted at 2.4 times" not in texts(at)


# -- warning signs -------------------------------------------------------------------------


def test_ticking_lawyers_involved_raises_the_escalation_to_the_way_to_court(demo_store):
    at = open_intake("signs")
    at.checkbox(key="w:intake.sign.lawyers_involved.seen").check()
    at.date_input(key="w:intake.sign.lawyers_involved.date").set_value(dt.date(2026, 11, 10))
    at.text_input(key="w:intake.sign.lawyers_involved.note").input("Nordhaven's counsel wrote to Meridian.")
    at.button(key="FormSubmitter:intake.signs-Save warning signs").click().run()
    assert not at.exception
    sign = stored(demo_store).case.intake.sign(WarningSignKind.LAWYERS_INVOLVED)
    assert sign.seen_on == dt.date(2026, 11, 10)
    assert "On the way to court" in texts(at)


def test_unticking_a_sign_removes_it(demo_store):
    at = open_intake("signs")
    at.checkbox(key="w:intake.sign.formal_tone.seen").uncheck()
    at.button(key="FormSubmitter:intake.signs-Save warning signs").click().run()
    assert stored(demo_store).case.intake.sign(WarningSignKind.FORMAL_TONE) is None
    assert len(stored(demo_store).case.intake.warning_signs) == 6


def test_a_warning_sign_dated_in_the_future_is_refused_and_nothing_is_saved(demo_store):
    at = open_intake("signs")
    at.checkbox(key="w:intake.sign.lawyers_involved.seen").check()
    at.date_input(key="w:intake.sign.lawyers_involved.date").set_value(TOMORROW)
    at.button(key="FormSubmitter:intake.signs-Save warning signs").click().run()
    assert any("This date is in the future" in e for e in errors(at))
    assert stored(demo_store).revision == 1


# -- paths ---------------------------------------------------------------------------------


def test_editing_a_path_saves_it_and_the_batna_follows(demo_store):
    at = open_intake("paths")
    prefix = "w:intake.path.client.litigate.0"  # the first branch: the liability cap applies
    at.text_input(key=f"{prefix}.legal_fees").input("500,000")
    at.text_input(key=f"{prefix}.write_off").input("0")
    at.text_input(key=f"{prefix}.restart").input("1,000,000")
    at.text_input(key=f"{prefix}.cost").input("0")
    at.text_input(key=f"{prefix}.money_in").input("9,000,000")
    at.button(key="FormSubmitter:intake.path.client.litigate-Save: stop and litigate").click().run()
    assert not at.exception and errors(at) == []
    branch = stored(demo_store).case.intake.path(CLIENT, PathKind.LITIGATE).branches[0]
    assert branch.money_out == Decimal("1500000") and branch.money_in == Decimal("9000000") and branch.chance == 65
    assert "best alternative to a negotiated agreement (BATNA) is to stop and litigate" in texts(at)


def test_a_negative_cost_and_a_chance_over_100_are_explained_and_nothing_is_saved(demo_store):
    at = open_intake("paths")
    at.text_input(key="w:intake.path.vendor.solve.0.cost").input("-3,100,000")
    at.text_input(key="w:intake.path.vendor.solve.0.chance").input("165")
    at.button(key="FormSubmitter:intake.path.vendor.solve-Save: solve").click().run()
    shown = errors(at)
    # Both under the branch's row, each named by its field.
    assert "Chance (%): A chance is a percentage from 0 to 100 %.\n\nMoney out (EUR): A cost cannot be negative." in shown
    assert stored(demo_store).revision == 1


def test_an_unreadable_number_is_explained(demo_store):
    at = open_intake("paths")
    at.text_input(key="w:intake.path.client.muddle_on.0.months").input("two years")
    at.button(key="FormSubmitter:intake.path.client.muddle_on-Save: muddle on").click().run()
    assert "Months: Type a number such as 12.5." in errors(at)
    assert stored(demo_store).revision == 1


def test_litigation_prompts_for_its_typical_costs_when_left_open(demo_store):
    at = open_intake("paths")
    at.text_input(key="w:intake.path.vendor.litigate.0.write_off").input("")
    at.button(key="FormSubmitter:intake.path.vendor.litigate-Save: stop and litigate").click().run()
    assert stored(demo_store).case.intake.path(VENDOR, PathKind.LITIGATE).branches[0].write_off is None
    assert any("not yet estimated on every branch: Investment written off" in read_back(w.value) for w in at.warning)


# -- the recognition check through to each verdict -----------------------------------------


def answer(at, side: PartyRole, statement: Statement, given: Answer, note: str | None = None) -> None:
    at.radio(key=f"w:intake.rec.{side.value}.{statement.value}").set_value(given)
    if note is not None:
        at.text_area(key=f"w:intake.rec.{side.value}.{statement.value}.note").input(note)


def save_answers(at, side: PartyRole) -> None:
    at.button(key=f"FormSubmitter:intake.recognition.{side.value}-Save the {side.value}'s answers").click().run()
    assert not at.exception


def test_the_vendor_refusing_to_continue_turns_the_verdict_to_do_not_proceed_with_better_paths(demo_store):
    at = open_intake("recognition")
    answer(at, VENDOR, Statement.CONTINUE, Answer.NO, "The board has decided to exit the account.")
    save_answers(at, VENDOR)
    (banner,) = [read_back(e.value) for e in at.error if "Verdict" in e.value]
    assert "Do not proceed" in banner
    assert "For Nordhaven Group N.V., the better path is to muddle on." in banner
    assert "For Meridian Global IT Services Ltd., the better path is to muddle on." in banner
    assert "says no to “we want to continue with this client”" in texts(at)


def test_resolving_the_hesitation_turns_the_verdict_to_proceed(demo_store):
    at = open_intake("recognition")
    answer(at, VENDOR, Statement.SHARE_INFORMATION, Answer.YES)
    save_answers(at, VENDOR)
    assert any("Verdict: Proceed: both sides recognise each other" in s.value for s in at.success)


def test_a_new_hesitation_of_the_client_is_added_as_a_condition(demo_store):
    at = open_intake("recognition")
    answer(at, CLIENT, Statement.MEDIATOR_INDEPENDENT, Answer.HESITANT, "the mediator's fee is split equally")
    save_answers(at, CLIENT)
    banner = read_back(at.warning[0].value)
    assert "Proceed on conditions" in banner
    assert ("Nordhaven Group N.V. lets the mediator analyse independently, on this condition: "
            "the mediator's fee is split equally") in banner


def test_a_hesitation_without_a_note_is_refused_next_to_it_and_nothing_is_saved(demo_store):
    at = open_intake("recognition")
    answer(at, CLIENT, Statement.KEEP_SERVICES, Answer.HESITANT, "")
    save_answers(at, CLIENT)
    assert "Say why they hesitate or refuse, and on what condition they would agree." in errors(at)
    assert stored(demo_store).revision == 1


def test_a_new_case_shows_an_empty_intake_without_a_verdict_yet(store):
    from negotiation.adapters.cases import new_case

    case = new_case("Acme rescue", "Acme B.V.", "Softworks Ltd", "J. Janssen")
    store.add(case)
    at = open_page("intake", case.id)
    assert any("No verdict yet" in i.value for i in at.info)
    for section in ("signs", "paths", "recognition"):
        at.radio(key="intake.section").set_value(section).run()
        assert not at.exception
    at.radio(key="intake.section").set_value("paths").run()
    assert "No path can be valued yet" in texts(at)
    assert "Acme B.V.'s best alternative cannot be named yet" in texts(at)
    assert "Not estimated yet: give each way this path can end its chance, its money in and out" in texts(at)
    # Each path starts as one row to fill in, as simple as a cost and months.
    assert at.text_input(key="w:intake.path.client.solve.0.cost").value == ""
