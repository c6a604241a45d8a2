"""The value-for-client vs value-for-vendor chart of packages: a plotly figure for the screen and the
same picture as inline SVG for the PDF, both drawn from one Analysis."""
from __future__ import annotations

from fractions import Fraction

from markupsafe import Markup, escape

from negotiation.adapters.charts import chart_label, projector_layout
from negotiation.kernel import palette
from negotiation.kernel.i18n import t

NASH_COLOUR = palette.SHARED
MAXMIN_COLOUR = "#6a3d9a"
PROPOSAL_COLOUR = palette.INK


def _f(value: Fraction) -> float:
    return float(value)


def frontier_figure(analysis):
    """Plotly figure: every package (grey), the efficient ones (line), the proposal, both suggestions, the BATNAs."""
    import plotly.graph_objects as go

    fig = go.Figure()
    if analysis.cloud:
        fig.add_trace(go.Scatter(
            x=[_f(c) for c, _ in analysis.cloud], y=[_f(v) for _, v in analysis.cloud], mode="markers",
            name=t("options.chart.all_packages"), marker=dict(size=7, color="#c3c9d0"), hoverinfo="skip"))
    fig.add_trace(go.Scatter(
        x=[_f(p.client) for p in analysis.frontier], y=[_f(p.vendor) for p in analysis.frontier],
        mode="lines+markers", name=t("options.chart.efficient"),
        line=dict(color=palette.SHARED, width=3), marker=dict(size=11, color=palette.SHARED),
        hovertemplate=t("options.chart.hover") + "<extra></extra>"))
    marks = [
        # Drawn largest first and open, so marks on the same package stay visible together.
        (analysis.proposal, t("options.chart.proposal"), PROPOSAL_COLOUR, "diamond-open", 34),
        (analysis.maxmin, t("options.chart.maxmin"), MAXMIN_COLOUR, "square-open", 24),
        (analysis.nash, t("options.chart.nash"), NASH_COLOUR, "star", 16),
    ]
    for package, name, colour, symbol, size in marks:
        if package is not None:
            fig.add_trace(go.Scatter(
                x=[_f(package.client)], y=[_f(package.vendor)], mode="markers", name=name,
                marker=dict(size=size, color=colour, symbol=symbol, line=dict(color=colour, width=3)),
                hovertemplate=name + ": %{x:.1f} / %{y:.1f}<extra></extra>"))
    if analysis.batna_client is not None:
        fig.add_vline(x=_f(analysis.batna_client), line=dict(color=palette.CLIENT, width=3, dash="dash"),
                      annotation_text=t("options.chart.batna_client"), annotation_position="top left",
                      annotation_font=dict(color=palette.CLIENT, size=18))
    if analysis.batna_vendor is not None:
        fig.add_hline(y=_f(analysis.batna_vendor), line=dict(color=palette.VENDOR, width=3, dash="dash"),
                      annotation_text=t("options.chart.batna_vendor"), annotation_position="bottom right",
                      annotation_font=dict(color=palette.VENDOR, size=18))
    fig.update_layout(**projector_layout(
        height=560, legend=dict(orientation="h", y=-0.18, x=0, font=dict(size=18)),
        margin=dict(l=20, r=20, t=30, b=40)))
    fig.update_xaxes(title=dict(text=t("options.chart.x"), font=dict(color=palette.CLIENT, size=20)),
                     range=[-0.3, 10.3], dtick=1, gridcolor="#e6e9ed", zeroline=False, tickfont=dict(size=18))
    fig.update_yaxes(title=dict(text=t("options.chart.y"), font=dict(color=palette.VENDOR, size=20)),
                     range=[-0.3, 10.3], dtick=1, gridcolor="#e6e9ed", zeroline=False, tickfont=dict(size=18))
    return fig


def _dots(centres: list[tuple[float, float]], radius: float, colour: str) -> str:
    """Round dots as one SVG path of zero-length strokes with round caps, which SVG and PDF both paint
    as filled circles. WeasyPrint draws each `<circle>` element through its whole styling and path
    machinery: the demo's 200 grey packages as circles were about 4 % of the agreement's render."""
    moves = " ".join(f"M{cx} {cy}h0" for cx, cy in centres)
    return (f'<path d="{moves}" fill="none" stroke="{colour}" stroke-width="{2 * radius}" '
            f'stroke-linecap="round"/>')


