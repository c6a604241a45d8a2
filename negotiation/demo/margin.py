"""The demo's margin model."""
from __future__ import annotations

from decimal import Decimal

from negotiation.margin import MarginModel
from negotiation.model import Case


def build(case: Case) -> MarginModel:
    return MarginModel(cost_to_complete=Decimal("27900000.00"), price=Decimal("31250000.00"))
