"""Streamlit pieces of the Case page: the case itself, the two parties and their people, the mediator, the contract.

Each form hands one change to `common.apply`; the models that check it are in `negotiation.data.parties`.
"""
from __future__ import annotations

import streamlit as st

from negotiation.data.case import Case
from negotiation.data.parties import CURRENCIES, Contract, ContractKind, Mediator, Party, PartyRole, Person, Tier
from negotiation.kernel.base import upserted
from negotiation.kernel.errors import Problem
from negotiation.kernel.i18n import t
from ui import common

STEP = "case"
TIERS = list(Tier)
KINDS = list(ContractKind)
NEW = "new"
"""The choice in the person picker that opens an empty form, to add someone."""


# -- the case itself -----------------------------------------------------------------------


def details_form(loaded: common.Loaded) -> None:
    case = loaded.case
    with st.form("case.details"):
        slots = common.FieldSlots()
        title = st.text_input(t("case.title"), value=case.title, key=common.wkey("case.title"))
        slots.under("title")
        summary = st.text_area(t("case.summary"), value=case.summary, help=t("case.summary_help"),
                               key=common.wkey("case.summary"))
        slots.under("summary")
        if st.form_submit_button(t("case.save_case")):
            def change(work: Case) -> None:
                work.title = title
                work.summary = summary
            common.apply(loaded, STEP, "case details edited", change, slots)


# -- the two parties and their people ------------------------------------------------------


def parties_section(loaded: common.Loaded) -> None:
    """Client, then vendor: the organisation, its people, and the form to add or edit one of them."""
    for role in PartyRole:
        party = loaded.case.party(role)
        st.header(f"{common.side_badge(role.value)} {common.plain(party.name)}")
        _organisation_form(loaded, role, party)
        if party.signatory is None:
            st.warning(t("case.no_signatory", role=t(f"case.role.{role.value}").lower()))
        st.subheader(t("case.people"))
        _people(loaded, role, party)


def _organisation_form(loaded: common.Loaded, role: PartyRole, party: Party) -> None:
    with st.form(f"case.party.{role.value}"):
        slots = common.FieldSlots()
        left, right = st.columns(2)
        name = left.text_input(t("case.party.name"), value=party.name, key=common.wkey(f"case.{role.value}.name"))
        with left:
            slots.under("name")
        place = right.text_input(t("case.party.place"), value=party.place,
                                 key=common.wkey(f"case.{role.value}.place"))
        if st.form_submit_button(t("case.save_party", role=t(f"case.role.{role.value}"))):
            def change(work: Case, role: PartyRole = role, name: str = name, place: str = place) -> None:
                target = work.party(role)
                target.name = name
                target.place = place
            common.apply(loaded, STEP, f"{role.value} organisation edited", change, slots)


def _people(loaded: common.Loaded, role: PartyRole, party: Party) -> None:
    ordered = sorted(party.people, key=lambda p: TIERS.index(p.tier), reverse=True)
    if ordered:
        st.table([{
            # st.table reads its cells as markdown.
            t("case.person.name"): common.plain(p.name) + (f"  ✍ {t('case.person.signs_badge')}" if p.signs else ""),
            t("case.person.title"): common.plain(p.title),
            t("case.person.tier"): t(f"case.tier.{p.tier.value}"),
            t("case.person.email"): common.plain(p.email),
        } for p in ordered], hide_index=True)
    by_id = {p.id: p for p in ordered}
    chosen = st.selectbox(t("case.edit_person"), [NEW, *by_id], key=f"case.person_choice.{role.value}",
                          format_func=lambda pid: t("case.add_person") if pid == NEW else by_id[pid].name)
    _person_form(loaded, role, chosen, by_id.get(chosen))


