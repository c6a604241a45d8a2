"""A mediator walks the demo case through every step in a real browser and downloads the PDF."""
from __future__ import annotations

import pytest

from negotiation.adapters.demo import DEMO_ID
from negotiation.adapters.verify import verify_pdf
from negotiation.kernel.i18n import t
from tests.browser.server import chromium_browser, streamlit_server, wait_for_app

pytestmark = pytest.mark.browser

STEPS = ["case", "intake", "interests", "options", "system", "margin", "agreement"]


def test_the_demo_case_walks_through_every_page_to_a_verified_pdf(tmp_path):
    with streamlit_server(tmp_path / "walk.db", seed_demo=True) as url, chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1600, "height": 1000}, accept_downloads=True)
        page.goto(f"{url}/?case={DEMO_ID}")
        wait_for_app(page)
        for step in STEPS:
            page.get_by_test_id("stSidebar").get_by_role("link", name=t(f"nav.{step}"), exact=True).click()
            page.get_by_role("heading", name=t(f"{step}.page_title")).first.wait_for(timeout=30000)
            wait_for_app(page)
            assert not page.get_by_test_id("stException").count(), f"the {step} page raised an exception"
        with page.expect_download(timeout=60000) as download_info:
            page.get_by_role("button", name="Download the agreement (PDF)").click()
        path = tmp_path / "downloaded.pdf"
        download_info.value.save_as(path)
        data = path.read_bytes()
        assert data.startswith(b"%PDF-")
        result = verify_pdf(data)
        assert result.ok, result.message
