"""A word longer than a line (4,000 characters unbroken) wraps inside the page of the PDF instead of running off it."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from negotiation.adapters.report import render_pdf
from negotiation.data.case import Case

A4_WIDTH = 595.276
RIGHT_MARGIN = 22 * 72 / 25.4
"""print.css: @page margin 22 mm left and right; the headers and footers keep to the same edges."""
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


def words(pdf: bytes, tmp_path) -> list[tuple[int, float, float, str]]:
    """Every word poppler finds in `pdf`: (page, left, right, text), in points from the left edge."""
    assert shutil.which("pdftotext"), "pdftotext is missing: run `make test`, which installs poppler-utils"
    path = tmp_path / "agreement.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    found, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        match = _WORD.search(line)
        if match:
            found.append((page, float(match.group(1)), float(match.group(2)), match.group(3)))
    return found


def past_the_right_margin(found: list[tuple[int, float, float, str]]) -> list[tuple[int, float, str]]:
    return [(page, right, text[:20]) for page, _, right, text in found if right > A4_WIDTH - RIGHT_MARGIN + 1]


@pytest.fixture(scope="module")
def long_words_case() -> Case:
    from negotiation.adapters.demo import demo_case

    document = demo_case().model_dump(mode="json")
    document["intake"]["complaints"][0]["statement"] = "A" * 4000
    document["intake"]["complaints"][1]["evidence"] = "E" * 4000
    document["interests"]["interests"][0]["statement"] = "I" * 4000
    document["options"]["options"][0]["statement"] = "O" * 4000
    document["system"]["criteria"][0]["statement"] = "C" * 4000
    document["agreement"]["commitments"][0]["what"] = "W" * 4000
    document["client"]["people"][0]["title"] = "P" * 4000
    document["title"] = "X" * 200
    document["client"]["name"] = "N" * 200
    return Case.model_validate(document)


def test_a_4000_character_word_wraps_inside_the_page(long_words_case, tmp_path):
    found = words(render_pdf(long_words_case), tmp_path)
    assert past_the_right_margin(found) == []
    # Wrapped, not cut: every character of the complaint is on a page (the criteria it answers quote it again).
    assert sum(text.count("A") for *_, text in found if set(text) == {"A"}) >= 4000


def test_nothing_of_the_demo_reaches_past_the_right_margin(demo, tmp_path):
    assert past_the_right_margin(words(render_pdf(demo), tmp_path)) == []
