"""Streamlit pieces of the Fair margin page: the zone at a glance, the vendor's cost and revenue, the normal band
and its standards, the client's limits, the price and the levers, the live what-if and the scenarios.

Amounts are read in the case's currency (`amount`); each form hands one change to `Context.save`, which also
records that currency. Nothing here computes: the numbers are `negotiation.method.margin.analysis.analyse`,
the chart `negotiation.adapters.charts.margin`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

import streamlit as st
from pydantic import ValidationError

from negotiation.adapters.charts.margin import zone_figure
from negotiation.data.case import Case
from negotiation.data.margin import (
    MAX_SCENARIOS,
    BandBaseline,
    ClientLimits,
    ContractRevenue,
    CostItem,
    CostKind,
    EffortLine,
    Levers,
    MarginBand,
    MarginBasis,
    MarginModel,
    MarginStandard,
    Scenario,
    VendorCosts,
)
from negotiation.kernel import i18n
from negotiation.kernel.base import upserted
from negotiation.kernel.errors import Problem, explain
from negotiation.kernel.i18n import t
from negotiation.method.margin.analysis import (
    NEEDED_FOR_TODAY,
    CurrencyMismatch,
    MarginPicture,
    MarginVerdict,
    ScenarioResult,
    ZoneOfAgreement,
    analyse,
    band_from_standards,
    describe_band,
    describe_baseline,
    describe_fair_price,
    describe_lever,
    describe_margin,
    describe_missing,
    describe_zone,
    evaluate,
    margin_text,
    not_enough,
    read_amount,
    still_missing,
    suggested_walk_away,
    zone_money,
    zones_by_baseline,
)
from negotiation.method.margin.standards import starter_standards
from ui import common

STEP = "margin"
COST_KINDS = list(CostKind)
BASES = list(MarginBasis)
BASELINES = list(BandBaseline)
REVENUE_FIELDS = ("invoiced_unpaid", "to_invoice", "change_orders", "service_credits", "penalties")
LEVER_FIELDS = ("scope_cost", "time_saving", "disputed_cost", "disputed_client_share", "credits_waived",
                "phased_saving")
SCENARIO_CHANGES = ("cost_change", "walk_away_change", "credits_waived")

M = TypeVar("M")


# -- reading what was typed ---------------------------------------------------------------


def amount(raw: str, name: str, problems: list[Problem], currency: str, *, required: bool = True) -> Decimal | None:
    """An amount typed in the case's currency; a problem for `name` when it is unreadable or in another currency."""
    if not raw.strip():
        if required:
            problems.append(Problem(name, t("errors.missing")))
        return None
    try:
        return read_amount(raw, currency)
    except CurrencyMismatch as exc:
        problems.append(Problem(name, str(exc)))
    except ValueError as exc:
        problems.append(Problem(name, t(str(exc))))
    return None


def number(raw: str, name: str, problems: list[Problem], *, required: bool = True) -> Decimal | None:
    return common.parse_number(raw, name, problems, required=required)


def build_row(model: type[M], prefix: str, values: dict[str, Any], problems: list[Problem]) -> M | None:
    """One row of a list, its problems named `prefix.field` so they land under the row's fields."""
    taken = {p.field for p in problems}
    try:
        return model(**values)
    except ValidationError as exc:
        for problem in explain(exc):
            name = f"{prefix}.{problem.field}" if problem.field else prefix
            if name not in taken:
                problems.append(Problem(name, problem.message))
        return None


def text(value: Decimal | None) -> str:
    return "" if value is None else i18n.fmt_number(value, digits=2)


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A markdown table of markdown cells (case text in them through `common.plain`): a pipe not escaped yet
    would split a cell, a line break end the table."""
    def cell(value: str) -> str:
        return _PIPE.sub("\\|", str(value)).replace("  \n", " ").replace("\n", " ")
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


_PIPE = re.compile(r"(?<!\\)\|")


def _pct(value: Decimal) -> str:
    return i18n.fmt_percent(value, 2)


# -- the page's context -------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What every section of one run of the page reads: the case as loaded, its numbers, whether forms open."""

    loaded: common.Loaded
    picture: MarginPicture
    editing: bool
    """False on the shared screen: the forms fold away and the parties see the numbers."""

    @property
    def model(self) -> MarginModel:
        return self.loaded.case.margin

    @property
    def currency(self) -> str:
        return self.loaded.currency

    @property
    def levers_title(self) -> str:
        return t("margin.levers.close") if self.picture.zone.gap > 0 else t("margin.levers.widen")

    def money(self, value: Decimal | None) -> str:
        return i18n.fmt_money(value, self.currency)

    def save(self, summary: str, change: Callable[[Case], None], slots: common.FieldSlots | None = None,
             done: str | None = None) -> None:
        """Every edit of this step also records the currency the figures are in."""
        currency = self.currency

        def stamped(work: Case) -> None:
            change(work)
            work.margin.currency = currency
        common.apply(self.loaded, STEP, summary, stamped, slots, done)


