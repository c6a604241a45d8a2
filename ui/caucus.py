"""Streamlit pieces of the Caucus page: the blind zone check, and per side the walk-away price, the
confidential notes and figures, and releasing or withdrawing each of them.

Each button and form hands one change to `common.apply`; the check is `negotiation.method.caucus`.
In shared-screen view `loaded.case.caucus` holds only what was released (common.load redacts it).
"""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from negotiation.data.case import Case
from negotiation.data.caucus import CaucusNote, ConfidentialFigure, SideCaucus
from negotiation.data.parties import PartyRole
from negotiation.kernel import i18n
from negotiation.kernel.errors import Problem
from negotiation.kernel.i18n import t
from negotiation.method.caucus import blind_zone_check
from ui import common

STEP = "caucus"


def intro(loaded: common.Loaded, shared: bool) -> None:
    st.caption(common.plain(loaded.case.title))
    st.title(t("caucus.page_title"))
    st.markdown(t("caucus.shared_intro" if shared else "caucus.intro"))


def blind_check(loaded: common.Loaded, shared: bool) -> None:
    """The only thing computed from confidential figures that may be shared."""
    # In shared-screen view loaded.caucus is the full caucus (for this computation only; never shown).
    check = blind_zone_check(loaded.caucus if loaded.caucus is not None else loaded.case.caucus)
    common.blind_check_box(check, loaded.currency, mediator=not shared, caucus=None if shared else loaded.case.caucus)


def released_section(loaded: common.Loaded) -> None:
    common.released_caucus(loaded.case.caucus, loaded.currency)  # case.caucus is the released part only


# -- mediator view: each side's confidential material -------------------------------------------


def role_name(role: PartyRole) -> str:
    return t(f"case.role.{role.value}").lower()


def badge(released: bool) -> str:
    """Markdown for an item's state; built on each call, not at import, so its words follow the run's language."""
    if released:
        return f":green-background[{t('caucus.released_badge')}]"
    return f":violet-background[🔒 {t('caucus.confidential_badge')}]"


def set_released(kind: str, role: PartyRole, item_id: str, released: bool) -> Callable[[Case], None]:
    def change(work: Case) -> None:
        side = work.caucus.side(role)
        items = side.notes if kind == "note" else side.figures
        for item in items:
            if item.id == item_id:
                item.released = released
    return change


def remove(kind: str, role: PartyRole, item_id: str) -> Callable[[Case], None]:
    def change(work: Case) -> None:
        side = work.caucus.side(role)
        if kind == "note":
            side.notes = [n for n in side.notes if n.id != item_id]
        else:
            side.figures = [f for f in side.figures if f.id != item_id]
    return change


def sides_section(loaded: common.Loaded) -> None:
    """Client and vendor side by side, each in its own box: walk-away price, notes, figures."""
    for role, column in zip(PartyRole, st.columns(2)):
        side = loaded.case.caucus.side(role)
        with column, st.container(border=True, key=f"caucus_side_{role.value}"):
            st.header(f"{common.side_badge(role.value)} {t('caucus.side_title')}")
            _walk_away_form(loaded, role, side)
            _notes(loaded, role, side)
            _figures(loaded, role, side)


def _item_buttons(loaded: common.Loaded, kind: str, role: PartyRole, item_id: str, released: bool) -> None:
    left, right = st.columns(2)
    if released:
        if left.button(t("caucus.withdraw"), key=f"caucus.withdraw.{item_id}"):
            common.apply(loaded, STEP, f"{role.value} {kind} made confidential again",
                         set_released(kind, role, item_id, False), done=t("caucus.withdrawn_done"))
    elif left.button(t("caucus.release", role=role_name(role)), key=f"caucus.release.{item_id}"):
        common.apply(loaded, STEP, f"{role.value} {kind} released", set_released(kind, role, item_id, True),
                     done=t("caucus.released_done"))
    if right.button(t("caucus.remove"), key=f"caucus.remove.{item_id}"):
        common.apply(loaded, STEP, f"{role.value} {kind} removed", remove(kind, role, item_id),
                     done=t("caucus.removed_done"))


