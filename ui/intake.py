"""Streamlit pieces of the Intake page: the recognition verdict, and its four parts (where it pinches, the early
warning signs, each side's three paths, the mutual recognition check) with the forms that edit them.

Each form hands one change to `common.apply`; nothing here judges the intake: the verdict, the escalation
level and the paths' values are `negotiation.method.intake`, the chart `negotiation.adapters.charts.intake`.
"""
from __future__ import annotations

from decimal import Decimal

import streamlit as st

from negotiation.adapters.charts.intake import paths_chart
from negotiation.data.case import Case
from negotiation.data.intake import (
    LITIGATION_COSTS,
    MAX_BRANCHES,
    Answer,
    Branch,
    Complaint,
    Path,
    PathKind,
    RecognitionAnswer,
    Statement,
    WarningSign,
    WarningSignKind,
    categories_for,
)
from negotiation.data.parties import PartyRole
from negotiation.kernel import i18n
from negotiation.kernel.base import upserted
from negotiation.kernel.errors import Problem
from negotiation.kernel.i18n import t
from negotiation.method.intake import (
    Outcome,
    PathValue,
    Verdict,
    batnas,
    chance_text,
    discount_note,
    escalation,
    money_for_people,
    months_text,
    path_values,
    range_text,
    verdict,
)
from ui import common

STEP = "intake"
SECTIONS = ("complaints", "signs", "paths", "recognition")
SECTION_KEY = "intake.section"
"""Session-state key of the part of the intake on screen (the radio above the parts)."""
ANSWERS = list(Answer)


def parse_number(raw: str, name: str, problems: list[Problem]) -> Decimal | None:
    """A number typed the local way, or None when left empty; a problem for `name` when unreadable."""
    if not raw.strip():
        return None
    try:
        return i18n.parse_decimal(raw)
    except Exception:  # babel raises NumberFormatError (a ValueError) or InvalidOperation
        problems.append(Problem(name, t("intake.error.not_a_number", example=i18n.fmt_number(Decimal("12.5")))))
        return None


def number_text(value: Decimal | None, digits: int = 2) -> str:
    return "" if value is None else i18n.fmt_number(value, digits=digits)


def scoped(problems: list[Problem], prefix: str, default_field: str) -> list[Problem]:
    """Problems of one row of a form, renamed so each lands under its own row's field."""
    return [Problem(f"{prefix}.{p.field or default_field}", p.message) for p in problems]


def role_name(side: PartyRole) -> str:
    return t(f"case.role.{side.value}")


def _names(case: Case) -> dict[PartyRole, str]:
    return {side: case.party(side).name for side in PartyRole}


def verdict_box(case: Case) -> Verdict:
    """The recognition verdict with its conditions and better paths, coloured by its outcome; returns it."""
    found = verdict(case)
    show = {Outcome.PROCEED: st.success, Outcome.CONDITIONS: st.warning,
            Outcome.DO_NOT_PROCEED: st.error, Outcome.INCOMPLETE: st.info}[found.outcome]
    lines = [f"**{t('intake.verdict')}: {found.headline}**"]
    # The conditions and better paths carry the parties' notes and names: shown as text.
    lines += [f"1. {common.plain(condition)}" for condition in found.conditions]
    lines += [f"- {common.plain(better)}" for better in found.better_paths]
    show("\n".join(lines))
    return found


# -- where it pinches ----------------------------------------------------------------------


def complaints_section(loaded: common.Loaded) -> None:
    intake = loaded.case.intake
    names = _names(loaded.case)
    st.markdown(t("intake.holds", count=len(intake.complaints)))
    for side in PartyRole:
        st.header(f"{common.side_badge(side.value)} {t('intake.complaints.of_side', name=common.plain(names[side]))}")
        own = [c for c in intake.complaints if c.raised_by is side]
        if not own:
            st.markdown(f"_{t('intake.complaints.none')}_")
        # The category that hurts most comes first.
        by_category = {category: sorted((c for c in own if c.category is category), key=lambda c: -c.severity)
                       for category in categories_for(side)}
        ranked = sorted((cat for cat in by_category if by_category[cat]), key=lambda cat: -by_category[cat][0].severity)
        for category in ranked:
            st.subheader(t(f"intake.category.{category.value}"))
            for complaint in by_category[category]:
                _complaint_card(loaded, side, complaint)
        _add_complaint(loaded, side)


