"""The demo's definition of a decently working system: eight criteria, each answering complaints
of the intake (ids in negotiation/adapters/demo/intake.py) and interests (negotiation/adapters/demo/interests.py),
all SMART and accepted by both sides in the workshop of 7 December 2026.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from negotiation.data.case import Case
from negotiation.data.smart import Acceptance, Area, DateKind, DecentSystem, Direction, Frequency, SmartCriterion

WORKSHOP = dt.date(2026, 12, 7)


def _accepted() -> dict:
    return dict(client_acceptance=Acceptance(accepted=True, by="c-mgmt", on=WORKSHOP),
                vendor_acceptance=Acceptance(accepted=True, by="v-mgmt", on=WORKSHOP))


def criteria() -> list[SmartCriterion]:
    return [
        SmartCriterion(
            id="sc-refresh", area=Area.FUNCTIONALITY,
            statement=("By 30 June 2027, at least 95 % of the 9,800 laptops on the agreed end-of-life list are "
                       "replaced, measured monthly from the asset register; owned by Thomas Berger (client) and "
                       "Sanjay Iyer (vendor)."),
            metric="laptops on the agreed end-of-life list that are replaced", unit="%", target=Decimal("95"),
            direction=Direction.AT_LEAST, measured_where="Asset register (ServiceNow)",
            measured_how="Replaced devices counted against the signed end-of-life list v4",
            frequency=Frequency.MONTHLY, date=dt.date(2027, 6, 30), date_kind=DateKind.BY,
            client_owner="c-mgmt", vendor_owner="v-ops",
            achievable_why=("Four regional staging depots image 450 laptops a week from January 2027; the 3,700 "
                            "laptops left take nine weeks, which leaves ten weeks for the OEM's late shipments."),
            confirmed_by="v-mgmt", complaint_ids=["cp-refresh", "cv-eol"],
            interest_ids=["ic-productive", "ic-predictable", "iv-reference"], **_accepted()),
        SmartCriterion(
            id="sc-p1", area=Area.SERVICE_DESK,
            statement=("From 1 February 2027, at least 95 % of priority-1 incidents are resolved within 8 business "
                       "hours, measured monthly from the ServiceNow SLA report; owned by Ana Lopes (client) and "
                       "Claire Dubois (vendor)."),
            metric="priority-1 incidents resolved within 8 business hours", unit="%", target=Decimal("95"),
            direction=Direction.AT_LEAST, measured_where="ServiceNow SLA report",
            measured_how="Resolution time per priority-1 incident, business hours 08:00–18:00 local time",
            frequency=Frequency.MONTHLY, date=dt.date(2027, 2, 1), date_kind=DateKind.FROM,
            client_owner="c-ops", vendor_owner="v-mgmt",
            achievable_why=("Two field engineers move from the refresh to break-fix in the five largest countries, "
                            "and old laptops with a priority-1 incident are swapped from stock, not repaired."),
            confirmed_by="v-mgmt", complaint_ids=["cp-servicedesk"], interest_ids=["ic-productive", "ic-trust"],
            **_accepted()),
        SmartCriterion(
            id="sc-images", area=Area.DEFECTS,
            statement=("From 1 March 2027, at most 2 % of newly delivered laptops get a ticket for a wrong language "
                       "pack or a missing VPN profile within 5 business days of delivery, measured monthly from "
                       "ServiceNow; owned by Ana Lopes (client) and Sanjay Iyer (vendor)."),
            metric="new laptops with an image defect ticket within 5 business days", unit="%", target=Decimal("2"),
            direction=Direction.AT_MOST, measured_where="ServiceNow",
            measured_how="Tickets with category 'image defect' against laptops delivered that month",
            frequency=Frequency.MONTHLY, date=dt.date(2027, 3, 1), date_kind=DateKind.FROM,
            client_owner="c-ops", vendor_owner="v-ops",
            achievable_why=("One golden image per region with every language pack, and a VPN-profile check in the "
                            "staging depot's release checklist before a laptop ships."),
            confirmed_by="v-ops", complaint_ids=["cp-images"], interest_ids=["ic-productive"], **_accepted()),
        SmartCriterion(
            id="sc-invoice", area=Area.INVOICING,
            statement=("From 1 January 2027, at most 0 invoice lines charge the refresh fee for a laptop not yet "
                       "delivered to its user, checked monthly against the delivery register; staging already done "
                       "is invoiced on its own line at the agreed staging rate. Owned by Elena Rossi (client) and "
                       "Claire Dubois (vendor)."),
            metric="invoice lines charging the refresh fee for undelivered laptops", unit="invoice lines",
            target=Decimal("0"), direction=Direction.AT_MOST, measured_where="Delivery register (ServiceNow)",
            measured_how="Every refresh-fee line matched to a delivery signed by the user",
            frequency=Frequency.MONTHLY, date=dt.date(2027, 1, 1), date_kind=DateKind.FROM,
            client_owner="c-vm", vendor_owner="v-mgmt",
            achievable_why="Billing runs from the delivery register instead of the shipping plan from the January run.",
            confirmed_by="v-mgmt", complaint_ids=["cp-invoice"], interest_ids=["ic-cost", "ic-trust"],
            **_accepted()),
        SmartCriterion(
            id="sc-payment", area=Area.INVOICING,
            statement=("From 1 January 2027, at least 98 % of undisputed invoices are paid within 30 days, and "
                       "disputed amounts go through the contract's dispute procedure, measured monthly from "
                       "Nordhaven's accounts payable report; owned by Elena Rossi (client) and Claire Dubois (vendor)."),
            metric="undisputed invoices paid within 30 days", unit="%", target=Decimal("98"),
            direction=Direction.AT_LEAST, measured_where="Nordhaven accounts payable report",
            measured_how="Invoice date to payment date, per undisputed invoice",
            frequency=Frequency.MONTHLY, date=dt.date(2027, 1, 1), date_kind=DateKind.FROM,
            client_owner="c-vm", vendor_owner="v-mgmt",
            achievable_why=("The vendor's side: invoices follow the delivery register, so the client has no reason "
                            "to withhold undisputed lines."),
            confirmed_by="v-mgmt", complaint_ids=["cv-withheld"], interest_ids=["iv-cash", "ic-cost"],
            **_accepted()),
        SmartCriterion(
            id="sc-rate", area=Area.EXTRA_WORK_PRICING,
            statement=("From 1 January 2027, every change request is quoted at no more than the contract day rate "
                       "of € 1,150 per day, checked per quotation against the rate card in annex 4; owned by "
                       "Elena Rossi (client) and Claire Dubois (vendor)."),
            metric="day rate quoted for a change request", unit="EUR per day", target=Decimal("1150"),
            direction=Direction.AT_MOST, measured_where="Rate card, annex 4 of the contract",
            measured_how="Each quotation's day rate compared with the rate card",
            frequency=Frequency.PER_EVENT, date=dt.date(2027, 1, 1), date_kind=DateKind.FROM,
            client_owner="c-vm", vendor_owner="v-mgmt",
            achievable_why="CR-017 is re-quoted with its scope split into contract work and new work at the rate card.",
            confirmed_by="v-mgmt", complaint_ids=["cp-changes"], interest_ids=["ic-cost", "iv-margin"],
            **_accepted()),
        SmartCriterion(
            id="sc-decisions", area=Area.OTHER,
            statement=("From 1 January 2027, Nordhaven decides at least 90 % of Meridian's decision and approval "
                       "requests within 5 business days, measured monthly from the joint decision log; owned by "
                       "Thomas Berger (client) and Claire Dubois (vendor)."),
            metric="decision and approval requests decided within 5 business days", unit="%", target=Decimal("90"),
            direction=Direction.AT_LEAST, measured_where="Joint decision log",
            measured_how="Request date to decision date, per logged request",
            frequency=Frequency.MONTHLY, date=dt.date(2027, 1, 1), date_kind=DateKind.FROM,
            client_owner="c-mgmt", vendor_owner="v-mgmt",
            achievable_why=("Nordhaven's board named Thomas Berger as the single approver, with a deputy; security "
                            "approvals get a fixed weekly slot."),
            confirmed_by="v-mgmt", complaint_ids=["cv-factory", "cv-eol"],
            interest_ids=["iv-decisions", "ic-predictable"], **_accepted()),
        SmartCriterion(
            id="sc-reporting", area=Area.OTHER,
            statement=("From 1 February 2027, the daily milestone reports are replaced by one weekly refresh report "
                       "of at most 2 pages, produced from the asset register and checked monthly in the steering "
                       "meeting; owned by Elena Rossi (client) and Sanjay Iyer (vendor)."),
            metric="pages in the weekly refresh report, which replaces the daily reports", unit="pages",
            target=Decimal("2"), direction=Direction.AT_MOST, measured_where="Asset register",
            measured_how="The weekly report, reviewed in the monthly steering meeting",
            frequency=Frequency.WEEKLY, date=dt.date(2027, 2, 1), date_kind=DateKind.FROM,
            client_owner="c-vm", vendor_owner="v-ops",
            achievable_why="The report is generated from the asset register; it frees the two delivery staff now on daily reports.",
            confirmed_by="v-ops", complaint_ids=["cv-monitoring"],
            interest_ids=["iv-overhead", "ic-predictable", "ic-trust"], **_accepted()),
    ]


def build(case: Case) -> DecentSystem:
    return DecentSystem(criteria=criteria())
