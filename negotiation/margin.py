"""Step 6, the fair vendor margin and the zone of possible agreement."""
from __future__ import annotations

from negotiation.base import DomainModel, Money


class MarginModel(DomainModel):
    cost_to_complete: Money | None = None
    price: Money | None = None
