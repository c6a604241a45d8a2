"""The demo's options and objective criteria."""
from __future__ import annotations

from negotiation.model import Case
from negotiation.options import ObjectiveCriterion, Option, OptionsBoard


def build(case: Case) -> OptionsBoard:
    return OptionsBoard(
        options=[Option(id="op-depot", statement="Regional staging depots image the laptops instead of the OEM factory")],
        criteria=[ObjectiveCriterion(id="oc-itil", name="ITIL incident priority definitions", source="AXELOS ITIL 4")],
    )
