"""SmartCriterion validation, templates from complaints, acceptance, coverage and the definition."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from negotiation.data.case import Case, case_from_json, case_to_json
from negotiation.data.intake import CLIENT_CATEGORIES, VENDOR_CATEGORIES, Complaint, ComplaintCategory
from negotiation.data.parties import PartyRole
from negotiation.data.smart import Acceptance, Area, SmartCriterion
from negotiation.kernel import i18n
from negotiation.kernel.errors import explain
from negotiation.method.smart.check import check
from negotiation.method.smart.criteria import (
    accept,
    coverage,
    definition,
    problems_in_case,
    report_view,
    revised,
    target_problems,
    withdraw,
)
from negotiation.method.smart.templates import TEMPLATES, template_for, templates_for


def messages(exc_info) -> list[str]:
    return [p.message for p in explain(exc_info.value)]


def test_an_old_criterion_with_only_a_statement_still_loads():
    criterion = SmartCriterion.model_validate({"id": "sc-1", "statement": "Laptops are replaced."})
    assert criterion.area is Area.OTHER and criterion.target is None and not criterion.accepted_by_both


def test_a_percentage_target_above_100_is_refused_with_a_sentence():
    with pytest.raises(ValidationError) as exc_info:
        SmartCriterion(statement="x", unit="%", target=Decimal("120"))
    assert messages(exc_info) == ["A percentage cannot be more than 100 %."]
    assert target_problems(Decimal("120"), "%")[0].field == "target"


def test_a_target_without_a_unit_is_refused_with_a_sentence():
    with pytest.raises(ValidationError) as exc_info:
        SmartCriterion(statement="x", target=Decimal("8"))
    assert messages(exc_info) == ["A target needs a unit: %, business hours, days, laptops, EUR …"]
    assert target_problems(Decimal("8"), " ")[0].field == "unit"


def test_a_dutch_screen_explains_the_missing_unit_in_dutch():
    i18n.set_language("nl")
    assert target_problems(Decimal("8"), "")[0].message.startswith("Een doel heeft een eenheid nodig")


def test_an_acceptance_needs_who_and_when():
    with pytest.raises(ValidationError) as exc_info:
        Acceptance(accepted=True, by="c-mgmt")
    assert messages(exc_info) == ["An acceptance needs who accepted and on which date."]


def test_a_deadline_before_the_contract_started_is_refused(demo):
    problems = problems_in_case(demo, SmartCriterion(statement="x", date=dt.date(2024, 12, 1)))
    assert [p.field for p in problems] == ["date"]
    assert "before the contract started on 6 January 2025" in problems[0].message


def test_a_deadline_before_the_case_opened_is_refused(demo):
    problems = problems_in_case(demo, SmartCriterion(statement="x", date=dt.date(2026, 6, 1)))
    assert [p.field for p in problems] == ["date"]
    assert "before this case was opened on 2 November 2026" in problems[0].message


def test_owners_and_acceptors_must_come_from_their_own_side(demo):
    criterion = SmartCriterion(statement="x", client_owner="v-mgmt", vendor_owner="v-mgmt", confirmed_by="c-exec",
                               client_acceptance=Acceptance(accepted=True, by="v-exec", on=dt.date(2026, 12, 7)))
    fields = [p.field for p in problems_in_case(demo, criterion)]
    assert fields == ["client_owner", "confirmed_by", "client_acceptance"]


def test_links_to_unknown_complaints_or_interests_are_refused(demo):
    criterion = SmartCriterion(statement="x", complaint_ids=["gone"], interest_ids=["gone"])
    assert [p.field for p in problems_in_case(demo, criterion)] == ["complaint_ids", "interest_ids"]


def test_every_demo_criterion_is_valid_in_its_case(demo):
    assert all(problems_in_case(demo, c) == [] for c in demo.system.criteria)


@pytest.mark.parametrize("category", list(ComplaintCategory))
def test_each_complaint_category_proposes_a_template_of_its_area_linked_to_the_complaint(category):
    side = PartyRole.VENDOR if category in VENDOR_CATEGORIES and category not in CLIENT_CATEGORIES else PartyRole.CLIENT
    complaint = Complaint(id="cp-x", category=category, raised_by=side, statement="It hurts.")
    template = template_for(complaint)
    assert template.area is TEMPLATES[category][0]
    draft = template.criterion()
    assert draft.complaint_ids == ["cp-x"]
    assert template.statement and "DATE" in template.statement
    verdict = check(draft)
    assert "placeholder" in [f.code for f in verdict.findings]
    assert not verdict.smart


def test_the_slow_service_desk_template_reads_as_the_method_proposes():
    complaint = Complaint(id="cp-sd", category=ComplaintCategory.SERVICE_DESK_SLOW, raised_by=PartyRole.CLIENT,
                          statement="Slow.")
    template = template_for(complaint)
    assert template.statement == ("From DATE, N % of priority-1 incidents are resolved within H business hours, "
                                  "measured monthly from SYSTEM.")
    assert template.area is Area.SERVICE_DESK and template.unit == "%"


def test_a_completed_template_passes_the_wording_check():
    template = template_for(Complaint(id="cp-sd", category=ComplaintCategory.SERVICE_DESK_SLOW,
                                      raised_by=PartyRole.CLIENT, statement="Slow."))
    completed = (template.statement.replace("DATE", "1 March 2027").replace("N %", "95 %").replace("H", "8")
                 .replace("SYSTEM", "ServiceNow").rstrip(".") + ", owned by the client's Service Delivery Manager.")
    assert check(completed).wording_smart


def test_templates_in_dutch_are_proposed_on_a_dutch_screen():
    i18n.set_language("nl")
    template = template_for(Complaint(id="cp-sd", category=ComplaintCategory.SERVICE_DESK_SLOW,
                                      raised_by=PartyRole.CLIENT, statement="Traag."))
    assert template.statement.startswith("Vanaf DATUM wordt N % van de prioriteit-1-incidenten binnen H werkuren")


def test_templates_are_proposed_only_for_complaints_no_criterion_answers(demo):
    answered = {cid for c in demo.system.criteria for cid in c.complaint_ids}
    assert templates_for(demo.intake.complaints, answered) == []
    assert len(templates_for(demo.intake.complaints)) == len(demo.intake.complaints)


def test_accepting_and_withdrawing_records_who_and_when():
    criterion = SmartCriterion(statement="x")
    accepted = accept(criterion, PartyRole.VENDOR, "v-mgmt", dt.date(2026, 12, 7))
    assert accepted.vendor_acceptance == Acceptance(accepted=True, by="v-mgmt", on=dt.date(2026, 12, 7))
    assert not accepted.accepted_by_both
    assert withdraw(accepted, PartyRole.VENDOR).vendor_acceptance == Acceptance()


def test_changing_the_substance_of_an_accepted_criterion_withdraws_both_acceptances(demo):
    old = demo.system.criteria[0]
    new, withdrawn = revised(old, old.model_copy(update={"target": Decimal("90")}))
    assert withdrawn and not new.client_acceptance.accepted and not new.vendor_acceptance.accepted


def test_changing_only_the_reason_keeps_the_acceptances(demo):
    old = demo.system.criteria[0]
    new, withdrawn = revised(old, old.model_copy(update={"achievable_why": "More depots."}))
    assert not withdrawn and new.accepted_by_both


def test_the_demo_has_six_to_ten_criteria_all_smart_and_accepted_by_both(demo):
    criteria = demo.system.criteria
    assert 6 <= len(criteria) <= 10
    assert all(check(c, demo).smart and c.accepted_by_both for c in criteria)
    assert definition(demo) == criteria


def test_the_demo_criteria_answer_every_complaint(demo):
    cover = coverage(demo)
    assert cover.complaints_covered == len(demo.intake.complaints)
    assert cover.complete


def test_coverage_shows_which_interests_have_no_criterion_yet(demo):
    cover = coverage(demo)
    missing = [i.id for i in cover.interests if not i.covered]
    assert missing == ["ic-continuity"]


def test_a_criterion_accepted_by_one_side_only_is_not_in_the_definition(demo):
    demo.system.criteria[0] = withdraw(demo.system.criteria[0], PartyRole.CLIENT)
    cover = coverage(demo)
    assert cover.defined == len(demo.system.criteria) - 1 and not cover.complete
    assert demo.system.criteria[0] not in definition(demo)


def test_a_criterion_accepted_by_both_but_not_smart_is_not_in_the_definition(demo):
    demo.system.criteria[1] = demo.system.criteria[1].model_copy(update={"confirmed_by": None})
    assert demo.system.criteria[1] not in definition(demo)
    assert coverage(demo).smart == len(demo.system.criteria) - 1


def test_the_criteria_survive_a_json_round_trip(demo):
    again = case_from_json(case_to_json(demo))
    assert again.system == demo.system


def test_the_report_view_holds_metric_target_measurement_date_owners_and_acceptance(demo):
    view = report_view(demo)
    first = view["rows"][0]
    assert first["target"] == "at least 95 %"
    assert first["date"] == "by 30 June 2027"
    assert first["client_owner"] == "Thomas Berger" and first["vendor_owner"] == "Sanjay Iyer"
    assert first["acceptance"]["vendor"] == dict(accepted=True, who="Claire Dubois", when="7 Dec 2026")
    assert "Asset register" in first["measurement"] and "monthly" in first["measurement"]
    assert view["defined"] == view["total"] == len(demo.system.criteria)


def test_an_empty_case_has_an_empty_definition(demo):
    demo.system.criteria = []
    assert coverage(demo).total == 0 and not coverage(demo).complete
    assert Case.model_validate(demo.model_dump()).system.criteria == []


def test_the_dutch_catalog_of_this_step_is_complete_with_the_same_placeholders():
    import json
    import string

    from tests.conftest import ROOT

    english = json.loads((ROOT / "negotiation/kernel/locales/en/system.json").read_text(encoding="utf-8"))
    dutch = json.loads((ROOT / "negotiation/kernel/locales/nl/system.json").read_text(encoding="utf-8"))
    assert english.keys() == dutch.keys()

    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert [k for k in english if fields(english[k]) != fields(dutch[k])] == []
