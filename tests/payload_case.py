"""The demo case with hostile text in every free-text field: markdown, raw HTML and Streamlit's own markup.

Each field gets `payload(tag, base)`: a numbered tag (so a test can say which field leaked), then an image,
a link, raw HTML, a colour directive, LaTeX, emphasis and an icon, all pointing at `base` (a listener the
browser test runs on 127.0.0.1). Ids, e-mail addresses, enums, dates and amounts stay as they are, so the
case still validates. One criterion's source address is the one that passes the address check and still
breaks out of a markdown link; two long texts end in a 3,000-letter word.
"""
from __future__ import annotations

import datetime as dt
import enum
import re

from pydantic import BaseModel

from negotiation.adapters.demo import DEMO_ID, demo_case
from negotiation.adapters.store import CaseStore
from negotiation.data.case import Case
from negotiation.method.agreement import finalise

MARKUP = ("![x]({base}/img-{tag}.png) [link]({base}/a-{tag}) <img src={base}/h-{tag}.png> <b>bold</b> "
          ":red[red] $x^2$ **star** :material/home:")
"""The hostile part, after the tag: every piece of it must reach the screen as these very characters."""
FRAGMENTS = ("![x](", "[link](", "<img src=", "<b>bold</b>", ":red[red]", "$x^2$", "**star**", ":material/home:")
"""Pieces of MARKUP that markup would turn into something else: none may reach markdown as they are."""
TAG = re.compile(r"\b(F\d{1,4})\b")
LONG_WORD = "W" * 3000
"""One unbroken word: the page must wrap it, not grow sideways."""
WORD_JOINER = "\u2060"
"""ui.common.plain puts it where Streamlit would rewrite text after reading the markdown; nobody sees it."""
_JOINED = re.compile(f"(?:(?<=[:@<>~-])|(?<=www)){WORD_JOINER}")
"""The word joiners plain puts in (other text may hold its own, as a minus sign does before an amount)."""
SKIPPED = {"id", "email", "url", "currency", "basis_ref"}
"""Fields that hold references or checked formats, not free text."""


def read_back(markdown: str) -> str:
    """What a browser shows for markdown written by ui.common.plain: the text without its backslashes and word
    joiners, each line break a line break."""
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", _JOINED.sub("", markdown))
    lines = text.split("  \n")
    return "\n".join("" if line == "\u00a0" else line.replace("\u00a0", " ") for line in lines)


def payload(tag: str, base: str) -> str:
    return f"{tag} " + MARKUP.format(base=base, tag=tag)


def breakout_url(base: str) -> str:
    """Passes `^https?://\\S+$`, and as a markdown link target it would close the link and open an image."""
    return f"{base}/a)![X]({base}/b.png"


def _free_text(model: type[BaseModel], name: str) -> bool:
    if name in SKIPPED or name.endswith(("_id", "_ids")):
        return False
    metadata = model.model_fields[name].metadata
    patterned = any(getattr(m, "pattern", None) for m in metadata)
    checked = any(type(m).__name__ == "TextRule" for m in metadata) or any(
        getattr(m, "max_length", None) for m in metadata)
    return checked and not patterned


def _limit(model: type[BaseModel], name: str) -> int:
    lengths = [m.max_length for m in model.model_fields[name].metadata if getattr(m, "max_length", None)]
    return min(lengths) if lengths else 4000


def payload_case(base: str = "http://127.0.0.1:9") -> tuple[Case, dict[str, str]]:
    """The demo case with a payload in every free-text field, and which field each tag went to."""
    case = demo_case()
    fields: dict[str, str] = {}

    def fill(obj: object, path: str) -> None:
        if isinstance(obj, BaseModel):
            model = type(obj)
            for name in model.model_fields:
                value = getattr(obj, name)
                here = f"{path}.{name}"
                if isinstance(value, str) and not isinstance(value, enum.Enum):
                    if _free_text(model, name):
                        tag = f"F{len(fields) + 1}"
                        fields[tag] = here
                        setattr(obj, name, payload(tag, base)[:_limit(model, name)])
                else:
                    fill(value, here)
        elif isinstance(obj, list):
            for index, item in enumerate(obj):
                fill(item, f"{path}[{index}]")

    fill(case, "case")
    case.intake.complaints[0].statement += " " + LONG_WORD
    case.options.options[0].statement += " " + LONG_WORD
    case.options.criteria[0].url = breakout_url(base)
    return Case.model_validate(case.model_dump()), fields


def store_hostile_case(store: CaseStore, base: str) -> Case:
    """The demo finalised as version 1, then the payload in every field (the history and a comparison of
    versions quote it), one note and one figure of each side released (the shared screen shows them)."""
    store.add(demo_case(), summary="demo")
    first = finalise(store.get(DEMO_ID).case, dt.datetime(2026, 3, 1, 12, tzinfo=dt.timezone.utc))
    store.save(first, expected_revision=1, step="agreement", summary="version 1 finalised")
    case, _ = payload_case(base)
    for side in (case.caucus.client, case.caucus.vendor):
        side.notes[0].released = True
        if side.figures:
            side.figures[0].released = True
    case.agreement.versions = store.get(DEMO_ID).case.agreement.versions
    store.save(case, expected_revision=2, step="case", summary="every field rewritten")
    return store.get(DEMO_ID).case
