"""Streamlit pieces of the Agreement page: commitments, the escalation ladder, continuity, documentation and
reviews, the signing details, then the PDF, finalising, the versions, comparing them, and the preview.

Each section reads one `Context` (the open case, where its agreement stands, its people by id); each form
hands one change to `common.apply`. The analysis is `negotiation.method.agreement`, the document
`negotiation.adapters.report`.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from negotiation.adapters.report import refusal_pdf, render_html, render_pdf, render_version_pdf
from negotiation.data.agreement import (
    LADDER_ORDER,
    AgreementVersion,
    BasisKind,
    Commitment,
    Continuity,
    Documentation,
    EscalationTier,
    Level,
    ReviewCadence,
    ReviewFrequency,
)
from negotiation.data.case import (
    Case,
    agreement_problems,
    case_from_json,
    case_to_json,
    fingerprint,
    record,
    short_fingerprint,
)
from negotiation.data.parties import PartyRole, Person
from negotiation.kernel import i18n
from negotiation.kernel.errors import CaseFinalised, Problem, RenderRefused
from negotiation.kernel.i18n import t
from negotiation.method.agreement import basis_candidates, compare, current_status, default_ladder, finalise
from ui import common

STEP = "agreement"


@dataclass(frozen=True)
class Context:
    """The case the page was drawn from, where its agreement stands, and both sides' people by id."""

    loaded: common.Loaded
    status: str
    """Either "final" (the case is exactly its last finalised version) or "draft"."""
    number: int
    """The number of that final version, or of the draft."""
    people: dict[str, Person]

    @classmethod
    def of(cls, loaded: common.Loaded) -> Context:
        case = loaded.case
        status, number = current_status(case, loaded.revision)
        return cls(loaded, status, number, {p.id: p for p in (*case.client.people, *case.vendor.people)})

    @property
    def case(self) -> Case:
        return self.loaded.case

    def person_label(self, pid: str) -> str:
        person = self.people.get(pid)
        return f"{person.name} ({person.title})" if person and person.title else (person.name if person else pid)


def status_banner(context: Context) -> None:
    agreement = context.case.agreement
    if context.status == "final":
        last = agreement.versions[-1]
        st.success(t("agreement.status_final", number=context.number, when=i18n.fmt_datetime(last.finalised_at),
                     fingerprint=short_fingerprint(last.fingerprint)))
    else:
        st.warning(t("agreement.status_draft", number=context.number))


# -- commitments ---------------------------------------------------------------------------


def commitments_section(context: Context) -> None:
    agreement = context.case.agreement
    st.header(t("agreement.commitments"))
    st.markdown(t("agreement.commitments_intro"))
    candidates = basis_candidates(context.case)
    labels = {kind: dict(items) for kind, items in candidates.items()}
    if not agreement.commitments:
        st.info(t("agreement.no_commitments"))
    for commitment in sorted(agreement.commitments, key=lambda c: (c.due, c.side.value)):
        _commitment_row(context, commitment, labels)
    _add_commitment(context, candidates, labels)


def _commitment_row(context: Context, commitment: Commitment, labels: dict[BasisKind, dict[str, str]]) -> None:
    with st.container(border=True):
        text, action = st.columns([6, 1], vertical_alignment="center")
        basis = ""
        if commitment.basis is not BasisKind.OTHER:
            basis = f"  \n{t('agreement.commitment.basis')}: {t('agreement.basis.' + commitment.basis.value)} — " \
                    f"{common.plain(labels[commitment.basis].get(commitment.basis_ref, commitment.basis_ref))}"
        confirmed = ""
        if commitment.side is PartyRole.VENDOR:
            confirmed = "  \n" + (
                f":green[✔ {t('agreement.commitment.confirmed_badge', who=common.plain(commitment.confirmed_by))}]"
                if commitment.delivery_confirmed else f":red[{t('agreement.commitment.not_confirmed')}]")
        text.markdown(f"{common.side_badge(commitment.side.value)} **{common.plain(commitment.what)}**  \n"
                      f"{t('agreement.commitment.owner')}: {common.plain(context.person_label(commitment.owner_id))} · "
                      f"{t('agreement.commitment.due')}: {i18n.fmt_date(commitment.due)}{basis}{confirmed}")
        if action.button(t("agreement.remove_commitment"), key=f"agreement.remove.{commitment.id}"):
            def change(work: Case, cid: str = commitment.id) -> None:
                work.agreement.commitments = [c for c in work.agreement.commitments if c.id != cid]
            common.apply(context.loaded, STEP, "commitment removed", change, done=t("agreement.commitment_removed"))


