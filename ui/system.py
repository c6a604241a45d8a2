"""Streamlit helpers of the SMART step: the check's verdict drawn for a shared screen."""
from __future__ import annotations

import re

import streamlit as st

from negotiation.kernel.i18n import t
from negotiation.method.smart.check import SmartVerdict

ICONS = {"pass": ":material/check_circle:", "fail": ":material/cancel:", "open": ":material/schedule:"}
"""Streamlit's own icon font: the emoji of a projector laptop may lack an emoji font."""
DONE = ":green[:material/check_circle:]"
NOT_DONE = ":gray[:material/radio_button_unchecked:]"

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def plain(text: str) -> str:
    """Party text shown through st.markdown as text, never as markup."""
    return _MARKDOWN.sub(r"\\\1", text)


def letter_badges(verdict: SmartVerdict) -> str:
    """":green-background[S] :red-background[M] …": the five letters at a glance."""
    colours = {"pass": "green", "fail": "red", "open": "gray"}
    # Background highlights grow with the heading they sit in; badges would stay small.
    return " ".join(f":{colours[r.status]}-background[**{r.letter}**]" for r in verdict.letters)


def show_verdict(verdict: SmartVerdict) -> None:
    """The verdict as large, plain sentences: one box per letter, the sharper wording under a failing one."""
    (st.success if verdict.smart else st.warning)(f"#### {verdict.headline}")
    for result in verdict.letters:
        text = f"**{result.letter} · {result.name}** — {result.summary}"
        box = {"pass": st.success, "fail": st.error, "open": st.info}[result.status]
        box(text, icon=ICONS[result.status])
        for finding in result.findings:
            if finding.advice:
                st.markdown(f":material/lightbulb: {t('system.advice')}: {finding.explanation} *{finding.suggestion}*")
            elif finding.suggestion:
                st.markdown(f":material/arrow_forward: **{t('system.sharper')}:** {finding.suggestion}")
