"""Streamlit pieces of the Decent system page: the definition at a glance, the criteria and their acceptance,
the coverage, the editor with its live SMART check, and the templates drawn from the complaints.

Each edit hands one change to `common.apply`; nothing here judges a criterion: the check is
`negotiation.method.smart.check`, acceptance and coverage `negotiation.method.smart.criteria`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import streamlit as st

from negotiation.adapters.charts.system import coverage_bars
from negotiation.data.case import Case
from negotiation.data.parties import PartyRole, Person
from negotiation.data.smart import Area, DateKind, Direction, Frequency, SmartCriterion
from negotiation.kernel import i18n
from negotiation.kernel.base import upserted
from negotiation.kernel.errors import Problem
from negotiation.kernel.i18n import t
from negotiation.method.smart.check import SmartVerdict, check
from negotiation.method.smart.criteria import (
    Coverage,
    accept,
    coverage,
    problems_in_case,
    revised,
    target_problems,
    withdraw,
)
from negotiation.method.smart.parse import owner_person, parse
from negotiation.method.smart.templates import Template, templates_for
from ui import common

STEP = "system"
NEW = "__new__"
"""The editor's choice for a criterion not saved yet."""
EDITING = "system.editing"
"""Session-state key of the criterion open in the editor (its selectbox)."""
NEXT = "system.editing.next"
"""The criterion the editor opens next, chosen by a save or delete after the selectbox was drawn."""
NOTICE = "system.notice"
"""A message for the editor, shown next to it rather than at the top of a long page."""
FIELDS = ("statement", "area", "metric", "unit", "target", "direction", "measured_where", "measured_how",
          "frequency", "date", "date_kind", "client_owner", "vendor_owner", "achievable_why", "confirmed_by",
          "complaint_ids", "interest_ids")
"""The editor's fields, each a SmartCriterion field with a widget keyed `sc.<criterion>.<field>`."""

ICONS = {"pass": ":material/check_circle:", "fail": ":material/cancel:", "open": ":material/schedule:"}
"""Streamlit's own icon font: the emoji of a projector laptop may lack an emoji font."""
DONE = ":green[:material/check_circle:]"
NOT_DONE = ":gray[:material/radio_button_unchecked:]"

def letter_badges(verdict: SmartVerdict) -> str:
    """":green-background[S] :red-background[M] …": the five letters at a glance."""
    colours = {"pass": "green", "fail": "red", "open": "gray"}
    # Background highlights grow with the heading they sit in; badges would stay small.
    return " ".join(f":{colours[r.status]}-background[**{r.letter}**]" for r in verdict.letters)


def show_verdict(verdict: SmartVerdict) -> None:
    """The verdict as large, plain sentences: one box per letter, the sharper wording under a failing one."""
    (st.success if verdict.smart else st.warning)(f"#### {verdict.headline}")
    for result in verdict.letters:
        text = f"**{result.letter} · {result.name}** — {result.summary}"
        box = {"pass": st.success, "fail": st.error, "open": st.info}[result.status]
        box(text, icon=ICONS[result.status])
        for finding in result.findings:
            if finding.note:  # the owners are fields: a note beside S, never a failed S
                st.markdown(f":material/person: **{t('system.note')}:** {common.plain(finding.explanation)}")
            elif finding.advice:
                st.markdown(f":material/lightbulb: {t('system.advice')}: {common.plain(finding.explanation)} "
                            f"*{common.plain(finding.suggestion)}*")
            elif finding.suggestion:
                st.markdown(f":material/arrow_forward: **{t('system.sharper')}:** {common.plain(finding.suggestion)}")


# -- what every section of one run reads ----------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """The open case as this run of the page sees it: each criterion's number, each side's people, the coverage."""

    loaded: common.Loaded
    number_of: dict[str, int]
    people: dict[PartyRole, list[Person]]
    names: dict[str, str]
    """Every person of either side, by id."""
    cover: Coverage

    @property
    def case(self) -> Case:
        return self.loaded.case

    @property
    def criteria(self) -> list[SmartCriterion]:
        return self.loaded.case.system.criteria