def _add_commitment(context: Context, candidates: dict[BasisKind, list[tuple[str, str]]],
                    labels: dict[BasisKind, dict[str, str]]) -> None:
    case = context.case
    # Side and basis sit outside the form: the owners and the basis references offered depend on them.
    with st.expander(t("agreement.add_commitment"), expanded=not case.agreement.commitments):
        side = st.radio(t("agreement.commitment.side"), list(PartyRole), horizontal=True,
                        format_func=lambda r: t(f"case.role.{r.value}"), key=common.wkey("agreement.new.side"))
        basis_kind = st.selectbox(t("agreement.commitment.basis"), list(BasisKind),
                                  format_func=lambda k: t(f"agreement.basis.{k.value}"),
                                  key=common.wkey("agreement.new.basis"))
        with st.form("agreement.add_commitment"):
            slots = common.FieldSlots()
            what = st.text_area(t("agreement.commitment.what"), key=common.wkey("agreement.new.what"))
            slots.under("what")
            c1, c2 = st.columns(2)
            owners = [p.id for p in case.party(side).people]
            owner = c1.selectbox(t("agreement.commitment.owner"), owners, format_func=context.person_label,
                                 key=common.wkey(f"agreement.new.owner.{side.value}"))
            with c1:
                slots.under("owner_id")
            due = c2.date_input(t("agreement.commitment.due"), value=None, format="DD/MM/YYYY",
                                key=common.wkey("agreement.new.due"))
            with c2:
                slots.under("due")
            refs = [ref for ref, _ in candidates[basis_kind]]
            basis_ref = ""
            if basis_kind is not BasisKind.OTHER:
                basis_ref = st.selectbox(t("agreement.commitment.basis_ref"), refs,
                                         format_func=lambda r: labels[basis_kind].get(r, r),
                                         key=common.wkey(f"agreement.new.ref.{basis_kind.value}")) or ""
            slots.under("basis_ref")
            confirmed, confirmed_by = False, ""
            if side is PartyRole.VENDOR:
                confirmed = st.checkbox(t("agreement.commitment.delivery_confirmed"),
                                        key=common.wkey("agreement.new.confirmed"))
                confirmed_by = st.text_input(t("agreement.commitment.confirmed_by"),
                                             key=common.wkey("agreement.new.confirmed_by"))
            slots.under("")
            if st.form_submit_button(t("agreement.add_commitment"), type="primary"):
                def change(work: Case) -> None:
                    commitment = common.build(Commitment, dict(
                        side=side, owner_id=owner or "", what=what, due=due, basis=basis_kind, basis_ref=basis_ref,
                        delivery_confirmed=confirmed, confirmed_by=confirmed_by), [])
                    work.agreement.commitments = [*work.agreement.commitments, commitment]
                common.apply(context.loaded, STEP, "commitment added", change, slots,
                             done=t("agreement.commitment_added"))


# -- escalation ladder ---------------------------------------------------------------------


def ladder_section(context: Context) -> None:
    st.header(t("agreement.ladder"))
    st.markdown(t("agreement.ladder_intro"))
    if st.button(t("agreement.ladder_default"), key="agreement.ladder.default"):
        def change(work: Case) -> None:
            work.agreement.ladder = default_ladder(work)
        common.apply(context.loaded, STEP, "escalation ladder filled from the people", change,
                     done=t("agreement.ladder_filled"))
    by_level = {tier.level: tier for tier in context.case.agreement.ladder}
    for level in LADDER_ORDER:
        _tier_form(context, level, by_level.get(level))


