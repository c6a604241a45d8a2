"""The coverage of complaints and interests by criteria, one bar per side and kind."""
from __future__ import annotations

import plotly.graph_objects as go

from negotiation.adapters.charts import projector_layout
from negotiation.data.parties import PartyRole
from negotiation.kernel import palette
from negotiation.kernel.i18n import t
from negotiation.method.smart.criteria import Coverage


def coverage_bars(cover: Coverage) -> go.Figure:
    """Horizontal bars: for each side's complaints and interests, how many have a criterion and how many not."""
    rows = []
    for kind, items in (("complaints", cover.complaints), ("interests", cover.interests)):
        for role in PartyRole:
            mine = [i for i in items if i.side is role]
            if mine:
                label = f"{t('case.role.' + role.value)}: {t('system.coverage.' + kind).lower()}"
                rows.append((label, role, sum(i.covered for i in mine), sum(not i.covered for i in mine)))
    rows.reverse()
    labels = [r[0] for r in rows]
    figure = go.Figure()
    figure.add_bar(y=labels, x=[r[2] for r in rows], orientation="h", name=t("system.coverage.with"),
                   marker_color=[palette.side_colour(r[1]) for r in rows], text=[r[2] for r in rows],
                   textposition="inside", textfont=dict(size=22, color="white"))
    figure.add_bar(y=labels, x=[r[3] for r in rows], orientation="h", name=t("system.coverage.without"),
                   marker_color="#d9dde2", text=[r[3] or "" for r in rows], textposition="inside",
                   textfont=dict(size=22, color=palette.INK))
    figure.update_layout(**projector_layout(
        barmode="stack", title=t("system.coverage.chart_title"), height=140 + 80 * len(rows), showlegend=False,
        margin=dict(l=20, r=20, t=70, b=30), xaxis=dict(dtick=1, title=None), yaxis=dict(title=None, automargin=True)))
    return figure