def frontier_svg(analysis, size: int = 300, points: float = 226.77) -> Markup:
    """The same picture for the PDF: inline SVG `size` units square, set at `points` (80 mm), with
    its labels as HTML over it (no browser, nothing fetched)."""
    pad_left, pad_bottom, pad = 44, 40, 10
    plot = size - pad_left - pad
    height = size
    k = points / size

    def x(value: Fraction) -> float:
        return round(pad_left + _f(value) / 10 * plot, 2)

    def y(value: Fraction) -> float:
        return round(pad + (1 - _f(value) / 10) * (size - pad - pad_bottom), 2)

    labels = []
    parts = [f'<div class="chart" style="width: {points}pt; height: {points}pt">'
             f'<svg xmlns="http://www.w3.org/2000/svg" class="frontier" viewBox="0 0 {size} {height}" '
             f'width="{points}pt" height="{points}pt" role="img" aria-label="{escape(t("options.chart.title"))}">']
    for tick in range(0, 11, 2):
        tx, ty = x(Fraction(tick)), y(Fraction(tick))
        parts.append(f'<line x1="{tx}" y1="{y(Fraction(0))}" x2="{tx}" y2="{y(Fraction(10))}" stroke="#e6e9ed" stroke-width="0.6"/>')
        parts.append(f'<line x1="{x(Fraction(0))}" y1="{ty}" x2="{x(Fraction(10))}" y2="{ty}" stroke="#e6e9ed" stroke-width="0.6"/>')
        labels.append(chart_label(str(tick), tx, y(Fraction(0)) + 14, 10, anchor="middle", scale=k, colour=palette.MUTED))
        labels.append(chart_label(str(tick), x(Fraction(0)) - 5, ty + 3.5, 10, anchor="end", scale=k, colour=palette.MUTED))
    labels.append(chart_label(t("options.chart.x"), pad_left + plot / 2, height - 7, 11.5, anchor="middle", scale=k,
                              colour=palette.CLIENT, bold=True))
    labels.append(chart_label(t("options.chart.y"), 14, pad + (size - pad - pad_bottom) / 2, 11.5, anchor="middle",
                              scale=k, colour=palette.VENDOR, bold=True, rotate=True))
    if analysis.batna_client is not None:
        bx = x(analysis.batna_client)
        parts.append(f'<line x1="{bx}" y1="{y(Fraction(0))}" x2="{bx}" y2="{y(Fraction(10))}" stroke="{palette.CLIENT}" stroke-width="1.2" stroke-dasharray="4 3"/>')
    if analysis.batna_vendor is not None:
        by = y(analysis.batna_vendor)
        parts.append(f'<line x1="{x(Fraction(0))}" y1="{by}" x2="{x(Fraction(10))}" y2="{by}" stroke="{palette.VENDOR}" stroke-width="1.2" stroke-dasharray="4 3"/>')
    if analysis.cloud:
        parts.append(_dots([(x(c), y(v)) for c, v in analysis.cloud], 1.6, "#c3c9d0"))
    line = " ".join(f"{x(p.client)},{y(p.vendor)}" for p in analysis.frontier)
    parts.append(f'<polyline points="{line}" fill="none" stroke="{palette.SHARED}" stroke-width="1.6"/>')
    if analysis.frontier:
        parts.append(_dots([(x(p.client), y(p.vendor)) for p in analysis.frontier], 2.6, palette.SHARED))
    if analysis.maxmin is not None:
        m = analysis.maxmin
        parts.append(f'<rect x="{x(m.client) - 4}" y="{y(m.vendor) - 4}" width="8" height="8" fill="none" stroke="{MAXMIN_COLOUR}" stroke-width="1.6"/>')
    if analysis.nash is not None:
        m = analysis.nash
        parts.append(f'<circle cx="{x(m.client)}" cy="{y(m.vendor)}" r="6" fill="none" stroke="{NASH_COLOUR}" stroke-width="1.6"/>')
    if analysis.proposal is not None:
        m = analysis.proposal
        px, py = x(m.client), y(m.vendor)
        parts.append(f'<polygon points="{px},{py - 5} {px + 5},{py} {px},{py + 5} {px - 5},{py}" fill="{PROPOSAL_COLOUR}"/>')
    parts.append("</svg>")
    return Markup("".join(parts)) + Markup("").join(labels) + Markup("</div>")
