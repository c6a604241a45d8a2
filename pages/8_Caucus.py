"""The private caucus: each side's confidential notes and figures, releases, the blind zone check.

In mediator view everything is here, in the mediator's own (violet) look. In shared-screen view
the page holds only the released caucus (common.load redacts it) and shows the blind check's outcome.
"""
from __future__ import annotations

import streamlit as st

from ui import caucus as view
from ui import common

STEP = "caucus"
loaded = common.page(STEP)
if loaded is None:
    st.stop()
shared = common.shared_screen()

view.intro(loaded, shared)
view.blind_check(loaded, shared)
if shared:
    view.released_section(loaded)
    st.stop()
view.sides_section(loaded)
