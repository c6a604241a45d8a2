"""Step 4: options for mutual gain and objective criteria."""
from __future__ import annotations

import streamlit as st

import ui
from negotiation.i18n import t

STEP = "options"
loaded = ui.page(STEP)
if loaded is None:
    st.stop()
ui.step_header(STEP, loaded)
board = loaded.case.options
st.markdown(t("options.holds", options=len(board.options), criteria=len(board.criteria)))
for option in board.options:
    st.markdown(f"- {option.statement}")
for criterion in board.criteria:
    st.markdown(f"- {criterion.name} ({criterion.source})")
ui.step_footer(STEP)
