"""Step 5: the decently working system, defined SMART and accepted by both sides."""
from __future__ import annotations

import streamlit as st

from ui import common
from ui import system as view

STEP = "system"
loaded = common.page(STEP)
if loaded is None:
    st.stop()
common.step_header(STEP, loaded)
context = view.context(loaded)

view.definition_section(context)
view.criteria_section(context)
view.coverage_section(context)
view.editor_section(context)
view.templates_section(context)
common.step_footer(STEP)
