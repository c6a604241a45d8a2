"""The frame every page shares: the open case, the screen mode, the sidebar, and saving an edit.

Data flows one way: widget -> validated model update -> store -> rerun renders from the model.
A page calls `page(step)` to get the open case, draws widgets, and hands an edit to `apply`,
which validates the whole case, saves it over the revision the page was drawn from, logs the
change, and reruns. A rejected edit shows its messages next to the fields and saves nothing.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar
from urllib.parse import urlsplit

import streamlit as st
from pydantic import ValidationError

from negotiation.adapters.store import CaseStore, StoredCase, default_path
from negotiation.data.case import STEPS, Case, case_problems, checked_edit
from negotiation.data.caucus import Caucus
from negotiation.data.parties import PartyRole
from negotiation.kernel import i18n
from negotiation.kernel.base import deferred_rules
from negotiation.kernel.errors import Problem, StaleCase, YesableError, explain
from negotiation.kernel.i18n import t
from negotiation.method.caucus import MidpointHeld, ZoneFinding, redacted, withheld
from negotiation.method.intake import Outcome, verdict, workshop_warning

M = TypeVar("M")


class Keys:
    """Every session-state key Yesable uses, declared in one place."""

    CASE_ID = "case_id"
    SCREEN_MODE = "screen_mode"
    FLASH = "flash"
    LOADED = "loaded_revision"
    SCREEN_SWITCH = "screen_mode_switch"
    """The switch widget; SCREEN_MODE is the truth (widget state does not survive a page change)."""
    LEAVING_SHARED = "leaving_shared_view"
    """Set when the switch was turned off in shared-screen view: the banner asks before anything shows."""
    PRESENCE = "presence_written"
    """(case id, step) last written to the store for the projector view, so a rerun writes nothing."""
    WIDGET_PREFIX = "w:"
    """Widgets whose keys start with this are reset whenever the open case or its revision changes."""


MEDIATOR_VIEW = "mediator"
SHARED_VIEW = "shared"
VIEW_PARAM = "view"
"""`?view=shared` in a URL opens that window in shared-screen view (the parameter is then removed)."""

PAGES = {
    "home": "app.py",
    "case": "pages/1_Case.py",
    "intake": "pages/2_Intake.py",
    "interests": "pages/3_Interests.py",
    "options": "pages/4_Options.py",
    "system": "pages/5_Decent_system.py",
    "margin": "pages/6_Fair_margin.py",
    "agreement": "pages/7_Agreement.py",
    "caucus": "pages/8_Caucus.py",
    "projector": "pages/9_Projector.py",
    "history": "pages/10_History.py",
}
PROJECTOR_URL = "Projector"
"""The projector page's URL path (Streamlit derives it from the file name), relative to any page."""
FOLLOWED_STEPS = ("home", *STEPS, "caucus")
"""Pages the projector view follows; on any other page it keeps showing the last of these."""
SHARED_FONT_PX = 24
"""Root font size in shared-screen view (the theme's baseFontSize, 18 px, is the mediator's)."""


@st.cache_resource
def _store_at(path: str) -> CaseStore:
    return CaseStore(path)


def store() -> CaseStore:
    """One repository per database file; it holds only the path, so sharing it across threads is safe."""
    return _store_at(str(default_path()))


def wkey(name: str) -> str:
    """The key of a widget that shows a value of the open case (reset when the case changes)."""
    return f"{Keys.WIDGET_PREFIX}{name}"


# -- the open case ------------------------------------------------------------------------


@dataclass
class Loaded:
    """The case a page was drawn from, and the revision an edit will be saved over."""

    case: Case
    revision: int
    caucus: Caucus | None = None
    """The full, confidential caucus when `case` holds only its released part (shared-screen view).

    Only for computing what may be shared (the blind zone check); never to be shown.
    """
    drawn_revision: int | None = None
    """The revision this window's widgets were drawn from on the run before, when it was this case.

    If it differs from `revision`, another window saved in between: what was typed here was typed
    over an older state, so `apply` refuses it as stale instead of dropping it silently.
    """

    @property
    def currency(self) -> str:
        return self.case.contract.currency


def open_case(case_id: str) -> None:
    st.session_state[Keys.CASE_ID] = case_id
    st.query_params["case"] = case_id


def _current_case_id() -> str | None:
    case_id = st.session_state.get(Keys.CASE_ID) or st.query_params.get("case")
    repository = store()
    if case_id and repository.exists(case_id):
        return case_id
    listed = repository.list()
    return listed[0].id if listed else None