def _complaint_card(loaded: common.Loaded, side: PartyRole, complaint: Complaint) -> None:
    with st.container(border=True):
        facts = [t("intake.complaint.severity_value", severity=complaint.severity)]
        if complaint.since:
            facts.append(t("intake.complaint.since_value", date=i18n.fmt_date(complaint.since)))
        if complaint.evidence:
            facts.append(f"{t('intake.complaint.evidence_short')}: {common.plain(complaint.evidence)}")
        st.markdown(f"**{common.plain(complaint.statement)}**")
        st.caption(" · ".join(facts))
        if complaint.disputed:
            st.markdown(f"{common.side_badge(side.other.value)} **{t('intake.complaint.disputed_badge')}:** "
                        f"{common.plain(complaint.other_side_account)}")
        with st.expander(t("intake.complaint.dispute_or_delete")):
            with st.form(f"intake.dispute.{complaint.id}"):
                slots = common.FieldSlots()
                disputed = st.checkbox(t("intake.complaint.disputed", role=role_name(side.other).lower()),
                                       value=complaint.disputed, key=common.wkey(f"intake.disputed.{complaint.id}"))
                account = st.text_area(t("intake.complaint.other_side_account", role=role_name(side.other).lower()),
                                       value=complaint.other_side_account,
                                       key=common.wkey(f"intake.account.{complaint.id}"))
                slots.under("other_side_account")
                slots.under("")
                if st.form_submit_button(t("intake.complaint.save_dispute")):
                    def change(work: Case, cid: str = complaint.id, disputed: bool = disputed,
                               account: str = account) -> None:
                        problems: list[Problem] = []
                        old = next(c for c in work.intake.complaints if c.id == cid)
                        values = old.model_dump() | dict(disputed=disputed, other_side_account=account)
                        new = common.build(Complaint, values, problems)
                        work.intake.complaints = upserted(work.intake.complaints, new)
                    common.apply(loaded, STEP, f"{side.value} complaint disputed", change, slots,
                                 done=t("intake.complaint.dispute_saved"))
            if st.button(t("intake.complaint.delete"), key=f"intake.delete.{complaint.id}"):
                def change(work: Case, cid: str = complaint.id) -> None:
                    work.intake.complaints = [c for c in work.intake.complaints if c.id != cid]
                common.apply(loaded, STEP, f"{side.value} complaint deleted", change,
                             done=t("intake.complaint.deleted"))


def _add_complaint(loaded: common.Loaded, side: PartyRole) -> None:
    with st.expander(t("intake.complaint.add", role=role_name(side).lower())):
        with st.form(f"intake.add.{side.value}"):
            slots = common.FieldSlots()
            choices = list(categories_for(side))
            category = st.selectbox(t("intake.complaint.category"), choices,
                                    format_func=lambda c: t(f"intake.category.{c.value}"),
                                    key=common.wkey(f"intake.new.{side.value}.category"))
            slots.under("category")
            statement = st.text_area(t("intake.complaint.statement"),
                                     key=common.wkey(f"intake.new.{side.value}.statement"))
            slots.under("statement")
            c1, c2, c3 = st.columns([2, 2, 3])
            severity = c1.slider(t("intake.complaint.severity"), 1, 5, 3,
                                 key=common.wkey(f"intake.new.{side.value}.severity"))
            since = c2.date_input(t("intake.complaint.since"), value=None, format="DD/MM/YYYY",
                                  key=common.wkey(f"intake.new.{side.value}.since"))
            with c2:
                slots.under("since")
            evidence = c3.text_input(t("intake.complaint.evidence"),
                                     key=common.wkey(f"intake.new.{side.value}.evidence"))
            slots.under("")
            if st.form_submit_button(t("intake.complaint.add_button")):
                def change(work: Case, values: dict = dict(
                        raised_by=side, category=category, statement=statement, severity=severity,
                        since=since, evidence=evidence)) -> None:
                    new = common.build(Complaint, values, [])
                    work.intake.complaints = [*work.intake.complaints, new]
                common.apply(loaded, STEP, f"{side.value} complaint added", change, slots,
                             done=t("intake.complaint.added"))


# -- early warning signs -------------------------------------------------------------------


