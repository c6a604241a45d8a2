"""Streamlit helpers of the Fair margin page: reading amounts in the case's currency, rows of a list, the glance."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, TypeVar

import streamlit as st
from pydantic import ValidationError

from negotiation.adapters.charts.margin import compact_money, zone_figure
from negotiation.kernel import i18n
from negotiation.kernel.errors import Problem, explain
from negotiation.kernel.i18n import t
from negotiation.method.margin.analysis import CurrencyMismatch, MarginPicture, describe_zone, read_amount
from ui import common

M = TypeVar("M")


def amount(raw: str, name: str, problems: list[Problem], currency: str, *, required: bool = True) -> Decimal | None:
    """An amount typed in the case's currency; a problem for `name` when it is unreadable or in another currency."""
    if not raw.strip():
        if required:
            problems.append(Problem(name, t("errors.missing")))
        return None
    try:
        return read_amount(raw, currency)
    except CurrencyMismatch as exc:
        problems.append(Problem(name, str(exc)))
    except ValueError as exc:
        problems.append(Problem(name, t(str(exc))))
    return None


def number(raw: str, name: str, problems: list[Problem], *, required: bool = True) -> Decimal | None:
    return common.parse_number(raw, name, problems, required=required)


def build_row(model: type[M], prefix: str, values: dict[str, Any], problems: list[Problem]) -> M | None:
    """One row of a list, its problems named `prefix.field` so they land under the row's fields."""
    taken = {p.field for p in problems}
    try:
        return model(**values)
    except ValidationError as exc:
        for problem in explain(exc):
            name = f"{prefix}.{problem.field}" if problem.field else prefix
            if name not in taken:
                problems.append(Problem(name, problem.message))
        return None


def text(value: Decimal | None) -> str:
    return "" if value is None else i18n.fmt_number(value, digits=2)


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A markdown table; cell text is escaped for the pipe that would split a cell."""
    def cell(value: str) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def glance(picture: MarginPicture) -> None:
    """The zone at a glance: four numbers, one sentence, one line."""
    currency = picture.currency
    # Short amounts (€54.12M) read from the back of a room and fit a laptop; the sentence below is exact.
    money = lambda value: compact_money(value, currency)  # noqa: E731
    zone = picture.zone
    c1, c2, c3, c4 = st.columns(4)
    unknown = t("margin.metric.unknown")
    c1.metric(t("margin.metric.vendor_lowest"), money(zone.vendor_lowest) if zone.vendor_lowest is not None else unknown)
    c2.metric(t("margin.metric.client_highest"), money(zone.client_highest) if zone.client_highest is not None else unknown)
    if zone.known and not zone.exists:
        c3.metric(t("margin.metric.gap"), money(zone.gap))
    else:
        c3.metric(t("margin.metric.zone"), money(zone.width) if zone.known else unknown)
    c4.metric(t("margin.metric.fair"), money(picture.fair.price) if picture.fair else unknown)
    sentence = describe_zone(zone, currency)  # exact amounts
    if zone.exists:
        st.success(sentence)
    elif zone.known:
        st.error(sentence)
    else:
        st.info(sentence)
    st.plotly_chart(zone_figure(picture), width="stretch", config={"displayModeBar": False}, key="margin.zone_chart")
