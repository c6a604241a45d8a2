"""Step 6: a fair vendor margin and the zone of possible agreement."""
from __future__ import annotations

import streamlit as st

from negotiation.kernel.i18n import t
from ui import common
from ui import margin as view

STEP = "margin"
loaded = common.page(STEP)
if loaded is None:
    st.stop()
common.step_header(STEP, loaded)
ctx = view.context(loaded)
if ctx is None:
    st.stop()

glance_tab, vendor_tab, normal_tab, client_tab, whatif_tab = st.tabs([
    t("margin.tab.glance"), t("margin.tab.vendor"), t("margin.tab.normal"), t("margin.tab.client"),
    t("margin.tab.whatif"),
])
with glance_tab:
    view.missing_figures(ctx)
    view.glance(ctx.picture)
    view.findings(ctx.picture)
    view.both_sides(ctx)
    view.fair_price(ctx)
    view.levers(ctx)
with vendor_tab:
    view.vendor_cost(ctx)
    view.revenue(ctx)
with normal_tab:
    view.band(ctx)
    view.baseline(ctx)
    view.standards(ctx)
with client_tab:
    view.client_limits(ctx)
    view.price(ctx)
    view.lever_inputs(ctx)
with whatif_tab:
    view.what_if(ctx)
    view.scenarios(ctx)
common.step_footer(STEP)