def _tier_form(context: Context, level: Level, tier: EscalationTier | None) -> None:
    case = context.case
    summary = t("agreement.tier.days_summary", days=tier.days, expedited=tier.expedited_days) if tier else "—"
    with st.expander(f"{LADDER_ORDER.index(level) + 1}. {t('agreement.level.' + level.value)} · {summary}"):
        with st.form(f"agreement.tier.{level.value}"):
            slots = common.FieldSlots()
            client_ids = vendor_ids = []
            forum = ""
            if level.tier is not None:
                c1, c2 = st.columns(2)
                client_ids = c1.multiselect(t("agreement.tier.client_contacts"), [p.id for p in case.client.people],
                                            default=tier.client_contact_ids if tier else [],
                                            format_func=context.person_label,
                                            key=common.wkey(f"tier.{level.value}.client"))
                vendor_ids = c2.multiselect(t("agreement.tier.vendor_contacts"), [p.id for p in case.vendor.people],
                                            default=tier.vendor_contact_ids if tier else [],
                                            format_func=context.person_label,
                                            key=common.wkey(f"tier.{level.value}.vendor"))
            else:
                forum = st.text_input(t("agreement.tier.forum"), value=tier.forum if tier else "",
                                      key=common.wkey(f"tier.{level.value}.forum"))
            handles = st.text_input(t("agreement.tier.handles"), value=tier.handles if tier else "",
                                    key=common.wkey(f"tier.{level.value}.handles"))
            c1, c2 = st.columns(2)
            days = c1.number_input(t("agreement.tier.days"), value=tier.days if tier else 5, step=1,
                                   key=common.wkey(f"tier.{level.value}.days"))
            with c1:
                slots.under("days")
            expedited = c2.number_input(t("agreement.tier.expedited_days"), value=tier.expedited_days if tier else 1,
                                        step=1, key=common.wkey(f"tier.{level.value}.expedited"))
            with c2:
                slots.under("expedited_days")
            slots.under("")
            if st.form_submit_button(t("agreement.tier.save")):
                def change(work: Case, level: Level = level, values: dict = dict(
                        client_contact_ids=client_ids, vendor_contact_ids=vendor_ids, forum=forum, handles=handles,
                        days=int(days), expedited_days=int(expedited))) -> None:
                    new = common.build(EscalationTier, dict(level=level, **values), [])
                    ladder = {tier.level: tier for tier in work.agreement.ladder}
                    ladder[level] = new
                    work.agreement.ladder = [ladder[lv] for lv in LADDER_ORDER if lv in ladder]
                    found = [Problem("", t(key)) for _, key in agreement_problems(work)]
                    if found:
                        raise common.Rejected(found)
                common.apply(context.loaded, STEP, f"escalation level {level.value} edited", change, slots)


# -- continuity, documentation, review -------------------------------------------------------