def load() -> Loaded | None:
    case_id = _current_case_id()
    if case_id is None:
        return None
    stored: StoredCase = store().get(case_id)
    open_case(case_id)
    marker = (case_id, stored.revision)
    previous = st.session_state.get(Keys.LOADED)
    drawn = previous[1] if isinstance(previous, tuple) and previous[0] == case_id else None
    if previous != marker:
        # The case changed under the widgets (another case, a save, another window): let every
        # widget start again from the stored values instead of showing what was typed before.
        for key in [k for k in st.session_state if str(k).startswith(Keys.WIDGET_PREFIX)]:
            del st.session_state[key]
        st.session_state[Keys.LOADED] = marker
    if shared_screen():
        # A page in shared-screen view never holds a confidential item, so it cannot show one
        # (in text, a chart, a tooltip, an error message or a download) whatever it renders.
        shared = stored.case.model_copy(update={"caucus": redacted(stored.case.caucus)})
        return Loaded(shared, stored.revision, caucus=stored.case.caucus, drawn_revision=drawn)
    return Loaded(stored.case, stored.revision, drawn_revision=drawn)


def screen_mode() -> str:
    wanted = st.query_params.get(VIEW_PARAM)
    if wanted in (MEDIATOR_VIEW, SHARED_VIEW):
        st.session_state[Keys.SCREEN_MODE] = wanted
        del st.query_params[VIEW_PARAM]
    return st.session_state.setdefault(Keys.SCREEN_MODE, MEDIATOR_VIEW)


def set_screen_mode(mode: str) -> None:
    st.session_state[Keys.SCREEN_MODE] = mode


def shared_screen() -> bool:
    return screen_mode() == SHARED_VIEW


# -- page frame ---------------------------------------------------------------------------

TEXT_WRAP_CSS = (
    '[data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"], [data-testid="stHeading"], '
    '[data-testid="stText"], [data-testid="stTable"] td, [data-testid="stTable"] th, '
    '[data-testid="stMetricLabel"], [data-testid="stMetricValue"] { overflow-wrap: anywhere; }'
)
"""A word longer than the page (4,000 letters pasted without a space) breaks where it must, inside the page."""


def wrap_long_words() -> None:
    st.html(f"<style>{TEXT_WRAP_CSS}</style>")


def page(step: str) -> Loaded | None:
    """Set up a workflow page: config, sidebar, messages; returns the open case or None."""
    title = t(f"nav.{step}")
    st.set_page_config(page_title=f"{title} · {t('app.name')}", layout="wide")
    wrap_long_words()
    screen_mode()
    loaded = load()
    sidebar(loaded, step)
    screen_banner(loaded)
    if loaded is not None and step in FOLLOWED_STEPS:
        follow_me(loaded.case.id, step)
    show_flash()
    if loaded is None and step != "home":
        st.info(t("nav.no_case"))
        st.page_link(PAGES["home"], label=t("nav.open_cases"))
        return None
    if loaded is not None and step in STEPS[STEPS.index("intake") + 1:]:
        verdict_banner(loaded.case)
    if loaded is not None and step != "home":
        stored_problems(loaded.case)
    return loaded


def stored_problems(case: Case) -> None:
    """A case stored before one of today's rules opens as it was stored; this lists what breaks a rule."""
    found = case_problems(case)
    if not found:
        return
    lines = [f"- `{b.field or '-'}`: {plain(b.message)}" for b in found[:SHOWN_PROBLEMS]]
    if len(found) > SHOWN_PROBLEMS:
        lines.append(f"- {t('limits.stored.more', count=len(found) - SHOWN_PROBLEMS)}")
    st.warning(t("limits.stored.intro", count=len(found)) + "\n\n" + "\n".join(lines), icon=":material/rule:")


SHOWN_PROBLEMS = 10
"""How many of a stored case's problems the banner names; the rest are counted."""


def verdict_banner(case: Case) -> None:
    """On every step after the intake: whether the workshop runs on the recognition verdict's footing."""

    found = workshop_warning(case)
    if found is None:
        return
    warning = plain(found)  # it quotes the conditions the parties wrote
    if verdict(case).outcome is Outcome.DO_NOT_PROCEED:
        st.error(warning, icon=":material/block:")
    else:
        st.warning(warning, icon=":material/warning:")


