"""Streamlit pieces of the Interests page: the map, the words, and the forms that edit the interest map.

Each form hands one change to `common.apply`; nothing here computes: the analysis is
`negotiation.method.interests.analyse`, the chart `negotiation.adapters.charts.interests`.
"""
from __future__ import annotations

from decimal import Decimal

import streamlit as st

from negotiation.adapters.charts.interests import interest_map_figure
from negotiation.data.case import Case
from negotiation.data.interests import (
    Decision,
    Interest,
    InterestKind,
    InterestLink,
    InterestMap,
    LinkKind,
    PeopleAspect,
    PeopleNote,
    Position,
    TrustIncident,
)
from negotiation.data.parties import PartyRole
from negotiation.kernel import i18n
from negotiation.kernel.base import upserted
from negotiation.kernel.errors import Problem
from negotiation.kernel.i18n import t
from negotiation.method.interests import (
    LINK_KINDS,
    SIDES,
    InterestAnalysis,
    acknowledgement_text,
    analyse,
    decide,
    people_by_side,
    remove_interest,
    remove_position,
    suggested_acknowledgement,
)
from ui import common

STEP = "interests"
TABS_KEY = "interests.tab"
"""Session-state key of the open tab (its label); tests open a tab by seeding it."""
KINDS = list(InterestKind)
ASPECTS = list(PeopleAspect)
FELT_BY: list[PartyRole | None] = [PartyRole.CLIENT, PartyRole.VENDOR, None]
SHOWN_FIRST = 20
"""How many interest editors (or link editors of one kind) a long list shows before its "show all" control."""


def show_all_key(list_name: str) -> str:
    """Session-state key of the toggle that shows the whole of a long list ("positions.client", "links.common")."""
    return f"interests.show_all.{list_name}"


def _shown(total: int, list_name: str) -> int:
    """How many of a list of `total` to draw: all of a short list; the first SHOWN_FIRST of a long one unless
    its "show all" toggle is on. Each editor is a form of several widgets, and Streamlit's cost per widget
    grows with the number of widgets on the page, so drawing hundreds of them made a rerun take many seconds."""
    if total <= SHOWN_FIRST:
        return total
    st.caption(t("interests.list.shown", shown=SHOWN_FIRST, total=total))
    return total if st.toggle(t("interests.list.show_all", total=total), key=show_all_key(list_name)) \
        else SHOWN_FIRST


def analysis(case: Case) -> InterestAnalysis:
    """The interest map's analysis, which the map, the words and the tabs all read."""
    return analyse(case.interests)


def side_name(role: PartyRole | None) -> str:
    return t("interests.incident.felt_by.both") if role is None else t(f"case.role.{role.value}")


def priority_dot(interest: Interest) -> str:
    colour = "blue" if interest.side is PartyRole.CLIENT else "orange"
    return f":{colour}-background[**{interest.priority}**]"


# -- the map and the words ----------------------------------------------------------------


def map_section(case: Case, analysis: InterestAnalysis) -> None:
    st.header(t("interests.map.header"))
    if not case.interests.interests:
        st.info(t("interests.map.empty"))
        return
    figure = _map_figure(case.interests.model_dump_json(), case.client.name, case.vendor.name, i18n.language())
    st.markdown(f"**{t('interests.map.title')}**")
    st.plotly_chart(figure, key="interests.map", config={"displayModeBar": False})
    words_section(analysis)


@st.cache_data(max_entries=16, show_spinner=False)
def _map_figure(map_json: str, client_name: str, vendor_name: str, language: str):
    """The plotly map, cached by content: building a plotly figure costs more than the rest of the page."""
    return interest_map_figure(InterestMap.model_validate_json(map_json), client_name, vendor_name)


