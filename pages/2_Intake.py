"""Step 2: intake. Where it pinches, early warning signs, each side's paths, mutual recognition."""
from __future__ import annotations

import streamlit as st

import ui
from negotiation.i18n import t

STEP = "intake"
loaded = ui.page(STEP)
if loaded is None:
    st.stop()
ui.step_header(STEP, loaded)
complaints = loaded.case.intake.complaints
st.markdown(t("intake.holds", count=len(complaints)))
for complaint in complaints:
    st.markdown(f"- {ui.side_badge(complaint.raised_by.value)} {complaint.statement} "
                f"({t('intake.complaint.severity')}: {complaint.severity})")
ui.step_footer(STEP)
