"""The mediator's window and the projector window side by side, in a real browser against the real server."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from negotiation.adapters.demo import DEMO_ID
from tests.browser.server import chromium_browser, streamlit_server, wait_for_app

pytestmark = pytest.mark.browser


def wait_for_projector(page) -> None:
    page.get_by_text("Projector view · shared content only").wait_for(timeout=30000)


def test_a_change_in_the_mediators_window_shows_in_the_projector_window(tmp_path):
    with streamlit_server(tmp_path / "browser.db", seed_demo=True) as url, chromium_browser() as browser:
        mediator = browser.new_page(viewport={"width": 960, "height": 1080})
        mediator.goto(f"{url}/Case?case={DEMO_ID}")
        wait_for_app(mediator)
        projector = browser.new_page(viewport={"width": 960, "height": 1080})
        projector.goto(f"{url}/Projector?case={DEMO_ID}")
        wait_for_projector(projector)
        projector.get_by_text("Following the mediator: 1 · Case").wait_for(timeout=10000)

        # A value changed in the mediator's window appears on the projector (it polls every 1.5 s).
        mediator.get_by_label("Reference", exact=True).fill("NH-RESCUE-2026")
        mediator.get_by_role("button", name="Save contract").click()
        mediator.get_by_text("Saved.").wait_for(timeout=30000)
        projector.frame_locator("iframe").get_by_text("NH-RESCUE-2026").wait_for(timeout=10000)

        # The projector follows the step the mediator opens.
        mediator.get_by_role("link", name="6 · Fair margin").first.click()
        mediator.get_by_role("heading", name="A fair margin and the zone of agreement").wait_for(timeout=30000)
        projector.get_by_text("Following the mediator: 6 · Fair margin").wait_for(timeout=10000)
        projector.frame_locator("iframe").get_by_text("€27,900,000.00").wait_for(timeout=10000)

        # The private caucus in the mediator's view; on the projector only the blind check.
        mediator.get_by_role("link", name="Private caucus").click()
        mediator.get_by_text("True cost floor to complete the deal").wait_for(timeout=30000)
        projector.get_by_text("A zone of agreement exists").wait_for(timeout=10000)
        projector_text = projector.locator("body").inner_text()
        assert "€54,425,000.00" in projector_text
        assert "True cost floor" not in projector_text and "31,050,000" not in projector_text
        assert projector.get_by_role("button").count() == 0 and projector.get_by_role("textbox").count() == 0


def test_the_screen_mode_switch_hides_the_caucus_in_the_mediators_window(tmp_path):
    with streamlit_server(tmp_path / "browser.db", seed_demo=True) as url, chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.goto(f"{url}/Caucus?case={DEMO_ID}")
        wait_for_app(page)
        page.get_by_text("True cost floor to complete the deal").wait_for(timeout=30000)
        expect(page.get_by_text("Mediator view", exact=True)).to_be_visible(timeout=30000)
        page.get_by_text("Shared-screen view", exact=True).last.click()  # the switch's label
        page.get_by_text("Safe for both parties").wait_for(timeout=30000)
        wait_for_app(page)
        page.get_by_text("True cost floor").wait_for(state="detached", timeout=30000)
        assert "True cost floor" not in page.locator("body").inner_text()
        page.get_by_role("link", name="2 · Intake").click()
        page.get_by_text("Safe for both parties").wait_for(timeout=30000)


def test_leaving_shared_view_in_the_browser_asks_first_and_shows_nothing_until_confirmed(tmp_path):
    with streamlit_server(tmp_path / "browser.db", seed_demo=True) as url, chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        page.goto(f"{url}/Caucus?case={DEMO_ID}&view=shared")
        wait_for_app(page)
        page.get_by_text("Safe for both parties").wait_for(timeout=30000)
        page.get_by_text("Shared-screen view", exact=True).last.click()  # the switch's label
        page.get_by_text("Leave shared-screen view?").wait_for(timeout=30000)
        wait_for_app(page)
        assert "True cost floor" not in page.locator("body").inner_text()
        page.get_by_role("button", name="Show the mediator view").click()
        page.get_by_text("True cost floor to complete the deal").wait_for(timeout=30000)
