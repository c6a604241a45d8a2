"""Starting, importing and exporting cases: the use cases of the Cases page and the CLI."""
from __future__ import annotations

import datetime as dt
from typing import Any

from negotiation.adapters.demo import DEMO_ID, demo_case
from negotiation.adapters.store import CaseStore
from negotiation.data.case import Case, case_from_document
from negotiation.data.limits import MAX_CASE_FILE_BYTES, MAX_DEPTH
from negotiation.data.parties import ContractKind, PartyRole
from negotiation.kernel.base import new_id
from negotiation.kernel.bounded_json import CASE_FILE, load_bounded
from negotiation.method.agreement import with_standing_version

MAX_IMPORT_BYTES = MAX_CASE_FILE_BYTES
"""The largest case file read: an exported case at the size limit (`negotiation.data.limits`)."""


def new_case(title: str, client_name: str, vendor_name: str, mediator_name: str,
             today: dt.date | None = None) -> Case:
    """A case with the essentials; the contract starts as a placeholder to complete on the Case page."""
    today = today or dt.date.today()
    # Validated as one document, so a problem names its full path ("client.name").
    return Case.model_validate(dict(
        title=title,
        opened=today,
        client=dict(role=PartyRole.CLIENT, name=client_name),
        vendor=dict(role=PartyRole.VENDOR, name=vendor_name),
        mediator=dict(name=mediator_name),
        contract=dict(kind=ContractKind.OTHER, value=0, start=today, end=today),
    ))


def case_file_document(payload: bytes | str) -> Any:
    """A case file's JSON, read within the size and depth limits; ImportRejected says why not (no traceback)."""
    return load_bounded(payload, max_bytes=MAX_IMPORT_BYTES, max_depth=MAX_DEPTH, refusals=CASE_FILE)


def read_case_file(payload: bytes | str) -> Case:
    """The case in a case file (exported, or written by `python -m negotiation demo`): read within bounds,
    migrated and validated; ImportRejected with a sentence when it is not one."""
    return case_from_document(case_file_document(payload))


def import_case(store: CaseStore, payload: bytes) -> tuple[Case, bool]:
    """Validate a case file completely before it touches the store; returns (case, imported as a copy)."""
    document = case_file_document(payload)
    case = case_from_document(document)
    copied = store.exists(case.id)
    if copied:
        # A copy under a new id is a new record: it no longer stands at the versions it carries.
        case = case.model_copy(update={"id": new_id()})
    elif case.agreement.versions:
        # Judged on the file as written, before any migration: does it stand at its last version?
        case = case_from_document(with_standing_version(document, 1))
    store.add(case, summary="case imported" + (" as a copy" if copied else ""))
    return case, copied


def ensure_demo(store: CaseStore) -> bool:
    """Put the demo case in the store unless it is there already; True when it was added."""

    if store.exists(DEMO_ID):
        return False
    store.add(demo_case(), summary="demo case loaded")
    return True
