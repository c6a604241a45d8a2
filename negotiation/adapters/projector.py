"""What the projector shows for a step: that step's section of the agreement, in large type.

The agreement document is the shared content by construction (the confidential caucus is
excluded from it), and every step already draws its section there; the projector shows the
section of the step the mediator is on, so it needs no copy of any step's screen code.
"""
from __future__ import annotations

import re

from negotiation.adapters.report import render_html
from negotiation.data.case import Case
from negotiation.method.caucus import redacted

PROJECTOR_CSS = """
html { background: #fff; }
body { max-width: none; margin: 0; padding: 0 1.5vw; zoom: 1.9; overflow-wrap: anywhere; }
section.cover, section.step { box-shadow: none; padding: 0 !important; margin: 0; background: none; }
section.cover .fingerprint-note { display: none; }
"""
"""The print sheet's look, enlarged for a room (10.5 pt text becomes about 27 px)."""

_SECTION_TAG = re.compile(r"<(/?)section\b[^>]*>", re.IGNORECASE)


def section_of(document: str, step: str) -> str | None:
    """The `<section>` of the agreement HTML for `step` (the cover for "home"), nested sections included."""
    opening = re.compile(r'<section\b[^>]*class="cover"[^>]*>' if step == "home"
                         else rf'<section\b[^>]*id="{re.escape(step)}"[^>]*>')
    found = opening.search(document)
    if found is None:
        return None
    depth = 0
    for tag in _SECTION_TAG.finditer(document, found.start()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return document[found.start():tag.end()]
    return None


def projector_html(case: Case, step: str) -> str | None:
    """A whole HTML page with the shared content of `step`, or None when the agreement has no section for it."""
    shared = case.model_copy(update={"caucus": redacted(case.caucus)})
    document = render_html(shared, for_screen=True)
    section = section_of(document, step)
    if section is None:
        return None
    head_end = document.index("</head>")
    head = document[:head_end] + f"<style>{PROJECTOR_CSS}</style></head>"
    return f'{head}<body class="projector">{section}</body></html>'
