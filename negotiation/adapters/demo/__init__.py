"""The demo case: the laptop-refresh dispute (seed article 000), every step filled.

A global IT services firm won a large end-user computing deal from a European multinational.
To close it, sales promised the client's ageing laptops would be refreshed within six months.
End-of-life lists spread over many countries, regional images, and an OEM that needed a link
into the client's network to preload images at the factory delayed the refresh by eighteen
months. The client imposed a milestone-monitoring tool, letters began to cite clauses, and exit
was threatened. Both boards asked for a mediator before anyone called the lawyers in.

People and figures are invented. Each step's part lives in its own module so every step can
grow its demo without touching the others. Ids are fixed so the demo's fingerprint is stable.
"""
from __future__ import annotations

import datetime as dt

from negotiation.adapters.demo import agreement, case, caucus, intake, interests, margin, options, system
from negotiation.data.case import Case

DEMO_ID = "demo-laptop-refresh"
OPENED = dt.date(2026, 11, 2)


def demo_case() -> Case:
    result = case.build(DEMO_ID, OPENED)
    result.intake = intake.build(result)
    result.interests = interests.build(result)
    result.options = options.build(result)
    result.system = system.build(result)
    result.margin = margin.build(result)
    result.agreement = agreement.build(result)
    result.caucus = caucus.build(result)
    # Re-validate the whole document: cross-step rules see the finished case.
    return Case.model_validate(result.model_dump())
