"""Reading a rendered agreement as text, the way the section tests need it."""
from __future__ import annotations

import re


def body(text: str) -> str:
    """The text after the contents page and the directors' summary: where the numbered sections start.

    The contents list and the summary repeat section titles; section tests must find the sections themselves.
    """
    contents_end = re.search(r"Signatures\s*\.{3,}[\s.]*\d+", text)
    after_contents = text[contents_end.end():] if contents_end else text
    first_section = after_contents.find("1. The parties and the contract")
    return after_contents[first_section:] if first_section >= 0 else after_contents