def context(loaded: common.Loaded) -> Context | None:
    """The page's context; None, with the reason shown, when the figures are in another currency than the case."""
    editing = not common.shared_screen()
    try:
        picture = analyse(loaded.case)
    except CurrencyMismatch as exc:
        st.error(str(exc))
        return None
    return Context(loaded, picture, editing)


# -- at a glance --------------------------------------------------------------------------


def missing_figures(ctx: Context) -> None:
    """What must still be entered before the margin and the zone mean anything, and where; nothing when complete."""
    missing = ctx.picture.missing
    if not missing:
        return
    items = "\n".join(f"- {sentence}" for sentence in describe_missing(missing, ctx.loaded.case))
    st.warning(f"**{t('margin.missing.title')}**\n\n{t('margin.missing.intro')}\n\n{items}")


def glance(picture: MarginPicture) -> None:
    """The zone at a glance: four numbers, one sentence, one line."""
    currency = picture.currency
    zone = picture.zone
    # Rounded for people (€54.12M) so they read from the back of a room; the tables keep the cents.
    price = lambda value: zone_money(value, currency, zone)  # noqa: E731
    c1, c2, c3, c4 = st.columns(4)
    unknown = t("margin.metric.unknown")
    c1.metric(t("margin.metric.vendor_lowest"),
              price(zone.vendor_lowest) if zone.vendor_lowest is not None else unknown)
    c2.metric(t("margin.metric.client_highest"),
              price(zone.client_highest) if zone.client_highest is not None else unknown)
    if zone.known and not zone.exists:
        c3.metric(t("margin.metric.gap"), zone_money(zone.gap, currency))
    else:
        c3.metric(t("margin.metric.zone"), zone_money(zone.width, currency) if zone.known else unknown)
    c4.metric(t("margin.metric.fair"), price(picture.fair.price) if picture.fair else unknown)
    sentence = describe_zone(zone, currency, picture.missing_for_zone)
    if zone.exists:
        st.success(sentence)
    elif zone.known:
        st.error(sentence)
    else:
        st.info(sentence)
    st.caption(describe_baseline(picture))
    if zone.known:  # an empty line would only repeat the sentence above
        st.plotly_chart(zone_figure(picture), width="stretch", config={"displayModeBar": False},
                        key="margin.zone_chart")


def findings(picture: MarginPicture) -> None:
    for finding in picture.findings:
        st.warning(finding)


def both_sides(ctx: Context) -> None:
    """The margin today, at the vendor's lowest price, at the fair price and at the price: on price and on cost."""
    picture, money = ctx.picture, ctx.money
    st.subheader(t("margin.both.title"))
    st.markdown(t("margin.both.intro"))
    rows = []
    if picture.today_margin is not None:
        rows.append([t("margin.both.today"), money(picture.contract_price), money(picture.today_margin.amount),
                     *margin_text(picture.today_margin)])
    lowest = None if picture.zone.vendor_lowest is None else picture.inputs.margin_at(picture.zone.vendor_lowest)
    if lowest is not None:
        rows.append([t("margin.both.vendor_lowest"), money(picture.zone.vendor_lowest), money(lowest.amount),
                     *margin_text(lowest)])
    if picture.fair is not None:
        rows.append([t("margin.both.fair"), money(picture.fair.price), money(picture.fair.margin.amount),
                     *margin_text(picture.fair.margin)])
    if picture.price_margin is not None:
        rows.append([f"**{t('margin.both.price')}**", f"**{money(picture.price)}**",
                     money(picture.price_margin.amount), *margin_text(picture.price_margin)])
    if not picture.today_known:
        st.info(not_enough(still_missing(picture.missing, NEEDED_FOR_TODAY), "today"))
    if not rows:
        return
    st.markdown(table([t("margin.both.case"), t("margin.scenario.price"), t("margin.both.amount"),
                       t("margin.both.on_price"), t("margin.both.on_cost")], rows))
    st.caption(t("margin.both.baseline", on=t(f"margin.baseline.{picture.baseline.value}.on")))
    verdict = describe_margin(picture.price_margin, picture.inputs, picture.currency, "price")
    if verdict:
        st.markdown(verdict)


def fair_price(ctx: Context) -> None:
    picture = ctx.picture
    st.subheader(t("margin.fair.title"))
    st.markdown(describe_fair_price(picture))
    if picture.fair is not None and picture.fair.price != ctx.model.price and ctx.editing:
        if st.button(t("margin.fair.use"), key="margin.fair.use"):
            fair = picture.fair.price
            ctx.save("fair price proposed", lambda work: setattr(work.margin, "price", fair))


