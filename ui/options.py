"""Streamlit pieces of the Options page: issues and options, packages, the fair split, objective criteria.

Each section reads one `Context` (the open case and its interests and criteria by id); each form hands
one change to `common.apply`. The analysis is `negotiation.method.options.analysis`, the chart
`negotiation.adapters.charts.options`.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import streamlit as st
from pydantic import ValidationError

from negotiation.adapters.charts.options import frontier_figure
from negotiation.data.case import Case
from negotiation.data.interests import Interest
from negotiation.data.options import (
    CriterionKind,
    Issue,
    ObjectiveCriterion,
    Option,
    OptionsBoard,
    PointAllocation,
)
from negotiation.kernel.base import upserted
from negotiation.kernel.errors import Problem, explain
from negotiation.kernel.i18n import fmt_date, t
from negotiation.method.options.analysis import (
    Analysis,
    Package,
    analyse,
    fair_split,
    fmt_value,
    remove_criterion,
    remove_issue,
    remove_option,
    split_sentences,
    starter_criteria,
    suggestions_verdict,
    unknown_interests,
)
from ui import common

STEP = "options"
KINDS = list(CriterionKind)


def value(x: Fraction | Decimal | None) -> str:
    return fmt_value(x)


def signed(x: Fraction) -> str:
    text = value(abs(x))
    return ("+" if x >= 0 else "−") + text


def package_values(package: Package) -> str:
    return (f"{common.side_badge('client')} **{value(package.client)}** / 10 &nbsp;&nbsp; "
            f"{common.side_badge('vendor')} **{value(package.vendor)}** / 10")


def package_lines(package: Package) -> str:
    return "\n".join(f"- **{common.plain(issue.title)}:** {common.plain(option.statement)}"
                     for issue, option in package.choices)


def gains_text(analysis: Analysis, package: Package) -> tuple[str, str]:
    gc, gv = analysis.gains(package)
    return signed(gc), signed(gv)


def validated(model, values: dict, prefix: str, problems: list[Problem]):
    """`model(**values)`, or None with its problems added under `prefix.<field>`."""
    try:
        return model(**values)
    except ValidationError as exc:
        problems.extend(Problem(f"{prefix}.{p.field}" if p.field else prefix, p.message) for p in explain(exc))
        return None


def score_input(column, label: str, current: int | None, key: str):
    # No min/max on the widget: the model refuses out-of-range scores with a message under the field.
    return column.number_input(label, value=current, step=1, format="%d", key=key)


def show_chart(figure) -> None:
    st.plotly_chart(figure, width="stretch", key="options.chart",
                    config={"displayModeBar": False})


def as_float(x: Decimal | None) -> float | None:
    # st.number_input takes floats; the model keeps the Decimal.
    return None if x is None else float(x)


def _as_decimal(x: float | None) -> Decimal | None:
    # Through str: Decimal(0.1) would keep the float's binary noise.
    return None if x is None else Decimal(str(x))


def _options_with(choices: list[str], current: list[str]) -> list[str]:
    """The choices plus any id already chosen that is no longer offered (so the widget keeps it visible)."""
    return choices + [c for c in current if c not in choices]


# -- what every section reads -------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """The case the page was drawn from, with its interests and objective criteria by id."""

    loaded: common.Loaded
    interests: dict[str, Interest]
    criteria: dict[str, ObjectiveCriterion]

    @classmethod
    def of(cls, loaded: common.Loaded) -> Context:
        case = loaded.case
        return cls(loaded, {i.id: i for i in case.interests.interests}, {c.id: c for c in case.options.criteria})

    @property
    def board(self) -> OptionsBoard:
        return self.loaded.case.options

    def interest_label(self, interest_id: str) -> str:
        interest = self.interests.get(interest_id)
        if interest is None:
            return t("options.unknown_interest", id=interest_id)
        return f"{t('case.role.' + interest.side.value)}: {interest.statement}"

    def interest_badge(self, interest_id: str) -> str:
        interest = self.interests.get(interest_id)
        if interest is None:
            return t("options.unknown_interest", id=interest_id)
        return f"{common.side_badge(interest.side.value)} {common.plain(interest.statement)}"

    def criterion_label(self, criterion_id: str) -> str:
        criterion = self.criteria.get(criterion_id)
        return criterion.name if criterion else criterion_id


# -- issues and options -------------------------------------------------------------------


def issues_section(context: Context) -> None:
    board = context.board
    st.header(t("options.issues"))
    st.markdown(t("options.issues_intro"))
    editing = st.toggle(t("options.edit_issues"), key="options.edit_issues")
    stray = unknown_interests(board, set(context.interests))
    if stray:
        st.warning(t("options.stray_interests",
                     options=", ".join(common.plain(s) for s in sorted({o.statement for o, _ in stray}))))
    for issue in board.issues:
        options = board.options_for(issue.id)
        proposed = board.proposal.get(issue.id)
        with st.container(border=True):
            st.subheader(common.plain(issue.title))
            if not options:
                st.info(t("options.no_options"))
            else:
                _, c_head, v_head = st.columns([7, 1, 1])
                c_head.markdown(common.side_badge("client"))
                v_head.markdown(common.side_badge("vendor"))
            for option in options:
                left, c_col, v_col = st.columns([7, 1, 1], vertical_alignment="center")
                marker = f" :green-badge[{t('options.on_the_table')}]" if option.id == proposed else ""
                lines = [f"**{common.plain(option.statement)}**{marker}"]
                if option.serves:
                    lines.append(f"{t('options.serves')}: " + " · ".join(context.interest_badge(i)
                                                                           for i in option.serves))
                if option.criteria:
                    cites = ", ".join(common.plain(context.criterion_label(c)) for c in option.criteria)
                    lines.append(f":gray[{t('options.rests_on')}: {cites}]")
                left.markdown("  \n".join(lines))
                c_col.markdown(f"### {'—' if option.client_score is None else option.client_score}")
                v_col.markdown(f"### {'—' if option.vendor_score is None else option.vendor_score}")

            if editing:
                _edit_issue(context, issue, options)

    if editing or not board.issues:
        _add_issue_form(context)


def _edit_issue(context: Context, issue: Issue, options: list[Option]) -> None:
    """The forms under an issue, shown only when the mediator switches editing on."""
    loaded = context.loaded
    with st.expander(t("options.score_and_edit", issue=common.plain(issue.title))):
        _scores_form(context, issue, options)
        _add_option_form(context, issue)

        removable = {o.id: o.statement for o in options}
        r1, r2 = st.columns([4, 2], vertical_alignment="bottom")
        if removable:
            gone = r1.selectbox(t("options.remove_which"), list(removable), format_func=removable.get,
                                key=common.wkey(f"remove_option.{issue.id}"))
            if r2.button(t("options.remove_option"), key=f"options.remove_option.{issue.id}"):
                def change(work: Case, oid: str = gone) -> None:
                    work.options = remove_option(work.options, oid)
                common.apply(loaded, STEP, "option removed", change)
        if st.button(t("options.remove_issue"), key=f"options.remove_issue.{issue.id}"):
            def change(work: Case, issue_id: str = issue.id) -> None:
                try:
                    work.options = remove_issue(work.options, issue_id)
                except ValidationError:
                    raise
                except ValueError as exc:  # the issue still carries points
                    raise common.Rejected([Problem("", t(str(exc)))]) from exc
            common.apply(loaded, STEP, "issue removed", change,
                         done=t("options.issue_removed", issue=common.plain(issue.title)))


def _scores_form(context: Context, issue: Issue, options: list[Option]) -> None:
    with st.form(f"options.scores.{issue.id}"):
        slots = common.FieldSlots()
        title = st.text_input(t("options.issue_title"), value=issue.title,
                              key=common.wkey(f"issue.{issue.id}.title"))
        slots.under("title")
        st.caption(t("options.score_help"))
        typed = {}
        for option in options:
            s_col, c_col, v_col = st.columns([6, 1, 1])
            statement = s_col.text_input(t("options.statement"), value=option.statement,
                                         key=common.wkey(f"option.{option.id}.statement"))
            client = score_input(c_col, t("options.client_score"), option.client_score,
                                 common.wkey(f"option.{option.id}.client"))
            vendor = score_input(v_col, t("options.vendor_score"), option.vendor_score,
                                 common.wkey(f"option.{option.id}.vendor"))
            with s_col:
                slots.under(f"{option.id}.statement")
            with c_col:
                slots.under(f"{option.id}.client_score")
            with v_col:
                slots.under(f"{option.id}.vendor_score")
            i_col, k_col = st.columns(2)
            serves = i_col.multiselect(t("options.serves"), _options_with(list(context.interests), option.serves),
                                       default=option.serves, format_func=context.interest_label,
                                       key=common.wkey(f"option.{option.id}.serves"))
            cites = k_col.multiselect(t("options.rests_on"), _options_with(list(context.criteria), option.criteria),
                                      default=option.criteria, format_func=context.criterion_label,
                                      key=common.wkey(f"option.{option.id}.criteria"))
            typed[option.id] = dict(statement=statement, client_score=client, vendor_score=vendor,
                                    serves=serves, criteria=cites)
        if st.form_submit_button(t("options.save_scores")):
            def change(work: Case, issue_id: str = issue.id, title: str = title, typed: dict = typed) -> None:
                problems: list[Problem] = []
                new_issue = validated(Issue, dict(id=issue_id, title=title), "", problems)
                replaced = {}
                for option in work.options.options:
                    if option.id in typed:
                        values = option.model_dump() | typed[option.id]
                        replaced[option.id] = validated(Option, values, option.id, problems)
                if problems:
                    raise common.Rejected(problems)
                work.options.issues = upserted(work.options.issues, new_issue)
                work.options.options = [replaced.get(o.id, o) for o in work.options.options]
            common.apply(context.loaded, STEP, "issue and scores edited", change, slots,
                         done=t("options.scores_saved", issue=common.plain(issue.title)))


def _add_option_form(context: Context, issue: Issue) -> None:
    with st.form(f"options.add_option.{issue.id}"):
        st.markdown(f"**{t('options.add_option')}**")
        slots = common.FieldSlots()
        statement = st.text_input(t("options.statement"), key=common.wkey(f"new_option.{issue.id}.statement"))
        slots.under("statement")
        serves = st.multiselect(t("options.serves"), list(context.interests), format_func=context.interest_label,
                                key=common.wkey(f"new_option.{issue.id}.serves"))
        cites = st.multiselect(t("options.rests_on"), list(context.criteria), format_func=context.criterion_label,
                               key=common.wkey(f"new_option.{issue.id}.criteria"))
        c_col, v_col, _ = st.columns([1, 1, 4])
        client = score_input(c_col, t("options.client_score"), None, common.wkey(f"new_option.{issue.id}.client"))
        vendor = score_input(v_col, t("options.vendor_score"), None, common.wkey(f"new_option.{issue.id}.vendor"))
        with c_col:
            slots.under("client_score")
        with v_col:
            slots.under("vendor_score")
        if st.form_submit_button(t("options.add_option")):
            def change(work: Case, values: dict = dict(
                    statement=statement, issue_id=issue.id, serves=serves, criteria=cites,
                    client_score=client, vendor_score=vendor)) -> None:
                work.options.options = [*work.options.options, common.build(Option, values, [])]
            common.apply(context.loaded, STEP, "option added", change, slots,
                         done=t("options.option_added", statement=common.plain(statement)))


def _add_issue_form(context: Context) -> None:
    with st.form("options.add_issue"):
        st.markdown(f"**{t('options.add_issue')}**")
        slots = common.FieldSlots()
        new_title = st.text_input(t("options.issue_title"), key=common.wkey("new_issue.title"),
                                  placeholder=t("options.issue_placeholder"))
        slots.under("title")
        if st.form_submit_button(t("options.add_issue")):
            def change(work: Case) -> None:
                work.options.issues = [*work.options.issues, common.build(Issue, dict(title=new_title), [])]
            common.apply(context.loaded, STEP, "issue added", change, slots,
                         done=t("options.issue_added", issue=common.plain(new_title)))


# -- packages both sides can see ----------------------------------------------------------


def packages_section(context: Context) -> None:
    board = context.board
    st.header(t("options.packages"))
    analysis = analyse(board)
    if analysis.left_out:
        st.warning(t("options.left_out", issues=", ".join(common.plain(i.title) for i in analysis.left_out)))
    if not analysis.ready:
        st.info(t("options.not_ready"))
    else:
        st.markdown(t("options.packages_intro", issues=len(analysis.issues)))
        chart, side = st.columns([3, 2])
        with chart:
            show_chart(frontier_figure(analysis))
        with side:
            st.markdown(t("options.chart_reading", count=len(analysis.frontier)))
            _batna_form(context)
        _suggestions(analysis)
        _proposal(analysis)
    if board.issues:
        _proposal_form(context)


def _batna_form(context: Context) -> None:
    board = context.board
    with st.form("options.batna"):
        st.markdown(f"**{t('options.batna')}**")
        st.caption(t("options.batna_help"))
        slots = common.FieldSlots()
        b1, b2 = st.columns(2)
        batna_client = b1.number_input(t("options.batna_client"), value=as_float(board.batna_client), step=0.5,
                                       format="%.1f", key=common.wkey("batna.client"))
        with b1:
            slots.under("batna_client")
        batna_vendor = b2.number_input(t("options.batna_vendor"), value=as_float(board.batna_vendor), step=0.5,
                                       format="%.1f", key=common.wkey("batna.vendor"))
        with b2:
            slots.under("batna_vendor")
        if st.form_submit_button(t("options.save_batna")):
            def change(work: Case) -> None:
                work.options.batna_client = _as_decimal(batna_client)
                work.options.batna_vendor = _as_decimal(batna_vendor)
            common.apply(context.loaded, STEP, "BATNA values edited", change, slots)


def _suggestions(analysis: Analysis) -> None:
    st.subheader(t("options.suggestions"))
    verdict = suggestions_verdict(analysis)
    # Both suggestions follow one rule, so they are there together or not at all: one sentence says why not.
    if analysis.maxmin is None or analysis.nash is None:
        st.warning(verdict)
        return
    st.markdown(verdict)
    left, right = st.columns(2)
    for column, package, kind in ((left, analysis.maxmin, "maxmin"), (right, analysis.nash, "nash")):
        with column, st.container(border=True):
            st.markdown(f"#### {t('options.suggest.' + kind + '.title')}")
            gc, gv = gains_text(analysis, package)
            st.markdown(package_values(package))
            st.markdown(t(f"options.suggest.{kind}.explain", client_gain=gc, vendor_gain=gv))
            if analysis.proposal is not None and package.option_ids == analysis.proposal.option_ids:
                st.success(t("options.suggest.is_proposal"))
            st.markdown(package_lines(package))


def _proposal(analysis: Analysis) -> None:
    """The package on the table, and what would be better for both if it is not efficient."""
    st.subheader(t("options.proposal"))
    if analysis.proposal is None:
        st.info(t("options.proposal_incomplete",
                  issues=", ".join(common.plain(i.title) for i in analysis.proposal_missing)))
        return
    st.markdown(package_values(analysis.proposal))
    if analysis.proposal_efficient:
        st.success(t("options.proposal_efficient"))
        return
    st.warning(t("options.proposal_inefficient", count=len(analysis.improvements)))
    for improvement in analysis.improvements:
        with st.container(border=True):
            dc = improvement.package.client - analysis.proposal.client
            dv = improvement.package.vendor - analysis.proposal.vendor
            key = "options.better_both" if improvement.both_better else "options.better_one"
            st.markdown(t(key, client=value(improvement.package.client), client_gain=signed(dc),
                          vendor=value(improvement.package.vendor), vendor_gain=signed(dv)))
            st.markdown("\n".join(
                "- " + t("options.change", issue=common.plain(c.issue.title),
                         before=common.plain(c.before.statement) if c.before else "—",
                         after=common.plain(c.after.statement))
                for c in improvement.changes))


def _proposal_form(context: Context) -> None:
    board = context.board
    with st.expander(t("options.set_proposal")):
        with st.form("options.proposal"):
            slots = common.FieldSlots()
            chosen = {}
            for issue in board.issues:
                ids = [""] + [o.id for o in board.options_for(issue.id)]
                current = board.proposal.get(issue.id, "")
                statements = {o.id: o.statement for o in board.options_for(issue.id)}
                chosen[issue.id] = st.selectbox(
                    common.plain(issue.title), ids, index=ids.index(current) if current in ids else 0,
                    format_func=lambda oid, s=statements: s.get(oid, t("options.not_settled")),
                    key=common.wkey(f"proposal.{issue.id}"))
            agreed = st.checkbox(t("options.proposal_agreed"), value=board.proposal_agreed,
                                 key=common.wkey("proposal.agreed"))
            slots.under("")
            if st.form_submit_button(t("options.save_proposal")):
                def change(work: Case) -> None:
                    work.options.proposal = {k: v for k, v in chosen.items() if v}
                    work.options.proposal_agreed = agreed
                common.apply(context.loaded, STEP, "package on the table edited", change, slots)


# -- fair split (Adjusted Winner) ---------------------------------------------------------


def split_section(context: Context) -> None:
    board = context.board
    st.header(t("options.fair_split"))
    st.markdown(t("options.fair_split_intro"))
    split = fair_split(board)
    if split is not None:
        with st.container(border=True):
            for sentence in split_sentences(split):
                st.markdown(f"#### {common.plain(sentence)}")  # it names the issues
    if board.issues:
        with st.expander(t("options.points_edit"), expanded=split is None):
            _points_form(context)


def _points_form(context: Context) -> None:
    board = context.board
    with st.form("options.points"):
        slots = common.FieldSlots()
        head = st.columns([4, 1, 1])
        head[1].markdown(common.side_badge("client"))
        head[2].markdown(common.side_badge("vendor"))
        typed = {"client": {}, "vendor": {}}
        for issue in board.issues:
            row = st.columns([4, 1, 1], vertical_alignment="center")
            row[0].markdown(common.plain(issue.title))
            for side, column in (("client", row[1]), ("vendor", row[2])):
                current = getattr(board.allocation, side).get(issue.id)
                typed[side][issue.id] = column.number_input(
                    t(f"options.points_{side}"), value=current, step=1, format="%d",
                    key=common.wkey(f"points.{side}.{issue.id}"), label_visibility="collapsed")
                with column:
                    slots.under(f"{side}.{issue.id}")
        totals = st.columns([4, 1, 1])
        totals[0].markdown(f"**{t('options.points_total')}**")
        for side, column in (("client", totals[1]), ("vendor", totals[2])):
            column.markdown(f"**{sum(v or 0 for v in typed[side].values())}**")
        slots.under("")
        if st.form_submit_button(t("options.save_points")):
            def change(work: Case) -> None:
                values = {side: {k: (0 if v is None else int(v)) for k, v in typed[side].items()} for side in typed}
                work.options.allocation = common.build(PointAllocation, values, [])
            common.apply(context.loaded, STEP, "point allocation edited", change, slots)


# -- objective criteria -------------------------------------------------------------------


def criteria_section(context: Context) -> None:
    board = context.board
    st.header(t("options.criteria"))
    st.markdown(t("options.criteria_intro"))
    editing = st.toggle(t("options.edit_criteria"), key="options.edit_criteria")
    for criterion in board.criteria:
        with st.container(border=True):
            st.markdown(f"**{common.plain(criterion.name)}** · :gray[{t('options.kind.' + criterion.kind.value)}]")
            if criterion.standard:
                st.markdown(common.plain(criterion.standard))
            # The address is a link only when it is a plain http(s) one, and it shows itself, not a name.
            source = common.plain(criterion.source) + (f" · {common.link(criterion.url)}" if criterion.url else "")
            st.markdown(f":gray[{t('options.source')}: {source} · {fmt_date(criterion.dated)}]")
            if editing:
                _edit_criterion(context, criterion)

    if editing or not board.criteria:
        _add_criterion_form(context)
        _add_starters_button(context)


def _edit_criterion(context: Context, criterion: ObjectiveCriterion) -> None:
    loaded = context.loaded
    with st.expander(t("options.edit_criterion")):
        with st.form(f"options.criterion.{criterion.id}"):
            slots = common.FieldSlots()
            name = st.text_input(t("options.criterion_name"), value=criterion.name,
                                 key=common.wkey(f"crit.{criterion.id}.name"))
            slots.under("name")
            kind = st.selectbox(t("options.criterion_kind"), KINDS, index=KINDS.index(criterion.kind),
                                format_func=lambda k: t("options.kind." + k.value),
                                key=common.wkey(f"crit.{criterion.id}.kind"))
            standard = st.text_area(t("options.criterion_standard"), value=criterion.standard,
                                    key=common.wkey(f"crit.{criterion.id}.standard"))
            src = st.text_input(t("options.source"), value=criterion.source,
                                key=common.wkey(f"crit.{criterion.id}.source"))
            slots.under("source")
            c1, c2 = st.columns(2)
            dated = c1.date_input(t("options.criterion_dated"), value=criterion.dated, format="DD/MM/YYYY",
                                  key=common.wkey(f"crit.{criterion.id}.dated"))
            url = c2.text_input(t("options.criterion_url"), value=criterion.url,
                                key=common.wkey(f"crit.{criterion.id}.url"))
            with c2:
                slots.under("url")
            slots.under("")
            save, remove = st.columns(2)
            if save.form_submit_button(t("common.save")):
                def change(work: Case, cid: str = criterion.id, values: dict = dict(
                        name=name, kind=kind, standard=standard, source=src, dated=dated, url=url)) -> None:
                    new = common.build(ObjectiveCriterion, dict(id=cid, **values), [])
                    work.options.criteria = upserted(work.options.criteria, new)
                common.apply(loaded, STEP, "objective criterion edited", change, slots)
            if remove.form_submit_button(t("options.remove_criterion")):
                def change(work: Case, cid: str = criterion.id) -> None:
                    work.options = remove_criterion(work.options, cid)
                common.apply(loaded, STEP, "objective criterion removed", change, slots)


def _add_criterion_form(context: Context) -> None:
    with st.form("options.add_criterion"):
        st.markdown(f"**{t('options.add_criterion')}**")
        slots = common.FieldSlots()
        name = st.text_input(t("options.criterion_name"), key=common.wkey("new_crit.name"))
        slots.under("name")
        kind = st.selectbox(t("options.criterion_kind"), KINDS, format_func=lambda k: t("options.kind." + k.value),
                            key=common.wkey("new_crit.kind"))
        standard = st.text_area(t("options.criterion_standard"), key=common.wkey("new_crit.standard"))
        src = st.text_input(t("options.source"), key=common.wkey("new_crit.source"))
        slots.under("source")
        c1, c2 = st.columns(2)
        dated = c1.date_input(t("options.criterion_dated"), value=None, format="DD/MM/YYYY",
                              key=common.wkey("new_crit.dated"))
        url = c2.text_input(t("options.criterion_url"), key=common.wkey("new_crit.url"))
        with c2:
            slots.under("url")
        slots.under("")
        if st.form_submit_button(t("options.add_criterion")):
            def change(work: Case) -> None:
                new = common.build(ObjectiveCriterion, dict(name=name, kind=kind, standard=standard, source=src,
                                                            dated=dated, url=url), [])
                work.options.criteria = [*work.options.criteria, new]
            common.apply(context.loaded, STEP, "objective criterion added", change, slots,
                         done=t("options.criterion_added", name=common.plain(name)))


def _add_starters_button(context: Context) -> None:
    names = {c.name for c in context.board.criteria}
    missing_starters = [c for c in starter_criteria() if c.id not in context.criteria and c.name not in names]
    if missing_starters and st.button(t("options.add_starters", count=len(missing_starters)),
                                      key="options.add_starters"):
        def change(work: Case) -> None:
            work.options.criteria = [*work.options.criteria, *missing_starters]
        common.apply(context.loaded, STEP, "starter criteria added", change)
