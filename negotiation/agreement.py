"""Step 7, the agreement the directors sign: commitments, the escalation ladder, continuity,
documentation, the review cadence, and finalised versions that never change.

A finalised version is a frozen snapshot of the case record with its fingerprint and time.
Its fingerprint is checked whenever it is loaded, and the store refuses any save that alters or
removes an earlier version, so a finalised version cannot change through any path; a later
edit of the case is simply the next draft.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pydantic import Field, field_validator, model_validator

from negotiation.base import DomainModel, Id, RequiredText, Text, ValueObject, canonical_json, new_id
from negotiation.errors import CaseFinalised
from negotiation.parties import PartyRole, Tier

if TYPE_CHECKING:
    from negotiation.model import Case


class BasisKind(StrEnum):
    CRITERION = "criterion"
    """A SMART criterion of the decently working system."""
    OPTION = "option"
    """An option of the agreed package."""
    INCIDENT = "incident"
    """An acknowledged trust incident."""
    OTHER = "other"


class Commitment(DomainModel):
    id: Id = Field(default_factory=new_id)
    side: PartyRole
    owner_id: Id
    """The person (of this side) who answers for it."""
    what: RequiredText
    due: dt.date
    basis: BasisKind = BasisKind.OTHER
    basis_ref: Text = ""
    """The id of the criterion, option or incident it rests on."""
    delivery_confirmed: bool = False
    """For the vendor: its delivery team (not sales) confirmed the commitment is feasible."""
    confirmed_by: Text = ""

    @model_validator(mode="after")
    def _vendor_commitments_confirmed_by_delivery(self) -> "Commitment":
        if self.side is PartyRole.VENDOR and self.delivery_confirmed and not self.confirmed_by:
            raise ValueError("agreement.error.confirmation_needs_name")
        if self.basis is not BasisKind.OTHER and not self.basis_ref:
            raise ValueError("agreement.error.basis_needs_reference")
        return self


class Level(StrEnum):
    OPERATIONAL = "operational"
    MANAGEMENT = "management"
    EXECUTIVE = "executive"
    MEDIATION = "mediation"
    ARBITRATION = "arbitration"

    @property
    def tier(self) -> Tier | None:
        """The people tier that staffs this level (None: an outside forum)."""
        return {Level.OPERATIONAL: Tier.OPERATIONAL, Level.MANAGEMENT: Tier.MANAGEMENT,
                Level.EXECUTIVE: Tier.EXECUTIVE}.get(self)


LADDER_ORDER = list(Level)


class EscalationTier(DomainModel):
    level: Level
    client_contact_ids: list[Id] = Field(default_factory=list)
    vendor_contact_ids: list[Id] = Field(default_factory=list)
    forum: Text = ""
    """For mediation and arbitration: who hears it (the mediator, an arbitration institute, a court)."""
    handles: Text = ""
    """The kinds of issue this level handles."""
    days: int = Field(ge=1, le=365)
    """Working days this level has before the issue moves up."""
    expedited_days: int = Field(ge=1, le=60)
    """Working days for a critical issue (for example a production outage)."""

    @model_validator(mode="after")
    def _expedited_is_faster(self) -> "EscalationTier":
        if self.expedited_days > self.days:
            raise ValueError("agreement.error.expedited_slower")
        return self


class ReviewFrequency(StrEnum):
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


class ReviewCadence(DomainModel):
    frequency: ReviewFrequency = ReviewFrequency.MONTHLY
    count: int = Field(default=6, ge=1, le=60)
    first: dt.date | None = None
    with_mediator: bool = True


class Continuity(DomainModel):
    services_continue: bool = True
    """Services continue during any dispute."""
    no_suspension_for_leverage: bool = True
    """Neither side suspends its obligations to gain leverage."""
    interim_arrangement: Text = ""
    """The default interim arrangement for a disputed critical service."""


class Documentation(DomainModel):
    decisions: Text = ""
    change_requests: Text = ""
    service_issues: Text = ""
    kept_by_both: bool = True


class AgreementVersion(ValueObject):
    """A finalised version: the case record as it was signed, and its fingerprint. Never changes."""

    number: int = Field(ge=1)
    finalised_at: dt.datetime
    fingerprint: str = Field(pattern=r"^[0-9a-f]{64}$")
    record: dict[str, Any]

    @model_validator(mode="after")
    def _fingerprint_matches_record(self) -> "AgreementVersion":
        if digest(self.record) != self.fingerprint:
            raise ValueError("agreement.error.version_altered")
        return self


class Agreement(DomainModel):
    place: Text = ""
    """Where the directors sign."""
    signing_date: dt.date | None = None
    commitments: list[Commitment] = Field(default_factory=list)
    ladder: list[EscalationTier] = Field(default_factory=list)
    continuity: Continuity = Field(default_factory=Continuity)
    documentation: Documentation = Field(default_factory=Documentation)
    review: ReviewCadence = Field(default_factory=ReviewCadence)
    versions: list[AgreementVersion] = Field(default_factory=list)

    @field_validator("ladder")
    @classmethod
    def _ladder_in_order(cls, ladder: list[EscalationTier]) -> list[EscalationTier]:
        levels = [tier.level for tier in ladder]
        if len(set(levels)) != len(levels):
            raise ValueError("agreement.error.level_twice")
        if levels != sorted(levels, key=LADDER_ORDER.index):
            raise ValueError("agreement.error.ladder_order")
        return ladder

    @field_validator("versions")
    @classmethod
    def _versions_numbered(cls, versions: list[AgreementVersion]) -> list[AgreementVersion]:
        if [v.number for v in versions] != list(range(1, len(versions) + 1)):
            raise ValueError("agreement.error.version_numbers")
        return versions

    @property
    def draft_number(self) -> int:
        return len(self.versions) + 1


# -- the record and its fingerprint ---------------------------------------------------------

def digest(record: dict[str, Any]) -> str:
    """SHA-256 of the record's canonical JSON: the fingerprint printed on every page."""
    return hashlib.sha256(canonical_json(record).encode("utf-8")).hexdigest()


