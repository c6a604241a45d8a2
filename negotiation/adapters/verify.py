"""Does a signed PDF still match the record it carries? `python -m negotiation verify agreement.pdf`."""
from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from negotiation.adapters.report import RECORD_NAME
from negotiation.data.case import case_from_json, short_fingerprint

_SHORT = re.compile(r"Fingerprint\s+([0-9a-f]{8}-[0-9a-f]{8})")


@dataclass(frozen=True)
class Verification:
    ok: bool
    message: str


def verify_pdf(data: bytes) -> Verification:
    reader = PdfReader(io.BytesIO(data))
    attachments = reader.attachments
    if RECORD_NAME not in attachments:
        return Verification(False, f"the PDF carries no embedded record ({RECORD_NAME})")
    embedded = attachments[RECORD_NAME][0]
    digest = hashlib.sha256(embedded).hexdigest()
    try:
        case_from_json(embedded)
    except Exception as exc:  # the record must also be a valid case, not just hash to the right value
        return Verification(False, f"the embedded record is not a valid case: {exc}")
    expected = short_fingerprint(digest)
    for number, page in enumerate(reader.pages, start=1):
        printed = _SHORT.findall(page.extract_text() or "")
        if not printed:
            return Verification(False, f"page {number} prints no fingerprint")
        if any(value != expected for value in printed):
            return Verification(
                False, f"page {number} prints fingerprint {printed[0]}, but the embedded record hashes to {expected}")
    first = (reader.pages[0].extract_text() or "").replace("\n", "")
    if digest not in first:
        return Verification(False, "the cover does not print the full fingerprint of the embedded record")
    return Verification(True, f"the embedded record matches the fingerprint printed on all {len(reader.pages)} "
                              f"pages: {digest}")


def verify_file(path: str | Path) -> Verification:
    return verify_pdf(Path(path).read_bytes())
