"""The projector view: read-only, large type, shared content only, following the mediator's step.

Every PROJECTOR_POLL_SECONDS a fragment asks the store which step the mediator is on and which
revision the case is at; the content is built from the case with its caucus redacted, so nothing
confidential can appear.
"""
from __future__ import annotations

import streamlit as st

from negotiation.adapters.projector import projector_html
from negotiation.kernel.errors import CaseNotFound
from negotiation.kernel.i18n import t
from negotiation.method.caucus import blind_zone_check, redacted
from ui import common


@st.cache_data(max_entries=32, show_spinner=False)
def shared_view(db: str, case_id: str, revision: int, step: str) -> dict:
    """The projector's content for one state of a case (keyed by revision: a change makes a new one)."""
    case = common.store().get(case_id).case
    return dict(
        title=case.title,
        currency=case.contract.currency,
        html=None if step == "caucus" else projector_html(case, step),
        caucus=redacted(case.caucus),
        blind=blind_zone_check(case.caucus),
    )


@st.fragment(run_every=common.PROJECTOR_POLL_SECONDS)
def follow_the_mediator(wanted_case: str | None) -> None:
    """The step the mediator is on, of `wanted_case` (or of whichever case the mediator has open)."""
    repository = common.store()
    presence = repository.current_step(wanted_case)
    if presence is None:
        st.info(t("projector.waiting") if wanted_case else t("projector.no_case"))
        return
    revision = repository.revision(presence.case_id)
    if revision is None:
        st.info(t("projector.no_case"))
        return
    try:
        view = shared_view(str(repository.path), presence.case_id, revision, presence.step)
    except CaseNotFound:
        st.info(t("projector.no_case"))
        return
    step_name = t("projector.home") if presence.step == "home" else t(f"nav.{presence.step}")
    st.caption(t("projector.following", step=step_name, revision=revision))
    st.title(step_name if presence.step != "home" else common.plain(view["title"]))
    if presence.step == "caucus":
        common.blind_check_box(view["blind"], view["currency"])
        common.released_caucus(view["caucus"], view["currency"])
    elif view["html"] is not None:
        st.iframe(view["html"], height="content")
