"""The change log in words, what the shared screen may see of it, and restoring a step's earlier state.

A change is stored as (path, before, after) on the case document. Here it becomes a sentence:
"Contract › reference: “NH-MGS-2025-014” → “NEW-REF”". Changes to confidential parts
(`CONFIDENTIAL_FIELDS`) never reach the shared screen, not even as a path.
"""
from __future__ import annotations

import re
from typing import Any

from negotiation.data.case import CONFIDENTIAL_FIELDS, STEPS, Case
from negotiation.kernel.base import STORED_CONTEXT
from negotiation.kernel.changes import Change
from negotiation.kernel.i18n import MissingMessage, t

RESTORABLE_STEPS = (*STEPS, "caucus")
"""Steps whose state can be restored: the workflow steps and the private caucus."""

_CASE_FIELDS_NOT_A_STEP = {"id", "schema_version"}
_LABEL_KEYS = ("name", "title", "statement", "text", "label", "reference")
_SEGMENT = re.compile(r"([^.\[\]]+)|\[([^\]]+)\]")
MAX_VALUE_CHARS = 90


def fields_of_step(step: str) -> list[str]:
    """The top-level Case fields a step owns ("case" owns the parties, contract, title and the like)."""
    if step == "caucus":
        return ["caucus"]
    if step != "case":
        return [step]
    others = set(STEPS[1:]) | set(CONFIDENTIAL_FIELDS) | _CASE_FIELDS_NOT_A_STEP
    return [name for name in Case.model_fields if name not in others]


def step_of_path(path: str) -> str:
    head = re.split(r"[.\[]", path, maxsplit=1)[0]
    for step in RESTORABLE_STEPS:
        if head in fields_of_step(step):
            return step
    return "case"


def is_confidential(change: Change) -> bool:
    head = re.split(r"[.\[]", change.path, maxsplit=1)[0]
    return head in CONFIDENTIAL_FIELDS


def shared_changes(changes: list[Change]) -> list[Change]:
    """The changes the shared screen may show: none that touches a confidential part."""
    return [c for c in changes if not is_confidential(c)]


_NOISE = {"id", "schema_version"}


def readable_changes(changes: list[Change]) -> list[Change]:
    """Leave out the bookkeeping a person does not need to read (the case's id and format version)."""
    return [c for c in changes if c.path not in _NOISE]


def _words(name: str) -> str:
    try:
        return t(f"history.field.{name}")
    except MissingMessage:
        return name.replace("_", " ")


def path_in_words(path: str) -> str:
    parts = []
    for field, key in _SEGMENT.findall(path):
        if field:
            parts.append(_words(field))
        elif not key.isdigit():
            continue  # an entity's id says nothing to a person; its label appears in the value
        else:
            parts.append(t("history.item", number=int(key) + 1))
    return " › ".join(parts) if parts else t("history.whole_case")


def value_in_words(value: Any) -> str:
    if value is None or value == "" or value == []:
        return t("history.empty")
    if isinstance(value, bool):
        return t("history.yes") if value else t("history.no")
    if isinstance(value, dict):
        for key in _LABEL_KEYS:
            if isinstance(value.get(key), str) and value[key]:
                return _quoted(value[key])
        return t("history.an_entry")
    if isinstance(value, list):
        return t("history.entries", count=len(value))
    return _quoted(str(value))


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > MAX_VALUE_CHARS:
        text = text[: MAX_VALUE_CHARS - 1].rstrip() + "…"
    return f"“{text}”"


def change_in_words(change: Change) -> str:
    where = path_in_words(change.path)
    if change.before is None and change.after is not None and isinstance(change.after, dict):
        return t("history.added", where=where, value=value_in_words(change.after))
    if change.after is None and change.before is not None and isinstance(change.before, dict):
        return t("history.removed", where=where, value=value_in_words(change.before))
    return t("history.changed", where=where, before=value_in_words(change.before), after=value_in_words(change.after))


def restore_step(current: Case, earlier: dict[str, Any], step: str) -> Case:
    """`current` with `step`'s part as it was in the earlier document; everything else untouched.

    The result is validated as a whole case (a restore that would break a cross-step rule raises).
    """
    if step not in RESTORABLE_STEPS:
        raise ValueError(f"unknown step {step!r}")
    document = current.model_dump(mode="json")
    for name in fields_of_step(step):
        if name in earlier:
            document[name] = earlier[name]
        else:
            document.pop(name, None)  # a field the earlier document did not have: back to its default
    # Read as stored: the save (checked_edit) refuses only what the restore brings that breaks a newer rule.
    return Case.model_validate(document, context=STORED_CONTEXT)
