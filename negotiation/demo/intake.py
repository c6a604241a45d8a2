"""The demo's intake: what hurts on each side of the laptop-refresh dispute.

Complaint ids are fixed: other steps of the demo (SMART criteria, commitments) refer to them.
"""
from __future__ import annotations

import datetime as dt

from negotiation.intake import Complaint, ComplaintCategory as Cat, Intake
from negotiation.model import Case
from negotiation.parties import PartyRole

CLIENT, VENDOR = PartyRole.CLIENT, PartyRole.VENDOR


def complaints() -> list[Complaint]:
    return [
        Complaint(id="cp-refresh", category=Cat.PROMISES_NOT_KEPT, raised_by=CLIENT, severity=5,
                  since=dt.date(2025, 7, 7), evidence="Letter NH-2026-031 of 12 March 2026",
                  statement=("The refresh of 9,800 ageing laptops, promised in the sales phase within six months "
                             "of the start, is eighteen months late: about 62 % are replaced.")),
        Complaint(id="cp-servicedesk", category=Cat.SERVICE_DESK_SLOW, raised_by=CLIENT, severity=4,
                  since=dt.date(2025, 10, 1), evidence="Service desk SLA report, Q3 2026",
                  statement=("Priority-1 incidents on old laptops take two to three days to resolve; "
                             "the contract says 8 business hours.")),
        Complaint(id="cp-images", category=Cat.SYSTEM_DEFECTS, raised_by=CLIENT, severity=3,
                  since=dt.date(2026, 2, 1), evidence="Incident INC0048812 and 212 related tickets",
                  statement=("Regional images ship with wrong language packs and missing VPN profiles; "
                             "users lose a working day per new device.")),
        Complaint(id="cp-invoice", category=Cat.INVOICING_WRONG, raised_by=CLIENT, severity=3,
                  since=dt.date(2026, 4, 30), evidence="Invoices MG-2026-0418 and MG-2026-0519",
                  statement="Invoices charge the refresh service fee for laptops not yet delivered.",
                  disputed=True,
                  other_side_account=("The fee covers staging and logistics already performed for laptops "
                                      "that wait on the OEM's shipment.")),
        Complaint(id="cp-changes", category=Cat.EXTRA_WORK_EXPENSIVE, raised_by=CLIENT, severity=2,
                  since=dt.date(2026, 6, 15), evidence="Change request CR-017 quotation",
                  statement="A change request for 300 developer laptops was quoted at 2.4 times the contract day rate."),
        Complaint(id="cv-eol", category=Cat.REQUIREMENTS_LATE, raised_by=VENDOR, severity=4,
                  since=dt.date(2025, 2, 15), evidence="Email thread 'EOL lists v1–v4', Feb–Nov 2025",
                  statement="The end-of-life laptop lists for 23 countries arrived over nine months and changed four times."),
        Complaint(id="cv-factory", category=Cat.CLIENT_UNAVAILABLE, raised_by=VENDOR, severity=5,
                  since=dt.date(2025, 5, 1), evidence="Security approval request SEC-2025-114",
                  statement=("The OEM needed a secured link into Nordhaven's network to preload images at the "
                             "factory; the security approval took seven months.")),
        Complaint(id="cv-withheld", category=Cat.INVOICES_UNPAID, raised_by=VENDOR, severity=4,
                  since=dt.date(2026, 5, 31), evidence="Remittance advice of 14 June and 12 July 2026",
                  statement=("Nordhaven withheld €1.9 million of two invoices without using the contract's "
                             "dispute procedure.")),
        Complaint(id="cv-monitoring", category=Cat.OTHER, raised_by=VENDOR, severity=3,
                  since=dt.date(2026, 5, 4), evidence="Nordhaven governance notice of 4 May 2026",
                  statement=("The milestone-monitoring tool imposed in May 2026 needs daily reports that keep two "
                             "delivery staff busy full time.")),
    ]


def build(case: Case) -> Intake:
    return Intake(complaints=complaints())
