"""A real browser on the options page: the chart of packages is drawn and the fair split reads in words."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from negotiation.adapters.demo import DEMO_ID
from tests.browser.server import chromium_browser, streamlit_server, wait_for_app

pytestmark = pytest.mark.browser


def test_the_packages_chart_is_drawn_and_the_fair_split_is_stated(tmp_path):
    with streamlit_server(tmp_path / "browser.db", seed_demo=True) as url, chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        page.goto(f"{url}/Options?case={DEMO_ID}")
        wait_for_app(page)
        page.get_by_role("tab", name="Packages that are good for both").click()
        chart = page.locator(".js-plotly-plot").first
        chart.wait_for(timeout=30000)
        assert chart.locator("text", has_text="Value for the client (0–10)").count() >= 1
        expect(page.get_by_text("Nash bargaining package").first).to_be_visible(timeout=30000)
        page.get_by_role("tab", name="A fair split of points (Adjusted Winner)").click()
        expect(page.get_by_text("the vendor takes 5/11 of it and the client 6/11").first).to_be_visible(timeout=30000)