def _person_form(loaded: common.Loaded, role: PartyRole, chosen: str, person: Person | None) -> None:
    with st.form(f"case.person.{role.value}"):
        slots = common.FieldSlots()
        prefix = f"person.{role.value}.{chosen}"
        c1, c2, c3, c4 = st.columns([3, 3, 3, 2])
        p_name = c1.text_input(t("case.person.name"), value=person.name if person else "",
                               key=common.wkey(f"{prefix}.name"))
        with c1:
            slots.under("name")
        p_title = c2.text_input(t("case.person.title"), value=person.title if person else "",
                                key=common.wkey(f"{prefix}.title"))
        p_email = c3.text_input(t("case.person.email"), value=person.email if person else "",
                                key=common.wkey(f"{prefix}.email"))
        with c3:
            slots.under("email")
        p_tier = c4.selectbox(t("case.person.tier"), TIERS, index=TIERS.index(person.tier) if person else 0,
                              format_func=lambda tier: t(f"case.tier.{tier.value}"), key=common.wkey(f"{prefix}.tier"))
        p_signs = st.checkbox(t("case.person.signs"), value=person.signs if person else False,
                              key=common.wkey(f"{prefix}.signs"))
        slots.under("signs")
        slots.under("")
        save, remove = st.columns([1, 1])
        values = dict(name=p_name, title=p_title, email=p_email, tier=p_tier, signs=p_signs)
        if save.form_submit_button(t("case.save_person") if person else t("case.add_person")):
            def change(work: Case, role: PartyRole = role, pid: str | None = person.id if person else None,
                       values: dict = values) -> None:
                target = work.party(role)
                edited = common.build(Person, values if pid is None else dict(id=pid, **values), [])
                target.people = upserted(target.people, edited)
            common.apply(loaded, STEP, f"{role.value} person {'edited' if person else 'added'}", change, slots,
                         done=t("case.person_saved" if person else "case.person_added", name=common.plain(p_name)))
        if person and remove.form_submit_button(t("case.remove_person")):
            def change(work: Case, role: PartyRole = role, pid: str = person.id) -> None:
                target = work.party(role)
                target.people = [p for p in target.people if p.id != pid]
            common.apply(loaded, STEP, f"{role.value} person removed", change, slots,
                         done=t("case.person_removed", name=common.plain(person.name)))


# -- the mediator --------------------------------------------------------------------------


def mediator_section(loaded: common.Loaded) -> None:
    mediator = loaded.case.mediator
    st.header(t("case.mediator"))
    with st.form("case.mediator"):
        slots = common.FieldSlots()
        c1, c2, c3 = st.columns(3)
        m_name = c1.text_input(t("case.person.name"), value=mediator.name, key=common.wkey("mediator.name"))
        with c1:
            slots.under("name")
        m_org = c2.text_input(t("case.mediator.organisation"), value=mediator.organisation,
                              key=common.wkey("mediator.org"))
        m_email = c3.text_input(t("case.person.email"), value=mediator.email, key=common.wkey("mediator.email"))
        with c3:
            slots.under("email")
        if st.form_submit_button(t("case.save_mediator")):
            def change(work: Case) -> None:
                work.mediator = Mediator(name=m_name, organisation=m_org, email=m_email)
            common.apply(loaded, STEP, "mediator edited", change, slots)


# -- the contract --------------------------------------------------------------------------


def contract_section(loaded: common.Loaded) -> None:
    contract = loaded.case.contract
    st.header(t("case.contract"))
    with st.form("case.contract"):
        slots = common.FieldSlots()
        c1, c2 = st.columns(2)
        kind = c1.selectbox(t("case.contract.kind"), KINDS, index=KINDS.index(contract.kind),
                            format_func=lambda k: t(f"case.contract_kind.{k.value}"), key=common.wkey("contract.kind"))
        reference = c2.text_input(t("case.contract.reference"), value=contract.reference,
                                  key=common.wkey("contract.reference"))
        subject = st.text_input(t("case.contract.subject"), value=contract.subject, key=common.wkey("contract.subject"))
        c1, c2, c3 = st.columns([3, 1, 3])
        value_raw = c1.text_input(t("case.contract.value"), value=common.money_text(contract.value),
                                  key=common.wkey("contract.value"))
        with c1:
            slots.under("value")
        currency = c2.selectbox(t("case.contract.currency"), CURRENCIES, index=CURRENCIES.index(contract.currency),
                                key=common.wkey("contract.currency"))
        paid_raw = c3.text_input(t("case.contract.paid_so_far"), value=common.money_text(contract.paid_so_far),
                                 key=common.wkey("contract.paid"))
        with c3:
            slots.under("paid_so_far")
        c1, c2 = st.columns(2)
        start = c1.date_input(t("case.contract.start"), value=contract.start, format="DD/MM/YYYY",
                              key=common.wkey("contract.start"))
        end = c2.date_input(t("case.contract.end"), value=contract.end, format="DD/MM/YYYY",
                            key=common.wkey("contract.end"))
        with c2:
            slots.under("end")
        slots.under("")
        if st.form_submit_button(t("case.save_contract")):
            def change(work: Case) -> None:
                problems: list[Problem] = []
                value = common.parse_money(value_raw, "value", problems)
                paid = common.parse_money(paid_raw, "paid_so_far", problems)
                work.contract = common.build(Contract, dict(
                    kind=kind, reference=reference, subject=subject, value=value, currency=currency,
                    start=start, end=end, paid_so_far=paid), problems)
            common.apply(loaded, STEP, "contract edited", change, slots)
