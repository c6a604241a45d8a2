"""Step 3: the positions each side states, the interests behind them, and the people side."""
from __future__ import annotations

import streamlit as st

from negotiation.kernel.i18n import t
from ui import common
from ui import interests as view

STEP = "interests"
loaded = common.page(STEP)
if loaded is None:
    st.stop()
common.step_header(STEP, loaded)
analysis = view.analysis(loaded.case)

view.map_section(loaded.case, analysis)
# Lazy tabs: only the open tab's forms run, which keeps the rerun after each edit quick.
positions, links, people, incidents = st.tabs([
    t("interests.tab.positions"), t("interests.tab.links"), t("interests.tab.people"), t("interests.tab.incidents"),
], key=view.TABS_KEY, on_change="rerun")
if positions.open:
    with positions:
        view.positions_tab(loaded, analysis)
if links.open:
    with links:
        view.links_tab(loaded, analysis)
if people.open:
    with people:
        view.people_tab(loaded)
if incidents.open:
    with incidents:
        view.incidents_tab(loaded)
common.step_footer(STEP)