def _walk_away_form(loaded: common.Loaded, role: PartyRole, side: SideCaucus) -> None:
    """The side's walk-away price, whether it may be released, and whether it accepts the midpoint."""
    with st.form(f"caucus.walk_away.{role.value}"):
        slots = common.FieldSlots()
        raw = st.text_input(t(f"caucus.walk_away.{role.value}"), value=common.money_text(side.walk_away),
                            help=t("caucus.walk_away.help"), key=common.wkey(f"caucus.{role.value}.walk_away"))
        slots.under("walk_away")
        released = st.checkbox(t("caucus.walk_away.released", role=role_name(role)),
                               value=side.walk_away_released,
                               key=common.wkey(f"caucus.{role.value}.walk_away_released"))
        st.caption(t("caucus.walk_away.midpoint_notice", role=role_name(role)))
        midpoint = st.checkbox(t("caucus.walk_away.midpoint", role=role_name(role)),
                               value=side.accepts_midpoint and side.midpoint_told,
                               key=common.wkey(f"caucus.{role.value}.accepts_midpoint"))
        if st.form_submit_button(t("caucus.walk_away.save")):
            def change(work: Case, role: PartyRole = role, raw: str = raw, released: bool = released,
                       midpoint: bool = midpoint) -> None:
                problems: list[Problem] = []
                amount = common.parse_money(raw, "walk_away", problems, required=False)
                if problems:
                    raise common.Rejected(problems)
                target = work.caucus.side(role)
                target.walk_away = amount
                target.walk_away_released = released
                target.accepts_midpoint = midpoint
                # The notice stands beside the box: ticking it records that the side was told.
                target.midpoint_told = target.midpoint_told or midpoint
            common.apply(loaded, STEP, f"{role.value} walk-away edited", change, slots)


def _notes(loaded: common.Loaded, role: PartyRole, side: SideCaucus) -> None:
    st.subheader(t("caucus.notes"))
    if not side.notes:
        st.caption(t("caucus.no_notes"))
    for note in side.notes:
        with st.container(border=True):
            st.markdown(f"{badge(note.released)} {common.plain(note.text)}")
            _item_buttons(loaded, "note", role, note.id, note.released)
    with st.form(f"caucus.add_note.{role.value}", clear_on_submit=False):
        slots = common.FieldSlots()
        text = st.text_area(t("caucus.note.text"), key=common.wkey(f"caucus.{role.value}.new_note"), height=90)
        slots.under("text")
        if st.form_submit_button(t("caucus.note.add")):
            def change(work: Case, role: PartyRole = role, text: str = text) -> None:
                note = common.build(CaucusNote, dict(text=text), [])
                work.caucus.side(role).notes = [*work.caucus.side(role).notes, note]
            common.apply(loaded, STEP, f"{role.value} note added", change, slots, done=t("caucus.note.added"))


def _figures(loaded: common.Loaded, role: PartyRole, side: SideCaucus) -> None:
    st.subheader(t("caucus.figures"))
    if not side.figures:
        st.caption(t("caucus.no_figures"))
    for figure in side.figures:
        with st.container(border=True):
            st.markdown(f"{badge(figure.released)} **{common.plain(figure.label)}**: "
                        f"{i18n.fmt_money(figure.amount, loaded.currency)}"
                        + (f"  \n{common.plain(figure.note)}" if figure.note else ""))
            _item_buttons(loaded, "figure", role, figure.id, figure.released)
    with st.form(f"caucus.add_figure.{role.value}", clear_on_submit=False):
        slots = common.FieldSlots()
        c1, c2 = st.columns([3, 2])
        label = c1.text_input(t("caucus.figure.label"), key=common.wkey(f"caucus.{role.value}.new_figure.label"))
        with c1:
            slots.under("label")
        amount_raw = c2.text_input(t("caucus.figure.amount"),
                                   key=common.wkey(f"caucus.{role.value}.new_figure.amount"))
        with c2:
            slots.under("amount")
        remark = st.text_input(t("caucus.figure.note"), key=common.wkey(f"caucus.{role.value}.new_figure.note"))
        slots.under("note")
        if st.form_submit_button(t("caucus.figure.add")):
            def change(work: Case, role: PartyRole = role, label: str = label, amount_raw: str = amount_raw,
                       remark: str = remark) -> None:
                problems: list[Problem] = []
                amount = common.parse_money(amount_raw, "amount", problems)
                figure = common.build(ConfidentialFigure, dict(label=label, amount=amount, note=remark), problems)
                work.caucus.side(role).figures = [*work.caucus.side(role).figures, figure]
            common.apply(loaded, STEP, f"{role.value} figure added", change, slots, done=t("caucus.figure.added"))
