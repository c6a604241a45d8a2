"""Step 7: the agreement. Commitments, the escalation ladder, continuity, documentation, reviews,
then finalise, compare versions, and the PDF the directors sign."""
from __future__ import annotations

import streamlit as st

from ui import agreement as view
from ui import common

STEP = "agreement"
loaded = common.page(STEP)
if loaded is None:
    st.stop()
common.step_header(STEP, loaded)
context = view.Context.of(loaded)

view.status_banner(context)
view.commitments_section(context)
view.ladder_section(context)
view.terms_section(context)
view.signing_section(context)
view.download_section(context)
if context.status == "draft":
    view.finalise_section(context)
view.versions_section(context)
view.compare_section(context)
view.preview_section(context)
common.step_footer(STEP)
