"""Streamlit helpers of the intake page that the shared glue (ui.py) does not offer."""
from __future__ import annotations

from decimal import Decimal

from negotiation.kernel import i18n
from negotiation.kernel.errors import Problem
from negotiation.kernel.i18n import t


def parse_number(raw: str, name: str, problems: list[Problem]) -> Decimal | None:
    """A number typed the local way, or None when left empty; a problem for `name` when unreadable."""
    if not raw.strip():
        return None
    try:
        return i18n.parse_decimal(raw)
    except Exception:  # babel raises NumberFormatError (a ValueError) or InvalidOperation
        problems.append(Problem(name, t("intake.error.not_a_number", example=i18n.fmt_number(Decimal("12.5")))))
        return None


def number_text(value: Decimal | None, digits: int = 2) -> str:
    return "" if value is None else i18n.fmt_number(value, digits=digits)


def scoped(problems: list[Problem], prefix: str, default_field: str) -> list[Problem]:
    """Problems of one row of a form, renamed so each lands under its own row's field."""
    return [Problem(f"{prefix}.{p.field or default_field}", p.message) for p in problems]