def signs_section(loaded: common.Loaded) -> None:
    intake = loaded.case.intake
    level = escalation(intake)
    st.header(t("intake.escalation"))
    st.metric(t("intake.escalation.level_of", level=level.level), level.name)
    st.progress(level.level / 4)
    st.markdown(f"#### {level.sentence}")
    st.header(t("intake.signs"))
    st.caption(t("intake.signs.help"))
    with st.form("intake.signs"):
        slots = common.FieldSlots()
        rows = {}
        for row, kind in enumerate(WarningSignKind):
            seen = intake.sign(kind)
            labels = "visible" if row == 0 else "collapsed"  # one header row, then compact rows
            c1, c2, c3 = st.columns([3.5, 2.3, 4], vertical_alignment="bottom")
            ticked = c1.checkbox(t(f"intake.sign.{kind.value}"), value=seen is not None,
                                 key=common.wkey(f"intake.sign.{kind.value}.seen"))
            seen_on = c2.date_input(t("intake.signs.seen_on"), value=seen.seen_on if seen else None,
                                    format="DD/MM/YYYY", label_visibility=labels,
                                    key=common.wkey(f"intake.sign.{kind.value}.date"))
            with c2:
                slots.under(f"{kind.value}.seen_on")
            note = c3.text_input(t("intake.signs.note"), value=seen.note if seen else "", label_visibility=labels,
                                 key=common.wkey(f"intake.sign.{kind.value}.note"))
            with c3:
                slots.under(f"{kind.value}.note")
            rows[kind] = (ticked, seen_on, note)
        if st.form_submit_button(t("intake.signs.save")):
            def change(work: Case) -> None:
                signs, problems = [], []
                for kind, (ticked, seen_on, note) in rows.items():
                    if not ticked:
                        continue
                    try:
                        signs.append(common.build(WarningSign, dict(kind=kind, seen_on=seen_on, note=note), []))
                    except common.Rejected as exc:
                        problems += scoped(exc.problems, kind.value, "note")
                if problems:
                    raise common.Rejected(problems)
                work.intake.warning_signs = signs
            common.apply(loaded, STEP, "warning signs edited", change, slots, done=t("intake.signs.saved"))


# -- the three paths -----------------------------------------------------------------------

def _money(value: Decimal | None, currency: str) -> str:
    return "—" if value is None else money_for_people(value, currency)


def paths_section(loaded: common.Loaded) -> None:
    case, currency = loaded.case, loaded.currency
    names = _names(case)
    st.header(t("intake.paths"))
    st.caption(t("intake.paths.help"))
    _discount_form(loaded)
    figure = paths_chart(case.intake, currency, names)
    if figure is None:
        st.info(t("intake.chart.empty"))
    else:
        st.plotly_chart(figure, width="stretch", key="intake.chart")
    found_batnas = batnas(case)
    for column, side in zip(st.columns(2), PartyRole):
        found = found_batnas[side]
        with column, st.container(border=True):
            st.markdown(f"{common.side_badge(side.value)} **{t('intake.batna')}**")
            if found.best is not None:
                st.markdown(f"### {t(f'intake.path.{found.best.value}')}: "
                            f"{common.plain(money_for_people(found.value, currency))}")
            st.markdown(common.plain(found.reason))
            st.markdown(f"**{common.plain(found.against_solving)}**")
    for side in PartyRole:
        st.header(f"{common.side_badge(side.value)} {t('intake.paths.of_side', name=common.plain(names[side]))}")
        values = path_values(case.intake, side)
        for kind in PathKind:
            _path_card(loaded, values[kind], found_batnas[side].best is kind)


def _discount_form(loaded: common.Loaded) -> None:
    """The mediator's discount for time, one rate for the whole case (empty: no discount)."""
    intake = loaded.case.intake
    with st.form("intake.discount", border=False):
        slots = common.FieldSlots()
        c1, c2, c3 = st.columns([1.4, 1, 3], vertical_alignment="bottom")
        with c1:
            raw = st.text_input(t("intake.discount"), value=number_text(intake.discount_rate, 1),
                                help=t("intake.discount.help"), key=common.wkey("intake.discount"))
            slots.under("discount_rate")
        saved = c2.form_submit_button(t("intake.discount.save"))
        c3.caption(discount_note(intake.discount_rate))
        if saved:
            def change(work: Case, raw: str = raw) -> None:
                problems: list[Problem] = []
                rate = parse_number(raw, "discount_rate", problems)
                if problems:
                    raise common.Rejected(problems)
                work.intake.discount_rate = rate
            common.apply(loaded, STEP, "discount rate edited", change, slots, done=t("intake.discount.saved"))


def _branch_table(found: PathValue, currency: str) -> None:
    """The path's branches as the parties read them: each one's chance, money in and out, and net value."""
    discounted = found.rate is not None
    rows = []
    for branch in found.branches:
        chance = chance_text(branch.chance)
        row = {
            t("intake.branch.column"): common.plain(branch.name),
            t("intake.report.chance"): t("intake.branch.implied", chance=chance) if branch.implied else chance,
            t("intake.report.money_in"): (_money(branch.branch.money_in, currency) if branch.branch.money_in is not None
                                          else t("intake.value.not_entered")),
            t("intake.report.money_out"): _money(branch.branch.money_out, currency),
            t("intake.branch.net"): _money(branch.net, currency),
        }
        if discounted:
            row[t("intake.branch.today")] = _money(branch.value, currency)
        row[t("intake.report.time")] = months_text(branch.months, branch.months) or "—"
        rows.append(row)
    st.table(rows, hide_index=True)


