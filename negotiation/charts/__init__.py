"""Plotly figure builders, one module per step: pure functions, model in, figure out.

Shared-screen first: large labels (at least 18 px), the client's and vendor's colours from
negotiation.palette, plain words on axes.
"""
from __future__ import annotations

PROJECTOR_FONT = dict(family="sans-serif", size=20)
"""Base font for every chart: readable from the back of a room."""


def projector_layout(**overrides) -> dict:
    """Layout defaults every chart starts from."""
    layout = dict(font=PROJECTOR_FONT, margin=dict(l=20, r=20, t=60, b=40), plot_bgcolor="white",
                  paper_bgcolor="white", hoverlabel=dict(font_size=18))
    layout.update(overrides)
    return layout