def words_section(analysis: InterestAnalysis) -> None:
    st.subheader(t("interests.words.header"))
    for position in analysis.ask_why:
        st.warning(t("interests.flag.ask_why", statement=common.plain(position.statement),
                     side=side_name(position.side)))
    columns = st.columns(3)
    for column, kind in zip(columns, LINK_KINDS):
        with column:
            st.markdown(f"**{t(f'interests.words.{kind.value}')}**")
            pairs = analysis.pairs[kind]
            if not pairs:
                st.caption(t(f"interests.words.none.{kind.value}"))
            for pair in pairs:
                st.markdown(t("interests.words.pair", rank=pair.rank,
                              client=f"{priority_dot(pair.client)} {common.plain(pair.client.statement)}",
                              vendor=f"{priority_dot(pair.vendor)} {common.plain(pair.vendor.statement)}",
                              combined=pair.combined, tie=t("interests.words.tie") if pair.tied else ""))
    st.caption(t("interests.words.order_note"))
    for multi in analysis.multi_linked:
        kinds = ", ".join(f"{multi.kinds.count(k)} {t(f'interests.link.{k.value}').lower()}"
                          for k in LINK_KINDS if k in multi.kinds)
        text = t("interests.flag.multi", statement=common.plain(multi.interest.statement),
                 side=side_name(multi.interest.side), count=len(multi.kinds), kinds=kinds)
        st.info(text + (" " + t("interests.flag.mixed") if multi.mixed else ""))
    for side in SIDES:
        if analysis.unlinked[side]:
            items = "; ".join(f"“{common.plain(i.statement)}”" for i in analysis.unlinked[side])
            st.caption(f"{common.side_badge(side.value)} " + t("interests.flag.unlinked", items=items))


# -- positions and interests --------------------------------------------------------------


def positions_tab(loaded: common.Loaded, analysis: InterestAnalysis) -> None:
    case = loaded.case
    link_counts = _link_counts(case)
    position_label = _position_label(case)
    for column, side in zip(st.columns(2, gap="large"), SIDES):
        with column:
            st.subheader(f"{common.side_badge(side.value)} {common.plain(case.party(side).name)}")
            groups = analysis.groups[side]
            if not any(g.position for g in groups):
                st.caption(t("interests.position.none"))
            budget = _shown(sum(len(g.interests) + (g.position is not None) for g in groups),
                            f"positions.{side.value}")
            for group in groups:
                if budget <= 0:
                    break
                budget -= len(group.interests) + (group.position is not None)
                with st.container(border=True):
                    if group.position is None:
                        st.markdown(f"**{t('interests.alone')}**")
                    else:
                        badge = f" :red-badge[{t('interests.position.ask_why_badge')}]" if group.ask_why else ""
                        st.markdown(f"{t('interests.position')}: **“{common.plain(group.position.statement)}”**{badge}")
                    for interest in group.interests:
                        _interest_editor(loaded, interest, link_counts, position_label)
                    if group.position is not None:
                        _position_editor(loaded, group.position)
            _add_position(loaded, side)
            _add_interest(loaded, side)


def _position_choices(case: Case, side: PartyRole) -> list[str | None]:
    return [None, *(p.id for p in case.interests.positions if p.side is side)]


def _position_label(case: Case):
    statements = {p.id: p.statement for p in case.interests.positions}
    alone = t("interests.position.stands_alone")

    def label(position_id: str | None) -> str:
        if position_id is None:
            return alone
        return statements.get(position_id, position_id)
    return label


def _link_counts(case: Case) -> dict[str, int]:
    """How many links each interest has, counted once over the links (not once per interest)."""
    counts: dict[str, int] = {}
    for link in case.interests.links:
        for iid in {link.first_id, link.second_id}:
            counts[iid] = counts.get(iid, 0) + 1
    return counts


def _interest_fields(case: Case, side: PartyRole, prefix: str, slots: common.FieldSlots,
                     interest: Interest | None = None, position_label=None) -> dict:
    statement = st.text_area(t("interests.statement"), value=interest.statement if interest else "",
                             key=common.wkey(f"{prefix}.statement"), height=80)
    slots.under("statement")
    c1, c2 = st.columns([1, 2])
    priority = c1.number_input(t("interests.priority"), value=interest.priority if interest else 3, step=1,
                               key=common.wkey(f"{prefix}.priority"))
    with c1:
        slots.under("priority")
    kind = c2.selectbox(t("interests.kind"), KINDS, index=KINDS.index(interest.kind) if interest else 0,
                        format_func=lambda k: t(f"interests.kind.{k.value}"), key=common.wkey(f"{prefix}.kind"))
    choices = _position_choices(case, side)
    current = interest.position_id if interest and interest.position_id in choices else None
    position_id = st.selectbox(t("interests.position.under"), choices, index=choices.index(current),
                               format_func=position_label or _position_label(case), key=common.wkey(f"{prefix}.position"))
    slots.under("interests")
    return dict(side=side, statement=statement, priority=int(priority), kind=kind, position_id=position_id)


