"""A real browser shows hostile case text as text: no request leaves for its images, no link, no markup.

Every free-text field of the demo holds a payload of markdown, raw HTML and Streamlit's own markup whose
images and links point at a listener on 127.0.0.1 (tests/payload_case.py). Chromium visits every page in
the mediator's view and in shared-screen view, opens each part of the pages that draw one part at a time,
and follows the mediator on the projector through every step. The listener must see no connection; the
DOM (the iframes' too) must hold no element made from the payload and show the payload as typed; the
3,000-letter words must wrap inside the page. tests/pages/test_markup_safety.py checks the same in AppTest.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Error as PlaywrightError

from negotiation.adapters.demo import DEMO_ID
from negotiation.adapters.store import CaseStore
from negotiation.kernel.i18n import t
from tests.browser.server import chromium_browser, streamlit_server, wait_for_app
from tests.payload_case import LONG_WORD, TAG, payload, store_hostile_case
from ui.common import FOLLOWED_STEPS, WORD_JOINER

pytestmark = pytest.mark.browser

PAGES = {"home": "", "case": "Case", "intake": "Intake", "interests": "Interests", "options": "Options",
         "system": "Decent_system", "margin": "Fair_margin", "agreement": "Agreement", "history": "History"}
"""Each page's URL path. The caucus page has its own test below."""

MADE_FROM_PAYLOAD = """([listener]) => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
        for (const name of ['src', 'href', 'xlink:href', 'srcset', 'poster', 'data', 'action', 'formaction']) {
            const value = el.getAttribute(name);
            if (value && value.includes(listener)) found.push(`<${el.tagName.toLowerCase()} ${name}="${value}">`);
        }
    }
    const made = (selector, text) => [...document.querySelectorAll(selector)]
        .filter(el => el.textContent.trim() === text).map(el => `<${el.tagName.toLowerCase()}>${text}`);
    found.push(...made('b, strong', 'bold'), ...made('b, strong, em, i', 'star'),
               ...made('.stMarkdownColoredText, .stMarkdownColoredBackground', 'red'));
    found.push(...[...document.querySelectorAll('.katex, [aria-label="home icon"]')]
        .map(el => el.outerHTML.slice(0, 80)));
    found.push(...[...document.querySelectorAll('tspan')]
        .filter(el => el.textContent === 'bold' && /bold/.test(el.getAttribute('style') || ''))
        .map(() => 'a chart label in bold'));
    return found;
}"""
"""Elements the payload would make if anything read it as markup: its images and links (by their address),
bold and emphasis, a colour, LaTeX, an icon, a bold chart label."""

LONG_WORDS = """([run]) => {
    const main = document.querySelector('[data-testid="stMain"]') || document.body;
    const edge = document.documentElement.clientWidth + 1;
    const clipped = el => {  // inside a box that hides or scrolls what does not fit (a selectbox), and that fits
        for (let box = el; box && box !== main; box = box.parentElement) {
            if (getComputedStyle(box).overflowX !== 'visible' && box.getBoundingClientRect().right <= edge) return true;
        }
        return false;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = [], over = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.nodeValue.includes(run)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const rects = [...range.getClientRects()];
        if (!rects.length) continue;  // not drawn (a closed tab)
        seen.push(rects.length);
        const right = Math.max(...rects.map(r => r.right));
        if (right > edge && !clipped(node.parentElement)) over.push(Math.round(right - edge));
    }
    return [seen.length, over, main.scrollWidth - main.clientWidth];
}"""
"""The long words drawn in the document, how far past its right edge each one that runs off ends (a word in a box
that hides or scrolls it does not run off the page), and how far the page itself scrolls sideways."""

APP_LINKS = """main => [...main.querySelectorAll('a[href^="http"]')]
    .filter(a => !a.closest('[data-testid="stSidebar"]'))
    .map(a => [a.getAttribute('href'), a.textContent.replaceAll('\\u2060', '')])"""
"""The web links on a page, each with the text it shows: the links the app built from a criterion's address."""


@contextmanager
def listener():
    """An HTTP server on a free loopback port that records every connection made to it."""
    connections: list[str] = []

    class Record(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            connections.append(f"{self.command} {self.path}")
            self.send_response(404)
            self.end_headers()

        do_HEAD = do_POST = do_OPTIONS = do_GET  # noqa: N815

        def log_message(self, *args) -> None:
            pass

    class Server(ThreadingHTTPServer):
        def verify_request(self, request, client_address) -> bool:
            connections.append(f"connection from {client_address[0]}")
            return True

    server = Server(("127.0.0.1", 0), Record)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}", connections
    finally:
        server.shutdown()
        server.server_close()


def hostile_server(tmp_path, address: str):
    db = tmp_path / "hostile.db"
    store_hostile_case(CaseStore(db), f"http://{address}")
    return streamlit_server(db), CaseStore(db)