def sidebar(loaded: Loaded | None, current: str) -> None:
    with st.sidebar:
        st.markdown(f"### {t('app.name')}")
        st.caption(t("app.tagline"))
        if loaded is not None:
            st.markdown(f"**{t('nav.current_case')}**  \n{plain(loaded.case.title)}")
        st.page_link(PAGES["home"], label=t("nav.home"))
        for step in STEPS:
            st.page_link(PAGES[step], label=t(f"nav.{step}"), disabled=loaded is None)
        st.divider()
        st.page_link(PAGES["caucus"], label=t("nav.caucus"), disabled=loaded is None)
        st.page_link(PAGES["history"], label=t("nav.history"), disabled=loaded is None)
        if loaded is not None:
            st.link_button(t("nav.projector"), f"{PROJECTOR_URL}?case={loaded.case.id}",
                           help=t("nav.projector_help"), icon=":material/co_present:")


def _switched() -> None:
    if st.session_state[Keys.SCREEN_SWITCH]:
        set_screen_mode(SHARED_VIEW)
    elif shared_screen():
        # Leaving shared view is a deliberate act: the banner asks first, naming what would show.
        st.session_state[Keys.LEAVING_SHARED] = True


def _leave_shared(confirmed: bool) -> None:
    st.session_state[Keys.LEAVING_SHARED] = False
    if confirmed:
        set_screen_mode(MEDIATOR_VIEW)


def what_leaving_shows(caucus: Caucus | None) -> str:
    """The sentence naming what leaving shared-screen view would put on the screen."""
    parts = []
    for side in withheld(caucus) if caucus is not None else []:
        items = []
        if side.notes:
            items.append(t("screen.leave.note") if side.notes == 1 else t("screen.leave.notes", count=side.notes))
        if side.figures:
            items.append(t("screen.leave.figure") if side.figures == 1
                         else t("screen.leave.figures", count=side.figures))
        if side.walk_away:
            items.append(t("screen.leave.walk_away"))
        if items:
            joined = ", ".join(items[:-1]) + t("screen.leave.and") + items[-1] if len(items) > 1 else items[0]
            parts.append(t("screen.leave.side", role=t(f"case.role.{side.role.value}").lower(), items=joined))
    if not parts:
        return t("screen.leave.shows_nothing")
    return t("screen.leave.shows", items="; ".join(parts))


def screen_banner(loaded: Loaded | None = None) -> None:
    """Which view is on, on every page, with the switch beside it: the mediator never has to wonder."""
    shared = shared_screen()
    leaving = shared and st.session_state.get(Keys.LEAVING_SHARED, False)
    # The switch shows the mode kept in SCREEN_MODE, not a widget value left from another page.
    st.session_state[Keys.SCREEN_SWITCH] = shared
    with st.container(border=True, key="screen_banner"):
        text, switch = st.columns([5, 2], vertical_alignment="center")
        if shared:
            text.markdown(f":green-background[**{t('screen.shared_title')}**] {t('screen.shared_note')}")
        else:
            text.markdown(f":violet-background[**{t('screen.mediator_title')}**] {t('screen.mediator_note')}")
        switch.toggle(t("screen.switch"), key=Keys.SCREEN_SWITCH, on_change=_switched,
                      help=t("screen.switch_help"), disabled=leaving)
        if leaving:
            with st.container(key="screen_leave"):
                st.warning(f"**{t('screen.leave.title')}** "
                           + what_leaving_shows(loaded.caucus if loaded is not None else None),
                           icon=":material/visibility:")
                confirm, stay = st.columns(2)
                confirm.button(t("screen.leave.confirm"), key="screen_leave_confirm", on_click=_leave_shared,
                               args=(True,))
                stay.button(t("screen.leave.stay"), key="screen_leave_stay", type="primary",
                            on_click=_leave_shared, args=(False,))
    if shared:
        # Larger type for a projector. The theme (config.toml) sets one base size for everyone and
        # cannot change per window; Streamlit sizes text in rem, so one root rule scales it all.
        st.html(f"<style>html {{ font-size: {SHARED_FONT_PX}px; }}</style>")


def follow_me(case_id: str, step: str) -> None:
    """Tell the projector view which step this window is on (written only when it changes)."""
    marker = (case_id, step)
    if st.session_state.get(Keys.PRESENCE) != marker:
        store().set_current_step(case_id, step)
        st.session_state[Keys.PRESENCE] = marker