def _interest_editor(loaded: common.Loaded, interest: Interest, link_counts: dict[str, int],
                     position_label) -> None:
    case = loaded.case
    links = link_counts.get(interest.id, 0)
    label = f"{priority_dot(interest)} {common.plain(interest.statement)}"
    with st.expander(label):
        st.caption(f"{t('interests.kind_short.' + interest.kind.value)} · {t('interests.links_count', count=links)}")
        with st.form(f"interests.interest.{interest.id}"):
            slots = common.FieldSlots()
            values = _interest_fields(case, interest.side, f"interest.{interest.id}", slots, interest, position_label)
            save, remove = st.columns(2)
            if save.form_submit_button(t("interests.save_interest")):
                def change(work: Case, iid: str = interest.id, values: dict = values) -> None:
                    edited = common.build(Interest, dict(id=iid, **values), [])
                    work.interests.interests = upserted(work.interests.interests, edited)
                common.apply(loaded, STEP, "interest edited", change, slots)
            if remove.form_submit_button(t("interests.remove_interest")):
                def change(work: Case, iid: str = interest.id) -> None:
                    work.interests = remove_interest(work.interests, iid)
                common.apply(loaded, STEP, "interest removed", change, slots,
                         done=t("interests.interest_removed", count=links))


def _position_editor(loaded: common.Loaded, position: Position) -> None:
    with st.expander(t("interests.edit_position")):
        with st.form(f"interests.position.{position.id}"):
            slots = common.FieldSlots()
            statement = st.text_input(t("interests.position_label"), value=position.statement,
                                      key=common.wkey(f"position.{position.id}.statement"))
            slots.under("statement")
            slots.under("positions")
            save, remove = st.columns(2)
            if save.form_submit_button(t("interests.save_position")):
                def change(work: Case, pid: str = position.id, statement: str = statement) -> None:
                    edited = common.build(Position, dict(id=pid, side=position.side, statement=statement), [])
                    work.interests.positions = upserted(work.interests.positions, edited)
                common.apply(loaded, STEP, "position edited", change, slots)
            if remove.form_submit_button(t("interests.remove_position")):
                def change(work: Case, pid: str = position.id) -> None:
                    work.interests = remove_position(work.interests, pid)
                common.apply(loaded, STEP, "position removed", change, slots, done=t("interests.position_removed"))


def _add_position(loaded: common.Loaded, side: PartyRole) -> None:
    with st.form(f"interests.add_position.{side.value}"):
        st.markdown(f"**{t('interests.add_position')}**")
        slots = common.FieldSlots()
        statement = st.text_input(t("interests.position_label"), key=common.wkey(f"new_position.{side.value}"))
        slots.under("statement")
        if st.form_submit_button(t("interests.add_position")):
            def change(work: Case, statement: str = statement) -> None:
                position = common.build(Position, dict(side=side, statement=statement), [])
                work.interests.positions = [*work.interests.positions, position]
            common.apply(loaded, STEP, f"{side.value} position added", change, slots, done=t("interests.position_added"))


def _add_interest(loaded: common.Loaded, side: PartyRole) -> None:
    with st.form(f"interests.add_interest.{side.value}"):
        st.markdown(f"**{t('interests.add_interest')}**")
        slots = common.FieldSlots()
        values = _interest_fields(loaded.case, side, f"new_interest.{side.value}", slots)
        if st.form_submit_button(t("interests.add_interest")):
            def change(work: Case, values: dict = values) -> None:
                interest = common.build(Interest, values, [])
                work.interests.interests = [*work.interests.interests, interest]
            common.apply(loaded, STEP, f"{side.value} interest added", change, slots, done=t("interests.interest_added"))


