"""What each step contributes to the agreement PDF: its `report_view(case) -> dict`, by step.

The report hands `views.<step>` to that step's section template. A step without a section view
(the case itself) gets an empty dict. Drawings that need the adapters (the frontier's SVG) are added
by the report, from the numbers in the view.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from negotiation.data.case import STEPS, Case
from negotiation.method import agreement, intake, interests
from negotiation.method.margin import analysis as margin
from negotiation.method.options import analysis as options
from negotiation.method.smart import criteria as smart

REPORT_VIEWS: dict[str, Callable[[Case], dict[str, Any]]] = {
    "intake": intake.report_view,
    "interests": interests.report_view,
    "options": options.report_view,
    "system": smart.report_view,
    "margin": margin.report_view,
    "agreement": agreement.report_view,
}


def step_views(case: Case) -> dict[str, dict[str, Any]]:
    """Every step's view of `case` for the PDF, in workflow order."""
    return {step: REPORT_VIEWS[step](case) if step in REPORT_VIEWS else {} for step in STEPS}
