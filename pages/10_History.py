"""The history of a case: every change in words (before → after), and restoring a step's earlier state."""
from __future__ import annotations

import streamlit as st

from ui import common
from ui import history as view

loaded = common.page("history")
if loaded is None:
    st.stop()
view.intro(loaded)
view.restore_section(loaded)
view.change_log(loaded)