def levers(ctx: Context) -> None:
    """What each lever would do to the zone, alone and all together."""
    picture = ctx.picture
    if not picture.levers:  # no vendor's price for a lever to move yet: the glance says what is missing
        return
    st.subheader(ctx.levers_title)
    st.markdown(table([t("margin.levers.lever"), t("margin.levers.effect")],
                      [[f"**{t('margin.lever.' + e.kind.value + '.name')}**", describe_lever(e, ctx.currency)]
                       for e in picture.levers]))
    if picture.levers_estimated and picture.levers_together.known:
        st.markdown(t("margin.levers.together", text=describe_zone(picture.levers_together, ctx.currency)))


# -- the vendor's side --------------------------------------------------------------------


def vendor_cost(ctx: Context) -> None:
    """The vendor's cost, line by line, and the form that edits it."""
    picture, money = ctx.picture, ctx.money
    st.subheader(t("margin.vendor.title"))
    rows = [[t("margin.row.effort"), money(picture.effort)]]
    rows += [[t(f"margin.cost_kind.{kind.value}"), money(value)] for kind, value in picture.items.items() if value]
    rows += [[t("margin.row.risk_reserve"), money(picture.risk_reserve)],
             [f"**{t('margin.row.cost_to_complete')}**", f"**{money(picture.cost_to_complete)}**"],
             [t("margin.row.sunk"), money(picture.sunk)],
             [f"**{t('margin.row.total_cost')}**", f"**{money(picture.total_cost)}**"]]
    st.markdown(table(["", ctx.currency], rows))
    costs = ctx.model.costs
    if costs.effort:
        st.markdown(f"**{t('margin.effort.title')}**")
        st.markdown(table(
            [t("margin.effort.role"), t("margin.effort.days"), t("margin.effort.day_rate"), t("margin.effort.cost")],
            [[common.plain(line.role), i18n.fmt_number(line.days), money(line.day_rate), money(line.cost)]
             for line in costs.effort]
            + [[f"**{t('margin.row.effort')}**", "", "", f"**{money(picture.effort)}**"]]))
    with st.expander(t("margin.edit.costs"), expanded=ctx.editing), st.form("margin.costs"):
        _costs_form(ctx, costs)


def _costs_form(ctx: Context, costs: VendorCosts) -> None:
    currency = ctx.currency
    slots = common.FieldSlots()
    st.markdown(f"**{t('margin.effort.title')}**")
    effort_rows = [(line.id, line.role, text(line.days), text(line.day_rate)) for line in costs.effort]
    effort_input = []
    for index, (line_id, role, days, rate) in enumerate([*effort_rows, ("new", "", "", "")]):
        c1, c2, c3, c4 = st.columns([4, 2, 2, 1], vertical_alignment="bottom")
        is_new = line_id == "new"
        with c1:
            r = st.text_input(t("margin.effort.new") if is_new else t("margin.effort.role"), value=role,
                              key=common.wkey(f"margin.effort.{line_id}.role"))
            slots.under(f"effort.{index}.role")
        with c2:
            d = st.text_input(t("margin.effort.days"), value=days, key=common.wkey(f"margin.effort.{line_id}.days"))
            slots.under(f"effort.{index}.days")
        with c3:
            rt = st.text_input(t("margin.effort.day_rate"), value=rate,
                               key=common.wkey(f"margin.effort.{line_id}.rate"))
            slots.under(f"effort.{index}.day_rate")
        gone = False if is_new else c4.checkbox(t("margin.effort.remove"),
                                                key=common.wkey(f"margin.effort.{line_id}.remove"))
        effort_input.append((index, line_id, r, d, rt, gone))
    st.markdown(f"**{t('margin.items.title')}**")
    item_input = []
    for index, item in enumerate([*costs.items, None]):
        item_id = item.id if item else "new"
        c1, c2, c3, c4 = st.columns([2, 4, 2, 1], vertical_alignment="bottom")
        kind = c1.selectbox(t("margin.item.kind"), COST_KINDS,
                            index=COST_KINDS.index(item.kind) if item else len(COST_KINDS) - 1,
                            format_func=lambda k: t(f"margin.cost_kind.{k.value}"),
                            key=common.wkey(f"margin.item.{item_id}.kind"))
        with c2:
            desc = st.text_input(t("margin.effort.new") if item is None else t("margin.item.description"),
                                 value=item.description if item else "",
                                 key=common.wkey(f"margin.item.{item_id}.description"))
            slots.under(f"items.{index}.description")
        with c3:
            amt = st.text_input(t("margin.item.amount"), value=text(item.amount) if item else "",
                                key=common.wkey(f"margin.item.{item_id}.amount"))
            slots.under(f"items.{index}.amount")
        gone = False if item is None else c4.checkbox(t("margin.effort.remove"),
                                                      key=common.wkey(f"margin.item.{item_id}.remove"))
        item_input.append((index, item_id, kind, desc, amt, gone))
    c1, c2 = st.columns(2)
    with c1:
        reserve_raw = st.text_input(t("margin.costs.risk_reserve"), value=text(costs.risk_reserve),
                                    key=common.wkey("margin.costs.risk_reserve"))
        slots.under("risk_reserve")
    with c2:
        sunk_raw = st.text_input(t("margin.costs.sunk"), value=text(costs.sunk), key=common.wkey("margin.costs.sunk"))
        slots.under("sunk")
    if st.form_submit_button(t("margin.costs.save")):
        def change(work: Case) -> None:
            problems: list[Problem] = []
            effort, items = [], []
            for index, line_id, r, d, rt, gone in effort_input:
                if gone or (line_id == "new" and not (r.strip() or d.strip() or rt.strip())):
                    continue
                prefix = f"effort.{index}"
                values = dict(role=r, days=number(d, f"{prefix}.days", problems),
                              day_rate=amount(rt, f"{prefix}.day_rate", problems, currency))
                if line_id != "new":
                    values["id"] = line_id
                effort.append(build_row(EffortLine, prefix, values, problems))
            for index, item_id, kind, desc, amt, gone in item_input:
                if gone or (item_id == "new" and not (desc.strip() or amt.strip())):
                    continue
                prefix = f"items.{index}"
                values = dict(kind=kind, description=desc, amount=amount(amt, f"{prefix}.amount", problems, currency))
                if item_id != "new":
                    values["id"] = item_id
                items.append(build_row(CostItem, prefix, values, problems))
            reserve = amount(reserve_raw, "risk_reserve", problems, currency)
            sunk = amount(sunk_raw, "sunk", problems, currency)
            work.margin.costs = common.build(VendorCosts, dict(effort=effort, items=items, risk_reserve=reserve,
                                                               sunk=sunk), problems)
        ctx.save("vendor's cost edited", change, slots, t("margin.costs.saved"))


