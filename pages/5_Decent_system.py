"""Step 5: the decently working system, defined SMART."""
from __future__ import annotations

import streamlit as st

import ui
from negotiation.i18n import t

STEP = "system"
loaded = ui.page(STEP)
if loaded is None:
    st.stop()
ui.step_header(STEP, loaded)
criteria = loaded.case.system.criteria
st.markdown(t("system.holds", count=len(criteria)))
for criterion in criteria:
    st.markdown(f"1. {criterion.statement}")
ui.step_footer(STEP)