def step_header(step: str, loaded: Loaded) -> None:
    number = STEPS.index(step) + 1
    st.caption(t("nav.step_of", number=number, total=len(STEPS)) + f" · {plain(loaded.case.title)}")
    st.title(t(f"{step}.page_title"))
    st.markdown(t(f"{step}.intro"))


def step_footer(step: str) -> None:
    index = STEPS.index(step)
    left, right = st.columns(2)
    if index > 0:
        before = STEPS[index - 1]
        left.page_link(PAGES[before], label=t("nav.previous", label=t(f"nav.{before}")))
    if index + 1 < len(STEPS):
        after = STEPS[index + 1]
        right.page_link(PAGES[after], label=t("nav.next", label=t(f"nav.{after}")))


def flash(kind: str, message: str) -> None:
    st.session_state.setdefault(Keys.FLASH, []).append((kind, message))


def show_flash() -> None:
    for kind, message in st.session_state.pop(Keys.FLASH, []):
        {"success": st.success, "error": st.error, "warning": st.warning}.get(kind, st.info)(message)


# -- text people typed, on screen as text ----------------------------------------------------

WORD_JOINER = "\u2060"
"""Invisible and unbreakable: `plain` puts it where Streamlit would change text after reading the markdown."""
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&=@])")
"""Every character markdown, GitHub's tables and autolinks, Streamlit's directives (`:red[…]`, `:small`),
LaTeX (`$…$`) and HTML (`<b>`, `&amp;`) give a meaning; CommonMark lets a backslash take it away."""
_AFTER_PARSE = re.compile(r"(?<=:)(?=[\w+-]+:|//|material|streamlit)|(?<=@)|(?<=www)(?=\.)", re.IGNORECASE)
"""Where Streamlit rewrites the text of markdown it has already read, so no backslash can stop it: `:material/x:`
(an icon), `:streamlit:` (a logo), `:smile:` (an emoji), and GitHub's autolinks (`http://…`, `www.…`, `a@b.c`)."""
_ARROWS = re.compile(r"(?<!\S)(<->|->|<-|--|>=|<=|~=)(?!\S)")
"""Streamlit's typography on read text: `->` becomes an arrow, `--` a dash, `<=` a sign."""
_LEADING = re.compile(r"^[ \t]+")


def plain(text: str) -> str:
    """Text people typed, for anything that reads markdown (st.markdown, captions, headers, message boxes,
    st.table cells, and the labels of expanders, tabs, buttons, checkboxes and radio options): shown as
    exactly that text, with its line breaks, and never as markup, a link, an image or an icon.

    Each markup character gets a backslash; where Streamlit rewrites text after reading it, an invisible
    word joiner stands in the way. Text in widgets that show options as text (selectbox, multiselect) and
    in text inputs needs nothing.
    """
    if not text:
        return ""
    text = _ARROWS.sub(lambda m: m[1][0] + WORD_JOINER + m[1][1:], str(text))
    text = _MARKUP.sub(r"\\\1", _AFTER_PARSE.sub(WORD_JOINER, text))
    # A newline alone would join the lines, an empty line end the paragraph (and any bold around the text),
    # spaces that start a line make it code: each line ends in a hard break, and no-break spaces stand in.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "  \n".join(_LEADING.sub(lambda m: "\u00a0" * len(m[0]), line) or "\u00a0" for line in lines)


_URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+")
"""What a link address may hold here: no brackets, parentheses, quotes, spaces or backslashes to break out with."""


def safe_url(url: str) -> str | None:
    """`url` when it is a plain http(s) address with a host that markdown cannot break out of, else None."""
    if not _URL_CHARS.fullmatch(url or ""):
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def link(url: str) -> str:
    """Markdown for `url`: a link, with the address itself as its text, only when `safe_url` accepts it; else text."""
    target = safe_url(url)
    return f"[{plain(url)}]({target})" if target else plain(url)


def side_badge(role_value: str) -> str:
    """Markdown for a coloured side label: the same colour for a side everywhere."""
    # Streamlit's blue and orange are the nearest named colours to palette.CLIENT and palette.VENDOR.
    colour = "blue" if role_value == "client" else "orange"
    return f":{colour}-background[**{t('case.role.' + role_value)}**]"


# -- edits --------------------------------------------------------------------------------