def context(loaded: common.Loaded) -> Context:
    case = loaded.case
    people = {role: case.party(role).people for role in PartyRole}
    return Context(loaded=loaded, number_of={c.id: n for n, c in enumerate(case.system.criteria, start=1)},
                   people=people, names={p.id: p.name for role in PartyRole for p in people[role]},
                   cover=coverage(case))


# -- the definition at a glance ------------------------------------------------------------------


def definition_section(context: Context) -> None:
    cover = context.cover
    if not context.criteria:
        st.info(t("system.definition_empty"))
    else:
        (st.success if cover.complete else st.warning)(
            f"### {t('system.definition_headline', defined=cover.defined, total=cover.total)}")
    cols = st.columns(5)
    cols[0].metric(t("system.metric.criteria"), cover.total)
    cols[1].metric(t("system.metric.smart"), f"{cover.smart} / {cover.total}")
    cols[2].metric(t("system.metric.accepted"), f"{cover.accepted_by_both} / {cover.total}")
    cols[3].metric(t("system.metric.complaints"), f"{cover.complaints_covered} / {len(cover.complaints)}")
    cols[4].metric(t("system.metric.interests"), f"{cover.interests_covered} / {len(cover.interests)}")


# -- the criteria ----------------------------------------------------------------------------------


def criteria_section(context: Context) -> None:
    st.header(t("system.list"))
    if not context.criteria:
        st.markdown(t("common.none_yet"))
    for number, criterion in enumerate(context.criteria, start=1):
        _criterion_card(context, number, criterion)


def _criterion_card(context: Context, number: int, criterion: SmartCriterion) -> None:
    names = context.names
    verdict = check(criterion, context.case)
    in_definition = verdict.smart and criterion.accepted_by_both
    with st.container(border=True):
        badge = (f":green-badge[{t('system.in_definition')}]" if in_definition
                 else f":orange-badge[{t('system.not_in_definition')}]")
        st.markdown(f"#### {t('system.criterion_label', number=number)} · "
                    f"{t('system.area.' + criterion.area.value)} · {letter_badges(verdict)} {badge}")
        st.markdown(f"##### {common.plain(criterion.statement)}")
        if not verdict.smart:
            failing = " ".join(common.plain(f.explanation) for f in verdict.findings if not f.advice)  # quotes words
            st.markdown(f":red[:material/cancel:] {verdict.headline} {failing}")
        owners = " · ".join(f"{common.side_badge(role.value)} "
                            f"{common.plain(names.get(criterion.owner(role) or '', '—'))}"
                            for role in PartyRole)
        st.markdown(f"{t('system.owners')}: {owners}")
        sides = st.columns(2)
        for role, column in zip(PartyRole, sides):
            with column:
                _acceptance(context, number, criterion, role)
        if st.button(t("system.edit"), key=f"system.edit.{criterion.id}"):
            st.session_state[EDITING] = criterion.id
            st.rerun()


def _acceptance(context: Context, number: int, criterion: SmartCriterion, role: PartyRole) -> None:
    """One side's acceptance of a criterion: who accepted it and when, or how to accept it."""
    loaded, names = context.loaded, context.names
    given = criterion.acceptance(role)
    side = t(f"system.side.{role.value}")
    if given.accepted:
        st.markdown(f"{common.side_badge(role.value)} {DONE} "
                    + t("system.accepted_by", name=common.plain(names.get(given.by or "", "—")),
                        date=i18n.fmt_date(given.on)))
        if st.button(t("system.withdraw_as", side=side), key=f"system.withdraw.{role.value}.{criterion.id}"):
            def change(work: Case, cid: str = criterion.id, role: PartyRole = role) -> None:
                work.system.criteria = [withdraw(c, role) if c.id == cid else c for c in work.system.criteria]
            common.apply(loaded, STEP, f"{role.value} acceptance withdrawn", change,
                         done=t("system.withdrawn_done", side=side, number=number))
        return
    st.markdown(f"{common.side_badge(role.value)} {NOT_DONE} {t('system.not_accepted')}")
    with st.expander(t("system.accept_as", side=side)):
        ids = [p.id for p in context.people[role]]
        if not ids:
            st.info(t("system.no_people"))
            return
        who = st.selectbox(t("system.accept.who", side=side), ids, format_func=names.get,
                           key=common.wkey(f"sc.accept.{role.value}.{criterion.id}.who"))
        when = st.date_input(t("system.accept.when"), value=dt.date.today(), format="DD/MM/YYYY",
                             key=common.wkey(f"sc.accept.{role.value}.{criterion.id}.when"))
        slots = common.FieldSlots()
        slots.under(f"{role.value}_acceptance")
        if st.button(t("system.accept_as", side=side), key=f"system.accept.{role.value}.{criterion.id}",
                     type="primary"):
            def change(work: Case, cid: str = criterion.id, role: PartyRole = role,
                       who: str = who, when: dt.date = when) -> None:
                updated = [accept(c, role, who, when) if c.id == cid else c for c in work.system.criteria]
                target = next(c for c in updated if c.id == cid)
                problems = problems_in_case(work, target)
                if problems:
                    raise common.Rejected(problems)
                work.system.criteria = updated
            common.apply(loaded, STEP, f"{role.value} accepted a criterion", change, slots,
                         done=t("system.accepted_done", side=side, number=number))


