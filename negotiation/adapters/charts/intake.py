"""The three paths of each side, risk-adjusted, in one chart both sides can read on a projector."""
from __future__ import annotations

from decimal import Decimal

import plotly.graph_objects as go

from negotiation.adapters.charts import projector_layout
from negotiation.data.intake import Intake, PathKind
from negotiation.data.parties import PartyRole
from negotiation.kernel import palette
from negotiation.kernel.i18n import fmt_number, fmt_percent, t
from negotiation.method.intake import batna, risk_adjusted

MILLION = Decimal(1_000_000)


def paths_chart(intake: Intake, currency: str, names: dict[PartyRole, str] | None = None) -> go.Figure | None:
    """Grouped horizontal bars: per path, one bar per side, the risk-adjusted cost in millions.

    Each bar is labelled with its amount and chance of a good outcome; a side's best alternative
    (BATNA) carries a star. None when no path is fully estimated yet.
    """
    kinds = list(PathKind)
    labels = [t(f"intake.path.{k.value}") for k in kinds]
    figure = go.Figure()
    drawn = False
    # The vendor first, so that on horizontal bars the client's bar is on top, as in the tables.
    for side in (PartyRole.VENDOR, PartyRole.CLIENT):
        best = batna(intake, side, currency).best
        values, texts = [], []
        for kind in kinds:
            path = intake.path(side, kind)
            adjusted = risk_adjusted(path) if path else None
            if adjusted is None:
                values.append(None)
                texts.append(t("intake.path.not_estimated"))
                continue
            drawn = True
            millions = adjusted / MILLION
            values.append(float(millions))
            amount = t("intake.chart.millions", amount=fmt_number(millions, digits=1))
            label = f"{amount} · {fmt_percent(path.chance, 0)}"
            if kind is best:
                label = f"★ {label}"
            texts.append(label)
        who = t(f"case.role.{side.value}") + (f": {names[side]}" if names else "")
        figure.add_bar(
            y=labels, x=values, orientation="h", name=who, marker_color=palette.side_colour(side),
            text=texts, textposition="outside", cliponaxis=False, textfont=dict(size=20, color=palette.INK),
            hovertemplate="%{y}: %{text}<extra>" + who + "</extra>",
        )
    if not drawn:
        return None
    top = max((v for trace in figure.data for v in trace.x if v is not None), default=1.0)
    figure.update_layout(**projector_layout(
        title=dict(text=t("intake.chart.title"), font=dict(size=24),
                   subtitle=dict(text=t("intake.chart.subtitle", currency=currency), font=dict(size=18))),
        barmode="group", bargap=0.25, height=560,
        legend=dict(orientation="h", yanchor="top", y=-0.1, x=0, font=dict(size=20)),
        margin=dict(l=20, r=30, t=100, b=120),
    ))
    figure.update_xaxes(range=[0, top * 1.4], gridcolor="#dde1e5", tickfont=dict(size=18))
    figure.update_yaxes(autorange="reversed", tickfont=dict(size=22))
    return figure
