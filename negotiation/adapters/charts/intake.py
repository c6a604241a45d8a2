"""The three paths of each side, valued as expected net values, in one chart both sides can read on a projector."""
from __future__ import annotations

from decimal import Decimal

import plotly.graph_objects as go

from negotiation.adapters.charts import chart_text, projector_layout
from negotiation.data.intake import Intake, PathKind
from negotiation.data.parties import PartyRole
from negotiation.kernel import palette
from negotiation.kernel.i18n import t
from negotiation.method.intake import batna, money_for_people, path_values

MILLION = Decimal(1_000_000)
BAR_OFFSET = 0.2
BAR_WIDTH = 0.36


def paths_chart(intake: Intake, currency: str, names: dict[PartyRole, str] | None = None) -> go.Figure | None:
    """Grouped horizontal bars from zero: per path, one bar per side, its expected net value in millions.

    A cost is negative, so a bar to the left costs the side money. A line across each bar runs from
    the path's worst branch to its best; each bar is labelled with its value rounded for people, and
    a side's best alternative (BATNA) carries a star. None when no path can be valued yet.
    """
    kinds = list(PathKind)
    figure = go.Figure()
    ends: list[float] = [0.0]
    drawn = False
    # Numeric rows, so each label can sit just past the end of its own bar's line: the client's bar
    # above the vendor's in each path, as in the tables.
    for side, offset in ((PartyRole.CLIENT, -BAR_OFFSET), (PartyRole.VENDOR, BAR_OFFSET)):
        best = batna(intake, side, currency).best
        values = path_values(intake, side)
        who = t(f"case.role.{side.value}") + (f": {chart_text(names[side])}" if names else "")
        rows, xs, below, above, texts, label_x, label_rows, positions = [], [], [], [], [], [], [], []
        for row, kind in enumerate(kinds):
            found = values[kind]
            if not found.valued:
                continue
            drawn = True
            x, low, high = (float(v / MILLION) for v in (found.value, found.low, found.high))
            rows.append(row + offset)
            xs.append(x)
            below.append(x - low)
            above.append(high - x)
            ends += [low, high]
            label = money_for_people(found.value, currency)
            texts.append(f"★ {label}" if kind is best else label)
            # A cost's label left of its worst branch, a gain's right of its best: never on the line.
            label_x.append(low if x < 0 else high)
            positions.append("middle left" if x < 0 else "middle right")
            label_rows.append(row + offset)
        figure.add_bar(
            y=rows, x=xs, orientation="h", name=who, marker_color=palette.side_colour(side), width=BAR_WIDTH,
            error_x=dict(type="data", symmetric=False, array=above, arrayminus=below, color=palette.INK,
                         thickness=2, width=8),
            # The side's name goes in as data, not into the template, where "%{…}" in it would be read.
            customdata=[[text, who] for text in texts], hovertemplate="%{customdata[0]}<extra>%{customdata[1]}</extra>",
        )
        figure.add_scatter(
            y=label_rows, x=label_x, mode="text", text=[f" {text} " for text in texts], textposition=positions,
            textfont=dict(size=20, color=palette.INK), showlegend=False, hoverinfo="skip", cliponaxis=False,
        )
    if not drawn:
        return None
    low, high = min(ends), max(ends)
    pad = (high - low) * 0.22 or 1.0
    figure.update_layout(**projector_layout(
        title=dict(text=t("intake.chart.title"), font=dict(size=24),
                   subtitle=dict(text=t("intake.chart.subtitle", currency=currency), font=dict(size=18))),
        height=560, legend=dict(orientation="h", yanchor="top", y=-0.2, x=0, font=dict(size=20)),
        margin=dict(l=20, r=30, t=100, b=150),
    ))
    figure.update_xaxes(range=[low - pad, high + pad], gridcolor="#dde1e5", tickfont=dict(size=18),
                        zeroline=True, zerolinecolor=palette.INK, zerolinewidth=2,
                        title=dict(text=t("intake.chart.axis", currency=currency), font=dict(size=18)))
    figure.update_yaxes(tickvals=list(range(len(kinds))), ticktext=[t(f"intake.path.{k.value}") for k in kinds],
                        range=[len(kinds) - 0.5, -0.5], tickfont=dict(size=22))
    return figure