# -- coverage ------------------------------------------------------------------------------------------


def coverage_section(context: Context) -> None:
    cover = context.cover
    st.header(t("system.coverage"))
    chart, lists = st.columns([1, 1], gap="large")
    # theme=None: Streamlit's chart theme would shrink the projector-sized labels.
    chart.plotly_chart(coverage_bars(cover), key="system.coverage_chart", theme=None)
    with lists:
        for kind, items in (("complaints", cover.complaints), ("interests", cover.interests)):
            st.subheader(t(f"system.coverage.{kind}"))
            for item in items:
                answered = (t("system.coverage.answered_by",
                              numbers=", ".join(str(context.number_of[i]) for i in item.criteria))
                            if item.covered else f"**{t('system.coverage.not_answered')}**")
                st.markdown(f"{DONE if item.covered else NOT_DONE} {common.side_badge(item.side.value)} "
                            f"{common.plain(item.statement)} — {answered}")


# -- the editor ------------------------------------------------------------------------------------------


def editor_section(context: Context) -> None:
    """The criterion open in the editor: its fields on the left, their SMART check beside them, save and delete."""
    editing, existing = _choose(context)
    key = {name: common.wkey(f"sc.{editing}.{name}") for name in FIELDS}
    initial = _seed(existing, key)
    editor, panel = st.columns([1, 1], gap="large")
    with editor:
        slots = _fields(context, key)
    values = {name: st.session_state.get(key[name]) for name in key}
    draft = SmartCriterion.model_construct(**{**initial, **values, "target": _read_target(values["target"]),
                                              "id": editing, "statement": values["statement"] or ""})
    with panel:
        st.subheader(t("system.check"))
        if not (values["statement"] or "").strip():
            st.info(t("system.check_empty"))
        else:
            show_verdict(check(draft, context.case))
    with editor:
        _save_and_delete(context, editing, existing, values, draft, slots)


def _choose(context: Context) -> tuple[str, SmartCriterion | None]:
    """The editor's heading and its choice of criterion; returns the choice and its saved criterion, if any."""
    case, number_of = context.case, context.number_of
    choices = [NEW, *number_of]
    if NEXT in st.session_state:  # chosen by a save or delete after the selectbox was drawn
        st.session_state[EDITING] = st.session_state.pop(NEXT)
    if st.session_state.get(EDITING) not in choices:
        st.session_state[EDITING] = NEW
    editing = st.session_state[EDITING]
    existing = case.system.get(editing) if editing != NEW else None
    st.header(t("system.editor") if existing is None else t("system.editor_editing", number=number_of[editing]))
    st.selectbox(t("system.editor.choose"), choices, key=EDITING,
                 format_func=lambda c: t("system.editor.new") if c == NEW else
                 f"{t('system.criterion_label', number=number_of[c])}: {case.system.get(c).statement[:70]}")
    st.caption(t("system.editor.hint"))
    return editing, existing


def _seed(existing: SmartCriterion | None, key: dict[str, str]) -> dict:
    """The criterion's values (empty ones for a new criterion), given to each field not typed in yet."""
    start = existing or SmartCriterion.model_construct(
        statement="", area=Area.OTHER, metric="", unit="", target=None, direction=None, measured_how="",
        measured_where="", frequency=None, date=None, date_kind=DateKind.BY, client_owner=None, vendor_owner=None,
        achievable_why="", confirmed_by=None, complaint_ids=[], interest_ids=[])
    initial = {name: getattr(start, name) for name in key}
    initial["target"] = "" if start.target is None else i18n.fmt_number(start.target)
    for name, value in initial.items():
        st.session_state.setdefault(key[name], value)
    return initial