def settle(page) -> None:
    wait_for_app(page)
    if page.locator(".stPlotlyChart").count():
        # plotly draws after Streamlit has finished: wait for its SVG
        page.locator(".stPlotlyChart .main-svg").first.wait_for(state="attached", timeout=30000)


def check(page, address: str, where: str) -> tuple[list[str], int]:
    """What is wrong on the page as it stands (in every frame): markup made from the payload, the payload not
    shown as typed, a long word running off the page; and how many long words are drawn."""
    problems, text, drawn = [], "", 0
    for frame in page.frames:
        problems += [f"{where}: {made}" for made in frame.evaluate(MADE_FROM_PAYLOAD, [address])]
        text += frame.evaluate("() => document.body ? document.body.innerText : ''").replace(WORD_JOINER, "")
        seen, over, sideways = frame.evaluate(LONG_WORDS, [LONG_WORD[:40]])
        drawn += seen
        if over or (frame is page.main_frame and sideways > 1):
            problems.append(f"{where}: a long word runs {over[:3]}px past the edge, the page {sideways}px sideways")
    tags = set(TAG.findall(text))
    if not any(payload(tag, f"http://{address}") in text for tag in tags):
        problems.append(f"{where}: no payload shown as typed (tags seen: {sorted(tags)[:5]})")
    return problems, drawn


def check_projector(page, address: str, where: str) -> tuple[list[str], int]:
    """`check` on the projector, whose fragment may swap its iframe for a new one while the check reads it."""
    for _ in range(5):
        try:
            return check(page, address, where)
        except PlaywrightError as exc:
            if "detached" not in str(exc) and "destroyed" not in str(exc):
                raise
    return check(page, address, where)


def parts(step: str) -> list[str]:
    """What to click to draw each part of a page that draws one at a time (or hides a part until asked)."""
    if step == "intake":
        return [t(f"intake.tab.{s}") for s in ("signs", "paths", "recognition")]
    if step == "interests":
        return [t(f"interests.tab.{s}") for s in ("links", "people", "incidents")]
    if step == "options":
        return [t("options.edit_issues"), t("options.packages"), t("options.fair_split"), t("options.criteria"),
                t("options.edit_criteria")]
    return []


def visit(page, url: str, address: str, step: str, view: str) -> tuple[list[str], int]:
    page.goto(f"{url}/{PAGES.get(step, step)}?case={DEMO_ID}&view={view}")
    settle(page)
    problems, drawn = check(page, address, f"{step} ({view})")
    for label in parts(step):
        page.get_by_test_id("stMain").get_by_text(label, exact=True).first.click()
        settle(page)
        more, seen = check(page, address, f"{step} · {label} ({view})")
        problems, drawn = problems + more, drawn + seen
    return problems, drawn


def test_no_page_in_either_view_nor_the_projector_fetches_or_links_what_a_party_typed(tmp_path):
    with listener() as (address, connections):
        server, store = hostile_server(tmp_path, address)
        with server as url, chromium_browser() as browser:
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            problems, drawn = [], 0
            for view in ("mediator", "shared"):
                for step in PAGES:
                    more, seen = visit(page, url, address, step, view)
                    problems, drawn = problems + more, drawn + seen
                    if step == "options":  # the criteria's tab is open: their addresses are on screen
                        links = page.get_by_test_id("stMain").evaluate(APP_LINKS)
                        assert links and all(text == href for href, text in links), links

            projector = browser.new_page(viewport={"width": 1440, "height": 1000})
            projector.goto(f"{url}/Projector?case={DEMO_ID}")
            projector.get_by_text(t("projector.banner")).wait_for(timeout=30000)
            for step in FOLLOWED_STEPS:
                store.set_current_step(DEMO_ID, step)
                name = t("projector.home") if step == "home" else t(f"nav.{step}")
                revision = store.revision(DEMO_ID)
                projector.get_by_text(t("projector.following", step=name, revision=revision)).wait_for(timeout=30000)
                if step != "caucus":  # the step's section of the agreement, in an iframe
                    section = "section.cover" if step == "home" else f"section#{step}"
                    projector.frame_locator("iframe").locator(section).first.wait_for(timeout=30000)
                more, seen = check_projector(projector, address, f"projector · {step}")
                problems, drawn = problems + more, drawn + seen
        assert problems == [], "\n".join(problems[:20])
        assert connections == [], connections[:10]
        assert drawn >= 4, "the long words were not drawn anywhere"


def test_the_caucus_page_fetches_and_links_nothing_a_party_typed(tmp_path):
    with listener() as (address, connections):
        server, _ = hostile_server(tmp_path, address)
        with server as url, chromium_browser() as browser:
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            problems = [p for view in ("mediator", "shared") for p in visit(page, url, address, "Caucus", view)[0]]
        assert problems == [], "\n".join(problems[:20])
        assert connections == [], connections[:10]
