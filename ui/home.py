"""The Cases page (app.py): pick, start, archive, import and export cases, and the backups.

In shared-screen view the room sees only the open case: other mediations' names are confidential
too, and archiving, import, export and backups are the mediator's business.
"""
from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from negotiation.adapters.cases import MAX_IMPORT_BYTES, ensure_demo, import_case, new_case
from negotiation.adapters.demo import DEMO_ID
from negotiation.adapters.store import MAX_BACKUP_BYTES, CaseStore
from negotiation.data.case import case_to_json
from negotiation.kernel import i18n
from negotiation.kernel.errors import ImportRejected, explain
from negotiation.kernel.i18n import t
from ui import common

MEBIBYTE = 1024 * 1024
"""Streamlit's megabyte, in its upload limits (`max_upload_size`, `server.maxUploadSize`)."""


def megabytes(limit: int) -> int:
    """An upload limit in bytes as the whole megabytes a file uploader takes; the import itself checks the bytes."""
    return max(1, -(-limit // MEBIBYTE))


def cases_page() -> None:
    """The whole Cases page, in the order the mediator reads it."""
    loaded = common.page("home")
    repository = common.store()
    shared = common.shared_screen()
    st.title(t("home.title"))
    st.markdown(t("home.intro"))
    case_list(repository, loaded, shared)
    new_case_form(repository)
    demo_button(repository)
    if shared:
        st.stop()
    import_export(repository, loaded)
    backups(repository)


def case_list(repository: CaseStore, loaded: common.Loaded | None, shared: bool) -> None:
    show_archived = not shared and st.toggle(t("home.show_archived"), key="home.show_archived")
    cases = repository.list(include_archived=show_archived)
    if shared:
        cases = [c for c in cases if loaded is not None and c.id == loaded.case.id]
    if not cases:
        st.info(t("home.no_cases"))
    for summary in cases:
        is_open = loaded is not None and summary.id == loaded.case.id
        with st.container(border=True):
            text, actions = st.columns([4, 2], vertical_alignment="center")
            badges = []
            if is_open:
                badges.append(f":green-badge[{t('home.current')}]")
            if summary.archived:
                badges.append(f":gray-badge[{t('home.archived_badge')}]")
            text.markdown(f"**{common.plain(summary.title)}** {' '.join(badges)}  \n"
                          f"{t('home.updated', when=i18n.fmt_datetime(summary.updated_at))}")
            if shared:
                continue
            open_col, archive_col = actions.columns(2)
            if open_col.button(t("home.open"), key=f"home.open.{summary.id}", disabled=is_open):
                common.open_case(summary.id)
                st.rerun()
            if summary.archived:
                if archive_col.button(t("home.unarchive"), key=f"home.unarchive.{summary.id}"):
                    repository.set_archived(summary.id, False)
                    common.flash("success", t("home.unarchived_done", title=common.plain(summary.title)))
                    st.rerun()
            elif archive_col.button(t("home.archive"), key=f"home.archive.{summary.id}"):
                repository.set_archived(summary.id, True)
                if is_open:
                    st.session_state.pop(common.Keys.CASE_ID, None)
                    st.query_params.clear()
                common.flash("success", t("home.archived_done", title=common.plain(summary.title)))
                st.rerun()
    if not shared:
        st.caption(t("home.archived_note"))


def new_case_form(repository: CaseStore) -> None:
    st.header(t("home.new_case"))
    st.markdown(t("home.new_case_intro"))
    with st.form("home.new", clear_on_submit=False):
        slots = common.FieldSlots()
        title = st.text_input(t("case.title"), key="home.new.title")
        slots.under("title")
        client_name = st.text_input(t("home.client_name"), key="home.new.client")
        slots.under("client.name")
        vendor_name = st.text_input(t("home.vendor_name"), key="home.new.vendor")
        slots.under("vendor.name")
        mediator_name = st.text_input(t("home.mediator_name"), key="home.new.mediator")
        slots.under("mediator.name")
        if st.form_submit_button(t("home.create"), type="primary"):
            try:
                case = new_case(title, client_name, vendor_name, mediator_name)
            except ValidationError as exc:
                slots.show(explain(exc))
            else:
                repository.add(case)
                common.open_case(case.id)
                common.flash("success", t("home.created", title=common.plain(case.title)))
                st.switch_page(common.PAGES["case"])


def demo_button(repository: CaseStore) -> None:
    if st.button(t("home.load_demo"), key="home.demo"):
        ensure_demo(repository)
        common.open_case(DEMO_ID)
        common.flash("success", t("home.demo_loaded"))
        st.rerun()


def import_export(repository: CaseStore, loaded: common.Loaded | None) -> None:
    st.header(t("home.import_export"))
    if loaded is not None:
        st.download_button(
            t("home.export"), data=case_to_json(loaded.case), file_name=f"{loaded.case.id}.json",
            mime="application/json", key="home.export",
        )
    upload = st.file_uploader(t("home.import"), type=["json"], key="home.import",
                              max_upload_size=megabytes(MAX_IMPORT_BYTES))
    if upload is not None and st.button(t("home.import_button"), key="home.import.go"):
        try:
            case, copied = import_case(repository, upload.getvalue())
        except ImportRejected as exc:
            st.error(common.plain(str(exc)))  # it may quote the file: a key, a value, a case id
        else:
            common.open_case(case.id)
            common.flash("success", t("home.imported", title=common.plain(case.title)))
            if copied:
                common.flash("info", t("home.imported_as_copy"))
            st.rerun()


def backups(repository: CaseStore) -> None:
    st.header(t("backup.title"))
    st.markdown(t("backup.intro"))
    st.download_button(
        t("backup.download"), data=lambda: repository.backup(), file_name="yesable-backup.json",
        mime="application/json", key="home.backup", on_click="ignore",
    )
    backup_file = st.file_uploader(t("backup.upload"), type=["json"], key="home.backup.file",
                                   max_upload_size=megabytes(MAX_BACKUP_BYTES))
    if backup_file is not None and st.button(t("backup.restore_button"), key="home.backup.restore"):
        try:
            restored = repository.restore_backup(backup_file.getvalue())
        except ImportRejected as exc:
            st.error(common.plain(str(exc)))  # it may quote the file: a key, a value, a case id
        else:
            common.flash("success", t("backup.restored", added=len(restored.added), updated=len(restored.updated),
                                      unchanged=len(restored.unchanged)))
            st.rerun()
