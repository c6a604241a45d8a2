"""Times each page's rerun with the demo case (AppTest), beside an empty page's rerun (the floor).

Run by `python -m negotiation bench` in a child process (`python -m negotiation.adapters.bench.pages`); prints one
JSON line {page: median seconds}. With `--case largest` it times each page with the largest case the store accepts
instead (`limits.largest_case`: every list at its limit), and leaves out the floor and the frame.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

PAGES = ["app.py", "pages/1_Case.py", "pages/2_Intake.py", "pages/3_Interests.py", "pages/4_Options.py",
         "pages/5_Decent_system.py", "pages/6_Fair_margin.py", "pages/7_Agreement.py",
         "pages/8_Caucus.py", "pages/9_Projector.py", "pages/10_History.py"]


def median_rerun(at, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def page_reruns(app_test, case_id: str, repeat: int) -> dict[str, float]:
    """Each page's median rerun with `case_id` open; the first run of each page (which loads it) is not counted."""
    results = {}
    for page in PAGES:
        at = app_test.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.session_state["case_id"] = case_id
        at.run()
        if page != "app.py":
            at.switch_page(page)
            at.run()
        if at.exception:
            raise SystemExit(f"{page}: {at.exception[0].message}")
        results[page] = median_rerun(at, repeat)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--case", choices=("demo", "largest"), default="demo")
    args = parser.parse_args()

    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["YESABLE_DB"] = str(Path(tmp) / "bench.db")
        from negotiation.adapters.cases import ensure_demo
        from negotiation.adapters.demo import DEMO_ID
        from negotiation.adapters.store import CaseStore

        if args.case == "largest":
            from negotiation.adapters.bench.limits import largest_case

            case = largest_case()
            CaseStore().add(case, summary="the largest case, for the bench")
            print(json.dumps(page_reruns(AppTest, case.id, args.repeat)))
            return
        ensure_demo(CaseStore())
        empty = Path(tmp) / "empty.py"
        empty.write_text("import streamlit as st\nst.write('')\n")
        floor_app = AppTest.from_file(str(empty), default_timeout=60)
        floor_app.run()
        results = {"empty page": median_rerun(floor_app, args.repeat)}
        # The app's own frame (page config, sidebar navigation, loading the case) with no step content.
        frame = Path(tmp) / "frame.py"
        frame.write_text(f"import sys; sys.path.insert(0, {str(ROOT)!r})\nfrom ui import common\ncommon.page('case')\n")
        frame_app = AppTest.from_file(str(frame), default_timeout=60)
        frame_app.session_state["case_id"] = DEMO_ID
        frame_app.run()
        results["app frame"] = median_rerun(frame_app, args.repeat)
        results.update(page_reruns(AppTest, DEMO_ID, args.repeat))
    print(json.dumps(results))


if __name__ == "__main__":
    main()
