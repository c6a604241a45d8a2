"""The zone of agreement on one line: the client's side in blue, the vendor's in orange, the zone green.

Read left to right like a price ladder: the client accepts every price up to its highest, the
vendor every price from its lowest fair price up. Where both accept is the zone; where neither
does, a red gap says how much is missing. Floats appear here only as drawing coordinates.
"""
from __future__ import annotations

from decimal import Decimal

import plotly.graph_objects as go
from babel import numbers as babel_numbers

from negotiation import i18n, palette
from negotiation.charts import projector_layout
from negotiation.i18n import t
from negotiation.margin import MarginPicture, ZoneOfAgreement

ZONE_GREEN = palette.SHARED
GAP_RED = palette.CONFLICT
LINE_WIDTH = 26


def compact_money(amount: Decimal, currency: str) -> str:
    """€54.12M: short enough for a chart label, formatted by Babel for the current locale."""
    # negotiation.i18n has no compact money formatter yet; this uses the same Babel locale.
    return babel_numbers.format_compact_currency(amount, currency, locale=i18n.babel_locale(), fraction_digits=2)


def _marks(picture: MarginPicture) -> list[tuple[str, Decimal]]:
    marks = [("today", picture.contract_price)]
    if picture.budget is not None:
        marks.append(("budget", picture.budget))
    if picture.fair is not None:
        marks.append(("fair", picture.fair.price))
    if picture.price is not None:
        marks.append(("price", picture.price))
    return marks


def zone_figure(picture: MarginPicture, zone: ZoneOfAgreement | None = None, height: int = 380) -> go.Figure:
    """The zone line for the picture (or for another zone of it, such as a scenario's)."""
    zone = zone or picture.zone
    currency = picture.currency
    fig = go.Figure()
    fig.update_layout(**projector_layout(height=height, showlegend=False, margin=dict(l=30, r=30, t=30, b=70)))
    if not zone.known:
        fig.add_annotation(text=t("margin.metric.unknown"), x=0.5, y=0.5, xref="paper", yref="paper",
                           showarrow=False, font=dict(size=24, color=palette.MUTED))
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        return fig
    lowest, highest = zone.vendor_lowest, zone.client_highest
    assert lowest is not None and highest is not None
    marks = _marks(picture)
    values = [lowest, highest, *(v for _, v in marks)]
    span = max(values) - min(values)
    pad = max(span * Decimal("0.12"), max(values) * Decimal("0.01"))
    x_min, x_max = float(min(values) - pad), float(max(values) + pad)
    inner_low, inner_high = (lowest, highest) if zone.exists else (highest, lowest)

    def segment(x0: float, x1: float, colour: str) -> None:
        fig.add_trace(go.Scatter(x=[x0, x1], y=[0, 0], mode="lines", line=dict(color=colour, width=LINE_WIDTH),
                                 hoverinfo="skip"))

    segment(x_min, float(inner_low), palette.CLIENT)
    segment(float(inner_high), x_max, palette.VENDOR)
    segment(float(inner_low), float(inner_high), ZONE_GREEN if zone.exists else GAP_RED)

    # The two limits, large, where the colours meet.
    for value, anchor, colour, name in ((lowest, "right" if zone.exists else "left", palette.VENDOR, "vendor_lowest"),
                                        (highest, "left" if zone.exists else "right", palette.CLIENT, "client_highest")):
        fig.add_shape(type="line", x0=float(value), x1=float(value), y0=-0.55, y1=0.55, line=dict(color=colour, width=4))
        fig.add_annotation(x=float(value), y=0.62, yanchor="bottom", xanchor=anchor, showarrow=False,
                           text=f"<b>{t('margin.chart.mark.' + name)}</b><br>{compact_money(value, currency)}",
                           font=dict(size=22, color=colour), align=anchor)
    middle = float((lowest + highest) / 2)
    label = t("margin.chart.zone") if zone.exists else t("margin.chart.gap", gap=compact_money(zone.gap, currency))
    fig.add_annotation(x=middle, y=-0.35, yanchor="top", showarrow=False, text=f"<b>{label}</b>",
                       font=dict(size=24, color=ZONE_GREEN if zone.exists else GAP_RED))
    if zone.exists:
        fig.add_annotation(x=middle, y=-0.85, yanchor="top", showarrow=False,
                           text=t("margin.chart.width", width=compact_money(zone.width, currency)),
                           font=dict(size=20, color=ZONE_GREEN))
    # The sides, named under their stretch of the line.
    fig.add_annotation(x=x_min, y=-0.35, xanchor="left", yanchor="top", showarrow=False,
                       text=t("margin.chart.client_side"), font=dict(size=20, color=palette.CLIENT))
    fig.add_annotation(x=x_max, y=-0.35, xanchor="right", yanchor="top", showarrow=False,
                       text=t("margin.chart.vendor_side"), font=dict(size=20, color=palette.VENDOR))
    # Other prices as triangles on the line, labelled beside them.
    for index, (name, value) in enumerate(marks):
        up = index % 2 == 0
        fig.add_trace(go.Scatter(x=[float(value)], y=[0], mode="markers",
                                 marker=dict(symbol="diamond", size=22, color=palette.INK,
                                             line=dict(color="white", width=2)),
                                 hovertext=f"{t('margin.chart.mark.' + name)}: {i18n.fmt_money(value, currency)}",
                                 hoverinfo="text"))
        fig.add_annotation(x=float(value), y=0, ax=0, ay=-70 if up else 70, showarrow=True, arrowcolor=palette.MUTED,
                           text=f"{t('margin.chart.mark.' + name)} {compact_money(value, currency)}",
                           font=dict(size=18, color=palette.INK), bgcolor="rgba(255,255,255,0.85)")
    ticks = _ticks(x_min, x_max)
    fig.update_xaxes(range=[x_min, x_max], tickvals=ticks,
                     ticktext=[compact_money(Decimal(str(v)), currency) for v in ticks], showgrid=False,
                     zeroline=False, tickfont=dict(size=18), title=dict(text=t("margin.chart.axis", currency=currency),
                                                                         font=dict(size=18)))
    fig.update_yaxes(range=[-1.3, 1.3], visible=False)
    return fig


def _ticks(low: float, high: float) -> list[float]:
    raw = (high - low) / 6
    magnitude = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = (int(low / step) + 1) * step
    return [first + i * step for i in range(int((high - first) / step) + 1)]
