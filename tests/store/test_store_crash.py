"""Nothing lost: a process killed in the middle of a save, and two sessions editing one case."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap

from negotiation.adapters.demo import DEMO_ID
from negotiation.adapters.store import CaseStore
from tests.apptest import errors, open_page
from tests.conftest import ROOT

WRITER = textwrap.dedent("""
    import sys, time
    from negotiation.adapters.store import CaseStore

    path, case_id, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    store = CaseStore(path)
    stored = store.get(case_id)
    case, revision = stored.case, stored.revision
    if mode == "stall":
        for number in range(1, 4):
            case = case.model_copy(update={"title": f"committed {number}"})
            revision = store.save(case, expected_revision=revision, step="case", summary="title")
            print("committed", revision, flush=True)

        def stall(*args, **kwargs):
            # Inside the save's transaction: the new document and its log entry are written, not committed.
            print("writing", flush=True)
            time.sleep(120)

        CaseStore._snapshot = staticmethod(stall)
        store.save(case.model_copy(update={"title": "never committed"}), expected_revision=revision,
                   step="case", summary="title")
    else:
        while True:
            case = case.model_copy(update={"title": f"revision {revision + 1}", "summary": "x" * 3000 + str(revision)})
            revision = store.save(case, expected_revision=revision, step="case", summary="title")
            print("committed", revision, flush=True)
""")


def start_writer(db_path, mode):
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), DEMO_ID, mode], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def assert_opens_cleanly(db_path):
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


def test_a_process_killed_in_the_middle_of_a_save_leaves_the_last_committed_change(demo_store, db_path):
    writer = start_writer(db_path, "stall")
    lines = []
    for line in writer.stdout:
        lines.append(line.strip())
        if line.strip() == "writing":
            break
    assert lines == ["committed 2", "committed 3", "committed 4", "writing"], writer.stderr.read()
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    assert writer.returncode == -signal.SIGKILL

    assert_opens_cleanly(db_path)
    reopened = CaseStore(db_path)
    stored = reopened.get(DEMO_ID)
    assert (stored.case.title, stored.revision) == ("committed 3", 4)
    assert [e.revision for e in reopened.history(DEMO_ID)] == [4, 3, 2, 1]
    assert reopened.revisions(DEMO_ID) == [4, 3, 2, 1]
    # and the store takes the next change (no lock left behind by the dead process)
    edited = stored.case.model_copy(update={"title": "after the crash"})
    assert reopened.save(edited, expected_revision=4, step="case", summary="title") == 5


def test_killing_a_writer_at_random_moments_always_leaves_a_consistent_committed_state(demo_store, db_path):
    rng = random.Random(9)
    for _ in range(4):
        writer = start_writer(db_path, "loop")
        committed = []
        for line in writer.stdout:
            committed.append(int(line.split()[1]))
            if len(committed) >= rng.randint(3, 25):
                break
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
        assert_opens_cleanly(db_path)
        stored = CaseStore(db_path).get(DEMO_ID)
        # Every printed commit is there; at most the one being saved when killed committed unseen.
        assert stored.revision in (committed[-1], committed[-1] + 1)
        assert stored.case.title == f"revision {stored.revision}"
        assert CaseStore(db_path).history(DEMO_ID)[0].revision == stored.revision


def test_a_stale_write_from_a_second_session_is_refused_and_reported(demo_store):
    laptop = open_page("case", DEMO_ID)
    second = open_page("case", DEMO_ID)

    laptop.text_input(key="w:contract.reference").input("REF-FROM-LAPTOP")
    laptop.button(key="FormSubmitter:case.contract-Save contract").click().run()
    assert not laptop.exception
    assert demo_store.get(DEMO_ID).case.contract.reference == "REF-FROM-LAPTOP"

    # The second window was drawn from revision 1 and does not know about the laptop's change.
    second.text_input(key="w:contract.reference").input("REF-FROM-SECOND")
    second.button(key="FormSubmitter:case.contract-Save contract").click().run()
    assert not second.exception
    assert any("changed in another window" in e for e in errors(second))
    stored = demo_store.get(DEMO_ID)
    assert (stored.case.contract.reference, stored.revision) == ("REF-FROM-LAPTOP", 2)
    # The refused window now shows the latest version, so its mediator can make the change again.
    assert second.text_input(key="w:contract.reference").value == "REF-FROM-LAPTOP"
    second.text_input(key="w:contract.reference").input("REF-FROM-SECOND")
    second.button(key="FormSubmitter:case.contract-Save contract").click().run()
    assert demo_store.get(DEMO_ID).case.contract.reference == "REF-FROM-SECOND"
    assert [e.summary for e in demo_store.history(DEMO_ID)][:2] == ["contract edited", "contract edited"]
    assert [c.after for e in demo_store.history(DEMO_ID)[:2] for c in e.changes
            if c.path == "contract.reference"] == [
        "REF-FROM-SECOND", "REF-FROM-LAPTOP"]


def test_a_stale_write_on_the_caucus_page_is_refused_and_the_first_note_stays(demo_store):
    first = open_page("caucus", DEMO_ID)
    second = open_page("caucus", DEMO_ID)
    first.text_area(key="w:caucus.client.new_note").input("First window's note")
    first.button(key="FormSubmitter:caucus.add_note.client-Add the note").click().run()
    second.text_area(key="w:caucus.vendor.new_note").input("Second window's note")
    second.button(key="FormSubmitter:caucus.add_note.vendor-Add the note").click().run()
    assert any("changed in another window" in e for e in errors(second))
    caucus = demo_store.get(DEMO_ID).case.caucus
    assert "First window's note" in [n.text for n in caucus.client.notes]
    assert "Second window's note" not in [n.text for n in caucus.vendor.notes]
