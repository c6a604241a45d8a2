"""Reading JSON from outside (an imported case, a backup) within bounds, refusing what cannot be read safely.

`load_bounded` refuses, each with a sentence (`ImportRejected`): a payload over its size (checked
before anything is decoded), text that is not UTF-8, text that is not JSON, nesting deeper than its
depth, a key named twice in one object, and NaN or Infinity (which JSON does not have, but Python's
reader would accept). The depth is found by a scan over the text that keeps no stack, before the
text is parsed: `json.loads` recurses once per level, so a file of 100,000 `[` would otherwise end
in a RecursionError.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from negotiation.kernel.errors import ImportRejected


@dataclass(frozen=True)
class Refusals:
    """The message key for each refusal: a case file and a backup say "Nothing was imported/restored"."""

    too_large: str
    not_utf8: str
    not_json: str
    too_deep: str
    duplicate_key: str
    not_a_number: str


CASE_FILE = Refusals(
    too_large="import.error.too_large",
    not_utf8="import.error.not_utf8",
    not_json="import.error.not_json",
    too_deep="import.error.too_deep",
    duplicate_key="import.error.duplicate_key",
    not_a_number="import.error.not_a_number",
)
BACKUP_FILE = Refusals(
    too_large="backup.error.too_large",
    not_utf8="backup.error.not_utf8",
    not_json="backup.error.not_json",
    too_deep="backup.error.too_deep",
    duplicate_key="backup.error.duplicate_key",
    not_a_number="backup.error.not_a_number",
)

# A JSON string, escapes included (unrolled so that the regular expression engine never backtracks).
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_UNSHOWN = re.compile(r"[^\w .-]")


def _shown(key: str) -> str:
    """A key as a sentence may quote it: at most 40 characters, nothing but letters, digits, spaces and . _ -"""
    return _UNSHOWN.sub("?", key[:40]) + ("…" if len(key) > 40 else "")


def megabytes(limit: int) -> str:
    """A byte limit as the sentences print it, in MiB: "16", "0.5"."""
    return f"{max(limit / (1024 * 1024), 0.01):.2f}".rstrip("0").rstrip(".")


def nesting_depth(text: str) -> int:
    """How deeply the objects and arrays of a JSON text nest (a plain value: 0), without parsing it.

    Strings are skipped first, so a bracket inside one does not count; a bracket that closes more
    than was opened is left for the parser to refuse. Linear in the text, and no recursion.
    """
    brackets = _NOT_A_BRACKET.sub("", _STRING.sub("", text))
    if not brackets:
        return 0
    return max(0, max(accumulate(map(_STEP.__getitem__, brackets))))


def _text_of(payload: bytes | str, max_bytes: int, refusals: Refusals) -> str:
    too_large = ImportRejected(refusals.too_large, limit=megabytes(max_bytes))
    if isinstance(payload, str):
        if len(payload) > max_bytes:  # at least one byte a character: too large before encoding anything
            raise too_large
        try:
            size = len(payload.encode("utf-8"))
        except UnicodeEncodeError as exc:  # a lone surrogate
            raise ImportRejected(refusals.not_utf8) from exc
        if size > max_bytes:
            raise too_large
        return payload
    if len(payload) > max_bytes:
        raise too_large
    try:
        return bytes(payload).decode("utf-8-sig")  # a byte-order mark, as some editors write one, is no harm
    except UnicodeDecodeError as exc:
        raise ImportRejected(refusals.not_utf8) from exc


def load_bounded(payload: bytes | str, *, max_bytes: int, max_depth: int, refusals: Refusals = CASE_FILE) -> Any:
    """The JSON value of `payload`, or ImportRejected with the sentence that says why it is refused.

    `max_bytes` bounds the UTF-8 size, `max_depth` how many objects and arrays may nest (the outer
    object is depth 1).
    """
    text = _text_of(payload, max_bytes, refusals)
    if nesting_depth(text) > max_depth:
        raise ImportRejected(refusals.too_deep, limit=max_depth)

    def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        document = dict(pairs)
        if len(document) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    raise ImportRejected(refusals.duplicate_key, key=_shown(key))
                seen.add(key)
        return document

    def constant(name: str) -> Any:
        raise ImportRejected(refusals.not_a_number, value=name)

    def finite(literal: str) -> float:
        value = float(literal)
        if not math.isfinite(value):  # 1e999 reads as infinity
            raise ImportRejected(refusals.not_a_number, value=literal[:40])
        return value

    try:
        return json.loads(text, object_pairs_hook=unique_keys, parse_constant=constant, parse_float=finite)
    except ValueError as exc:  # json.JSONDecodeError, or an integer of more digits than Python converts
        raise ImportRejected(refusals.not_json) from exc
    except RecursionError as exc:  # only when max_depth is set above what the parser's recursion allows
        raise ImportRejected(refusals.too_deep, limit=max_depth) from exc
