"""Step 7: the agreement. Signing details, a preview, and the PDF the directors sign."""
from __future__ import annotations

import streamlit as st

import ui
from negotiation.i18n import t
from negotiation.model import Case, case_from_json, case_to_json, fingerprint, short_fingerprint
from negotiation.report import render_html, render_pdf

STEP = "agreement"
loaded = ui.page(STEP)
if loaded is None:
    st.stop()
case = loaded.case
ui.step_header(STEP, loaded)

with st.form("agreement.signing"):
    slots = ui.FieldSlots()
    c1, c2 = st.columns(2)
    place = c1.text_input(t("agreement.place"), value=case.agreement.place, key=ui.wkey("agreement.place"))
    signing_date = c2.date_input(t("agreement.signing_date"), value=case.agreement.signing_date,
                                 format="DD/MM/YYYY", key=ui.wkey("agreement.signing_date"))
    with c2:
        slots.under("signing_date")
    if st.form_submit_button(t("agreement.save")):
        def change(work: Case) -> None:
            work.agreement.place = place
            work.agreement.signing_date = signing_date
        ui.apply(loaded, STEP, "signing details edited", change, slots)


@st.cache_data(max_entries=8, show_spinner=False)
def pdf_bytes(case_json: str) -> bytes:
    """The PDF for one exact state of a case (cached by its JSON: a change makes a new one)."""
    return render_pdf(case_from_json(case_json))


digest = short_fingerprint(fingerprint(case))
case_json = case_to_json(case)
st.download_button(
    t("agreement.download"), data=lambda: pdf_bytes(case_json), file_name=f"agreement-{case.id}-{digest}.pdf",
    mime="application/pdf", type="primary", key="agreement.download", on_click="ignore",
)
st.caption(t("report.fingerprint_note") + f" **{digest}**")

st.subheader(t("agreement.preview"))
# The preview is our own template's output: every party-typed value is autoescaped in it.
st.iframe(render_html(case, for_screen=True), height=900)
ui.step_footer(STEP)
