"""Plotly figure builders, one module per step: pure functions, model in, figure out.

Shared-screen first: large labels (at least 18 px), the client's and vendor's colours from
negotiation.palette, plain words on axes. The PDF draws its charts as inline SVG with the labels
laid over them as HTML (`chart_label`).
"""
from __future__ import annotations

import html

from markupsafe import Markup, escape

PROJECTOR_FONT = dict(family="sans-serif", size=20)
"""Base font for every chart: readable from the back of a room."""


def chart_text(text: str) -> str:
    """Text people typed, for a plotly label, legend or hover text: plotly reads `<b>`, `<br>` and `<a href>` there."""
    return html.escape(text, quote=False)


def projector_layout(**overrides) -> dict:
    """Layout defaults every chart starts from."""
    layout = dict(font=PROJECTOR_FONT, margin=dict(l=20, r=20, t=60, b=40), plot_bgcolor="white",
                  paper_bgcolor="white", hoverlabel=dict(font_size=18))
    layout.update(overrides)
    return layout


# -- labels of the PDF's SVG drawings -----------------------------------------------------------------

LABEL_BOX = 300.0
"""Points of width a centred or right-aligned label takes unless given one: wider than any label of the
charts' own words and figures. A label holding a party's text gets its `width` from the drawing."""

SANS_ASCENT = 0.75
"""Ascent of the report's sans face (Carlito, hhea table) as a share of the font size: where the baseline sits."""


def chart_label(text: str | list[str], x: float, y: float, size: float, *, anchor: str = "start",
                scale: float = 1.0, colour: str = "", bold: bool = False, line_height: float | None = None,
                spacing: float = 0.0, rotate: bool = False, width: float | None = None) -> Markup:
    """A chart's text as an HTML span over its SVG drawing, placed where SVG `<text>` would put it.

    WeasyPrint lays out and draws SVG text one glyph at a time, without kerning: the labels of the
    demo's three charts cost about 8 % of the agreement's render that way (instructions counted
    with callgrind). As HTML they are set like the rest of the page, in one run per line.

    `x`, `y` (the first line's baseline), `size`, `line_height` and `spacing` are in the drawing's
    units; `scale` is points per unit. `anchor` is SVG's text-anchor: start, middle or end. A list
    of lines is set one under the other. `rotate` turns the label a quarter left about its anchor.
    `width` (drawing units) bounds a label of unknown length, a party's name say: text that does
    not fit ends in "…" instead of running over the rest of the drawing.
    """
    font, leading = size * scale, (line_height or size) * scale
    box = LABEL_BOX if width is None else width * scale
    left, top = x * scale, y * scale - ((leading - font) / 2 + SANS_ASCENT * font)
    if anchor == "end":
        left -= box
    elif anchor == "middle":
        left -= box / 2
    style = [f"left:{left:.2f}pt", f"top:{top:.2f}pt", f"font-size:{font:.2f}pt", f"line-height:{leading:.2f}pt"]
    if anchor != "start" or width is not None:
        style.append(f"width:{box:.2f}pt")
    if width is not None:
        style.append("overflow:hidden;text-overflow:ellipsis")
    if colour:
        style.append(f"color:{colour}")
    if bold:
        style.append("font-weight:bold")
    if spacing:
        style.append(f"letter-spacing:{spacing * scale:.2f}pt")
    if rotate:
        origin = box / 2 if anchor == "middle" else (box if anchor == "end" else 0)
        style.append(f"transform:rotate(-90deg);transform-origin:{origin:.2f}pt {y * scale - top:.2f}pt")
    lines = [text] if isinstance(text, str) else text
    body = Markup("<br>").join(escape(line) for line in lines)
    return Markup('<span class="chart-label {}" style="{}">{}</span>').format(anchor, ";".join(style), body)
