"""Step 2: intake. Where it pinches, early warning signs, each side's paths, mutual recognition."""
from __future__ import annotations

import streamlit as st

from negotiation.kernel.i18n import t
from ui import common
from ui import intake as view

STEP = "intake"
loaded = common.page(STEP)
if loaded is None:
    st.stop()
common.step_header(STEP, loaded)

found_verdict = view.verdict_box(loaded.case)
# One part of the intake at a time: one idea per shared screen, and a rerun draws only that part's widgets.
section = st.radio(t("intake.section"), view.SECTIONS, horizontal=True, format_func=lambda s: t(f"intake.tab.{s}"),
                   key=view.SECTION_KEY, label_visibility="collapsed")
if section == "complaints":
    view.complaints_section(loaded)
if section == "signs":
    view.signs_section(loaded)
if section == "paths":
    view.paths_section(loaded)
if section == "recognition":
    view.recognition_section(loaded, found_verdict)
common.step_footer(STEP)
