"""Persistence: every case in one SQLite file, every accepted change saved at once and logged.

A repository with `add`, `get`, `list`, `save`; a connection per unit of work, committed
explicitly and rolled back on any error, so a failed or interrupted save leaves the last
committed state. Each save names the revision it was based on; a save based on a stale
revision is refused (`StaleCase`) instead of silently overwriting another window's change.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from negotiation.agreement import guard_versions
from negotiation.changes import Change, diff
from negotiation.errors import CaseNotFound, StaleCase
from negotiation.model import Case, case_from_document

DEFAULT_DB = Path("data") / "yesable.db"
DB_ENV = "YESABLE_DB"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS cases (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    revision INTEGER NOT NULL,
    document TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS change_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL REFERENCES cases(id),
    revision INTEGER NOT NULL,
    at TEXT NOT NULL,
    step TEXT NOT NULL,
    summary TEXT NOT NULL,
    changes TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS change_log_case ON change_log(case_id, seq);
"""


def default_path() -> Path:
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


@dataclass(frozen=True)
class StoredCase:
    case: Case
    revision: int
    archived: bool
    updated_at: dt.datetime


@dataclass(frozen=True)
class CaseSummary:
    id: str
    title: str
    archived: bool
    revision: int
    updated_at: dt.datetime


@dataclass(frozen=True)
class ChangeLogEntry:
    seq: int
    case_id: str
    revision: int
    at: dt.datetime
    step: str
    summary: str
    changes: list[Change]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


class CaseStore:
    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=10)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(_SCHEMA)  # executescript commits on its own
        finally:
            conn.close()

    @contextmanager
    def _unit_of_work(self, write: bool = True) -> Iterator[sqlite3.Connection]:
        # A fresh connection each time: sqlite3 connections must not cross Streamlit's threads.
        conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()

    # -- reading ---------------------------------------------------------------------------

    def get(self, case_id: str) -> StoredCase:
        with self._unit_of_work(write=False) as conn:
            row = conn.execute(
                "SELECT document, revision, archived, updated_at FROM cases WHERE id = ?", (case_id,)
            ).fetchone()
        if row is None:
            raise CaseNotFound("store.error.not_found", case_id=case_id)
        return StoredCase(
            case=case_from_document(json.loads(row[0])),
            revision=row[1],
            archived=bool(row[2]),
            updated_at=dt.datetime.fromisoformat(row[3]),
        )

    def list(self, include_archived: bool = False) -> list[CaseSummary]:
        query = "SELECT id, title, archived, revision, updated_at FROM cases"
        if not include_archived:
            query += " WHERE archived = 0"
        query += " ORDER BY updated_at DESC, title"
        with self._unit_of_work(write=False) as conn:
            rows = conn.execute(query).fetchall()
        return [CaseSummary(r[0], r[1], bool(r[2]), r[3], dt.datetime.fromisoformat(r[4])) for r in rows]

    def exists(self, case_id: str) -> bool:
        with self._unit_of_work(write=False) as conn:
            return conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is not None

    def history(self, case_id: str) -> list[ChangeLogEntry]:
        with self._unit_of_work(write=False) as conn:
            rows = conn.execute(
                "SELECT seq, case_id, revision, at, step, summary, changes FROM change_log"
                " WHERE case_id = ? ORDER BY seq DESC",
                (case_id,),
            ).fetchall()
        return [
            ChangeLogEntry(
                seq=r[0], case_id=r[1], revision=r[2], at=dt.datetime.fromisoformat(r[3]), step=r[4],
                summary=r[5], changes=[Change(**c) for c in json.loads(r[6])],
            )
            for r in rows
        ]

    # -- writing ---------------------------------------------------------------------------

    def add(self, case: Case, *, summary: str = "case created") -> int:
        """Store a new case; its first revision is 1."""
        document = Case.model_validate(case.model_dump()).model_dump(mode="json")
        now = _now().isoformat()
        with self._unit_of_work() as conn:
            if conn.execute("SELECT 1 FROM cases WHERE id = ?", (case.id,)).fetchone():
                raise StaleCase("store.error.exists", case_id=case.id)
            conn.execute(
                "INSERT INTO cases (id, title, archived, revision, document, created_at, updated_at)"
                " VALUES (?, ?, 0, 1, ?, ?, ?)",
                (case.id, case.title, json.dumps(document, ensure_ascii=False), now, now),
            )
            self._log(conn, case.id, 1, now, "case", summary, diff({}, document))
        return 1

    def save(self, case: Case, *, expected_revision: int, step: str, summary: str) -> int:
        """Store `case` over the revision it was based on; returns the new revision.

        Refuses (StaleCase) when the stored revision is no longer `expected_revision`.
        A save that changes nothing writes nothing and returns the same revision.
        """
        # Validate the whole document once more: an in-place edit of a nested list is not seen by
        # pydantic's assignment validation, and nothing invalid may reach the store.
        document = Case.model_validate(case.model_dump()).model_dump(mode="json")
        with self._unit_of_work() as conn:
            row = conn.execute("SELECT revision, document FROM cases WHERE id = ?", (case.id,)).fetchone()
            if row is None:
                raise CaseNotFound("store.error.not_found", case_id=case.id)
            if row[0] != expected_revision:
                raise StaleCase("store.error.stale", case_id=case.id)
            stored = json.loads(row[1])
            # A finalised agreement version never changes, whichever path the edit took.
            guard_versions(stored.get("agreement", {}).get("versions", []), document["agreement"]["versions"])
            changes = diff(stored, document)
            if not changes:
                return expected_revision
            revision = expected_revision + 1
            now = _now().isoformat()
            conn.execute(
                "UPDATE cases SET title = ?, revision = ?, document = ?, updated_at = ? WHERE id = ?",
                (case.title, revision, json.dumps(document, ensure_ascii=False), now, case.id),
            )
            self._log(conn, case.id, revision, now, step, summary, changes)
        return revision

    def set_archived(self, case_id: str, archived: bool) -> None:
        now = _now().isoformat()
        with self._unit_of_work() as conn:
            row = conn.execute("SELECT revision, archived FROM cases WHERE id = ?", (case_id,)).fetchone()
            if row is None:
                raise CaseNotFound("store.error.not_found", case_id=case_id)
            if bool(row[1]) == archived:
                return
            conn.execute("UPDATE cases SET archived = ?, updated_at = ? WHERE id = ?", (int(archived), now, case_id))
            change = Change("archived", bool(row[1]), archived)
            self._log(conn, case_id, row[0], now, "case", "archived" if archived else "restored from archive", [change])

    @staticmethod
    def _log(conn: sqlite3.Connection, case_id: str, revision: int, at: str, step: str, summary: str,
             changes: list[Change]) -> None:
        payload: list[dict[str, Any]] = [c.__dict__ for c in changes]
        conn.execute(
            "INSERT INTO change_log (case_id, revision, at, step, summary, changes) VALUES (?, ?, ?, ?, ?, ?)",
            (case_id, revision, at, step, summary, json.dumps(payload, ensure_ascii=False)),
        )
