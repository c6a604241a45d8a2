"""Step 7, the agreement the directors sign."""
from __future__ import annotations

import datetime as dt

from negotiation.base import DomainModel, Text


class Agreement(DomainModel):
    place: Text = ""
    """Where the directors sign."""
    signing_date: dt.date | None = None