@dataclass
class FieldSlots:
    """A place under each field of a form where its error message appears.

    A slot may also stand for a whole row of narrow fields (`under("branches.0", labels=...)`): a problem
    of any field in that row shows there, full width, named by the field's label.
    """

    slots: dict[str, Any] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    def under(self, name: str, labels: dict[str, str] | None = None) -> None:
        self.slots[name] = st.empty()
        for field_name, label in (labels or {}).items():
            self.labels[f"{name}.{field_name}"] = label

    def show(self, problems: Iterable[Problem]) -> None:
        unplaced = []
        placed: dict[str, list[str]] = {}
        for problem in problems:
            name = self._slot_for(problem.field)
            if name is None:
                unplaced.append(problem.message)
                continue
            label = self.labels.get(problem.field) if name != problem.field else None
            placed.setdefault(name, []).append(f"{label}: {problem.message}" if label else problem.message)
        for name, messages in placed.items():
            self.slots[name].error("\n\n".join(messages))
        st.error(t("common.fix_below") + ("\n\n" + "\n\n".join(unplaced) if unplaced else ""))

    def _slot_for(self, path: str) -> str | None:
        # Deepest match first: "contract.value" before "value"; then the row a field belongs to.
        parts = path.split(".")
        for start in range(len(parts)):
            candidate = ".".join(parts[start:])
            if candidate in self.slots:
                return candidate
        for end in range(len(parts) - 1, 0, -1):
            candidate = ".".join(parts[:end])
            if candidate in self.slots:
                return candidate
        return None


class Rejected(Exception):
    """An edit refused before it reached the model, with its problems (for example an unreadable amount)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems


def apply(loaded: Loaded, step: str, summary: str, change: Callable[[Case], None],
          slots: FieldSlots | None = None, done: str | None = None) -> bool:
    """Apply `change` to a copy of the case, validate the whole case, save it, rerun.

    On a validation problem: the messages appear next to their fields (or at the top of the
    form), nothing is saved, and False is returned. On a stale revision: nothing is saved, the
    page reloads the latest case and says why.
    """
    if loaded.drawn_revision is not None and loaded.drawn_revision != loaded.revision:
        # The form was filled in on a page drawn from an older revision (another window saved since).
        flash("error", str(StaleCase("store.error.stale", case_id=loaded.case.id)))
        st.rerun()
    if loaded.caucus is not None and step == "caucus":
        # Shared-screen view holds only the released caucus; saving it would erase the rest.
        st.error(t("screen.caucus_only_in_mediator_view"))
        return False
    work = loaded.case.model_copy(deep=True)
    before = loaded.case if loaded.caucus is None else loaded.case.model_copy(update={"caucus": loaded.caucus})
    try:
        # A rule newer than the stored case refuses only what this change brings (a list of 540 complaints
        # stored before the limit may shrink); checked_edit judges the result against the stored case.
        with deferred_rules():
            change(work)
        if loaded.caucus is not None:
            work.caucus = loaded.caucus.model_copy(deep=True)  # the confidential part, untouched
        validated = checked_edit(work, before=before)
    except ValidationError as exc:
        (slots or FieldSlots()).show(explain(exc))
        return False
    except Rejected as exc:
        (slots or FieldSlots()).show(exc.problems)
        return False
    try:
        store().save(validated, expected_revision=loaded.revision, step=step, summary=summary)
    except StaleCase as exc:
        flash("error", str(exc))
        st.rerun()
    except YesableError as exc:
        st.error(t("common.not_saved", reason=str(exc)))
        return False
    flash("success", done or t("common.saved"))
    st.rerun()
    return True  # pragma: no cover - st.rerun() does not return


def build(model: type[M], values: dict[str, Any], problems: list[Problem]) -> M:
    """Construct `model` from form values, reporting every problem at once.

    `problems` may already hold problems found while reading the form (an unreadable amount);
    the model's own problems for other fields are added, and Rejected is raised with all of them.
    """
    taken = {p.field for p in problems}
    try:
        instance = model(**{k: v for k, v in values.items() if k not in taken})
    except ValidationError as exc:
        problems = problems + [p for p in explain(exc) if p.field not in taken]
        raise Rejected(problems) from exc
    if problems:
        raise Rejected(problems)
    return instance


def parse_number(raw: str, name: str, problems: list[Problem], *, required: bool = True,
                 message: str | None = None) -> Decimal | None:
    """A number typed the local way; a problem for `name` (with `message`) when it cannot be read."""
    if not raw.strip():
        if required:
            problems.append(Problem(name, t("errors.missing")))
        return None
    try:
        return i18n.parse_decimal(raw)
    except (InvalidOperation, ValueError):  # babel's NumberFormatError is a ValueError
        problems.append(Problem(name, message or t("errors.number")))
        return None


def parse_money(raw: str, name: str, problems: list[Problem], *, required: bool = True) -> Decimal | None:
    """An amount typed the local way; a problem for `name` when it cannot be read."""
    return parse_number(raw, name, problems, required=required,
                        message=t("errors.money", example=i18n.fmt_number(Decimal("1250000.50"))))


def money_text(amount: Decimal | None) -> str:
    return "" if amount is None else i18n.fmt_number(amount, digits=2)


# -- the caucus as the shared screen may show it -------------------------------------------


def held_role(check: Any, caucus: Caucus | None) -> str:
    """The side the mediator's note on a withheld midpoint names (which released, or which was not told)."""
    if caucus is None:
        return ""
    for role in PartyRole:
        side = caucus.side(role)
        if (check.midpoint_held is MidpointHeld.ONE_RELEASED and side.walk_away_released) or (
                check.midpoint_held is MidpointHeld.NOT_TOLD and not side.midpoint_told):
            return t(f"case.role.{role.value}").lower()
    return ""


