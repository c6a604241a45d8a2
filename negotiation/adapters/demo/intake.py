"""The demo's intake: what hurts on each side of the laptop-refresh dispute, how far it escalated,
each side's three paths as small decision trees (litigation turns on whether the liability cap applies),
and the recognition check (proceed on conditions).

Complaint ids are fixed: other steps of the demo (SMART criteria, commitments) refer to them.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from negotiation.data.case import Case
from negotiation.data.intake import (
    Answer,
    Branch,
    Complaint,
    Intake,
    Path,
    PathKind,
    RecognitionAnswer,
    RecognitionCheck,
    Statement,
    WarningSign,
)
from negotiation.data.intake import (
    ComplaintCategory as Cat,
)
from negotiation.data.intake import (
    WarningSignKind as Sign,
)
from negotiation.data.parties import PartyRole

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


def warning_signs() -> list[WarningSign]:
    return [
        WarningSign(kind=Sign.MISSED_DEADLINES, seen_on=dt.date(2025, 7, 7),
                    note="The six-month refresh date passed; three re-planned dates were missed since."),
        WarningSign(kind=Sign.FORMAL_TONE, seen_on=dt.date(2026, 1, 20),
                    note="Monthly service reviews became minuted meetings with procurement present."),
        WarningSign(kind=Sign.KEY_PEOPLE_REPLACED, seen_on=dt.date(2026, 2, 2),
                    note="Meridian replaced its refresh lead; Nordhaven moved the account to procurement."),
        WarningSign(kind=Sign.CLAUSE_LETTERS, seen_on=dt.date(2026, 3, 12),
                    note="Letter NH-2026-031 cites clauses 14.2 (milestones) and 22 (remedies)."),
        WarningSign(kind=Sign.MONITORING_IMPOSED, seen_on=dt.date(2026, 5, 4),
                    note="Milestone-monitoring tool with daily reporting, imposed by governance notice."),
        WarningSign(kind=Sign.PAYMENTS_WITHHELD, seen_on=dt.date(2026, 6, 14),
                    note="€1.9 million of two invoices withheld outside the dispute procedure."),
        WarningSign(kind=Sign.THREATS, seen_on=dt.date(2026, 9, 8),
                    note="Nordhaven's CIO mentioned exit at the quarterly executive review."),
    ]


DISCOUNT_RATE = D(5)
"""The mediator's discount for time in the demo, in percent a year: a year's wait costs a twentieth."""
CAP = D("4860000.00")
"""The contract's liability cap: 10 % of the contract value. Whether it applies is litigation's central question."""


def paths() -> list[Path]:
    """Each side's own estimate of its three paths, in EUR, as given at the intake session.

    Both sides' litigation turns on the same question, with the same chances: does the liability
    cap apply, or is wilful default proven and the damages uncapped? What one side recovers there
    the other pays.
    """
    return [
        Path(side=CLIENT, kind=PathKind.MUDDLE_ON, branches=[
            Branch(label="the refresh limps to completion", chance=D(30), money_in=D("3200000.00"),
                   cost=D("6800000.00"), months=D(24)),
            Branch(label="it keeps slipping", chance=D(70), money_in=D(0), cost=D("6800000.00"), months=D(24)),
        ], note=("Lost productivity on old laptops, two days per P1 incident, the monitoring office "
                 "and extended warranties for 3,700 devices; a finished refresh brings a year of productivity back.")),
        Path(side=CLIENT, kind=PathKind.LITIGATE, branches=[
            Branch(label="the liability cap applies", chance=D(65), money_in=CAP, cost=D("2000000.00"),
                   legal_fees=D("1200000.00"), write_off=D("4500000.00"), restart=D("7500000.00"), months=D(36)),
            Branch(label="it does not: wilful default is proven", chance=D(35), money_in=D("13500000.00"),
                   cost=D("2000000.00"), legal_fees=D("1200000.00"), write_off=D("4500000.00"),
                   restart=D("7500000.00"), months=D(42)),
        ], note=("Termination for cause is arguable but contested; a new vendor needs a tender and a "
                 "nine-month transition. Other money out: lost productivity during the transition.")),
        Path(side=CLIENT, kind=PathKind.SOLVE, branches=[
            Branch(label="the revised plan delivers", chance=D(70), money_in=D("4600000.00"),
                   cost=D("2400000.00"), months=D(9)),
            Branch(label="it falls short", chance=D(30), money_in=D("1000000.00"), cost=D("2400000.00"), months=D(12)),
        ], note=("Funding regional staging depots, faster security approvals, the mediator, and management time "
                 "for a revised plan. A working estate brings productivity back, ends the extended warranties "
                 "and closes the monitoring office.")),
        Path(side=VENDOR, kind=PathKind.MUDDLE_ON, branches=[
            Branch(label="Nordhaven releases the withheld invoices", chance=D(40), money_in=D("1900000.00"),
                   cost=D("9500000.00"), months=D(24)),
            Branch(label="they stay withheld", chance=D(60), money_in=D(0), cost=D("9500000.00"), months=D(24)),
        ], note=("Losses on the account: refresh overrun, two staff on monitoring reports, and the "
                 "withheld €1.9 million at risk.")),
        Path(side=VENDOR, kind=PathKind.LITIGATE, branches=[
            Branch(label="the liability cap applies", chance=D(65), money_in=D("1900000.00"), cost=CAP,
                   legal_fees=D("900000.00"), write_off=D("6200000.00"), restart=D("3000000.00"), months=D(36)),
            Branch(label="it does not: wilful default is proven", chance=D(35), money_in=D(0),
                   cost=D("13500000.00"), legal_fees=D("900000.00"), write_off=D("6200000.00"),
                   restart=D("3000000.00"), months=D(42)),
        ], note=("Unrecovered transition investment written off, a lost reference client, and 140 staff "
                 "to redeploy. Money in: the withheld invoices, if awarded; money out: the damages.")),
        Path(side=VENDOR, kind=PathKind.SOLVE, branches=[
            Branch(label="the revised plan delivers", chance=D(65), money_in=D("6000000.00"),
                   cost=D("3100000.00"), months=D(9)),
            Branch(label="it falls short", chance=D(35), money_in=D("1900000.00"), cost=D("3100000.00"), months=D(12)),
        ], note=("Depot staging, twelve extra field engineers for six months, and a rebuilt image factory; "
                 "a delivered plan releases the withheld invoices and keeps the account's margin and reference.")),
    ]


def recognition() -> RecognitionCheck:
    yes = Answer.YES
    answers = [
        RecognitionAnswer(side=CLIENT, statement=Statement.CONTINUE, answer=yes,
                          note="Changing vendor in the middle of a global rollout is the last thing we want."),
        RecognitionAnswer(side=CLIENT, statement=Statement.LEGITIMATE_PARTY, answer=yes),
        RecognitionAnswer(side=CLIENT, statement=Statement.CORE_INTEREST, answer=yes,
                          note="Provided the margin is shown with figures, not asserted."),
        RecognitionAnswer(side=CLIENT, statement=Statement.SHARE_INFORMATION, answer=yes),
        RecognitionAnswer(side=CLIENT, statement=Statement.KEEP_SERVICES, answer=yes,
                          note="The withheld amount goes into escrow while the process runs."),
        RecognitionAnswer(side=CLIENT, statement=Statement.MEDIATOR_INDEPENDENT, answer=yes),
        RecognitionAnswer(side=VENDOR, statement=Statement.CONTINUE, answer=yes),
        RecognitionAnswer(side=VENDOR, statement=Statement.LEGITIMATE_PARTY, answer=yes),
        RecognitionAnswer(side=VENDOR, statement=Statement.CORE_INTEREST, answer=yes),
        RecognitionAnswer(side=VENDOR, statement=Statement.SHARE_INFORMATION, answer=Answer.HESITANT,
                          note=("a confidentiality agreement first limits its cost-to-complete and margin "
                                "figures to the mediator and Nordhaven's CFO.")),
        RecognitionAnswer(side=VENDOR, statement=Statement.KEEP_SERVICES, answer=yes),
        RecognitionAnswer(side=VENDOR, statement=Statement.MEDIATOR_INDEPENDENT, answer=yes),
    ]
    return RecognitionCheck(answers=answers)


def build(case: Case) -> Intake:
    return Intake(complaints=complaints(), warning_signs=warning_signs(), paths=paths(),
                  discount_rate=DISCOUNT_RATE, recognition=recognition())
