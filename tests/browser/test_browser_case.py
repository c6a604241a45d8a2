"""A real browser against the real server: what a mediator does first, and that it lasts."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.server import chromium_browser, streamlit_server, wait_for_app

pytestmark = pytest.mark.browser


def test_a_case_created_in_the_browser_is_still_there_after_a_reload(tmp_path):
    with streamlit_server(tmp_path / "browser.db") as url, chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.goto(url)
        wait_for_app(page)
        page.get_by_label("Case title").fill("Harbour ERP rescue")
        page.get_by_label("Client organisation").fill("Harbour Logistics B.V.")
        page.get_by_label("Vendor organisation").fill("Nimbus ERP Solutions")
        page.get_by_label("Mediator", exact=True).fill("Mr. P. Smit")
        page.get_by_role("button", name="Create case").click()
        page.get_by_role("heading", name="The case and its parties").wait_for(timeout=30000)

        page.reload()
        wait_for_app(page)
        page.get_by_role("heading", name="The case and its parties").wait_for(timeout=30000)
        expect(page.get_by_text("Nimbus ERP Solutions").first).to_be_visible(timeout=30000)

        page.goto(url)
        wait_for_app(page)
        expect(page.get_by_text("Harbour ERP rescue").first).to_be_visible(timeout=30000)
