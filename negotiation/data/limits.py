"""How much one case may hold: each list's limit, the size of the whole document and how deep it nests.

Each limit is what a real workshop needs with a wide margin (docs/limits.md says why each is enough).
A list that reaches its limit is refused with a sentence naming the list; a stored case that is
already over a limit still opens and lists its problems (`negotiation.data.case.case_problems`).
The bench builds a case at every limit (`negotiation.adapters.bench`) and the import guard reads the
size and depth limits from here.
"""
from __future__ import annotations

from typing import Any

# Text lengths and the years a date may have live with the field types; read here with the other limits.
from negotiation.kernel.base import MAX_LINE_CHARS as MAX_LINE_CHARS
from negotiation.kernel.base import MAX_NAME_CHARS as MAX_NAME_CHARS
from negotiation.kernel.base import MAX_TEXT_CHARS as MAX_TEXT_CHARS
from negotiation.kernel.base import MAX_YEAR as MAX_YEAR
from negotiation.kernel.base import MIN_YEAR as MIN_YEAR

# -- the parties (step 1) -----------------------------------------------------------------
MAX_PEOPLE_PER_SIDE = 100
"""People of one party (operational, management, executive)."""

# -- intake (step 2) ----------------------------------------------------------------------
MAX_COMPLAINTS = 300
"""Complaints of both sides together."""
MAX_WARNING_SIGNS = 8
"""One per kind of warning sign (WarningSignKind has 8)."""
MAX_PATHS = 6
"""One per side and kind of path (2 sides × 3 paths)."""
MAX_BRANCHES = 8
"""Ways one path can end: more than a mediator can weigh with both sides in the room."""
MAX_RECOGNITION_ANSWERS = 12
"""One per side and statement of the recognition check (2 sides × 6 statements)."""

# -- interests (step 3) -------------------------------------------------------------------
MAX_POSITIONS_PER_SIDE = 100
MAX_INTERESTS_PER_SIDE = 100
MAX_LINKS = 500
"""Links between an interest of the client and one of the vendor."""
MAX_PEOPLE_NOTES_PER_SIDE = 100
MAX_TRUST_INCIDENTS = 100

# -- options (step 4) ---------------------------------------------------------------------
MAX_ISSUES = 30
MAX_OPTIONS_PER_ISSUE = 8
MAX_UNPLACED_OPTIONS = 100
"""Ideas not yet placed under an issue."""
MAX_OPTIONS = MAX_ISSUES * MAX_OPTIONS_PER_ISSUE + MAX_UNPLACED_OPTIONS
"""Every option on the board: each issue full and every unplaced idea (340)."""
MAX_SERVES_PER_OPTION = 12
"""Interests one option serves."""
MAX_CRITERIA_PER_OPTION = 8
"""Objective criteria one option rests on."""
MAX_OBJECTIVE_CRITERIA = 200

# -- the decently working system (step 5) -------------------------------------------------
MAX_CRITERIA = 200
"""SMART criteria of the decently working system."""
MAX_COMPLAINTS_PER_CRITERION = 20
"""Complaints one SMART criterion answers."""
MAX_INTERESTS_PER_CRITERION = 20
"""Interests one SMART criterion answers."""

# -- the margin (step 6) ------------------------------------------------------------------
MAX_EFFORT_LINES = 100
MAX_COST_ITEMS = 100
MAX_MARGIN_STANDARDS = 20
MAX_SCENARIOS = 3
"""What-if scenarios: a mediator compares at most three side by side."""

# -- the agreement (step 7) ---------------------------------------------------------------
MAX_COMMITMENTS = 100
MAX_LADDER_LEVELS = 5
"""One per level of the escalation ladder (Level has 5)."""
MAX_CONTACTS_PER_LEVEL = 20
"""People of one side named at one level of the ladder."""
MAX_VERSIONS = 50
"""Finalised versions; each holds a whole record, so MAX_CASE_BYTES usually binds first."""

# -- the caucus ---------------------------------------------------------------------------
MAX_CAUCUS_NOTES_PER_SIDE = 100
MAX_CAUCUS_FIGURES_PER_SIDE = 50

# -- text and dates: the field types of negotiation.kernel.base hold them (imported above) -----
MAX_EMAIL_CHARS = 200
MAX_URL_CHARS = 500

# -- the whole case -----------------------------------------------------------------------
MAX_CASE_BYTES = 8 * 1024 * 1024
"""The case document as canonical JSON (negotiation.kernel.base.canonical_json) in UTF-8, finalised versions
included (`negotiation.data.case.case_bytes`). A case with every list at its limit and realistic text takes
1.1 MB, and each finalised version adds its record (1.0 MB): such a case can be finalised six times. The demo
takes 45 KB."""
MAX_CASE_FILE_BYTES = 4 * MAX_CASE_BYTES
"""The largest case file worth reading: an export (indented JSON, `case_to_json`) of a case at MAX_CASE_BYTES.
Indentation adds 50 % to the demo and 60 % to a full case with two versions; short ids deep inside a
version's record add more. The case read from the file is then held to MAX_CASE_BYTES itself."""
MAX_DEPTH = 32
"""How deep a case document nests (objects and arrays, `depth`): a case nests 6 deep, 10 with a finalised
version's record inside it; a case file has no reason to nest deeper than 32."""


def depth(document: Any, limit: int = MAX_DEPTH) -> int:
    """How many objects and arrays are nested in `document` at its deepest (a plain value: 0).

    Stops counting once past `limit` (returns limit + 1), so a hostile document costs little. Iterative: a
    deeply nested document cannot overflow Python's stack here.
    """
    deepest = 0
    stack: list[tuple[Any, int]] = [(document, 0)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        level += 1
        if level > limit:
            return limit + 1
        deepest = max(deepest, level)
        stack.extend((child, level) for child in children)
    return deepest
