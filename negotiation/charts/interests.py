"""The interest map: both sides' interests by priority, and the links across the table.

Client on the left, vendor on the right, priority 5 at the top in bands aligned across the
sides; each dot carries its priority; lines join linked interests, coloured and dashed by kind
(so the kinds differ without colour too). Labels are wrapped, not shrunk: the chart grows
taller with more interests and stays readable on a projector with 30 interests a side.
"""
from __future__ import annotations

import plotly.graph_objects as go

from negotiation import palette
from negotiation.charts import PROJECTOR_FONT, projector_layout
from negotiation.i18n import t
from negotiation.interests import COMPATIBLE_COLOUR, LINK_KINDS, InterestMap, LinkKind, map_layout, short_label
from negotiation.parties import PartyRole

LINK_STYLE = {
    LinkKind.SHARED: dict(color=palette.SHARED, dash="solid"),
    LinkKind.COMPATIBLE: dict(color=COMPATIBLE_COLOUR, dash="dash"),
    LinkKind.CONFLICTING: dict(color=palette.CONFLICT, dash="dot"),
}
ROW_PX = 64
"""Height of one row: two label lines at the projector font, with air between rows."""
X = {PartyRole.CLIENT: 0.0, PartyRole.VENDOR: 1.0}
LABEL_GAP = 0.07
LABEL_WIDTH = 34
"""Characters per label line: fits the space beside the dots on a 1920-wide screen with the sidebar open."""


def interest_map_figure(interest_map: InterestMap, client_name: str, vendor_name: str) -> go.Figure:
    layout = map_layout(interest_map)
    rows = max(layout.rows, 1)
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
                           note=link.note or "—"))
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
            hovertext=[f"<b>{n.interest.statement}</b><br>" + t(
                "interests.map.hover_interest", side=t(f"case.role.{side.value}"), priority=n.interest.priority,
                kind=t(f"interests.kind_short.{n.interest.kind.value}")) for n in nodes],
            hoverinfo="text", showlegend=False, cliponaxis=False))
        label_x = x - LABEL_GAP if side is PartyRole.CLIENT else x + LABEL_GAP
        figure.add_trace(go.Scatter(
            x=[label_x] * len(nodes), y=[-n.row for n in nodes], mode="text",
            text=["<br>".join(short_label(n.interest.statement, LABEL_WIDTH, 2)) for n in nodes],
            textposition="middle left" if side is PartyRole.CLIENT else "middle right",
            textfont=dict(color=palette.INK, size=20), hoverinfo="skip", showlegend=False, cliponaxis=False))

    heads = [(PartyRole.CLIENT, t("interests.map.client_head", name=client_name)),
             (PartyRole.VENDOR, t("interests.map.vendor_head", name=vendor_name))]
    for side, text in heads:
        figure.add_annotation(x=X[side], y=0.6, yref="y", text=f"<b>{text}</b>", showarrow=False,
                              xanchor="right" if side is PartyRole.CLIENT else "left", yanchor="bottom",
                              font=dict(size=24, color=palette.side_colour(side)))

    figure.update_layout(**projector_layout(
        title=dict(text=t("interests.map.title"), font=dict(size=22), x=0, xanchor="left"),
        height=200 + rows * ROW_PX,
        margin=dict(l=20, r=20, t=120, b=20),
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom", yref="container", font=dict(size=20),
                    bgcolor="rgba(255,255,255,0.9)"),
        hovermode="closest",
    ))
    figure.update_layout(legend=dict(y=1, yref="paper", yanchor="bottom", x=0, xanchor="left"))
    figure.update_xaxes(visible=False, range=[-1.25, 2.25], fixedrange=True)
    figure.update_yaxes(visible=False, range=[-rows + 0.4, 1.3], fixedrange=True)
    return figure
