"""The Case: one document holding everything about one mediation, versioned as JSON.

Each workflow step owns its part of the case in its own module; the Case composes them.
New fields always get defaults, so older documents of the same schema version still load;
a change that cannot be expressed that way bumps SCHEMA_VERSION and adds a migration below.

A rule newer than a stored case (docs/limits.md) does not stop it opening: `case_from_stored` reads it
back as it was stored, `case_problems` lists what breaks the newer rules, and `checked_edit` refuses an
edit only for the breaches it brings (`new_problems`). An import (`case_from_document`) is held to every rule.
"""
from __future__ import annotations

import copy
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from pydantic import Field, ValidationError, ValidationInfo, model_validator

from negotiation.data.agreement import Agreement, digest
from negotiation.data.caucus import Caucus
from negotiation.data.intake import Intake
from negotiation.data.interests import InterestMap
from negotiation.data.limits import MAX_CASE_BYTES, MAX_CASE_FILE_BYTES, MAX_DEPTH
from negotiation.data.margin import MarginModel
from negotiation.data.options import OptionsBoard
from negotiation.data.parties import Contract, Mediator, Party, PartyRole
from negotiation.data.smart import DecentSystem
from negotiation.kernel.base import (
    STORED_CONTEXT,
    Date,
    DomainModel,
    Id,
    Name,
    Text,
    breaches,
    canonical_json,
    lenient,
    new_id,
)
from negotiation.kernel.bounded_json import CASE_FILE, load_bounded
from negotiation.kernel.errors import Breach, ImportRejected, as_validation_error, explain, refusal

SCHEMA_VERSION = 2

STEPS = ("case", "intake", "interests", "options", "system", "margin", "agreement")
"""The workflow steps in order; each but "case" is also the name of the Case field it owns."""

CONFIDENTIAL_FIELDS = frozenset({"caucus"})
"""Parts of a case that never leave the mediator's view: not in the record, the PDF or the shared screen."""


class Case(DomainModel):
    schema_version: Literal[2] = SCHEMA_VERSION
    id: Id = Field(default_factory=new_id)
    title: Name
    opened: Date = Field(default_factory=dt.date.today)
    client: Party
    vendor: Party
    mediator: Mediator
    contract: Contract
    summary: Text = ""
    """The situation in a few sentences, as both sides agree to describe it."""
    intake: Intake = Field(default_factory=Intake)
    interests: InterestMap = Field(default_factory=InterestMap)
    options: OptionsBoard = Field(default_factory=OptionsBoard)
    system: DecentSystem = Field(default_factory=DecentSystem)
    margin: MarginModel = Field(default_factory=MarginModel)
    agreement: Agreement = Field(default_factory=Agreement)
    caucus: Caucus = Field(default_factory=Caucus)
    """What each side told the mediator alone: confidential (CONFIDENTIAL_FIELDS) until released."""

    def party(self, role: PartyRole) -> Party:
        return self.client if role is PartyRole.CLIENT else self.vendor

    @model_validator(mode="after")
    def _roles(self) -> "Case":
        if self.client.role is not PartyRole.CLIENT or self.vendor.role is not PartyRole.VENDOR:
            raise ValueError("case.error.party_roles")
        return self

    @model_validator(mode="after")
    def _agreement_refers_to_this_case(self) -> "Case":
        found = agreement_problems(self)
        if found:
            raise ValueError(found[0][1])
        return self

    @model_validator(mode="after")
    def _criteria_dated_within_the_contract(self, info: ValidationInfo) -> "Case":
        if not lenient(info):
            found = criterion_date_problems(self)
            if found:
                raise refusal(found[0].key, found[0].params)
        return self


# -- cross-checks against the rest of the case ---------------------------------------------

def agreement_problems(case: Case) -> list[tuple[str, str]]:
    """Every way the agreement contradicts the rest of the case, as (field path, message key)."""
    people = {PartyRole.CLIENT: {p.id: p for p in case.client.people},
              PartyRole.VENDOR: {p.id: p for p in case.vendor.people}}
    found: list[tuple[str, str]] = []
    for index, commitment in enumerate(case.agreement.commitments):
        if commitment.owner_id not in people[commitment.side]:
            found.append((f"agreement.commitments.{index}.owner_id", "agreement.error.owner_not_of_side"))
    for index, tier in enumerate(case.agreement.ladder):
        for side, ids in ((PartyRole.CLIENT, tier.client_contact_ids), (PartyRole.VENDOR, tier.vendor_contact_ids)):
            if any(pid not in people[side] for pid in ids):
                found.append((f"agreement.ladder.{index}", "agreement.error.contact_not_a_person"))
        if tier.level.tier is not None and not (tier.client_contact_ids and tier.vendor_contact_ids):
            found.append((f"agreement.ladder.{index}", "agreement.error.level_needs_contacts"))
        if tier.level.tier is None and not tier.forum:
            found.append((f"agreement.ladder.{index}", "agreement.error.level_needs_forum"))
    return found