# -- links --------------------------------------------------------------------------------


def _interest_label(case: Case):
    def label(interest_id: str) -> str:
        interest = case.interests.interest(interest_id)
        if interest is None:
            return interest_id
        return f"{side_name(interest.side)} · {interest.priority} · {interest.statement}"
    return label


def links_tab(loaded: common.Loaded, analysis: InterestAnalysis) -> None:
    case = loaded.case
    st.markdown(t("interests.links.intro"))
    client_ids = [i.id for i in case.interests.interests if i.side is PartyRole.CLIENT]
    vendor_ids = [i.id for i in case.interests.interests if i.side is PartyRole.VENDOR]
    if not client_ids or not vendor_ids:
        st.info(t("interests.links.need_both"))
    else:
        _add_link(loaded, client_ids + vendor_ids, len(client_ids))
    for kind in LINK_KINDS:
        st.subheader(t(f"interests.words.{kind.value}"))
        pairs = analysis.pairs[kind]
        if not pairs:
            st.caption(t("interests.links.none"))
        for pair in pairs[:_shown(len(pairs), f"links.{kind.value}")]:
            _link_editor(loaded, pair.link, f"{priority_dot(pair.client)} {common.plain(pair.client.statement)} ⟷ "
                                            f"{priority_dot(pair.vendor)} {common.plain(pair.vendor.statement)}")


def _add_link(loaded: common.Loaded, ids: list[str], first_vendor: int) -> None:
    label = _interest_label(loaded.case)
    with st.form("interests.add_link"):
        st.markdown(f"**{t('interests.links.header')}**")
        slots = common.FieldSlots()
        c1, c2 = st.columns(2)
        first = c1.selectbox(t("interests.links.first"), ids, index=0, format_func=label,
                             key=common.wkey("new_link.first"))
        second = c2.selectbox(t("interests.links.second"), ids, index=first_vendor, format_func=label,
                              key=common.wkey("new_link.second"))
        with c2:
            slots.under("links")
        c3, c4 = st.columns([1, 2])
        kind = c3.radio(t("interests.links.kind"), LINK_KINDS, format_func=lambda k: t(f"interests.link.{k.value}"),
                        key=common.wkey("new_link.kind"))
        note = c4.text_input(t("interests.links.note"), key=common.wkey("new_link.note"))
        with c4:
            slots.under("note")
        if st.form_submit_button(t("interests.links.add")):
            def change(work: Case) -> None:
                link = common.build(InterestLink, dict(first_id=first, second_id=second, kind=kind, note=note), [])
                work.interests.links = [*work.interests.links, link]
            common.apply(loaded, STEP, "interests linked", change, slots, done=t("interests.links.added"))


def _link_editor(loaded: common.Loaded, link: InterestLink, label: str) -> None:
    with st.expander(label):
        with st.form(f"interests.link.{link.id}"):
            slots = common.FieldSlots()
            c1, c2 = st.columns([1, 2])
            kind = c1.radio(t("interests.links.kind"), LINK_KINDS, index=LINK_KINDS.index(link.kind),
                            format_func=lambda k: t(f"interests.link.{k.value}"), key=common.wkey(f"link.{link.id}.kind"))
            note = c2.text_input(t("interests.links.note"), value=link.note, key=common.wkey(f"link.{link.id}.note"))
            with c2:
                slots.under("note")
                slots.under("links")
            save, remove = st.columns(2)
            if save.form_submit_button(t("interests.links.save")):
                def change(work: Case, lid: str = link.id, kind: LinkKind = kind, note: str = note) -> None:
                    edited = common.build(InterestLink, dict(id=lid, first_id=link.first_id, second_id=link.second_id,
                                                         kind=kind, note=note), [])
                    work.interests.links = upserted(work.interests.links, edited)
                common.apply(loaded, STEP, "link edited", change, slots)
            if remove.form_submit_button(t("interests.links.remove")):
                def change(work: Case, lid: str = link.id) -> None:
                    work.interests.links = [k for k in work.interests.links if k.id != lid]
                common.apply(loaded, STEP, "link removed", change, slots, done=t("interests.links.removed"))