def _fill_from_sentence(key: dict[str, str], people: dict[PartyRole, list[Person]], as_of: dt.date) -> None:
    parsed = parse(st.session_state.get(key["statement"], ""), as_of=as_of)
    filled = []
    found = {
        "target": i18n.fmt_number(parsed.target) if parsed.target is not None else None,
        "unit": parsed.unit or None, "direction": parsed.direction, "date": parsed.date,
        "date_kind": parsed.date_kind if parsed.date else None, "frequency": parsed.frequency,
        "measured_where": parsed.source or None, "metric": parsed.metric or None,
        "client_owner": owner_person(parsed.owners, people[PartyRole.CLIENT]),
        "vendor_owner": owner_person(parsed.owners, people[PartyRole.VENDOR]),
    }
    for name, value in found.items():
        if value is not None:
            st.session_state[key[name]] = value
            filled.append(t(f"system.field.{name}").lower())
    st.session_state[NOTICE] = t("system.filled", fields=", ".join(filled)) if filled else t("system.nothing_to_fill")


def _read_target(raw: str, problems: list[Problem] | None = None) -> Decimal | None:
    return common.parse_number(str(raw), "target", problems if problems is not None else [], required=False,
                               message=t("system.error.bad_number", example=i18n.fmt_number(Decimal("95.5"))))


def _optional(options: list) -> list:
    return [None, *options]


def _fields(context: Context, key: dict[str, str]) -> common.FieldSlots:
    """The editor's widgets, each showing its session-state value; returns the places for their messages."""
    case, people, names = context.case, context.people, context.names
    slots = common.FieldSlots()
    st.text_area(t("system.field.statement"), key=key["statement"], help=t("system.field.statement_help"), height=110)
    slots.under("statement")
    st.button(t("system.fill_from_sentence"), key="system.fill", on_click=_fill_from_sentence,
              args=(key, people, case.opened))
    if NOTICE in st.session_state:
        st.info(st.session_state.pop(NOTICE))
    c1, c2 = st.columns(2)
    c1.selectbox(t("system.field.area"), list(Area), key=key["area"],
                 format_func=lambda a: t(f"system.area.{a.value}"))
    c2.text_input(t("system.field.metric"), key=key["metric"])
    c1, c2, c3 = st.columns(3)
    c1.selectbox(t("system.field.direction"), _optional(list(Direction)), key=key["direction"],
                 format_func=lambda d: t("system.none") if d is None else t(f"system.direction.{d.value}"))
    c2.text_input(t("system.field.target"), key=key["target"])
    with c2:
        slots.under("target")
    c3.text_input(t("system.field.unit"), key=key["unit"])
    with c3:
        slots.under("unit")
    c1, c2, c3 = st.columns(3)
    c1.text_input(t("system.field.measured_where"), key=key["measured_where"])
    c2.text_input(t("system.field.measured_how"), key=key["measured_how"])
    c3.selectbox(t("system.field.frequency"), _optional(list(Frequency)), key=key["frequency"],
                 format_func=lambda f: t("system.none") if f is None else t(f"system.frequency.{f.value}"))
    c1, c2 = st.columns(2)
    c1.date_input(t("system.field.date"), value=None, format="DD/MM/YYYY", key=key["date"])
    with c1:
        slots.under("date")
    c2.selectbox(t("system.field.date_kind"), list(DateKind), key=key["date_kind"],
                 format_func=lambda k: t(f"system.date_kind.{k.value}"))
    c1, c2 = st.columns(2)
    for role, column in ((PartyRole.CLIENT, c1), (PartyRole.VENDOR, c2)):
        column.selectbox(t(f"system.field.{role.value}_owner"), _optional([p.id for p in people[role]]),
                         key=key[f"{role.value}_owner"],
                         format_func=lambda pid: t("system.none") if pid is None else names[pid])
        with column:
            slots.under(f"{role.value}_owner")
    st.text_area(t("system.field.achievable_why"), key=key["achievable_why"], height=80)
    st.selectbox(t("system.field.confirmed_by"), _optional([p.id for p in people[PartyRole.VENDOR]]),
                 key=key["confirmed_by"], format_func=lambda pid: t("system.none") if pid is None else
                 f"{names[pid]} · {next(p.title for p in people[PartyRole.VENDOR] if p.id == pid)}")
    slots.under("confirmed_by")
    complaint_text = {c.id: f"{t('case.role.' + c.raised_by.value)}: {c.statement[:90]}"
                      for c in case.intake.complaints}
    interest_text = {i.id: f"{t('case.role.' + i.side.value)}: {i.statement[:90]}" for i in case.interests.interests}
    st.multiselect(t("system.field.complaint_ids"), list(complaint_text), key=key["complaint_ids"],
                   format_func=complaint_text.get)
    st.multiselect(t("system.field.interest_ids"), list(interest_text), key=key["interest_ids"],
                   format_func=interest_text.get)
    slots.under("")
    return slots