def terms_section(context: Context) -> None:
    agreement = context.case.agreement
    st.header(t("agreement.continuity"))
    with st.form("agreement.terms"):
        slots = common.FieldSlots()
        continuity = agreement.continuity
        services_continue = st.checkbox(t("agreement.continuity.services_continue"),
                                        value=continuity.services_continue,
                                        key=common.wkey("agreement.services_continue"))
        no_suspension = st.checkbox(t("agreement.continuity.no_suspension"),
                                    value=continuity.no_suspension_for_leverage,
                                    key=common.wkey("agreement.no_suspension"))
        interim = st.text_area(t("agreement.continuity.interim"), value=continuity.interim_arrangement,
                               key=common.wkey("agreement.interim"))
        st.subheader(t("agreement.documentation"))
        documentation = agreement.documentation
        decisions = st.text_area(t("agreement.documentation.decisions"), value=documentation.decisions,
                                 key=common.wkey("agreement.doc.decisions"))
        change_requests = st.text_area(t("agreement.documentation.change_requests"),
                                       value=documentation.change_requests,
                                       key=common.wkey("agreement.doc.change_requests"))
        service_issues = st.text_area(t("agreement.documentation.service_issues"), value=documentation.service_issues,
                                      key=common.wkey("agreement.doc.service_issues"))
        kept_by_both = st.checkbox(t("agreement.documentation.kept_by_both"), value=documentation.kept_by_both,
                                   key=common.wkey("agreement.doc.kept_by_both"))
        st.subheader(t("agreement.review"))
        review = agreement.review
        frequencies = list(ReviewFrequency)
        c1, c2, c3 = st.columns(3)
        frequency = c1.selectbox(t("agreement.review.frequency"), frequencies,
                                 index=frequencies.index(review.frequency),
                                 format_func=lambda f: t(f"agreement.review.frequency.{f.value}"),
                                 key=common.wkey("agreement.review.frequency"))
        count = c2.number_input(t("agreement.review.count"), value=review.count, step=1,
                                key=common.wkey("agreement.review.count"))
        with c2:
            slots.under("count")
        first = c3.date_input(t("agreement.review.first"), value=review.first, format="DD/MM/YYYY",
                              key=common.wkey("agreement.review.first"))
        with_mediator = st.checkbox(t("agreement.review.with_mediator"), value=review.with_mediator,
                                    key=common.wkey("agreement.review.with_mediator"))
        if st.form_submit_button(t("agreement.save_terms")):
            def change(work: Case) -> None:
                work.agreement.continuity = common.build(Continuity, dict(
                    services_continue=services_continue, no_suspension_for_leverage=no_suspension,
                    interim_arrangement=interim), [])
                work.agreement.documentation = common.build(Documentation, dict(
                    decisions=decisions, change_requests=change_requests, service_issues=service_issues,
                    kept_by_both=kept_by_both), [])
                work.agreement.review = common.build(ReviewCadence, dict(
                    frequency=frequency, count=int(count), first=first, with_mediator=with_mediator), [])
            common.apply(context.loaded, STEP, "continuity, documentation and reviews edited", change, slots)


# -- signing -------------------------------------------------------------------------------


def signing_section(context: Context) -> None:
    agreement = context.case.agreement
    st.header(t("agreement.signing"))
    with st.form("agreement.signing"):
        slots = common.FieldSlots()
        c1, c2 = st.columns(2)
        place = c1.text_input(t("agreement.place"), value=agreement.place, key=common.wkey("agreement.place"))
        signing_date = c2.date_input(t("agreement.signing_date"), value=agreement.signing_date,
                                     format="DD/MM/YYYY", key=common.wkey("agreement.signing_date"))
        with c2:
            slots.under("signing_date")
        if st.form_submit_button(t("agreement.save")):
            def change(work: Case) -> None:
                work.agreement.place = place
                work.agreement.signing_date = signing_date
            common.apply(context.loaded, STEP, "signing details edited", change, slots)


# -- the document ----------------------------------------------------------------------------


def pdf_or_notice(render: Callable[[], bytes]) -> bytes:
    """`render()`, or, when the print is refused (too large, too slow), a one-page PDF saying why.

    The download was already asked for when the render runs, outside the page's rerun: the file is
    the only place left to give the person who clicked the sentence.
    """
    try:
        return render()
    except RenderRefused as exc:
        return refusal_pdf(str(exc))


@st.cache_data(max_entries=8, show_spinner=False)
def _pdf_bytes(case_json: str, status: str, number: int) -> bytes:
    """The PDF for one exact state of a case (cached by its JSON: a change makes a new one)."""
    return render_pdf(case_from_json(case_json, stored=True), status=status, version=number)


@st.cache_data(max_entries=8, show_spinner=False)
def _version_pdf_bytes(version_json: str) -> bytes:
    """A finalised version's PDF, from its record and fingerprint as stored."""
    return render_version_pdf(AgreementVersion.model_validate_json(version_json))


