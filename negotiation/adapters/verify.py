"""Does a signed PDF still match the record it carries? `python -m negotiation verify agreement.pdf`.

Every answer is one sentence: a file that is empty, not a PDF, cut off or damaged is "not verified"
with the reason, never a traceback. A file that is not there is the caller's to report (bad usage).
"""
from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from negotiation.adapters.report import RECORD_NAME
from negotiation.data.case import case_from_stored, short_fingerprint
from negotiation.data.limits import MAX_CASE_FILE_BYTES, MAX_DEPTH
from negotiation.kernel.bounded_json import load_bounded, megabytes
from negotiation.kernel.errors import ImportRejected

_SHORT = re.compile(r"Fingerprint\s+([0-9a-f]{8}-[0-9a-f]{8})")
MAX_PDF_BYTES = 256 * 1024 * 1024
"""Far more than the agreement PDF of the largest case a store accepts; a larger file is not read."""
_TAIL = 1024
"""A PDF starts with %PDF- within its first 1024 bytes and ends with %%EOF within its last 1024."""


@dataclass(frozen=True)
class Verification:
    ok: bool
    message: str
    """One sentence, ending with its full stop."""


def _not_a_pdf(data: bytes) -> str | None:
    """Why `data` cannot be a whole PDF, or None when it starts and ends as one does."""
    if not data.strip():
        return "the file is empty, so it is not a PDF."
    if b"%PDF-" not in data[:_TAIL]:
        return "the file is not a PDF: it does not begin the way every PDF begins (%PDF-)."
    if b"%%EOF" not in data[-_TAIL:]:
        return ("the PDF is incomplete: it stops before the end every PDF has (%%EOF), so it was probably cut off "
                "while it was downloaded or copied.")
    return None


def verify_pdf(data: bytes) -> Verification:
    problem = _not_a_pdf(data)
    if problem:
        return Verification(False, problem)
    try:
        return _verify(PdfReader(io.BytesIO(data)))
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a damaged file (PdfReadError, KeyError, …)
        return Verification(False, f"the PDF is damaged and cannot be read ({type(exc).__name__}).")


def _verify(reader: PdfReader) -> Verification:
    attachments = reader.attachments
    if RECORD_NAME not in attachments:
        return Verification(False, f"the PDF carries no embedded record ({RECORD_NAME}).")
    embedded = attachments[RECORD_NAME][0]
    digest = hashlib.sha256(embedded).hexdigest()
    try:  # the record must also be a valid case (as it was when signed), not just hash to the right value
        case_from_stored(load_bounded(embedded, max_bytes=MAX_CASE_FILE_BYTES, max_depth=MAX_DEPTH))
    except ImportRejected as exc:
        return Verification(False, f"the embedded record is not a valid case: {exc}")
    expected = short_fingerprint(digest)
    for number, page in enumerate(reader.pages, start=1):
        printed = _SHORT.findall(page.extract_text() or "")
        if not printed:
            return Verification(False, f"page {number} prints no fingerprint.")
        if any(value != expected for value in printed):
            return Verification(
                False, f"page {number} prints fingerprint {printed[0]}, but the embedded record hashes to {expected}.")
    first = (reader.pages[0].extract_text() or "").replace("\n", "")
    if digest not in first:
        return Verification(False, "the cover does not print the full fingerprint of the embedded record.")
    return Verification(True, f"the embedded record matches the fingerprint printed on all {len(reader.pages)} "
                              f"pages: {digest}.")


def verify_file(path: str | Path) -> Verification:
    """The verification of the PDF at `path`; FileNotFoundError or IsADirectoryError when there is none."""
    with open(path, "rb") as file:
        data = file.read(MAX_PDF_BYTES + 1)
    if len(data) > MAX_PDF_BYTES:
        return Verification(False, f"the file is larger than {megabytes(MAX_PDF_BYTES)} MB, far larger than an "
                                   "agreement PDF, so it was not read.")
    return verify_pdf(data)