def _path_card(loaded: common.Loaded, found: PathValue, is_batna: bool) -> None:
    currency = loaded.currency
    name = t(f"intake.path.{found.kind.value}")
    with st.container(border=True):
        left, right = st.columns([1, 2.8])
        with left:
            st.subheader(name + (" ★" if is_batna else ""))
            if is_batna:
                st.markdown(f"**{t('intake.batna')}**")
            if found.valued:
                label = t("intake.path.expected_today" if found.rate is not None else "intake.path.expected")
                st.metric(label, money_for_people(found.value, currency))
                when = months_text(found.months_low, found.months_high)
                spread = range_text(found, currency)
                sentences = [spread[:1].upper() + spread[1:] + "."]
                if when:
                    sentences.append(t("intake.value.when", time=when))
                st.caption(common.plain(" ".join(sentences)))
            else:
                st.info(common.plain(" ".join(found.missing)))
        with right:
            if found.branches:
                _branch_table(found, currency)
            if found.path is not None and found.path.note:
                st.caption(common.plain(found.path.note))
        for prompt in found.prompts:  # what is still asked for is asked, never assumed
            st.warning(common.plain(prompt))
        has_branches = found.path is not None and bool(found.path.branches)
        with st.expander(t("intake.path.edit", path=name.lower()), expanded=not has_branches,
                         key=f"intake.edit.{found.side.value}.{found.kind.value}"):
            _path_form(loaded, found.side, found.kind)


def _cost_label(name: str, side: PartyRole, currency: str) -> str:
    """The label of one of litigation's typical costs; restarting the work costs each side something else."""
    return t(f"intake.path.{name}.{side.value}" if name == "restart" else f"intake.path.{name}", currency=currency)


def _field_label(name: str, side: PartyRole, kind: PathKind, currency: str) -> tuple[str, str]:
    """The label and help of one field of a branch row."""
    if name in LITIGATION_COSTS:
        return _cost_label(name, side, currency), t(f"intake.path.{name}_help")
    if name == "cost" and kind is PathKind.LITIGATE:
        return t("intake.branch.other_costs", currency=currency), t("intake.branch.other_costs_help")
    return t(f"intake.branch.{name}", currency=currency), t(f"intake.branch.{name}_help")


def _field_text(branch: Branch, name: str) -> str:
    value = getattr(branch, name)
    if name == "label":
        return value
    if name in ("chance", "months"):
        return number_text(value, 1)
    return common.money_text(value)


BRANCH_WIDTHS = {"label": 2.4, "chance": 1.0, "money_in": 1.5, "legal_fees": 1.4, "write_off": 1.4, "restart": 1.5,
                 "cost": 1.5, "months": 1.0}
"""The width of each field of a branch row: the label widest, then the amounts."""


def _add_branch(extra_key: str) -> None:
    st.session_state[extra_key] = st.session_state.get(extra_key, 0) + 1