def blind_check_box(check: Any, currency: str, *, mediator: bool = False, caucus: Caucus | None = None) -> None:
    """The blind zone check's outcome: whether a zone exists, the midpoint if agreed; never a walk-away.

    With `mediator`, also why an agreed midpoint is withheld from the shared screen (`caucus`: the full one).
    """

    with st.container(border=True, key="caucus_blind"):
        st.subheader(t("caucus.blind.title"))
        if mediator:
            st.caption(t("caucus.shared_preview"))
        st.markdown(t("caucus.blind.explain"))
        if check.finding is ZoneFinding.ZONE:
            st.success(t("caucus.blind.zone"))
            if check.midpoint is not None:
                st.markdown(t("caucus.blind.midpoint", amount=i18n.fmt_money(check.midpoint, currency)))
            elif check.midpoint_held is MidpointHeld.ONE_RELEASED:
                st.markdown(t("caucus.blind.midpoint_held"))
            else:
                st.markdown(t("caucus.blind.no_midpoint"))
            if mediator and check.midpoint_held is not None:
                st.info(t(f"caucus.blind.held.{check.midpoint_held.value}", role=held_role(check, caucus)),
                        icon=":material/visibility_off:")
            if check.width is not None:
                st.markdown(t("caucus.blind.width", amount=i18n.fmt_money(check.width, currency)))
        elif check.finding is ZoneFinding.NO_ZONE:
            st.warning(t("caucus.blind.no_zone"))
            st.markdown(t("caucus.blind.gap", amount=i18n.fmt_money(check.gap, currency))
                        if check.gap is not None else t("caucus.blind.gap_hidden"))
        else:
            st.info(t("caucus.blind.not_yet"))


def released_caucus(shared_caucus: Caucus, currency: str) -> None:
    """Per side, what it released from the caucus. Takes the redacted caucus only."""

    for role, column in zip(PartyRole, st.columns(2)):
        side = shared_caucus.side(role)
        with column:
            st.header(f"{side_badge(role.value)} {t('caucus.released_items')}")
            items = [f"- {plain(n.text)}" for n in side.notes if n.released] + [
                f"- **{plain(f.label)}**: {i18n.fmt_money(f.amount, currency)}"
                + (f" — {plain(f.note)}" if f.note else "")
                for f in side.figures if f.released]
            if side.walk_away is not None and side.walk_away_released:
                items.append(f"- **{t('caucus.walk_away.' + role.value)}**: {i18n.fmt_money(side.walk_away, currency)}")
            st.markdown("\n".join(items) if items else t("caucus.nothing_released"))


# -- the projector view ---------------------------------------------------------------------

PROJECTOR_POLL_SECONDS = 1.5
"""How often the projector asks the store where the mediator is: a change shows within ~2 s."""
PROJECTOR_FONT_PX = 26


def projector_frame() -> str | None:
    """Set up the projector page (no sidebar, large type, its banner); returns the case it follows.

    The case comes from `?case=` (the mediator's link); without it the projector follows the
    case the mediator touched last.
    """
    st.set_page_config(page_title=f"{t('projector.title')} · {t('app.name')}", layout="wide",
                       initial_sidebar_state="collapsed")
    st.html(f"<style>html {{ font-size: {PROJECTOR_FONT_PX}px; }} {TEXT_WRAP_CSS}</style>")
    st.markdown(f":green-background[**{t('projector.banner')}**]")
    return st.query_params.get("case") or None