# -- the people side ----------------------------------------------------------------------


def people_tab(loaded: common.Loaded) -> None:
    case = loaded.case
    st.markdown(f"**{t('interests.people.header')}** · {t('interests.people.intro')}")
    notes = people_by_side(case.interests)
    for column, side in zip(st.columns(2, gap="large"), SIDES):
        with column:
            st.subheader(f"{common.side_badge(side.value)} {common.plain(case.party(side).name)}")
            for aspect in ASPECTS:
                st.markdown(f"**{t(f'interests.people.aspect.{aspect.value}')}**")
                if not notes[side][aspect]:
                    st.caption(t("interests.people.none"))
                for note in notes[side][aspect]:
                    text, action = st.columns([6, 1], vertical_alignment="center")
                    text.markdown(f"- {common.plain(note.statement)}")
                    if action.button(t("interests.people.remove"), key=f"interests.people.remove.{note.id}"):
                        def change(work: Case, nid: str = note.id) -> None:
                            work.interests.people = [n for n in work.interests.people if n.id != nid]
                        common.apply(loaded, STEP, f"{side.value} people note removed", change,
                                 done=t("interests.people.removed"))
            with st.form(f"interests.add_people.{side.value}"):
                st.markdown(f"**{t('interests.people.add')}**")
                slots = common.FieldSlots()
                aspect = st.selectbox(t("interests.people.aspect"), ASPECTS,
                                      format_func=lambda a: t(f"interests.people.aspect.{a.value}"),
                                      key=common.wkey(f"new_people.{side.value}.aspect"))
                statement = st.text_input(t("interests.people.statement"),
                                          key=common.wkey(f"new_people.{side.value}.statement"))
                slots.under("statement")
                if st.form_submit_button(t("interests.people.add")):
                    def change(work: Case, side: PartyRole = side, aspect: PeopleAspect = aspect,
                               statement: str = statement) -> None:
                        note = common.build(PeopleNote, dict(side=side, aspect=aspect, statement=statement), [])
                        work.interests.people = [*work.interests.people, note]
                    common.apply(loaded, STEP, f"{side.value} people note added", change, slots,
                             done=t("interests.people.added"))


# -- trust incidents ----------------------------------------------------------------------


def incidents_tab(loaded: common.Loaded) -> None:
    case = loaded.case
    incidents = case.interests.incidents
    st.markdown(t("interests.incidents.intro"))
    accepted = sum(i.decision is Decision.ACCEPTED for i in incidents)
    st.caption(t("interests.incident.summary", count=len(incidents), accepted=accepted) if incidents
               else t("interests.incident.none"))
    for incident in sorted(incidents, key=lambda i: (i.when is None, i.when)):
        _incident_card(loaded, incident)
    _incident_form(loaded, None)


_DECISION_BADGE = {Decision.OPEN: "gray", Decision.ACCEPTED: "green", Decision.DROPPED: "red"}


