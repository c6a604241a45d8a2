"""The zone of agreement on one line: the client's side in blue, the vendor's in orange, the zone green.

Read left to right like a price ladder: the client accepts every price up to its highest, the
vendor every price from its lowest fair price up. Where both accept is the zone; where neither
does, a red gap says how much is missing. Floats appear here only as drawing coordinates; amounts are
rounded for people (`zone_money`), to as many figures as the zone's width needs to read true.
"""
from __future__ import annotations

from decimal import Decimal

import plotly.graph_objects as go

from negotiation.adapters.charts import projector_layout
from negotiation.kernel import i18n, palette
from negotiation.kernel.i18n import t
from negotiation.method.margin.analysis import MarginPicture, ZoneOfAgreement, chart_marks, zone_frame, zone_money

ZONE_GREEN = palette.SHARED
GAP_RED = palette.CONFLICT
LINE_WIDTH = 26


def zone_figure(picture: MarginPicture, zone: ZoneOfAgreement | None = None, height: int = 460,
                price: Decimal | None = None) -> go.Figure:
    """The zone line for the picture (or for another zone of it, such as a scenario's).

    The line is framed on the zone and the prices near it; a price far off the frame (today's
    contract, often) is pinned to the edge with an arrow, so the zone is never squeezed.
    """
    zone = zone or picture.zone
    currency = picture.currency
    fig = go.Figure()
    fig.update_layout(**projector_layout(height=height, showlegend=False, margin=dict(l=30, r=30, t=20, b=70)))
    fig.update_yaxes(range=[-1.45, 1.45], visible=False, fixedrange=True)
    if not zone.known:
        blank = t("margin.missing.title") if picture.missing_for_zone else t("margin.metric.unknown")
        fig.add_annotation(text=blank, x=0.5, y=0.5, xref="paper", yref="paper",
                           showarrow=False, font=dict(size=24, color=palette.MUTED))
        fig.update_xaxes(visible=False)
        return fig
    lowest, highest = zone.vendor_lowest, zone.client_highest
    assert lowest is not None and highest is not None
    inner_low, inner_high = min(lowest, highest), max(lowest, highest)
    price_text = lambda amount: zone_money(amount, currency, zone)  # noqa: E731
    marks = chart_marks(picture)
    if price is not None:  # a what-if's price replaces the agreed one on the line
        marks = sorted([m for m in marks if m[0] != "price"] + [("whatif", price)], key=lambda m: m[1])
    frame_low, frame_high = zone_frame(zone, marks)
    x_min, x_max = float(frame_low), float(frame_high)

    def segment(x0: float, x1: float, colour: str) -> None:
        fig.add_trace(go.Scatter(x=[x0, x1], y=[0, 0], mode="lines", line=dict(color=colour, width=LINE_WIDTH),
                                 hoverinfo="skip"))

    segment(x_min, float(inner_low), palette.CLIENT)
    segment(float(inner_high), x_max, palette.VENDOR)
    segment(float(inner_low), float(inner_high), ZONE_GREEN if zone.exists else GAP_RED)

    # Which side accepts which stretch, named at the ends of the line.
    fig.add_annotation(x=x_min, y=0.16, xanchor="left", yanchor="bottom", showarrow=False,
                       text=f"<b>{t('margin.chart.client_side')}</b>", font=dict(size=20, color=palette.CLIENT))
    vendor_side = t("margin.chart.vendor_side_waived" if zone.vendor_waives else "margin.chart.vendor_side")
    fig.add_annotation(x=x_max, y=0.16, xanchor="right", yanchor="bottom", showarrow=False,
                       text=f"<b>{vendor_side}</b>", font=dict(size=20, color=palette.VENDOR))

    # The two limits, large, pointing away from each other.
    for value, name, colour in ((lowest, "vendor_lowest", palette.VENDOR), (highest, "client_highest", palette.CLIENT)):
        outward = "right" if value == inner_low else "left"
        fig.add_shape(type="line", x0=float(value), x1=float(value), y0=-0.3, y1=1.2, line=dict(color=colour, width=4))
        fig.add_annotation(x=float(value), y=1.2, yanchor="top", xanchor=outward, showarrow=False,
                           text=f"<b>{t('margin.chart.mark.' + name)}</b><br><b>{price_text(value)}</b>",
                           font=dict(size=24, color=colour), align=outward, xshift=-8 if outward == "right" else 8)
    middle = float((lowest + highest) / 2)
    if zone.exists:
        label = (f"<b>{t('margin.chart.zone')}</b><br>"
                 f"{t('margin.chart.width', width=zone_money(zone.width, currency))}")
    else:
        label = f"<b>{t('margin.chart.gap', gap=zone_money(zone.gap, currency))}</b>"
    fig.add_annotation(x=middle, y=0.2, yanchor="bottom", showarrow=False, text=label, align="center",
                       font=dict(size=22, color=ZONE_GREEN if zone.exists else GAP_RED),
                       bgcolor="rgba(255,255,255,0.9)")

    # Other prices: diamonds on the line, labels below, staggered so neighbours never overlap.
    depths = (-0.5, -0.95)
    shown = 0
    labels: list[tuple[float, float, str]] = []
    pinned = {"left": 0, "right": 0}
    for name, value in marks:
        label = f"{t('margin.chart.mark.' + name)} {price_text(value)}"
        if float(value) < x_min or float(value) > x_max:
            side = "left" if float(value) < x_min else "right"
            fig.add_annotation(x=x_min if side == "left" else x_max, y=-0.5 - 0.38 * pinned[side], xanchor=side,
                               yanchor="top", showarrow=False,
                               text=("◀ " + label) if side == "left" else (label + " ▶"),
                               font=dict(size=18, color=palette.MUTED))
            pinned[side] += 1
            continue
        fig.add_trace(go.Scatter(x=[float(value)], y=[0], mode="markers",
                                 marker=dict(symbol="diamond", size=22, color=palette.INK,
                                             line=dict(color="white", width=2)),
                                 hovertext=f"{t('margin.chart.mark.' + name)}: {i18n.fmt_money(value, currency)}",
                                 hoverinfo="text"))
        labels.append((depths[shown % 2], float(value), label))
        shown += 1
    # The text sits at the arrow's tail (ax, ay); the arrow points up to the diamond. The deeper labels
    # go first, so a nearer label's white box covers the deeper one's arrow instead of being crossed by it.
    for depth, x, label in sorted(labels):
        fig.add_annotation(x=x, y=-0.12, ax=x, ay=depth, axref="x", ayref="y", showarrow=True, arrowhead=0,
                           arrowcolor=palette.MUTED, text=label, yanchor="top", font=dict(size=19, color=palette.INK),
                           bgcolor="white")
    ticks = _ticks(x_min, x_max)
    fig.update_xaxes(range=[x_min, x_max], tickvals=ticks, fixedrange=True,
                     ticktext=_tick_texts(ticks, currency), showgrid=False,
                     zeroline=False, tickfont=dict(size=18), title=dict(text=t("margin.chart.axis", currency=currency),
                                                                         font=dict(size=18)))
    return fig


def _ticks(low: float, high: float) -> list[float]:
    raw = (high - low) / 6
    magnitude = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = (int(low / step) + 1) * step
    return [first + i * step for i in range(int((high - first) / step) + 1)]


def _tick_texts(ticks: list[float], currency: str) -> list[str]:
    """Tick labels rounded for people, with just enough figures that neighbouring ticks differ."""
    values = [Decimal(str(v)) for v in ticks]
    for digits in range(2, 10):
        texts = [i18n.fmt_money_rounded(v, currency, digits) for v in values]
        if len(set(texts)) == len(texts):
            return texts
    return [i18n.fmt_money(v, currency) for v in values]
