"""Step 4: options for mutual gain, valued by both sides, a fair split, and objective criteria."""
from __future__ import annotations

import streamlit as st

from negotiation.kernel.i18n import t
from ui import common
from ui import options as view

STEP = "options"
loaded = common.page(STEP)
if loaded is None:
    st.stop()
common.step_header(STEP, loaded)
context = view.Context.of(loaded)

issues, packages, split, criteria = st.tabs(
    [t("options.issues"), t("options.packages"), t("options.fair_split"), t("options.criteria")])
with issues:
    view.issues_section(context)
with packages:
    view.packages_section(context)
with split:
    view.split_section(context)
with criteria:
    view.criteria_section(context)
common.step_footer(STEP)
