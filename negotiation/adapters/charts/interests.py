"""The interest map: both sides' interests by priority, and the links across the table.

Client on the left, vendor on the right, priority 5 at the top in bands aligned across the
sides; each dot carries its priority; lines join linked interests, coloured and dashed by kind
(so the kinds differ without colour too). Labels are wrapped, not shrunk: the chart grows
taller with more interests and stays readable on a projector with 30 interests a side.
Party text goes through `chart_text`: plotly would otherwise read tags in it.
"""
from __future__ import annotations

import plotly.graph_objects as go

from negotiation.adapters.charts import PROJECTOR_FONT, chart_text, projector_layout
from negotiation.data.interests import InterestMap, LinkKind
from negotiation.data.parties import PartyRole
from negotiation.kernel import palette
from negotiation.kernel.i18n import t
from negotiation.method.interests import COMPATIBLE_COLOUR, LINK_KINDS, map_layout, short_label

LINK_STYLE = {
    LinkKind.SHARED: dict(color=palette.SHARED, dash="solid"),
    LinkKind.COMPATIBLE: dict(color=COMPATIBLE_COLOUR, dash="dash"),
    LinkKind.CONFLICTING: dict(color=palette.CONFLICT, dash="dot"),
}
ROW_PX = 64
"""Height of one row: two label lines at the projector font, with air between rows."""
ROW_PX_ROOMY = 88
"""Height of one row in a small map (up to ROOMY_ROWS rows), where labels get a third line."""
ROOMY_ROWS = 12
X = {PartyRole.CLIENT: 0.0, PartyRole.VENDOR: 1.0}
LABEL_WIDTH = 30
"""Characters per label line at 20 px: fits beside the dots from a 1280-wide screen with the sidebar open up."""
X_RANGE = [-2.0, 3.0]
"""Dots at 0 and 1: a fifth of the width for the links, two fifths for each side's labels."""


def interest_map_figure(interest_map: InterestMap, client_name: str, vendor_name: str) -> go.Figure:
    layout = map_layout(interest_map)
    rows = max(layout.rows, 1)
    lines, row_px = (3, ROW_PX_ROOMY) if rows <= ROOMY_ROWS else (2, ROW_PX)
    figure = go.Figure()

    # Alternate shading per priority band, so "same height" reads as "same priority" across the sides.
    for index, band in enumerate(layout.bands):
        if index % 2 == 0:
            figure.add_shape(type="rect", xref="paper", x0=0, x1=1, y0=-band.first_row + 0.5,
                             y1=-(band.first_row + band.rows) + 0.5, fillcolor="#f1f3f5", line_width=0, layer="below")

    for kind in LINK_KINDS:
        xs, ys, mid_x, mid_y, hover = [], [], [], [], []
        for link in interest_map.links:
            if link.kind is not kind:
                continue
            a, b = layout.nodes[link.first_id], layout.nodes[link.second_id]
            client, vendor = (a, b) if a.interest.side is PartyRole.CLIENT else (b, a)
            xs += [X[PartyRole.CLIENT], X[PartyRole.VENDOR], None]
            ys += [-client.row, -vendor.row, None]
            mid_x.append(0.5)
            mid_y.append(-(client.row + vendor.row) / 2)
            hover.append(t("interests.map.hover_link", kind=t(f"interests.link.{kind.value}"),
                           note=chart_text(link.note) or "—"))
        figure.add_trace(go.Scatter(
            x=xs or [None], y=ys or [None], mode="lines", name=t(f"interests.link_legend.{kind.value}"),
            line=dict(width=4, **LINK_STYLE[kind]), opacity=0.85, hoverinfo="skip", legendgroup=kind.value))
        figure.add_trace(go.Scatter(
            x=mid_x, y=mid_y, mode="markers", marker=dict(size=14, opacity=0), hovertext=hover,
            hoverinfo="text", showlegend=False, legendgroup=kind.value))

    for side in (PartyRole.CLIENT, PartyRole.VENDOR):
        nodes = [n for n in layout.nodes.values() if n.interest.side is side]
        colour = palette.side_colour(side)
        x = X[side]
        figure.add_trace(go.Scatter(
            x=[x] * len(nodes), y=[-n.row for n in nodes], mode="markers+text",
            marker=dict(size=40, color=colour, line=dict(color="white", width=2)),
            text=[str(n.interest.priority) for n in nodes], textposition="middle center",
            textfont=dict(color="white", size=20, family=PROJECTOR_FONT["family"]),
            hovertext=[f"<b>{chart_text(n.interest.statement)}</b><br>" + t(
                "interests.map.hover_interest", side=t(f"case.role.{side.value}"), priority=n.interest.priority,
                kind=t(f"interests.kind_short.{n.interest.kind.value}")) for n in nodes],
            hoverinfo="text", showlegend=False, cliponaxis=False))
        # The labels ride on invisible markers as big as the dots: plotly then keeps the text clear of
        # the dot by the marker's radius in pixels, whatever the width of the screen.
        figure.add_trace(go.Scatter(
            x=[x] * len(nodes), y=[-n.row for n in nodes], mode="markers+text",
            marker=dict(size=48, opacity=0),
            text=["<br>".join(chart_text(line)
                              for line in short_label(n.interest.statement, LABEL_WIDTH, lines)) for n in nodes],
            textposition="middle left" if side is PartyRole.CLIENT else "middle right",
            textfont=dict(color=palette.INK, size=20), hoverinfo="skip", showlegend=False, cliponaxis=False))

    for side, name in ((PartyRole.CLIENT, client_name), (PartyRole.VENDOR, vendor_name)):
        # The side in large type, the organisation under it, cut short so it never runs off a narrow screen.
        head = (f"<b>{t(f'case.role.{side.value}')}</b><br>"
                f"<span style='font-size:18px'>{chart_text(short_label(name, LABEL_WIDTH + 6, 1)[0])}</span>")
        figure.add_annotation(x=X[side], y=0.55, yref="y", text=head, showarrow=False,
                              xanchor="right" if side is PartyRole.CLIENT else "left", yanchor="bottom",
                              align="right" if side is PartyRole.CLIENT else "left",
                              font=dict(size=24, color=palette.side_colour(side)))

    figure.update_layout(**projector_layout(
        height=80 + (rows + 1.35) * row_px,  # margins + the y range below, so a row really gets row_px
        margin=dict(l=10, r=10, t=70, b=10),
        legend=dict(orientation="h", x=0, xanchor="left", y=1, yref="paper", yanchor="bottom", font=dict(size=20)),
        hovermode="closest",
    ))
    figure.update_xaxes(visible=False, range=X_RANGE, fixedrange=True)
    # The y range spans the rows plus 1.35 rows for the side heads (the height above allows for it).
    figure.update_yaxes(visible=False, range=[-rows + 0.4, 1.75], fixedrange=True)
    return figure