def _save_and_delete(context: Context, editing: str, existing: SmartCriterion | None, values: dict,
                     draft: SmartCriterion, slots: common.FieldSlots) -> None:
    save, remove = st.columns(2)
    if save.button(t("system.save"), key="system.save", type="primary"):
        def change(work: Case) -> None:
            problems: list[Problem] = []
            target = _read_target(values["target"], problems)
            problems += target_problems(target, values["unit"] or "")
            data = {**values, "target": target, "unit": values["unit"] or "", "statement": values["statement"] or "",
                    "metric": values["metric"] or "", "measured_where": values["measured_where"] or "",
                    "measured_how": values["measured_how"] or "", "achievable_why": values["achievable_why"] or ""}
            if existing is not None:
                data.update(id=existing.id, client_acceptance=existing.client_acceptance,
                            vendor_acceptance=existing.vendor_acceptance)
            criterion = common.build(SmartCriterion, data, problems)
            problems = problems_in_case(work, criterion)
            if problems:
                raise common.Rejected(problems)
            criterion, withdrawn = revised(existing, criterion)
            work.system.criteria = upserted(work.system.criteria, criterion)
            if existing is None:
                st.session_state[NEXT] = criterion.id

        number = context.number_of.get(editing, len(context.criteria) + 1)
        withdraws = existing is not None and revised(existing, draft)[1]
        common.apply(context.loaded, STEP, "criterion added" if existing is None else "criterion edited", change,
                     slots, done=t("system.saved_withdrawn" if withdraws else "system.saved_new", number=number))
    if existing is not None and remove.button(t("system.delete"), key="system.delete"):
        def change(work: Case, cid: str = existing.id) -> None:
            work.system.criteria = [c for c in work.system.criteria if c.id != cid]
            st.session_state[NEXT] = NEW
        common.apply(context.loaded, STEP, "criterion deleted", change, done=t("system.deleted"))


# -- templates from the complaints --------------------------------------------------------------------------


def templates_section(context: Context) -> None:
    case = context.case
    st.header(t("system.templates"))
    st.markdown(t("system.templates_intro"))
    answered = {cid for c in context.criteria for cid in c.complaint_ids}
    proposals = templates_for(case.intake.complaints, answered)
    if not proposals:
        st.success(t("system.templates_none"))
    complaints = {c.id: c for c in case.intake.complaints}
    for template in proposals:
        complaint = complaints[template.complaint_id]
        with st.container(border=True):
            st.markdown(f"{common.side_badge(complaint.raised_by.value)} {common.plain(complaint.statement)}")
            st.markdown(f":material/arrow_forward: *{t('system.area.' + template.area.value)}:* "
                        f"{common.plain(template.statement)}")
            st.button(t("system.use_template"), key=f"system.template.{complaint.id}", on_click=_use_template,
                      args=(template,))


def _use_template(template: Template) -> None:
    st.session_state[EDITING] = NEW
    draft_keys = {name: common.wkey(f"sc.{NEW}.{name}") for name in FIELDS}
    proposal = template.criterion()
    for name in draft_keys:
        st.session_state[draft_keys[name]] = getattr(proposal, name)
    st.session_state[draft_keys["target"]] = ""
    st.session_state[NOTICE] = t("system.template_used")
