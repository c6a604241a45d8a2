"""The demo's issues, options (scored by both sides), package on the table, points and criteria.

Interest ids come from negotiation/adapters/demo/interests.py; criterion ids are fixed so other steps
(SMART criteria, the margin) can cite them.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from negotiation.data.case import Case
from negotiation.data.options import CriterionKind, Issue, ObjectiveCriterion, Option, OptionsBoard, PointAllocation
from negotiation.method.options.analysis import starter_criteria


def issues() -> list[Issue]:
    return [
        Issue(id="is-delay", title="Who pays for the OEM factory-link delay"),
        Issue(id="is-credits", title="Service credits for the late refresh"),
        Issue(id="is-timeline", title="The new refresh timeline"),
        Issue(id="is-rate", title="The rate for extra work"),
        Issue(id="is-reporting", title="Reporting that replaces the daily monitoring tool"),
    ]


def _option(id: str, issue: str, statement: str, client: int, vendor: int,
            serves: list[str], criteria: list[str] | None = None) -> Option:
    return Option(id=id, issue_id=issue, statement=statement, client_score=client, vendor_score=vendor,
                  serves=serves, criteria=criteria or [])


def options() -> list[Option]:
    return [
        _option("op-delay-vendor", "is-delay", "Meridian carries the whole cost of the delay", 9, 1,
                ["ic-cost"], ["std-haviltex"]),
        _option("op-delay-shared", "is-delay",
                "The cost is shared 50/50: the security approval took seven months on Nordhaven's side", 6, 6,
                ["ic-cost", "iv-margin", "ic-trust"], ["std-haviltex", "oc-contract-sla"]),
        _option("op-delay-client", "is-delay",
                "Nordhaven pays the extra staging and storage; Meridian drops its claim for idle engineers", 3, 8,
                ["iv-margin", "iv-cash"]),
        _option("op-credits-full", "is-credits", "Full service credits for eighteen months (€2.1 million)", 9, 1,
                ["ic-cost", "ic-trust"], ["oc-contract-sla"]),
        _option("op-credits-kind", "is-credits",
                "Credits paid in kind: 600 extra laptops refreshed at no charge and a VIP desk for executives", 7, 6,
                ["ic-productive", "iv-margin", "iv-reference"], ["oc-contract-sla"]),
        _option("op-credits-none", "is-credits", "No credits; the withheld €1.9 million is paid now", 1, 9,
                ["iv-cash"], ["std-late-payment"]),
        _option("op-depot", "is-timeline",
                "Regional staging depots image the laptops instead of the OEM factory: 95 % by 30 June 2027", 8, 6,
                ["ic-productive", "ic-predictable", "iv-decisions"], ["std-win10-eos"]),
        _option("op-time-factory", "is-timeline", "Stay with factory imaging: 95 % by 31 December 2027", 3, 8,
                ["iv-margin"]),
        _option("op-time-crash", "is-timeline",
                "A crash programme with extra field engineers: 95 % by 31 March 2027", 10, 2,
                ["ic-productive", "ic-predictable"], ["std-win10-eos"]),
        _option("op-rate-contract", "is-rate", "The contract day rate for every change request", 9, 3,
                ["ic-cost"], ["oc-contract-sla"]),
        _option("op-rate-market", "is-rate",
                "A day rate benchmarked on Eurostat labour costs for the sector, reviewed yearly", 6, 7,
                ["ic-cost", "iv-margin", "ic-trust"], ["std-eurostat-labour"]),
        _option("op-rate-quote", "is-rate", "Each change request quoted separately, as CR-017 was", 1, 9,
                ["iv-margin"]),
        _option("op-rep-daily", "is-reporting", "Keep the daily milestone-monitoring tool", 6, 1, ["ic-trust"]),
        _option("op-rep-weekly", "is-reporting",
                "A weekly dashboard from the asset register and a monthly steering meeting with the mediator", 8, 8,
                ["ic-predictable", "ic-trust", "iv-overhead", "iv-decisions"], ["std-iso20000"]),
        _option("op-rep-monthly", "is-reporting", "A monthly written report only", 3, 9, ["iv-overhead"]),
    ]


def criteria() -> list[ObjectiveCriterion]:
    starter = {c.id: c for c in starter_criteria()}
    itil = starter.pop("std-itil4-priority").model_copy(update={"id": "oc-itil"})
    contract = ObjectiveCriterion(
        id="oc-contract-sla", kind=CriterionKind.SLA_NORM,
        name="The contract's service levels and service credits",
        standard="Service credits of up to 8 % of the monthly charge when a milestone or service level is missed.",
        source="Contract NH-MGS-2025-014, Schedule 3 (Service levels and service credits)",
        dated=dt.date(2025, 1, 6))
    return [itil, contract, *starter.values()]


def build(case: Case) -> OptionsBoard:
    return OptionsBoard(
        issues=issues(),
        options=options(),
        criteria=criteria(),
        proposal={"is-delay": "op-delay-shared", "is-credits": "op-credits-kind", "is-timeline": "op-depot",
                  "is-rate": "op-rate-market", "is-reporting": "op-rep-weekly"},
        proposal_agreed=True,
        batna_client=Decimal("3.5"),
        batna_vendor=Decimal("3.0"),
        allocation=PointAllocation(
            client={"is-delay": 20, "is-credits": 25, "is-timeline": 30, "is-rate": 10, "is-reporting": 15},
            vendor={"is-delay": 30, "is-credits": 30, "is-timeline": 10, "is-rate": 15, "is-reporting": 15},
        ),
    )
