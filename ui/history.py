"""The History page: every change in words (before → after), and restoring a step's earlier state.

In shared-screen view, changes to the private caucus are not listed, and the caucus cannot be restored.
"""
from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from negotiation.data.case import Case, migrated
from negotiation.kernel import i18n
from negotiation.kernel.changes import Change, diff
from negotiation.kernel.errors import explain
from negotiation.kernel.i18n import MissingMessage, t
from negotiation.method.history import (
    RESTORABLE_STEPS,
    change_in_words,
    fields_of_step,
    readable_changes,
    restore_step,
    shared_changes,
)
from ui import common

MAX_ENTRIES = 60
MAX_CHANGES = 12


def intro(loaded: common.Loaded) -> None:
    st.caption(common.plain(loaded.case.title))
    st.title(t("history.page_title"))
    st.markdown(t("history.intro"))
    if common.shared_screen():
        st.caption(t("history.shared_note"))


def step_name(step: str) -> str:
    try:
        return t(f"nav.{step}")
    except MissingMessage:
        try:
            return t(f"history.step.{step}")
        except MissingMessage:
            return step


def in_words(changes: list[Change]) -> str:
    # A change in words quotes the value before and after: what someone typed.
    lines = [f"- {common.plain(change_in_words(c))}" for c in changes[:MAX_CHANGES]]
    if len(changes) > MAX_CHANGES:
        lines.append(f"- {t('history.more', count=len(changes) - MAX_CHANGES)}")
    return "\n".join(lines) if lines else t("history.no_details")


def restore_section(loaded: common.Loaded) -> None:
    """Pick a step and an earlier revision, see what would change in words, and restore it."""
    case = loaded.case
    shared = common.shared_screen()
    repository = common.store()
    st.header(t("history.restore.title"))
    revisions = [r for r in repository.revisions(case.id) if r != loaded.revision]
    if not revisions:
        st.info(t("history.restore.none"))
        return
    steps = [s for s in RESTORABLE_STEPS if not (shared and s == "caucus")]
    c1, c2 = st.columns(2)
    step = c1.selectbox(t("history.restore.step"), steps, format_func=step_name, key="history.restore.step")
    revision = c2.selectbox(t("history.restore.revision"), revisions, key="history.restore.revision")
    stored = repository.document_at(case.id, revision)
    # A snapshot is kept as it was written; read it under today's schema, as the store reads the case.
    earlier = migrated(stored) if stored else {}
    current = case.model_dump(mode="json")
    fields = fields_of_step(step)
    changes = diff({f: current.get(f) for f in fields}, {f: earlier.get(f) for f in fields})
    if shared:
        changes = shared_changes(changes)
    if not changes:
        st.caption(t("history.restore.same"))
        return
    st.markdown(f"**{t('history.restore.preview')}**\n\n" + in_words(changes))
    if st.button(t("history.restore.button"), key="history.restore.go", type="primary"):
        try:
            restored = restore_step(case, earlier, step)
        except ValidationError as exc:
            details = "; ".join(p.message for p in explain(exc)[:3])
            st.error(t("history.restore.invalid", details=details))
        else:
            def change(work: Case) -> None:
                for name in fields:
                    setattr(work, name, getattr(restored, name))
            common.apply(loaded, step, t("history.restore.summary", step=step_name(step), revision=revision),
                         change, done=t("history.restore.done", step=step_name(step), revision=revision))


def change_log(loaded: common.Loaded) -> None:
    """The newest MAX_ENTRIES entries, the first three open."""
    shared = common.shared_screen()
    st.header(t("nav.history"))
    shown = 0
    for entry in common.store().history(loaded.case.id):
        if shared and entry.step == "caucus":
            continue
        changes = readable_changes(shared_changes(entry.changes) if shared else entry.changes)
        if shared and entry.changes and not changes:
            continue
        label = t("history.entry", revision=entry.revision, when=i18n.fmt_datetime(entry.at),
                  step=step_name(entry.step)) + f" — {common.plain(entry.summary)}"
        with st.expander(label, expanded=shown < 3):
            st.markdown(in_words(changes))
        shown += 1
        if shown >= MAX_ENTRIES:
            break
