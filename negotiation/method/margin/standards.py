"""The starter set of published standards for a normal margin, each with its source and date.

Checked against the sources on 23 November 2026 (see each note). The mediator may edit, drop or
replace any of them; they are a starting point the parties can accept or not, never a rule.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from negotiation.data.margin import MarginBasis, MarginStandard


def starter_standards() -> list[MarginStandard]:
    return [
        MarginStandard(
            id="std-ssro-bpr",
            name="UK baseline profit rate for single-source defence contracts, 2025/26",
            low=Decimal("8.56"), high=Decimal("8.56"), basis=MarginBasis.ON_COST,
            source="Single Source Regulations Office (SSRO); Secretary of State for Defence's determination",
            url="https://www.gov.uk/government/publications/2025-contract-profit-rate-assessment",
            published=dt.date(2025, 3, 14),
            note=("8.56 % on contract cost for contracts let from 1 April 2025 (8.24 % in 2024/25). It is the "
                  "starting point of a contract profit rate; the SSRO reports agreed rates of typically 6 % to "
                  "17 %, on average 9.47 %."),
        ),
        MarginStandard(
            id="std-dfars-risk",
            name="US defence weighted guidelines: performance-risk factor",
            low=Decimal("3"), high=Decimal("7"), basis=MarginBasis.ON_COST,
            source="DFARS 215.404-71-2(c), standard designated range (DFARS change of 15 November 2024)",
            url="https://www.acquisition.gov/dfars/215.404-71-2-performance-risk.",
            published=dt.date(2024, 11, 15),
            note=("Normal value 5 %, designated range 3 % to 7 % of total contract costs. It is one of three "
                  "profit factors (with contract-type risk and facilities capital), so it understates a whole "
                  "profit objective: shown for reference, not counted in the band."),
            counts=False,
        ),
        MarginStandard(
            id="std-accenture",
            name="Accenture plc, operating margin fiscal 2025 (GAAP)",
            low=Decimal("14.7"), high=Decimal("14.7"), basis=MarginBasis.ON_PRICE,
            source="Accenture, fourth-quarter and full-year fiscal 2025 results (year to 31 August 2025)",
            url="https://newsroom.accenture.com/",
            published=dt.date(2025, 9, 25),
            note="14.7 % of revenue on a GAAP basis; 15.6 % adjusted for business optimisation costs.",
        ),
        MarginStandard(
            id="std-capgemini",
            name="Capgemini SE, operating margin 2024",
            low=Decimal("13.3"), high=Decimal("13.3"), basis=MarginBasis.ON_PRICE,
            source="Capgemini, results for the year 2024 (press release)",
            url="https://investors.capgemini.com/",
            published=dt.date(2025, 2, 18),
            note=("13.3 % of revenue, Capgemini's own 'operating margin' (an alternative performance measure, "
                  "before other operating income and expense); its operating profit was lower."),
        ),
    ]