def _path_form(loaded: common.Loaded, side: PartyRole, kind: PathKind) -> None:
    """One row per branch (one row for a path taken as certain), saved together so the chances change as one."""
    currency = loaded.currency
    path = loaded.case.intake.path(side, kind) or Path(side=side, kind=kind)
    prefix = f"intake.path.{side.value}.{kind.value}"
    extra_key = common.wkey(f"{prefix}.extra")  # rows added but not yet saved; gone once the case is saved
    count = min(max(len(path.branches), 1) + st.session_state.get(extra_key, 0), MAX_BRANCHES)
    fields = ["label", "chance", "money_in", *(LITIGATION_COSTS if kind is PathKind.LITIGATE else ()), "cost", "months"]
    with st.form(prefix):
        slots = common.FieldSlots()
        rows = []
        for index in range(count):
            branch = path.branches[index] if index < len(path.branches) else Branch()
            shown = "visible" if index == 0 else "collapsed"  # one header row, then compact rows
            widths = [BRANCH_WIDTHS[n] for n in fields] + ([1.2] if count > 1 else [])
            columns = st.columns(widths, vertical_alignment="bottom")
            raw = {}
            labels = {}
            for column, name in zip(columns, fields):
                label, help_ = _field_label(name, side, kind, currency)
                labels[name] = label
                with column:
                    raw[name] = st.text_input(label, value=_field_text(branch, name), help=help_,
                                              label_visibility=shown, key=common.wkey(f"{prefix}.{index}.{name}"))
            removed = count > 1 and columns[-1].checkbox(t("intake.branch.remove"), label_visibility=shown,
                                                         key=common.wkey(f"{prefix}.{index}.remove"))
            # The row's columns are too narrow for a message: it shows under the row, named by its field.
            slots.under(f"branches.{index}", labels=labels)
            rows.append((raw, removed))
        note = st.text_area(t("intake.path.note"), value=path.note, key=common.wkey(f"{prefix}.note"))
        slots.under("")
        if st.form_submit_button(t("intake.path.save", path=t(f"intake.path.{kind.value}").lower())):
            def change(work: Case, side: PartyRole = side, kind: PathKind = kind, rows: list = rows,
                       note: str = note) -> None:
                branches, problems = [], []
                for index, (raw, removed) in enumerate(rows):
                    if removed or not any(text.strip() for text in raw.values()):
                        continue  # a row left empty is not a branch
                    found: list[Problem] = []
                    values = {name: text if name == "label" else parse_number(text, name, found)
                              for name, text in raw.items()}
                    try:
                        branches.append(common.build(Branch, values, found))
                    except common.Rejected as exc:
                        problems += scoped(exc.problems, f"branches.{index}", "label")
                if problems:
                    raise common.Rejected(problems)
                new = common.build(Path, dict(side=side, kind=kind, note=note, branches=branches), [])
                others = [p for p in work.intake.paths if (p.side, p.kind) != (side, kind)]
                work.intake.paths = [*others, new]
            common.apply(loaded, STEP, f"{side.value} path {kind.value} edited", change, slots,
                         done=t("intake.path.saved"))
    st.button(t("intake.branch.add"), key=f"{prefix}.add", on_click=_add_branch, args=(extra_key,),
              disabled=count >= MAX_BRANCHES)


# -- mutual recognition check --------------------------------------------------------------


def recognition_section(loaded: common.Loaded, found: Verdict) -> None:
    """Each side's answers to the recognition statements, under the reasons of the verdict `found` at the top."""
    names = _names(loaded.case)
    st.header(t("intake.recognition"))
    st.caption(t("intake.recognition.help"))
    if found.reasons:
        st.subheader(t("intake.verdict.reasons"))
        st.markdown("\n".join(f"- {common.plain(r)}" for r in found.reasons))
    for side in PartyRole:
        st.header(f"{common.side_badge(side.value)} {t('intake.recognition.of_side', name=common.plain(names[side]))}")
        _recognition_form(loaded, side)


def _recognition_form(loaded: common.Loaded, side: PartyRole) -> None:
    recognition = loaded.case.intake.recognition
    with st.form(f"intake.recognition.{side.value}"):
        slots = common.FieldSlots()
        given = {}
        for statement in Statement:
            current = recognition.answer(side, statement)
            # The statement with its answer on the left, the note beside: fits a 1280 px projector.
            c1, c3 = st.columns(2, vertical_alignment="center")
            c1.markdown(f"**{t(f'intake.statement.{statement.value}.{side.value}')}**")
            answer = c1.radio(t("intake.recognition.answer"), ANSWERS, horizontal=True,
                              index=ANSWERS.index(current.answer) if current else None,
                              format_func=lambda a: t(f"intake.answer.{a.value}"), label_visibility="collapsed",
                              key=common.wkey(f"intake.rec.{side.value}.{statement.value}"))
            note = c3.text_area(t("intake.recognition.note"), value=current.note if current else "", height=90,
                                label_visibility="collapsed", placeholder=t("intake.recognition.note"),
                                key=common.wkey(f"intake.rec.{side.value}.{statement.value}.note"))
            with c3:
                slots.under(f"{statement.value}.note")
            given[statement] = (answer, note)
        if st.form_submit_button(t("intake.recognition.save", role=role_name(side).lower())):
            def change(work: Case, side: PartyRole = side, given: dict = given) -> None:
                answers, problems = [], []
                for statement, (answer, note) in given.items():
                    if answer is None:
                        continue
                    try:
                        answers.append(common.build(RecognitionAnswer, dict(
                            side=side, statement=statement, answer=answer, note=note), []))
                    except common.Rejected as exc:
                        problems += scoped(exc.problems, statement.value, "note")
                if problems:
                    raise common.Rejected(problems)
                others = [a for a in work.intake.recognition.answers if a.side is not side]
                work.intake.recognition.answers = [*others, *answers]
            common.apply(loaded, STEP, f"{side.value} recognition answers edited", change, slots,
                         done=t("intake.recognition.saved"))