def revenue(ctx: Context) -> None:
    """The revenue under the contract, the margin it leaves, and the form that edits it."""
    picture, money, currency = ctx.picture, ctx.money, ctx.currency
    st.subheader(t("margin.revenue.title"))
    entered = ctx.model.revenue
    st.markdown(table(["", currency], [
        [t("margin.revenue.paid"), money(picture.paid)],
        [t("margin.revenue.invoiced_unpaid"), money(entered.invoiced_unpaid)],
        [t("margin.revenue.to_invoice"), money(entered.to_invoice)],
        [t("margin.revenue.change_orders"), money(entered.change_orders)],
        [f"**{t('margin.revenue.price_today')}**", f"**{money(picture.contract_price)}**"],
        # Each "less" row is an amount taken off: shown as it is, never as a negative cost.
        [t("margin.revenue.owed"), money(picture.owed)],
        [f"**{t('margin.revenue.net')}**", f"**{money(picture.contract_price - picture.owed)}**"],
        [t("margin.revenue.less_total_cost"), money(picture.total_cost)],
        [f"**{t('margin.revenue.margin')}**", _contract_margin_cell(picture, money)],
    ]))
    with st.expander(t("margin.edit.revenue"), expanded=ctx.editing), st.form("margin.revenue"):
        slots = common.FieldSlots()
        raw = {}
        columns = st.columns(len(REVENUE_FIELDS))
        for column, name in zip(columns, REVENUE_FIELDS):
            with column:
                raw[name] = st.text_input(t(f"margin.revenue.{name}"), value=text(getattr(entered, name)),
                                          key=common.wkey(f"margin.revenue.{name}"))
                slots.under(name)
        if st.form_submit_button(t("margin.revenue.save")):
            def change(work: Case) -> None:
                problems: list[Problem] = []
                values = {name: amount(raw[name], name, problems, currency) for name in REVENUE_FIELDS}
                work.margin.revenue = common.build(ContractRevenue, values, problems)
            ctx.save("contract revenue edited", change, slots)


def _contract_margin_cell(picture: MarginPicture, money: Callable[[Decimal], str]) -> str:
    margin = picture.contract_margin
    if margin is None:
        return not_enough(still_missing(picture.missing, NEEDED_FOR_TODAY), "today")
    share, markup = margin_text(margin)
    return (f"**{money(margin.amount)}** ({t('margin.both.on_price').lower()} {share}, "
            f"{t('margin.both.on_cost').lower()} {markup})")


# -- what is normal -----------------------------------------------------------------------


