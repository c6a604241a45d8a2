"""The demo's agreement."""
from __future__ import annotations

import datetime as dt

from negotiation.agreement import Agreement
from negotiation.model import Case


def build(case: Case) -> Agreement:
    return Agreement(place="Amsterdam", signing_date=dt.date(2026, 12, 14))
