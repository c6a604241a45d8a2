"""Step 7, the agreement the directors sign: commitments, the escalation ladder, continuity,
documentation, the review cadence, and finalised versions that never change.

A finalised version is a frozen snapshot of the case record with its fingerprint and time.
Its fingerprint is checked whenever it is loaded, and the store refuses any save that alters or
removes an earlier version, so a finalised version cannot change through any path; a later
edit of the case is simply the next draft.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from negotiation.data.agreement import (
    LADDER_ORDER,
    AgreementVersion,
    BasisKind,
    EscalationTier,
    Level,
    ReviewCadence,
    digest,
)
from negotiation.data.case import CONFIDENTIAL_FIELDS, STEPS, Case, record
from negotiation.data.parties import PartyRole
from negotiation.kernel import i18n
from negotiation.kernel.changes import diff
from negotiation.kernel.errors import CaseFinalised
from negotiation.kernel.i18n import MissingMessage, fmt_date, t
from negotiation.method import intake
from negotiation.method.interests import accepted_acknowledgements
from negotiation.method.margin import analysis as margin
from negotiation.method.smart import criteria as smart


def finalise(case: "Case", when: dt.datetime) -> "Case":
    """A copy of `case` whose agreement gains the next final version: a snapshot of the record now."""

    if case.agreement.versions and case.agreement.versions[-1].fingerprint == digest(record(case)):
        raise CaseFinalised("agreement.error.nothing_changed", number=case.agreement.versions[-1].number)
    snapshot = record(case)
    version = AgreementVersion(number=case.agreement.draft_number, finalised_at=when,
                               fingerprint=digest(snapshot), record=snapshot)
    result = case.model_copy(deep=True)
    result.agreement.versions = [*case.agreement.versions, version]
    return result


def current_status(case: Case, revision: int | None = None) -> tuple[str, int]:
    """("final", N) when the case stands at its last finalised version N, else ("draft", next number).

    Decided by the store's revision when both are known: the case stands at version N while its revision is
    the one version N was finalised at. Only without one (a case file, a version the store has not stamped)
    is it decided by comparing fingerprints, which holds only under the schema the version was finalised in.
    """
    versions = case.agreement.versions
    if not versions:
        return "draft", case.agreement.draft_number
    last = versions[-1]
    if revision is not None and last.revision is not None:
        stands = last.revision == revision
    else:
        stands = last.fingerprint == digest(record(case))
    return ("final", last.number) if stands else ("draft", case.agreement.draft_number)


def with_standing_version(document: dict[str, Any], revision: int) -> dict[str, Any]:
    """A stored or imported case document, its last version stamped with `revision` if the document stands at it.

    Run on the document as it was written, before any migration: a version finalised before versions
    carried their revision is judged by its fingerprint under its own schema, once, and from then on by
    revision. A document that does not stand at its last version, or whose version has its revision, is
    returned as it is.
    """
    agreement = document.get("agreement") if isinstance(document, dict) else None
    versions = agreement.get("versions") if isinstance(agreement, dict) else None
    if not versions or not isinstance(versions[-1], dict) or versions[-1].get("revision") is not None:
        return document
    shared = {k: v for k, v in document.items() if k not in CONFIDENTIAL_FIELDS}
    shared["agreement"] = {k: v for k, v in agreement.items() if k != "versions"}
    if digest(shared) != versions[-1].get("fingerprint"):
        return document
    stamped = {**versions[-1], "revision": revision}
    return {**document, "agreement": {**agreement, "versions": [*versions[:-1], stamped]}}


# -- comparing versions, in words ----------------------------------------------------------

_DISPLAY_FIELDS = ("statement", "what", "name", "title", "label")


def _display(value: Any) -> str:

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

    criteria = [(c.id, c.statement) for c in case.system.criteria]
    chosen = set(case.options.proposal.values())
    options = [(o.id, o.statement) for o in case.options.options if not chosen or o.id in chosen]
    incidents = [(a.incident_id, a.what) for a in accepted_acknowledgements(case)]
    return {BasisKind.CRITERION: criteria, BasisKind.OPTION: options, BasisKind.INCIDENT: incidents,
            BasisKind.OTHER: []}


def review_sentence(review: ReviewCadence) -> str:

    return t("agreement.review.sentence", frequency=t(f"agreement.review.frequency.{review.frequency.value}"),
             count=review.count, first=fmt_date(review.first),
             mediator=t("agreement.review.sentence_mediator") if review.with_mediator else "")


def directors_summary(case: "Case") -> dict[str, Any]:
    """The one page for the directors, from the steps' own functions: whether to proceed, what
    "working decently" means, the price and margin. A part is None until its step holds it."""

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
        elif picture is not None and picture.zone.known:
            # No price agreed yet: the directors still see where one can lie.
            money = margin.describe_zone(picture.zone, picture.currency)
    return {"recognition": recognition, "system": system, "system_total": len(case.system.criteria),
            "money": money, "package": _package(case)}


def _package(case: Case) -> dict[str, Any] | None:
    """The package on the table, issue by issue, and whether both sides agreed it; None before any choice."""
    board = case.options
    chosen = [(issue, board.option(board.proposal.get(issue.id, ""))) for issue in board.issues]
    lines = [(issue.title, option.statement) for issue, option in chosen if option is not None]
    if not lines:
        return None
    return {"agreed": board.proposal_agreed, "lines": lines, "open": sum(1 for _, option in chosen if option is None)}


def _criterion_references(case: "Case") -> dict[str, str]:
    """How a commitment in the PDF names the SMART criterion it rests on: its number and metric, for
    the reader to look up in section 5, instead of the criterion's full wording a second time."""

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