def band(ctx: Context) -> None:
    """The normal band, the standards it may be taken from, and the form and buttons that set it."""
    model = ctx.model
    st.subheader(t("margin.band.title"))
    st.markdown(t("margin.band.intro"))
    if model.band is not None:
        st.markdown("### " + describe_band(model.band))
        if model.band.reasoning:
            st.markdown(common.plain(model.band.reasoning))
    else:
        st.info(t("margin.band.none"))
    if model.standards:
        st.markdown(_standards_table(model.standards))
    with st.expander(t("margin.edit.band"), expanded=ctx.editing), st.form("margin.band"):
        slots = common.FieldSlots()
        c1, c2 = st.columns(2)
        with c1:
            low_raw = st.text_input(t("margin.band.low"), value=text(model.band.low) if model.band else "",
                                    key=common.wkey("margin.band.low"))
            slots.under("low")
        with c2:
            high_raw = st.text_input(t("margin.band.high"), value=text(model.band.high) if model.band else "",
                                     key=common.wkey("margin.band.high"))
            slots.under("high")
        reasoning = st.text_area(t("margin.band.reasoning"), value=model.band.reasoning if model.band else "",
                                 key=common.wkey("margin.band.reasoning"))
        slots.under("")
        if st.form_submit_button(t("margin.band.save")):
            def change(work: Case) -> None:
                problems: list[Problem] = []
                values = dict(low=number(low_raw, "low", problems), high=number(high_raw, "high", problems),
                              reasoning=reasoning)
                work.margin.band = common.build(MarginBand, values, problems)
            ctx.save("normal band edited", change, slots)
    suggested = band_from_standards(model.standards)
    b1, b2 = st.columns(2)
    if ctx.editing and suggested is not None and b1.button(t("margin.band.take"), key="margin.band.take"):
        ctx.save("normal band taken from the standards", lambda work: setattr(work.margin, "band", suggested))
    if ctx.editing and b2.button(t("margin.standards.restore"), key="margin.standards.restore"):
        kept = [s for s in model.standards if s.id not in {x.id for x in starter_standards()}]
        ctx.save("starter standards restored",
                 lambda work: setattr(work.margin, "standards", [*starter_standards(), *kept]),
                 done=t("margin.standards.restored"))


def _standards_table(standards: list[MarginStandard]) -> str:
    return table(
        [t("margin.standard.name"), t("margin.standard.figure"), t("margin.standard.on_cost"),
         t("margin.standard.source"), t("margin.standard.published")],
        [[common.plain(s.name) + ("" if s.counts else f" ({t('margin.standard.reference_only')})"),
          (_pct(s.low) if s.low == s.high else f"{_pct(s.low)} – {_pct(s.high)}")
          + " " + t(f"margin.basis.{s.basis.value}"),
          _pct(s.central_on_cost), common.plain(s.source), i18n.fmt_date(s.published)] for s in standards])


def baseline(ctx: Context) -> None:
    """Which cost the normal band applies to: the sentence both sides read, and the mediator's choice.

    Each choice shows the vendor's lowest price it gives, so the parties see what the choice changes."""
    picture = ctx.picture
    st.subheader(t("margin.baseline.title"))
    st.markdown(describe_baseline(picture))
    if not ctx.editing:
        return
    zones = zones_by_baseline(ctx.loaded.case)
    with st.form("margin.baseline"):
        chosen = st.radio(t("margin.baseline.field"), BASELINES, index=BASELINES.index(ctx.model.band_baseline),
                          format_func=lambda b: t(f"margin.baseline.{b.value}.name"),
                          captions=[_baseline_caption(b, zones[b], ctx.currency) for b in BASELINES],
                          key=common.wkey("margin.band.baseline"))
        if st.form_submit_button(t("margin.baseline.save")):
            ctx.save("normal band's baseline chosen", lambda work: setattr(work.margin, "band_baseline", chosen),
                     done=t("margin.baseline.saved"))


def _baseline_caption(baseline: BandBaseline, zone: ZoneOfAgreement, currency: str) -> str:
    help_text = t(f"margin.baseline.{baseline.value}.help")
    if zone.vendor_lowest is None:
        return f"{help_text} {t('margin.baseline.gives_unknown')}"
    lowest = zone_money(zone.vendor_lowest, currency, zone)
    if not zone.known:
        gives = t("margin.baseline.gives_lowest", lowest=lowest)
    elif zone.exists:
        gives = t("margin.baseline.gives_zone", lowest=lowest, width=zone_money(zone.width, currency))
    else:
        gives = t("margin.baseline.gives_gap", lowest=lowest, gap=zone_money(zone.gap, currency))
    return f"{help_text} {gives}"


def standards(ctx: Context) -> None:
    """The editor of one standard at a time (mediator view only)."""
    if not ctx.editing:
        return
    # One form at a time: the standard chosen here (a form per standard would slow every rerun).
    # Options are the labels themselves (numbered, so two standards may share a name).
    by_label = {f"{n}. {s.name}": s for n, s in enumerate(ctx.model.standards, start=1)}
    chosen = st.selectbox(t("margin.standards.edit"), [t("margin.standards.add"), *by_label],
                          key="margin.standards.chosen")
    standard = by_label.get(chosen)
    if standard is not None and standard.note:
        st.caption(common.plain(standard.note))
    _standard_form(ctx, standard)