def criterion_date_problems(case: Case) -> list[Breach]:
    """Every SMART criterion dated before the contract starts: a deadline (or start) that cannot be met.

    The system page says so next to the date; this rule keeps an import or any other edit from storing it.
    """
    return [Breach(f"system.criteria.{index}.date", "system.error.date_before_contract",
                   {"date": criterion.date, "start": case.contract.start}, criterion.date)
            for index, criterion in enumerate(case.system.criteria)
            if criterion.date is not None and criterion.date < case.contract.start]


# -- rules newer than some stored cases ------------------------------------------------------

MEBIBYTE = 1024 * 1024


def case_bytes(case: Case) -> int:
    """The size of the case document as canonical JSON in UTF-8: what MAX_CASE_BYTES limits."""
    return len(canonical_json(case.model_dump(mode="json")).encode("utf-8"))


def _size_problems(case: Case) -> list[Breach]:
    size = case_bytes(case)
    if size <= MAX_CASE_BYTES:
        return []
    return [Breach("", "limits.case.too_big", {"limit": MAX_CASE_BYTES // MEBIBYTE, "size": f"{size / MEBIBYTE:.1f}"},
                   None, size)]


def case_problems(case: Case) -> list[Breach]:
    """Every breach in `case` of a rule newer than some stored cases, each at its field, in the case's order.

    Empty for any case that was validated as usual; a case read back with `case_from_stored` may hold some.
    Finalised versions are not looked into: each is a frozen document, never held to a newer rule.
    """
    return [*breaches(case), *criterion_date_problems(case), *_size_problems(case)]


def _generic(path: str) -> str:
    return ".".join("*" if part.isdigit() else part for part in path.split("."))


def new_breaches(before: Iterable[Breach], after: Iterable[Breach]) -> list[Breach]:
    """The breaches in `after` that `before` did not already have.

    A breach is old when `before` has one of the same rule, at the same kind of place (list positions do
    not count: deleting an earlier item moves it) and with the same value, and it is no bigger: a list
    that is over its limit may shrink or stay, not grow. The same old breach twice counts twice.
    """
    def grouped(found: Iterable[Breach]) -> dict[tuple[Any, ...], list[Breach]]:
        groups: dict[tuple[Any, ...], list[Breach]] = defaultdict(list)
        for breach in found:
            groups[(_generic(breach.field), breach.key, breach.value)].append(breach)
        return groups

    earlier = grouped(before)
    fresh: set[int] = set()
    for key, now in grouped(after).items():
        was = sorted((b.size for b in earlier.get(key, [])), reverse=True)
        for rank, breach in enumerate(sorted(now, key=lambda b: b.size, reverse=True)):
            if rank >= len(was) or breach.size > was[rank]:
                fresh.add(id(breach))
    return [b for b in after if id(b) in fresh]


def new_problems(before: Case | None, after: Case) -> list[Breach]:
    """The breaches of newer rules that `after` has and `before` (the stored case; None: a new case) had not."""
    return new_breaches([] if before is None else case_problems(before), case_problems(after))


def checked_edit(case: Case, before: Case | dict[str, Any] | None = None) -> Case:
    """`case`, validated as a whole, as the next state of the stored case `before` (a Case or its stored document).

    Every rule the case has always had is checked. A rule newer than the stored case refuses only what this
    edit brings: a breach `before` already had stays until someone edits that value. Raises ValidationError
    (explain gives each problem's sentence, at its field); returns the validated case to store.
    """
    validated = Case.model_validate(case.model_dump(), context=STORED_CONTEXT)
    found = case_problems(validated)
    if found:
        fresh = new_breaches(_stored_problems(before), found)
        if fresh:
            raise as_validation_error(fresh)
    return validated


def _stored_problems(before: Case | dict[str, Any] | None) -> list[Breach]:
    if before is None:
        return []
    if isinstance(before, Case):
        return case_problems(before)
    try:
        return case_problems(case_from_stored(before))
    except ImportRejected:  # what is stored is not a case at all: nothing in it counts as known
        return []


def record(case: Case) -> dict[str, Any]:
    """The shared content of a case: what the parties may see and the directors sign.

    Everything but the confidential parts and the finalised versions (each of which holds the
    record it was finalised from), as plain JSON types.
    """
    exclude: dict[str, Any] = {name: True for name in CONFIDENTIAL_FIELDS}
    exclude["agreement"] = {"versions"}
    return case.model_dump(mode="json", exclude=exclude)


def fingerprint(case: Case) -> str:
    """SHA-256 of the canonical JSON of the case's shared content."""
    return digest(record(case))


def short_fingerprint(digest: str) -> str:
    return f"{digest[:8]}-{digest[8:16]}"


# Migrations take a document of version N and return one of version N + 1, leaving the one they are given as
# it was. None touches the finalised agreement versions: each holds the record it was finalised from, as stored.

V1_GOOD_OUTCOME = "good outcome"
V1_OTHERWISE = "otherwise"
"""The labels of the two branches a version-1 path becomes (the case's data, so not translated)."""
_V1_AMOUNTS = ("cost", "legal_fees", "write_off", "restart")


def _v1_path_to_branches(path: dict[str, Any]) -> dict[str, Any]:
    """A version-1 path (one cost, months and chance of a good outcome) as a version-2 decision tree.

    It becomes two branches with the same costs and months: "good outcome", with the old chance and
    its value (money in) left empty to be asked for, and "otherwise", with the rest of the chance and
    nothing coming in. Until the value of a good outcome is entered, the path is worth minus its cost.
    A path with no figures at all keeps no branch.
    """
    old = dict(path)
    amounts = {name: old.pop(name, None) for name in _V1_AMOUNTS}
    months, chance = old.pop("months", None), old.pop("chance", None)
    if chance is None and months is None and all(v is None for v in amounts.values()):
        return {**old, "branches": []}
    rest = None
    if chance is not None:
        try:
            rest = str(Decimal(100) - Decimal(str(chance)))
        except InvalidOperation:
            rest = None  # not a number: the good-outcome branch carries it, and validation names it
    good = {"label": V1_GOOD_OUTCOME, "chance": chance, "money_in": None, **amounts, "months": months}
    otherwise = {"label": V1_OTHERWISE, "chance": rest, "money_in": "0.00", **amounts, "months": months}
    return {**old, "branches": [good, otherwise]}


def migrate_1_to_2(document: dict[str, Any]) -> dict[str, Any]:
    """Version 2 values each path as a small decision tree (branches) instead of a cost divided by a chance."""
    result = copy.deepcopy({k: v for k, v in document.items() if k != "agreement"})
    if "agreement" in document:
        result["agreement"] = document["agreement"]  # never rewritten: its versions stay as they were stored
    intake = result.get("intake")
    if isinstance(intake, dict) and isinstance(intake.get("paths"), list):
        intake["paths"] = [_v1_path_to_branches(p) if isinstance(p, dict) else p for p in intake["paths"]]
    result["schema_version"] = 2
    return result


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: migrate_1_to_2}


