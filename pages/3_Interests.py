"""Step 3: the interests behind each side's positions."""
from __future__ import annotations

import streamlit as st

import ui
from negotiation.i18n import t

STEP = "interests"
loaded = ui.page(STEP)
if loaded is None:
    st.stop()
ui.step_header(STEP, loaded)
interests = loaded.case.interests.interests
st.markdown(t("interests.holds", count=len(interests)))
for interest in interests:
    st.markdown(f"- {ui.side_badge(interest.side.value)} {interest.statement} "
                f"({t('interests.priority')}: {interest.priority})")
ui.step_footer(STEP)