def _standard_form(ctx: Context, standard: MarginStandard | None) -> None:
    sid = standard.id if standard else "new"
    with st.form(f"margin.standard.{sid}"):
        slots = common.FieldSlots()
        name = st.text_input(t("margin.standard.name"), value=standard.name if standard else "",
                             key=common.wkey(f"margin.standard.{sid}.name"))
        slots.under("name")
        c1, c2, c3, c4 = st.columns(4)
        with c1:
            low = st.text_input(t("margin.standard.low"), value=text(standard.low) if standard else "",
                                key=common.wkey(f"margin.standard.{sid}.low"))
            slots.under("low")
        with c2:
            high = st.text_input(t("margin.standard.high"), value=text(standard.high) if standard else "",
                                 key=common.wkey(f"margin.standard.{sid}.high"))
            slots.under("high")
        basis = c3.selectbox(t("margin.standard.basis"), BASES, index=BASES.index(standard.basis) if standard else 0,
                             format_func=lambda b: t(f"margin.basis.{b.value}"),
                             key=common.wkey(f"margin.standard.{sid}.basis"))
        published = c4.date_input(t("margin.standard.published"), value=standard.published if standard else None,
                                  format="DD/MM/YYYY", key=common.wkey(f"margin.standard.{sid}.published"))
        source = st.text_input(t("margin.standard.source"), value=standard.source if standard else "",
                               key=common.wkey(f"margin.standard.{sid}.source"))
        url = st.text_input(t("margin.standard.url"), value=standard.url if standard else "",
                            key=common.wkey(f"margin.standard.{sid}.url"))
        note = st.text_area(t("margin.standard.note"), value=standard.note if standard else "",
                            key=common.wkey(f"margin.standard.{sid}.note"))
        counts = st.checkbox(t("margin.standard.counts"), value=standard.counts if standard else True,
                             key=common.wkey(f"margin.standard.{sid}.counts"))
        slots.under("")
        left, right = st.columns(2)
        label = t("margin.standard.save") if standard else t("margin.standards.add")
        if left.form_submit_button(label):
            def change(work: Case) -> None:
                problems: list[Problem] = []
                values = dict(name=name, low=number(low, "low", problems), high=number(high, "high", problems),
                              basis=basis, published=published, source=source, url=url, note=note, counts=counts)
                if standard:
                    values["id"] = standard.id
                built = common.build(MarginStandard, values, problems)
                work.margin.standards = upserted(work.margin.standards, built)
            ctx.save("standard edited" if standard else "standard added", change, slots)
        if standard and right.form_submit_button(t("margin.standard.remove")):
            ctx.save("standard removed", lambda work: setattr(
                work.margin, "standards", [s for s in work.margin.standards if s.id != standard.id]))


# -- the client's side and the price ------------------------------------------------------


def client_limits(ctx: Context) -> None:
    """The client's budget and walk-away (offered from the BATNA when it differs), and their form."""
    st.subheader(t("margin.client.title"))
    currency = ctx.currency
    limits = ctx.model.client
    suggestion = suggested_walk_away(ctx.loaded.case)
    batna = suggestion.price
    if batna is not None and batna != limits.walk_away and ctx.editing:
        st.info(t("margin.client.batna", amount=ctx.money(batna)) + "\n\n" + common.plain(suggestion.formula))
        if st.button(t("margin.client.use_batna"), key="margin.client.use_batna"):
            ctx.save("walk-away taken from the BATNA", lambda work: setattr(work.margin.client, "walk_away", batna))
    elif batna is None and ctx.loaded.case.intake.paths and ctx.editing:
        st.caption(common.plain(" ".join([t("margin.client.batna_none"), *suggestion.missing])))
    with st.expander(t("margin.edit.client"), expanded=ctx.editing), st.form("margin.client"):
        slots = common.FieldSlots()
        c1, c2 = st.columns(2)
        with c1:
            budget_raw = st.text_input(t("margin.client.budget"), value=text(limits.budget),
                                       key=common.wkey("margin.client.budget"))
            slots.under("budget")
        with c2:
            walk_raw = st.text_input(t("margin.client.walk_away"), value=text(limits.walk_away),
                                     key=common.wkey("margin.client.walk_away"))
            slots.under("walk_away")
        basis = st.text_area(t("margin.client.walk_away_basis"), value=limits.walk_away_basis,
                             key=common.wkey("margin.client.walk_away_basis"))
        if st.form_submit_button(t("margin.client.save")):
            def change(work: Case) -> None:
                problems: list[Problem] = []
                values = dict(budget=amount(budget_raw, "budget", problems, currency, required=False),
                              walk_away=amount(walk_raw, "walk_away", problems, currency, required=False),
                              walk_away_basis=basis)
                work.margin.client = common.build(ClientLimits, values, problems)
            ctx.save("client's limits edited", change, slots)