def download_section(context: Context) -> None:
    """The PDF of the case as it stands, and its fingerprint; the PDF is rendered only when asked for."""
    case, status, number = context.case, context.status, context.number
    if status == "final":
        # The case stands at its last version: offer that version's own document, fingerprint as stored.
        last = case.agreement.versions[-1]
        digest = short_fingerprint(last.fingerprint)
        version_json = last.model_dump_json()
        pdf = lambda: pdf_or_notice(lambda: _version_pdf_bytes(version_json))  # noqa: E731
    else:
        digest = short_fingerprint(fingerprint(case))
        case_json = case_to_json(case)
        pdf = lambda: pdf_or_notice(lambda: _pdf_bytes(case_json, status, number))  # noqa: E731
    st.download_button(
        t("agreement.download"), data=pdf,
        file_name=f"agreement-{case.id}-v{number}-{status}.pdf", mime="application/pdf", type="primary",
        key="agreement.download", on_click="ignore",
    )
    st.caption(f"{t('agreement.fingerprint_caption')} **{digest}**")


def finalise_section(context: Context) -> None:
    """Making the draft the next final version, once the mediator confirms."""
    number = context.number
    st.subheader(t("agreement.finalise"))
    st.markdown(t("agreement.finalise_intro", number=number, next=number + 1))
    confirm = st.checkbox(t("agreement.finalise_confirm"), key="agreement.finalise.confirm")
    if st.button(t("agreement.finalise_button", number=number), key="agreement.finalise", disabled=not confirm):
        def change(work: Case) -> None:
            try:
                finalised = finalise(work, dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
            except CaseFinalised as exc:
                raise common.Rejected([Problem("", str(exc))]) from exc
            work.agreement.versions = finalised.agreement.versions
        common.apply(context.loaded, STEP, f"version {number} finalised", change,
                     done=t("agreement.finalised", number=number))


def versions_section(context: Context) -> None:
    """Every finalised version, newest first, each with its own PDF."""
    case = context.case
    st.subheader(t("agreement.versions"))
    if not case.agreement.versions:
        st.caption(t("agreement.no_versions"))
    for version in reversed(case.agreement.versions):
        line, button = st.columns([3, 2], vertical_alignment="center")
        line.markdown(t("agreement.version_line", number=version.number,
                        when=i18n.fmt_datetime(version.finalised_at),
                        fingerprint=short_fingerprint(version.fingerprint)))
        button.download_button(
            t("agreement.download_version", number=version.number),
            data=lambda v=version.model_dump_json(): pdf_or_notice(lambda: _version_pdf_bytes(v)),
            file_name=f"agreement-{case.id}-v{version.number}-final.pdf", mime="application/pdf",
            key=f"agreement.download.v{version.number}", on_click="ignore",
        )


def _version_name(number: int) -> str:
    return t("agreement.compare_draft") if number == 0 else t("agreement.version_name", number=number)


def compare_section(context: Context) -> None:
    """What changed between two versions, or a version and the draft (0); nothing before the first version."""
    case = context.case
    versions = case.agreement.versions
    if not versions:
        return
    st.subheader(t("agreement.compare"))
    choices = [*(v.number for v in versions), 0]
    c1, c2 = st.columns(2)
    older = c1.selectbox(t("agreement.compare_from"), choices, index=max(len(choices) - 2, 0),
                         format_func=_version_name, key="agreement.compare.from")
    newer = c2.selectbox(t("agreement.compare_to"), choices, index=len(choices) - 1, format_func=_version_name,
                         key="agreement.compare.to")

    def as_record(number: int) -> dict[str, Any]:
        return record(case) if number == 0 else versions[number - 1].record

    sentences = compare(as_record(older), as_record(newer))
    # The sentences quote what was typed before and after.
    st.markdown("\n".join(f"- {common.plain(s)}" for s in sentences) if sentences else t("agreement.compare_none"))


def preview_section(context: Context) -> None:
    st.subheader(t("agreement.preview"))
    # The preview is our own template's output: every party-typed value is autoescaped in it.
    st.iframe(render_html(context.case, status=context.status, version=context.number, for_screen=True), height=900)
