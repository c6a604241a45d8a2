"""Screenshots of every page with the demo case, in Debian's chromium, to look at before a commit.

    .venv/bin/python scripts/screenshots.py                      # all pages, 1920x1080
    .venv/bin/python scripts/screenshots.py --pages Intake --sizes 1920x1080,1280x720 --full
    .venv/bin/python scripts/screenshots.py --case case.json --pages Case,Options --view shared
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from negotiation.adapters.cases import read_case_file  # noqa: E402
from negotiation.adapters.demo import DEMO_ID  # noqa: E402
from negotiation.adapters.store import CaseStore  # noqa: E402
from tests.browser.server import chromium_browser, streamlit_server, wait_for_app  # noqa: E402

PAGES = ["", "Case", "Intake", "Interests", "Options", "Decent_system", "Fair_margin", "Agreement", "Caucus",
         "History", "Projector"]


def settle(page, name: str) -> None:
    """Wait for the page to finish drawing (the projector has no sidebar and polls, so it gets a fixed wait)."""
    if name == "Projector":
        page.wait_for_timeout(3000)
    else:
        wait_for_app(page)


@contextmanager
def app_with(case_file: str | None):
    """The app with the demo case, or with the case in `case_file` (an exported case); yields its URL and case id."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "shots.db"
        if case_file is None:
            with streamlit_server(db, seed_demo=True) as url:
                yield url, DEMO_ID
            return
        case = read_case_file(Path(case_file).read_bytes())
        CaseStore(db).add(case, summary="case loaded for screenshots")
        with streamlit_server(db) as url:
            yield url, case.id


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--pages", default=",".join(p or "Cases" for p in PAGES))
    parser.add_argument("--sizes", default="1920x1080")
    parser.add_argument("--full", action="store_true", help="the whole scrollable page, not only the first screen")
    parser.add_argument("--view", choices=("mediator", "shared"), default="mediator",
                        help="shared: as the parties see it on the shared screen")
    parser.add_argument("--case", help="a case file (JSON, as exported) to show instead of the demo case")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    wanted = ["" if p == "Cases" else p for p in args.pages.split(",")]
    with app_with(args.case) as (url, case_id), chromium_browser() as browser:
        for size in args.sizes.split(","):
            width, height = (int(v) for v in size.split("x"))
            page = browser.new_page(viewport={"width": width, "height": height})
            for name in wanted:
                view = "&view=shared" if args.view == "shared" else ""
                page.goto(f"{url}/{name}?case={case_id}{view}")
                settle(page, name)
                if page.locator(".stPlotlyChart").count():
                    # plotly draws after Streamlit is done; wait for its SVG, not a fixed time
                    page.locator(".stPlotlyChart .main-svg").first.wait_for(state="attached", timeout=20000)
                page.wait_for_timeout(1200)
                target = out / f"{name or 'Cases'}-{size}{'-shared' if args.view == 'shared' else ''}.png"
                if args.full:
                    # Streamlit scrolls inside its main container, so a full-page shot needs a tall viewport;
                    # grow it until the page stops getting longer (elements render as they come into view).
                    current = height
                    for _ in range(4):
                        tall = page.evaluate(
                            "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain] *')]"
                            ".slice(0, 3000).map(e => e.scrollHeight))")
                        wanted = min(max(height, tall + 100), 12000)
                        if wanted <= current:
                            break
                        current = wanted
                        page.set_viewport_size({"width": width, "height": current})
                        settle(page, name)
                        page.wait_for_timeout(2000)
                page.screenshot(path=str(target))
                page.set_viewport_size({"width": width, "height": height})
                print(target)
            page.close()


if __name__ == "__main__":
    main()