def price(ctx: Context) -> None:
    """The price under the deal and its note."""
    model, currency = ctx.model, ctx.currency
    st.subheader(t("margin.price.title"))
    with st.expander(t("margin.edit.price"), expanded=ctx.editing), st.form("margin.price"):
        slots = common.FieldSlots()
        price_raw = st.text_input(t("margin.price.field"), value=text(model.price), key=common.wkey("margin.price"))
        slots.under("price")
        price_note = st.text_input(t("margin.price.note"), value=model.price_note, key=common.wkey("margin.price_note"))
        if st.form_submit_button(t("margin.price.save")):
            def change(work: Case) -> None:
                problems: list[Problem] = []
                typed = amount(price_raw, "price", problems, currency, required=False)
                if problems:
                    raise common.Rejected(problems)
                work.margin.price = typed
                work.margin.price_note = price_note
            ctx.save("price edited", change, slots)


def lever_inputs(ctx: Context) -> None:
    """The form of the levers' amounts (their effects are on the glance tab)."""
    currency = ctx.currency
    st.subheader(ctx.levers_title)
    entered = ctx.model.levers
    with st.expander(t("margin.edit.levers"), expanded=ctx.editing), st.form("margin.levers"):
        slots = common.FieldSlots()
        raw = {}
        for column, name in zip(st.columns(3) * 2, LEVER_FIELDS):
            with column:
                raw[name] = st.text_input(t(f"margin.levers.{name}"), value=text(getattr(entered, name)),
                                          key=common.wkey(f"margin.levers.{name}"))
                slots.under(name)
        if st.form_submit_button(t("margin.levers.save")):
            def change(work: Case) -> None:
                problems: list[Problem] = []
                values = {name: (number(raw[name], name, problems) if name == "disputed_client_share"
                                 else amount(raw[name], name, problems, currency)) for name in LEVER_FIELDS}
                work.margin.levers = common.build(Levers, values, problems)
            ctx.save("levers edited", change, slots)


# -- what if ------------------------------------------------------------------------------


def what_if(ctx: Context) -> None:
    """A live what-if (price, cost, walk-away) that moves margin and zone at once."""
    # Nothing is saved until the mediator keeps it as a scenario.
    picture, model, currency, money = ctx.picture, ctx.model, ctx.currency, ctx.money
    st.subheader(t("margin.whatif.title"))
    st.markdown(t("margin.whatif.intro"))
    w1, w2, w3 = st.columns(3)
    live_raw = dict(
        price=w1.text_input(t("margin.scenario.price"), value=text(model.price or picture.fair and picture.fair.price),
                            key=common.wkey("margin.whatif.price")),
        cost_change=w2.text_input(t("margin.scenario.cost_change"), value="0",
                                  key=common.wkey("margin.whatif.cost_change")),
        walk_away_change=w3.text_input(t("margin.scenario.walk_away_change"), value="0",
                                       key=common.wkey("margin.whatif.walk_away_change")),
    )
    live_problems: list[Problem] = []
    live_values = dict(price=amount(live_raw["price"], "price", live_problems, currency, required=False),
                       cost_change=amount(live_raw["cost_change"], "cost_change", live_problems, currency),
                       walk_away_change=amount(live_raw["walk_away_change"], "walk_away_change", live_problems,
                                               currency))
    live = None if live_problems else build_row(Scenario, "", dict(name="what-if", **live_values), live_problems)
    if live is None:
        for problem in live_problems:
            st.error(problem.message)
        return
    result = evaluate(picture.inputs, live)
    m1, m2, m3 = st.columns(3)
    share, markup = margin_text(result.margin)
    m1.metric(t("margin.scenario.row.margin"), money(result.margin.amount) if result.margin else "—")
    m2.metric(t("margin.both.on_price"), share)
    m3.metric(t("margin.both.on_cost"), markup)
    st.markdown(describe_zone(result.zone, currency, picture.missing_for_zone))
    if result.zone.known:
        st.plotly_chart(zone_figure(picture, result.zone, price=live.price), width="stretch",
                        config={"displayModeBar": False}, key="margin.whatif.chart")
    if ctx.editing and len(model.scenarios) < MAX_SCENARIOS:
        k1, k2 = st.columns([3, 1], vertical_alignment="bottom")
        keep_name = k1.text_input(t("margin.scenario.name"), key=common.wkey("margin.whatif.name"))
        if k2.button(t("margin.whatif.keep"), key="margin.whatif.keep"):
            def change(work: Case) -> None:
                problems: list[Problem] = []
                kept = common.build(Scenario, dict(name=keep_name, **live_values), problems)
                work.margin.scenarios = [*work.margin.scenarios, kept]
            ctx.save("what-if kept as a scenario", change, common.FieldSlots())


def scenarios(ctx: Context) -> None:
    """The kept scenarios side by side with their verdicts, and the editor of one at a time."""
    st.subheader(t("margin.scenarios.title"))
    results = ctx.picture.scenarios
    if not results:
        st.info(t("margin.scenarios.none"))
    else:
        st.markdown(_scenario_table(ctx, results))
    if ctx.editing:
        model = ctx.model
        by_name = {sc.name: sc for sc in model.scenarios}  # names are unique (the model says so)
        room = len(model.scenarios) < MAX_SCENARIOS
        choices = [*([t("margin.scenario.new")] if room else []), *by_name]
        if choices:
            chosen = st.selectbox(t("margin.scenarios.edit"), choices, key="margin.scenarios.chosen")
            _scenario_form(ctx, by_name.get(chosen))
        if not room:
            st.caption(t("margin.scenarios.full"))


