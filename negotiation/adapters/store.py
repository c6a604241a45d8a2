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

from negotiation.data.agreement import guard_versions
from negotiation.data.case import Case, case_from_stored, checked_edit
from negotiation.data.limits import MAX_DEPTH
from negotiation.kernel.bounded_json import BACKUP_FILE, load_bounded
from negotiation.kernel.changes import Change, diff
from negotiation.kernel.errors import CaseNotFound, ImportRejected, StaleCase
from negotiation.method.agreement import with_standing_version

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
CREATE TABLE IF NOT EXISTS snapshots (
    case_id TEXT NOT NULL REFERENCES cases(id),
    revision INTEGER NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (case_id, revision)
);
CREATE TABLE IF NOT EXISTS presence (
    case_id TEXT PRIMARY KEY,
    step TEXT NOT NULL,
    at TEXT NOT NULL
);
"""
# snapshots: the whole document at each revision, so an earlier state of a step can be restored.
# presence: the step the mediator is on, per case, so the projector view can follow it.

BACKUP_FORMAT = "yesable-backup"
BACKUP_VERSION = 1
MAX_BACKUP_BYTES = 200 * 1024 * 1024
MAX_BACKUP_DEPTH = MAX_DEPTH + 3
"""A backup nests each case document three levels down: {"cases": [{"document": …}]}."""


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


@dataclass(frozen=True)
class Presence:
    case_id: str
    step: str
    at: dt.datetime


@dataclass(frozen=True)
class BackupRestored:
    added: list[str]
    updated: list[str]
    unchanged: list[str]


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
            # As stored: a case that breaks a rule newer than itself still opens (case_problems lists it).
            case=case_from_stored(with_standing_version(json.loads(row[0]), row[1])),
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
        """Store a new case; its first revision is 1. It is held to every rule."""
        document = checked_edit(case, before=None).model_dump(mode="json")
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
            self._snapshot(conn, case.id, 1, document)
        return 1

    def save(self, case: Case, *, expected_revision: int, step: str, summary: str) -> int:
        """Store `case` over the revision it was based on; returns the new revision.

        Refuses (StaleCase) when the stored revision is no longer `expected_revision`.
        A save that changes nothing writes nothing and returns the same revision.
        """
        with self._unit_of_work() as conn:
            return self._save_in(conn, case, expected_revision, step, summary)

    def _save_in(self, conn: sqlite3.Connection, case: Case, expected_revision: int | None, step: str,
                 summary: str, *, as_it_stands: bool = False) -> int:
        """Save inside an open unit of work; `expected_revision` None means "over whatever is stored".

        A rule newer than the stored case refuses only what this save brings (`checked_edit`); with
        `as_it_stands` (a backup's own state), nothing in `case` counts as brought.
        """
        row = conn.execute("SELECT revision, document FROM cases WHERE id = ?", (case.id,)).fetchone()
        if row is None:
            raise CaseNotFound("store.error.not_found", case_id=case.id)
        if expected_revision is not None and row[0] != expected_revision:
            raise StaleCase("store.error.stale", case_id=case.id)
        current = row[0]
        stored = json.loads(row[1])
        # Validate the whole document once more: an in-place edit of a nested list is not seen by
        # pydantic's assignment validation, and nothing invalid may reach the store.
        document = checked_edit(case, before=case if as_it_stands else stored).model_dump(mode="json")
        # A finalised agreement version never changes, whichever path the edit took.
        before = stored.get("agreement", {}).get("versions", [])
        guard_versions(before, document["agreement"]["versions"])
        # A version finalised by this save stands while the case is at the revision this save makes.
        for version in document["agreement"]["versions"][len(before):]:
            version["revision"] = current + 1
        changes = diff(stored, document)
        if not changes:
            return current
        revision = current + 1
        now = _now().isoformat()
        if not self._has_snapshot(conn, case.id, current):
            # A database from before snapshots existed: keep the state being replaced, too.
            self._snapshot(conn, case.id, current, stored)
        conn.execute(
            "UPDATE cases SET title = ?, revision = ?, document = ?, updated_at = ? WHERE id = ?",
            (case.title, revision, json.dumps(document, ensure_ascii=False), now, case.id),
        )
        self._log(conn, case.id, revision, now, step, summary, changes)
        self._snapshot(conn, case.id, revision, document)
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

    # -- earlier states ---------------------------------------------------------------------

    def document_at(self, case_id: str, revision: int) -> dict[str, Any] | None:
        """The whole case document as it was at `revision`, or None when no snapshot of it exists."""
        with self._unit_of_work(write=False) as conn:
            row = conn.execute("SELECT document FROM snapshots WHERE case_id = ? AND revision = ?",
                               (case_id, revision)).fetchone()
        return None if row is None else json.loads(row[0])

    def revisions(self, case_id: str) -> list[int]:
        """The revisions of a case whose whole state is kept (newest first)."""
        with self._unit_of_work(write=False) as conn:
            rows = conn.execute("SELECT revision FROM snapshots WHERE case_id = ? ORDER BY revision DESC",
                                (case_id,)).fetchall()
        return [r[0] for r in rows]

    @staticmethod
    def _has_snapshot(conn: sqlite3.Connection, case_id: str, revision: int) -> bool:
        return conn.execute("SELECT 1 FROM snapshots WHERE case_id = ? AND revision = ?",
                            (case_id, revision)).fetchone() is not None

    @staticmethod
    def _snapshot(conn: sqlite3.Connection, case_id: str, revision: int, document: dict[str, Any]) -> None:
        conn.execute("INSERT OR REPLACE INTO snapshots (case_id, revision, document) VALUES (?, ?, ?)",
                     (case_id, revision, json.dumps(document, ensure_ascii=False)))

    # -- where the mediator is (the projector view follows it) ------------------------------

    def set_current_step(self, case_id: str, step: str) -> None:
        now = _now().isoformat()
        with self._unit_of_work() as conn:
            conn.execute("INSERT INTO presence (case_id, step, at) VALUES (?, ?, ?)"
                         " ON CONFLICT(case_id) DO UPDATE SET step = excluded.step, at = excluded.at",
                         (case_id, step, now))

    def current_step(self, case_id: str | None = None) -> Presence | None:
        """The step the mediator is on for `case_id`, or for the case touched last when None."""
        query = "SELECT case_id, step, at FROM presence"
        params: tuple[Any, ...] = ()
        if case_id is not None:
            query += " WHERE case_id = ?"
            params = (case_id,)
        query += " ORDER BY at DESC, rowid DESC LIMIT 1"
        with self._unit_of_work(write=False) as conn:
            row = conn.execute(query, params).fetchone()
        return None if row is None else Presence(row[0], row[1], dt.datetime.fromisoformat(row[2]))

    def revision(self, case_id: str) -> int | None:
        """The stored revision alone (cheap: the projector polls it)."""
        with self._unit_of_work(write=False) as conn:
            row = conn.execute("SELECT revision FROM cases WHERE id = ?", (case_id,)).fetchone()
        return None if row is None else row[0]

    # -- backup -----------------------------------------------------------------------------

    def backup(self, when: dt.datetime | None = None) -> str:
        """Every case (archived ones too), as one JSON file, read in one consistent transaction."""
        with self._unit_of_work(write=False) as conn:
            rows = conn.execute("SELECT archived, revision, document FROM cases ORDER BY created_at, id").fetchall()
        return json.dumps({
            "format": BACKUP_FORMAT,
            "version": BACKUP_VERSION,
            "created": (when or _now()).isoformat(),
            "cases": [{"archived": bool(r[0]), "revision": r[1], "document": json.loads(r[2])} for r in rows],
        }, indent=1, ensure_ascii=False)

    def restore_backup(self, payload: bytes | str) -> BackupRestored:
        """Validate a whole backup first, then restore it in one transaction (all or nothing).

        A case not in the store is added; a stored case that differs gets the backup's state as a
        new revision (its present state stays in its history, restorable); an equal one is left alone.
        """
        entries = parse_backup(payload)
        added: list[str] = []
        updated: list[str] = []
        unchanged: list[str] = []
        now = _now().isoformat()
        with self._unit_of_work() as conn:
            for case, archived in entries:
                exists = conn.execute("SELECT revision FROM cases WHERE id = ?", (case.id,)).fetchone()
                if exists is None:
                    document = case.model_dump(mode="json")
                    conn.execute(
                        "INSERT INTO cases (id, title, archived, revision, document, created_at, updated_at)"
                        " VALUES (?, ?, ?, 1, ?, ?, ?)",
                        (case.id, case.title, int(archived), json.dumps(document, ensure_ascii=False), now, now),
                    )
                    self._log(conn, case.id, 1, now, "backup", "restored from a backup", diff({}, document))
                    self._snapshot(conn, case.id, 1, document)
                    added.append(case.id)
                    continue
                before = exists[0]
                after = self._save_in(conn, case, None, "backup", "restored from a backup", as_it_stands=True)
                (updated if after != before else unchanged).append(case.id)
        return BackupRestored(added, updated, unchanged)

    @staticmethod
    def _log(conn: sqlite3.Connection, case_id: str, revision: int, at: str, step: str, summary: str,
             changes: list[Change]) -> None:
        payload: list[dict[str, Any]] = [c.__dict__ for c in changes]
        conn.execute(
            "INSERT INTO change_log (case_id, revision, at, step, summary, changes) VALUES (?, ?, ?, ?, ?, ?)",
            (case_id, revision, at, step, summary, json.dumps(payload, ensure_ascii=False)),
        )


def parse_backup(payload: bytes | str) -> list[tuple[Case, bool]]:
    """Every case of a backup file, validated and migrated; ImportRejected says why not (nothing restored)."""
    data = load_bounded(payload, max_bytes=MAX_BACKUP_BYTES, max_depth=MAX_BACKUP_DEPTH, refusals=BACKUP_FILE)
    if not isinstance(data, dict) or data.get("format") != BACKUP_FORMAT or not isinstance(data.get("cases"), list):
        raise ImportRejected("backup.error.not_a_backup")
    if data.get("version") != BACKUP_VERSION:
        raise ImportRejected("backup.error.unknown_version")
    out: list[tuple[Case, bool]] = []
    seen: set[str] = set()
    for number, entry in enumerate(data["cases"], start=1):
        if not isinstance(entry, dict):
            raise ImportRejected("backup.error.case", number=number, reason="-")
        try:
            case = case_from_stored(entry.get("document"))  # a backup holds cases as they were stored
        except ImportRejected as exc:
            raise ImportRejected("backup.error.case", number=number, reason=str(exc)) from exc
        if case.id in seen:
            raise ImportRejected("backup.error.duplicate", case_id=case.id)
        seen.add(case.id)
        out.append((case, bool(entry.get("archived", False))))
    return out
