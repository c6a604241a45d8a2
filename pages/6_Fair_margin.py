"""Step 6: a fair vendor margin and the zone of possible agreement."""
from __future__ import annotations

import streamlit as st

import ui
from negotiation import i18n
from negotiation.i18n import t

STEP = "margin"
loaded = ui.page(STEP)
if loaded is None:
    st.stop()
ui.step_header(STEP, loaded)
margin = loaded.case.margin
if margin.cost_to_complete is None or margin.price is None:
    st.markdown(t("margin.holds_nothing"))
else:
    left, right = st.columns(2)
    left.metric(t("margin.cost_to_complete"), i18n.fmt_money(margin.cost_to_complete, loaded.currency))
    right.metric(t("margin.price"), i18n.fmt_money(margin.price, loaded.currency))
ui.step_footer(STEP)