def _scenario_table(ctx: Context, results: list[ScenarioResult]) -> str:
    money = ctx.money

    def zone_cell(zone: ZoneOfAgreement) -> str:
        if not zone.known:
            return t("margin.metric.unknown")
        if zone.exists:
            return t("margin.scenario.zone_range", lowest=money(zone.vendor_lowest), highest=money(zone.client_highest))
        return t("margin.scenario.no_zone", gap=money(zone.gap))

    def verdict(result: ScenarioResult) -> str:
        if result.scenario.price is None:
            return t("margin.scenario.verdict.no_price")
        if result.in_zone and result.verdict is MarginVerdict.WAIVED:
            return f":orange[{t('margin.scenario.verdict.waived')}]"
        if result.in_zone and result.normal:
            return f":green[{t('margin.scenario.verdict.fits')}]"
        if result.in_zone:
            return f":green[{t('margin.scenario.verdict.in_zone')}]"
        return f":red[{t('margin.scenario.verdict.outside')}]"

    def what(scenario: Scenario) -> str:
        parts = []
        if scenario.cost_change:
            parts.append(f"{t('margin.scenario.cost_change')}: {money(scenario.cost_change)}")
        if scenario.walk_away_change:
            parts.append(f"{t('margin.scenario.walk_away_change')}: {money(scenario.walk_away_change)}")
        if scenario.credits_waived:
            parts.append(f"{t('margin.scenario.credits_waived')}: {money(scenario.credits_waived)}")
        return "; ".join(parts) or "—"

    headers = [""] + [f"**{common.plain(r.scenario.name)}**" for r in results]
    body = [
        [t("margin.scenario.price")] + [money(r.scenario.price) if r.scenario.price is not None else "—"
                                        for r in results],
        [t("margin.scenario.what")] + [what(r.scenario) for r in results],
        [t("margin.scenario.row.total_cost" if ctx.picture.baseline is BandBaseline.WHOLE_CONTRACT
           else "margin.scenario.row.cost_to_complete")]
        + [money(r.inputs.cost) if r.inputs.cost is not None else "—" for r in results],
        [t("margin.scenario.row.zone")] + [zone_cell(r.zone) for r in results],
        [t("margin.scenario.row.margin")] + [money(r.margin.amount) if r.margin else "—" for r in results],
        [t("margin.scenario.row.on_price")] + [margin_text(r.margin)[0] for r in results],
        [t("margin.scenario.row.on_cost")] + [margin_text(r.margin)[1] for r in results],
        [t("margin.scenario.row.verdict")] + [f"**{verdict(r)}**" for r in results],
    ]
    return table(headers, body)


def _scenario_form(ctx: Context, scenario: Scenario | None) -> None:
    currency = ctx.currency
    sid = scenario.id if scenario else "new"
    with st.form(f"margin.scenario.{sid}"):
        slots = common.FieldSlots()
        c1, c2 = st.columns(2)
        with c1:
            name = st.text_input(t("margin.scenario.name"), value=scenario.name if scenario else "",
                                 key=common.wkey(f"margin.scenario.{sid}.name"))
            slots.under("name")
        with c2:
            price_raw = st.text_input(t("margin.scenario.price"), value=text(scenario.price) if scenario else "",
                                      key=common.wkey(f"margin.scenario.{sid}.price"))
            slots.under("price")
        c1, c2, c3 = st.columns(3)
        raw = {}
        for column, field in zip((c1, c2, c3), SCENARIO_CHANGES):
            with column:
                raw[field] = st.text_input(t(f"margin.scenario.{field}"),
                                           value=text(getattr(scenario, field)) if scenario else "0",
                                           key=common.wkey(f"margin.scenario.{sid}.{field}"))
                slots.under(field)
        slots.under("")
        left, right = st.columns(2)
        if left.form_submit_button(t("margin.scenario.save") if scenario else t("margin.scenario.add")):
            def change(work: Case) -> None:
                problems: list[Problem] = []
                values = dict(name=name, price=amount(price_raw, "price", problems, currency, required=False),
                              **{f: amount(raw[f], f, problems, currency) for f in raw})
                if scenario:
                    values["id"] = scenario.id
                built = common.build(Scenario, values, problems)
                work.margin.scenarios = upserted(work.margin.scenarios, built)
            ctx.save("scenario edited" if scenario else "scenario added", change, slots)
        if scenario and right.form_submit_button(t("margin.scenario.remove")):
            ctx.save("scenario removed", lambda work: setattr(
                work.margin, "scenarios", [s for s in work.margin.scenarios if s.id != scenario.id]))
