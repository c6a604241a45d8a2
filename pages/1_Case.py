"""Step 1: the case, its parties and their people, the mediator, the contract."""
from __future__ import annotations

import streamlit as st

from ui import case as view
from ui import common

STEP = "case"
loaded = common.page(STEP)
if loaded is None:
    st.stop()
common.step_header(STEP, loaded)

view.details_form(loaded)
view.parties_section(loaded)
view.mediator_section(loaded)
view.contract_section(loaded)
common.step_footer(STEP)
