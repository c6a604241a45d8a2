"""The command line at its bounds: whatever file it is given, a refusal is one sentence and exit 2, never a traceback."""
from __future__ import annotations

import pytest

from negotiation.adapters.cases import MAX_IMPORT_BYTES
from negotiation.adapters.store import CaseStore
from negotiation.data.case import case_to_json
from negotiation.kernel.bounded_json import megabytes
from tests.cli.test_cli import run_cli

BAD_FILES = {
    "deep": (b"[" * 100_000 + b"]" * 100_000, "nests more than 32 levels deep"),
    "duplicate": (b'{"schema_version": 2, "title": "A", "title": "B"}', 'names the field "title" twice'),
    "nan": (b'{"schema_version": 2, "title": NaN}', "holds NaN where a number should be"),
    "latin1": ('{"title": "Café"}'.encode("latin-1"), "its text is not UTF-8"),
    "broken": (b"{nope", "it is not valid JSON"),
}


def one_sentence(result) -> str:
    """The refusal on standard error: one line, starting "error: ", with no traceback."""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


@pytest.mark.parametrize("name", BAD_FILES)
@pytest.mark.parametrize("command", ["render", "analyse", "import"])
def test_a_file_the_reader_refuses_gives_one_sentence_and_exit_2(tmp_path, command, name):
    payload, sentence = BAD_FILES[name]
    path = tmp_path / f"{name}.json"
    path.write_bytes(payload)
    args = {"render": ["-o", str(tmp_path / "out.pdf")], "analyse": [], "import": ["--db", str(tmp_path / "s.db")]}
    result = run_cli(command, str(path), *args[command])
    assert result.returncode == 2 and result.stdout == ""
    assert sentence in one_sentence(result)
    assert not (tmp_path / "out.pdf").exists()


def test_a_refused_import_leaves_the_store_as_it_was(tmp_path, demo):
    db = tmp_path / "s.db"
    assert run_cli("seed", "--db", str(db)).returncode == 0
    before = [(c.id, c.revision) for c in CaseStore(db).list(include_archived=True)]
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 100_000)
    assert run_cli("import", str(deep), "--db", str(db)).returncode == 2
    assert [(c.id, c.revision) for c in CaseStore(db).list(include_archived=True)] == before


def test_a_case_file_over_the_size_limit_is_refused_without_reading_it_whole(tmp_path, demo):
    big = tmp_path / "big.json"
    text = case_to_json(demo).encode()
    big.write_bytes(text[:-1] + b" " * (MAX_IMPORT_BYTES - len(text) + 1) + b"}")
    result = run_cli("analyse", str(big))
    assert result.returncode == 2
    assert f"larger than {megabytes(MAX_IMPORT_BYTES)} MB" in one_sentence(result)


def test_a_folder_or_a_missing_file_is_a_sentence_too(tmp_path):
    assert "is a folder, not a file" in one_sentence(run_cli("render", str(tmp_path), "-o", str(tmp_path / "x.pdf")))
    missing = run_cli("analyse", str(tmp_path / "nowhere.json"))
    assert missing.returncode == 2 and "no such file" in one_sentence(missing)


def test_a_criterion_longer_than_a_text_field_holds_is_refused(tmp_path):
    result = run_cli("check", "By 1 July 2027 at least 95 % of laptops are replaced " + "x" * 4000)
    assert result.returncode == 2 and "a criterion holds at most 4,000" in one_sentence(result)


def test_the_demo_still_renders_analyses_and_imports(tmp_path):
    demo_json = tmp_path / "demo.json"
    assert run_cli("demo", "-o", str(demo_json)).returncode == 0
    assert run_cli("analyse", str(demo_json)).returncode == 0
    assert run_cli("import", str(demo_json), "--db", str(tmp_path / "s.db")).returncode == 0
    result = run_cli("render", str(demo_json), "-o", str(tmp_path / "a.pdf"))
    assert result.returncode == 0 and result.stderr == ""
