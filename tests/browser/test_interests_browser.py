"""A real browser on the Interests page: the plotly map draws, with both sides' labels, and a tab switch works.

Kept beside the other interests tests (this step owns tests/test_interests*.py); the lead may move
it into tests/browser/.
"""
from __future__ import annotations

import pytest

from negotiation.adapters.demo import DEMO_ID
from tests.browser.server import chromium_browser, streamlit_server, wait_for_app

pytestmark = pytest.mark.browser


def test_the_interest_map_draws_in_a_real_browser_and_the_tabs_switch(tmp_path):
    with streamlit_server(tmp_path / "browser.db", seed_demo=True) as url, chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        page.goto(f"{url}/Interests?case={DEMO_ID}")
        wait_for_app(page)
        chart = page.locator(".stPlotlyChart .main-svg").first
        chart.wait_for(timeout=30000)
        svg_text = page.locator(".stPlotlyChart").first.inner_text()
        assert "Client" in svg_text and "Vendor" in svg_text
        assert "Dates it can plan around and" in svg_text
        page.get_by_role("tab", name="Trust incidents").click()
        page.get_by_text("Acknowledgement step").first.wait_for(timeout=30000)
