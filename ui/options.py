"""Streamlit helpers of the options page: how a package, a value and a score form look."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import streamlit as st
from pydantic import ValidationError

from negotiation.kernel.errors import Problem, explain
from negotiation.method.options.analysis import Analysis, Package, fmt_value
from ui import common


def value(x: Fraction | Decimal | None) -> str:
    return fmt_value(x)


def signed(x: Fraction) -> str:
    text = value(abs(x))
    return ("+" if x >= 0 else "−") + text


def package_values(package: Package) -> str:
    return (f"{common.side_badge('client')} **{value(package.client)}** / 10 &nbsp;&nbsp; "
            f"{common.side_badge('vendor')} **{value(package.vendor)}** / 10")


def package_lines(package: Package) -> str:
    return "\n".join(f"- **{issue.title}:** {option.statement}" for issue, option in package.choices)


def gains_text(analysis: Analysis, package: Package) -> tuple[str, str]:
    gc, gv = analysis.gains(package)
    return signed(gc), signed(gv)


def validated(model, values: dict, prefix: str, problems: list[Problem]):
    """`model(**values)`, or None with its problems added under `prefix.<field>`."""
    try:
        return model(**values)
    except ValidationError as exc:
        problems.extend(Problem(f"{prefix}.{p.field}" if p.field else prefix, p.message) for p in explain(exc))
        return None


def score_input(column, label: str, current: int | None, key: str):
    # No min/max on the widget: the model refuses out-of-range scores with a message under the field.
    return column.number_input(label, value=current, step=1, format="%d", key=key)


def show_chart(figure) -> None:
    st.plotly_chart(figure, width="stretch", key="options.chart",
                    config={"displayModeBar": False})


def as_float(x: Decimal | None) -> float | None:
    # st.number_input takes floats; the model keeps the Decimal.
    return None if x is None else float(x)