# -- cross-checks against the rest of the case ---------------------------------------------

def problems(case: "Case") -> list[tuple[str, str]]:
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


def guard_versions(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> None:
    """Refuse a change that alters or removes a finalised version (documents as stored JSON)."""
    if after[: len(before)] != before:
        raise CaseFinalised("agreement.error.final_is_immutable")


def finalise(case: "Case", when: dt.datetime) -> "Case":
    """A copy of `case` whose agreement gains the next final version: a snapshot of the record now."""
    from negotiation.model import record

    if case.agreement.versions and case.agreement.versions[-1].fingerprint == digest(record(case)):
        raise CaseFinalised("agreement.error.nothing_changed", number=case.agreement.versions[-1].number)
    snapshot = record(case)
    version = AgreementVersion(number=case.agreement.draft_number, finalised_at=when,
                               fingerprint=digest(snapshot), record=snapshot)
    result = case.model_copy(deep=True)
    result.agreement.versions = [*case.agreement.versions, version]
    return result


def current_status(case: "Case") -> tuple[str, int]:
    """("final", N) when the case is exactly its last finalised version, else ("draft", next number)."""
    from negotiation.model import record

    versions = case.agreement.versions
    if versions and versions[-1].fingerprint == digest(record(case)):
        return "final", versions[-1].number
    return "draft", case.agreement.draft_number


# -- comparing versions, in words ----------------------------------------------------------

_DISPLAY_FIELDS = ("statement", "what", "name", "title", "label")


def _display(value: Any) -> str:
    from negotiation.i18n import t

    if value is None or value == "" or value == []:
        return t("agreement.empty_value")
    if isinstance(value, bool):
        return t("agreement.yes") if value else t("agreement.no")
    if isinstance(value, dict):
        for key in _DISPLAY_FIELDS:
            if value.get(key):
                return _display(value[key])
        return ", ".join(f"{k}: {_display(v)}" for k, v in list(value.items())[:3])
    if isinstance(value, list):
        return ", ".join(_display(v) for v in value[:5]) + (" …" if len(value) > 5 else "")
    text = str(value)
    return text if len(text) <= 70 else text[:67].rstrip() + "…"


def _label(path: str, before: dict[str, Any], after: dict[str, Any]) -> str:
    from negotiation.i18n import MissingMessage, t

    parts: list[str] = []
    cursor_b: Any = before
    cursor_a: Any = after
    for token in path.replace("[", ".[").split("."):
        if not token:
            continue
        if token.startswith("["):
            key = token[1:-1]
            entity = None
            for cursor in (cursor_a, cursor_b):
                if isinstance(cursor, list):
                    entity = next((e for e in cursor if isinstance(e, dict) and str(e.get("id")) == key), entity)
                    if entity is None and key.isdigit() and int(key) < len(cursor):
                        entity = cursor[int(key)]
            parts.append(f"“{_display(entity)}”" if entity is not None else key)
            cursor_b = next((e for e in cursor_b if isinstance(e, dict) and str(e.get("id")) == key), None) \
                if isinstance(cursor_b, list) else None
            cursor_a = next((e for e in cursor_a if isinstance(e, dict) and str(e.get("id")) == key), None) \
                if isinstance(cursor_a, list) else None
            continue
        label = token.replace("_", " ")
        for candidate in (f"report.section.{token}", f"case.role.{token}", f"report.{token}"):
            try:
                label = t(candidate)
                break
            except MissingMessage:
                continue
        parts.append(label[:1].upper() + label[1:] if not parts else label)
        cursor_b = cursor_b.get(token) if isinstance(cursor_b, dict) else None
        cursor_a = cursor_a.get(token) if isinstance(cursor_a, dict) else None
    return " › ".join(parts)


def compare(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What changed from one record to another, one sentence per change, in document order."""
    from negotiation.changes import diff
    from negotiation.i18n import t

    sentences = []
    for change in diff(before, after):
        entity = isinstance(change.after, dict) or isinstance(change.before, dict)
        path = change.path.rsplit("[", 1)[0] if entity and change.path.endswith("]") else change.path
        what = _label(path, before, after)
        if change.before is None and change.after is not None and isinstance(change.after, dict):
            sentences.append(t("agreement.change_added", what=what, after=_display(change.after)))
        elif change.after is None and change.before is not None and isinstance(change.before, dict):
            sentences.append(t("agreement.change_removed", what=what, before=_display(change.before)))
        else:
            sentences.append(t("agreement.change_sentence", what=what, before=_display(change.before),
                               after=_display(change.after)))
    return sentences


def default_ladder(case: "Case") -> list[EscalationTier]:
    """A five-level ladder staffed from the case's people by tier, with common day limits."""
    ladder = []
    limits = {Level.OPERATIONAL: (5, 1), Level.MANAGEMENT: (10, 2), Level.EXECUTIVE: (10, 2),
              Level.MEDIATION: (30, 5), Level.ARBITRATION: (120, 20)}
    for level in LADDER_ORDER:
        days, expedited = limits[level]
        tier = level.tier
        ladder.append(EscalationTier(
            level=level, days=days, expedited_days=expedited,
            client_contact_ids=[p.id for p in case.client.people if p.tier is tier] if tier else [],
            vendor_contact_ids=[p.id for p in case.vendor.people if p.tier is tier] if tier else [],
            forum=case.mediator.name if level is Level.MEDIATION else "",
        ))
    return ladder


def basis_candidates(case: "Case") -> dict[BasisKind, list[tuple[str, str]]]:
    """What a commitment can rest on, as (id, short text) per kind, from the other steps:
    the SMART criteria, the options of the package on the table (or every option while there is
    no package), and the trust incidents whose acknowledgement the mediator accepted."""
    from negotiation.interests import accepted_acknowledgements

    criteria = [(c.id, c.statement) for c in case.system.criteria]
    chosen = set(case.options.proposal.values())
    options = [(o.id, o.statement) for o in case.options.options if not chosen or o.id in chosen]
    incidents = [(a.incident_id, a.what) for a in accepted_acknowledgements(case)]
    return {BasisKind.CRITERION: criteria, BasisKind.OPTION: options, BasisKind.INCIDENT: incidents,
            BasisKind.OTHER: []}


def review_sentence(review: ReviewCadence) -> str:
    from negotiation.i18n import fmt_date, t

    return t("agreement.review.sentence", frequency=t(f"agreement.review.frequency.{review.frequency.value}"),
             count=review.count, first=fmt_date(review.first),
             mediator=t("agreement.review.sentence_mediator") if review.with_mediator else "")


def directors_summary(case: "Case") -> dict[str, Any]:
    """The one page for the directors, from the steps' own functions: whether to proceed, what
    "working decently" means, the price and margin. A part is None until its step holds it."""
    from negotiation import i18n, intake, margin, smart
    from negotiation.i18n import t

    found = intake.verdict(case)
    recognition = None
    if case.intake.recognition.answers:
        recognition = " ".join([found.headline, *found.conditions])
    system = [smart.brief(c, case) for c in smart.definition(case)]
    money = None
    if not case.margin.is_empty:
        try:
            picture = margin.analyse(case)
        except Exception:  # a currency mismatch is explained in the margin section itself
            picture = None
        if picture is not None and picture.price is not None and picture.price_margin is not None:
            share, markup = margin.margin_text(picture.price_margin)
            money = t("report.summary.money_sentence", price=i18n.fmt_money(picture.price, picture.currency),
                      markup=markup, share=share) + " " + margin.describe_zone(picture.zone, picture.currency)
    return {"recognition": recognition, "system": system, "system_total": len(case.system.criteria),
            "money": money}


def _criterion_references(case: "Case") -> dict[str, str]:
    """How a commitment in the PDF names the SMART criterion it rests on: its number and metric, for
    the reader to look up in section 5, instead of the criterion's full wording a second time."""
    from negotiation.i18n import t
    from negotiation.model import STEPS

    section = STEPS.index("system") + 1
    return {c.id: t("agreement.report.criterion_ref", number=number, section=section, metric=c.metric or c.statement)
            for number, c in enumerate(case.system.criteria, start=1)}


def report_view(case: "Case") -> dict[str, Any]:
    candidates = basis_candidates(case)
    return {
        "summary": directors_summary(case),
        "people": {p.id: p for p in (*case.client.people, *case.vendor.people)},
        "basis_labels": {**{ref: text for items in candidates.values() for ref, text in items},
                         **_criterion_references(case)},
        "review_sentence": review_sentence(case.agreement.review),
        "commitment_counts": {role.value: sum(c.side is role for c in case.agreement.commitments) for role in PartyRole},
        "last_due": max((c.due for c in case.agreement.commitments), default=None),
    }
