"""What changed between two versions of a document, as a list of (path, before, after)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_MISSING = object()


@dataclass(frozen=True)
class Change:
    path: str
    before: Any
    after: Any


def _keyed(items: list[Any]) -> dict[str, Any] | None:
    """Lists of entities (dicts with an "id") are compared by id, so a deletion is one change."""
    if items and all(isinstance(i, dict) and "id" in i for i in items):
        return {str(i["id"]): i for i in items}
    return None


def diff(before: Any, after: Any, path: str = "") -> list[Change]:
    if isinstance(before, dict) and isinstance(after, dict):
        out: list[Change] = []
        for key in list(before) + [k for k in after if k not in before]:
            sub = f"{path}.{key}" if path else str(key)
            out += diff(before.get(key, _MISSING), after.get(key, _MISSING), sub)
        return out
    if isinstance(before, list) and isinstance(after, list):
        kb, ka = _keyed(before), _keyed(after)
        if (kb is not None or not before) and (ka is not None or not after):
            kb, ka = kb or {}, ka or {}
            out = []
            for key in list(kb) + [k for k in ka if k not in kb]:
                out += diff(kb.get(key, _MISSING), ka.get(key, _MISSING), f"{path}[{key}]")
            return out
        if len(before) == len(after):
            out = []
            for index, (b, a) in enumerate(zip(before, after)):
                out += diff(b, a, f"{path}[{index}]")
            return out
    if before == after:
        return []
    return [Change(path, None if before is _MISSING else before, None if after is _MISSING else after)]