def _incident_card(loaded: common.Loaded, incident: TrustIncident) -> None:
    case = loaded.case
    with st.container(border=True):
        felt = (f"{common.side_badge(incident.felt_by.value)}" if incident.felt_by else
                f"{common.side_badge('client')} {common.side_badge('vendor')}")
        felt_by = t("interests.incident.felt", side=felt)
        st.markdown(f"**{i18n.fmt_date(incident.when)}** · {felt_by} · {common.plain(incident.what)}")
        if incident.cost or incident.cost_amount is not None:
            amount = f" ({i18n.fmt_money(incident.cost_amount, case.contract.currency)})" \
                if incident.cost_amount is not None else ""
            st.markdown(f"*{t('interests.incident.cost')}:* {common.plain(incident.cost)}{amount}")
        decided = t(f"interests.incident.decision.{incident.decision.value}")
        badge = f":{_DECISION_BADGE[incident.decision]}-badge[{decided}]"
        st.markdown(f"**{t('interests.incident.acknowledgement')}** {badge}")
        with st.form(f"interests.ack.{incident.id}"):
            wording = st.text_area(t("interests.incident.acknowledgement"), value=acknowledgement_text(incident, case),
                                   key=common.wkey(f"ack.{incident.id}"), label_visibility="collapsed", height=90)
            slots = common.FieldSlots()
            slots.under("acknowledgement")
            buttons = st.columns(3)
            choices = [(Decision.ACCEPTED, "interests.incident.accept", "interests.incident.accepted"),
                       (Decision.DROPPED, "interests.incident.drop", "interests.incident.dropped")]
            if incident.decision is not Decision.OPEN:
                choices.append((Decision.OPEN, "interests.incident.reopen", "interests.incident.reopened"))
            for column, (decision, label, done) in zip(buttons, choices):
                # Accepting again is allowed: it saves a new wording of an accepted step.
                again = decision is Decision.ACCEPTED
                if column.form_submit_button(t(label), disabled=decision is incident.decision and not again):
                    def change(work: Case, iid: str = incident.id, decision: Decision = decision) -> None:
                        text = wording.strip() or suggested_acknowledgement(incident, work)
                        work.interests = decide(work.interests, iid, decision, text)
                    common.apply(loaded, STEP, f"acknowledgement {decision.value}", change, slots, done=t(done))
        with st.expander(t("interests.incident.edit")):
            _incident_form(loaded, incident)


def _incident_form(loaded: common.Loaded, incident: TrustIncident | None) -> None:
    prefix = f"incident.{incident.id}" if incident else "new_incident"
    with st.form(f"interests.{prefix}"):
        if incident is None:
            st.markdown(f"**{t('interests.incident.add')}**")
        slots = common.FieldSlots()
        what = st.text_area(t("interests.incident.what"), value=incident.what if incident else "",
                            key=common.wkey(f"{prefix}.what"), height=80)
        slots.under("what")
        c1, c2 = st.columns(2)
        when = c1.date_input(t("interests.incident.when"), value=incident.when if incident else None,
                             format="DD/MM/YYYY", key=common.wkey(f"{prefix}.when"))
        with c1:
            slots.under("when")
        felt_by = c2.selectbox(t("interests.incident.felt_by"), FELT_BY,
                               index=FELT_BY.index(incident.felt_by) if incident else 0,
                               format_func=side_name, key=common.wkey(f"{prefix}.felt_by"))
        c3, c4 = st.columns([2, 1])
        cost = c3.text_input(t("interests.incident.cost"), value=incident.cost if incident else "",
                             key=common.wkey(f"{prefix}.cost"))
        cost_raw = c4.text_input(t("interests.incident.cost_amount"),
                                 value=common.money_text(incident.cost_amount) if incident else "",
                                 key=common.wkey(f"{prefix}.cost_amount"))
        with c4:
            slots.under("cost_amount")
        slots.under("incidents")
        if incident is None:
            submitted, removed = st.form_submit_button(t("interests.incident.add")), False
        else:
            save, remove = st.columns(2)
            submitted = save.form_submit_button(t("interests.incident.save"))
            removed = remove.form_submit_button(t("interests.incident.remove"))
        if submitted:
            def change(work: Case) -> None:
                problems: list[Problem] = []
                amount: Decimal | None = common.parse_money(cost_raw, "cost_amount", problems, required=False)
                keep = dict(id=incident.id, acknowledgement=incident.acknowledgement,
                            decision=incident.decision) if incident else {}
                edited = common.build(TrustIncident, dict(what=what, when=when, felt_by=felt_by, cost=cost,
                                                      cost_amount=amount, **keep), problems)
                if incident is None:
                    work.interests.incidents = [*work.interests.incidents, edited]
                else:
                    work.interests.incidents = upserted(work.interests.incidents, edited)
            common.apply(loaded, STEP, "trust incident " + ("edited" if incident else "added"), change, slots,
                     done=None if incident else t("interests.incident.added"))
        if removed and incident is not None:
            def change(work: Case, iid: str = incident.id) -> None:
                work.interests.incidents = [i for i in work.interests.incidents if i.id != iid]
            common.apply(loaded, STEP, "trust incident removed", change, slots, done=t("interests.incident.removed"))