def migrated(document: dict[str, Any]) -> dict[str, Any]:
    """A case document of any known schema version, as a document of the current one (not yet validated).

    For documents read back as they were stored (an earlier revision's snapshot) before their parts are
    used beside the current case; ImportRejected when the version is missing or unknown.
    """
    if not isinstance(document, dict):
        raise ImportRejected("import.error.not_a_case")
    version = document.get("schema_version")
    if not isinstance(version, int):
        raise ImportRejected("import.error.no_schema_version")
    if version > SCHEMA_VERSION or (version < SCHEMA_VERSION and version not in MIGRATIONS):
        raise ImportRejected("import.error.unknown_schema_version")
    while version < SCHEMA_VERSION:
        document = MIGRATIONS[version](document)
        version = document["schema_version"]
    return document


def case_from_document(document: Any, *, stored: bool = False) -> Case:
    """A Case from parsed JSON, migrated to the current schema; ImportRejected says why not.

    Held to every rule, as an import must be. With `stored`, read back as it was stored instead: rules
    newer than the document list its problems (`case_problems`) rather than refuse it.
    """
    document = migrated(document)
    try:
        case = Case.model_validate(document, context=STORED_CONTEXT if stored else None)
    except ValidationError as exc:
        details = "; ".join(f"{p.field}: {p.message}" for p in explain(exc)[:5])
        raise ImportRejected("import.error.invalid", details=details) from exc
    if not stored:
        too_big = _size_problems(case)
        if too_big:
            raise ImportRejected("limits.case.import_too_big", **too_big[0].params)
    return case


def case_from_stored(document: Any) -> Case:
    """A case document as the store (or a finalised version, or a PDF) holds it: it opens even when it breaks a
    rule newer than itself, and `case_problems` lists what does. ImportRejected when it is not a case at all."""
    return case_from_document(document, stored=True)


def case_from_json(text: str | bytes, *, stored: bool = False) -> Case:
    """A Case from a case file's text: bounded in size and depth, no key twice, before anything is built."""
    document = load_bounded(text, max_bytes=MAX_CASE_FILE_BYTES, max_depth=MAX_DEPTH, refusals=CASE_FILE)
    return case_from_document(document, stored=stored)


def case_to_json(case: Case) -> str:
    return json.dumps(case.model_dump(mode="json"), indent=2, ensure_ascii=False)
