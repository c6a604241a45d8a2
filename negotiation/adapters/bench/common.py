"""What every measurement of the bench is made of: a row of the printed table, and a timer."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
"""The repository: the bench runs its child processes (page reruns, peak memory) from there."""


@dataclass(frozen=True)
class Row:
    what: str
    value: float
    unit: str
    target: str = ""
    ok: bool | None = None


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times
