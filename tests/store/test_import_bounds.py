"""Imports and backups are read within bounds: every refusal is a sentence, and the store is left as it was."""
from __future__ import annotations

import json

import pytest

from negotiation.adapters.cases import MAX_IMPORT_BYTES, import_case, read_case_file
from negotiation.adapters.store import MAX_BACKUP_BYTES, CaseStore, parse_backup
from negotiation.data.case import case_to_json
from negotiation.data.limits import MAX_DEPTH
from negotiation.kernel.bounded_json import BACKUP_FILE, load_bounded, megabytes, nesting_depth
from negotiation.kernel.errors import ImportRejected


def contents(store: CaseStore) -> tuple:
    """Everything a refused import must leave untouched: the cases, their revisions and their history."""
    cases = store.list(include_archived=True)
    return tuple((c.id, c.revision) for c in cases), tuple(len(store.history(c.id)) for c in cases)


def demo_with_a_title_twice(demo) -> bytes:
    text = case_to_json(demo)
    return text.replace('"title": ', '"title": "Another title",\n  "title": ', 1).encode()


REFUSED_CASE_FILES = {
    "nested 100,000 deep": (b"[" * 100_000 + b"]" * 100_000, "nests more than 32 levels deep"),
    "nested 100,000 deep, never closed": (b"[" * 100_000, "nests more than 32 levels deep"),
    "a key twice in one object": (None, 'names the field "title" twice'),
    "NaN": (b'{"schema_version": 2, "title": NaN}', "holds NaN where a number should be"),
    "Infinity": (b'{"schema_version": 2, "x": -Infinity}', "holds -Infinity where a number should be"),
    "a number past a float": (b'{"schema_version": 2, "x": 1e999}', "holds 1e999 where a number should be"),
    "Latin-1 text": ('{"title": "Café"}'.encode("latin-1"), "its text is not UTF-8"),
    "not JSON": (b"{nope", "it is not valid JSON"),
}


@pytest.mark.parametrize("name", REFUSED_CASE_FILES)
def test_an_import_the_reader_refuses_says_why_in_a_sentence_and_leaves_the_store_as_it_was(demo_store, demo,
                                                                                              name):
    payload, sentence = REFUSED_CASE_FILES[name]
    payload = payload if payload is not None else demo_with_a_title_twice(demo)
    before = contents(demo_store)
    with pytest.raises(ImportRejected) as refused:
        import_case(demo_store, payload)
    message = str(refused.value)
    assert sentence in message and message.endswith("Nothing was imported.")
    assert "\n" not in message
    assert contents(demo_store) == before


def test_a_file_over_the_size_limit_is_refused_before_it_is_decoded(store):
    payload = b"\xff" * (MAX_IMPORT_BYTES + 1)  # not UTF-8 either: the size is what is said
    with pytest.raises(ImportRejected, match=rf"larger than {megabytes(MAX_IMPORT_BYTES)} MB"):
        import_case(store, payload)
    assert contents(store) == ((), ())


def test_a_case_file_nested_as_deep_as_allowed_is_not_refused_for_its_depth():
    inside = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    with pytest.raises(ImportRejected) as refused:
        read_case_file('{"schema_version": 2, "x": ' + inside + "}")
    assert "levels deep" not in str(refused.value)  # it is refused as a case (no title), not for its depth


def test_the_demo_still_imports_and_reads_back(store, demo):
    case, copied = import_case(store, case_to_json(demo).encode())
    assert not copied and store.get(demo.id).case == case


def test_depth_is_counted_without_parsing_and_brackets_inside_strings_do_not_count():
    assert nesting_depth("3") == 0
    assert nesting_depth('{"a": [1, {"b": []}]}') == 4
    assert nesting_depth('{"a\\"[[[": "]]]{{{", "b": "\\\\"}') == 1
    assert nesting_depth("[" * 100_000) == 100_000  # no RecursionError: a linear scan


def test_a_text_payload_is_bounded_like_bytes():
    assert load_bounded('{"a": "é"}', max_bytes=11, max_depth=1) == {"a": "é"}
    with pytest.raises(ImportRejected, match="larger than"):
        load_bounded('{"a": "é"}', max_bytes=10, max_depth=1)  # 11 bytes in UTF-8


def test_a_byte_order_mark_is_no_harm():
    assert load_bounded(b'\xef\xbb\xbf{"a": 1}', max_bytes=100, max_depth=2) == {"a": 1}


def backup_of(store: CaseStore) -> str:
    return store.backup()


REFUSED_BACKUPS = {
    "nested 100,000 deep": ("[" * 100_000 + "]" * 100_000, "nests more than 35 levels deep"),
    "a key twice": ('{"format": "yesable-backup", "format": "x"}', 'names the field "format" twice'),
    "NaN": ('{"format": "yesable-backup", "version": NaN}', "holds NaN where a number should be"),
}


@pytest.mark.parametrize("name", REFUSED_BACKUPS)
def test_a_backup_the_reader_refuses_says_why_and_restores_nothing(demo_store, name):
    payload, sentence = REFUSED_BACKUPS[name]
    before = contents(demo_store)
    with pytest.raises(ImportRejected) as refused:
        demo_store.restore_backup(payload)
    assert sentence in str(refused.value) and str(refused.value).endswith("Nothing was restored.")
    assert contents(demo_store) == before


def test_a_backup_with_a_case_nested_too_deep_inside_is_refused(demo_store):
    data = json.loads(backup_of(demo_store))
    deep: list = []
    for _ in range(MAX_DEPTH):
        deep = [deep]
    data["cases"][0]["document"]["summary"] = deep
    with pytest.raises(ImportRejected, match="nests more than 35 levels deep"):
        parse_backup(json.dumps(data))


def test_a_backup_over_its_size_limit_is_refused_before_it_is_read():
    with pytest.raises(ImportRejected, match="larger than 200 MB"):
        load_bounded(b" " * (MAX_BACKUP_BYTES + 1), max_bytes=MAX_BACKUP_BYTES, max_depth=1, refusals=BACKUP_FILE)


def test_a_good_backup_still_restores(demo_store, tmp_path):
    fresh = CaseStore(tmp_path / "other.db")
    assert fresh.restore_backup(backup_of(demo_store)).added == [c.id for c in demo_store.list()]


def test_the_largest_case_the_limits_allow_exported_imports_again(store):
    from negotiation.adapters.bench.limits import largest_case
    from negotiation.data import limits

    largest = largest_case()
    assert len(largest.intake.complaints) == limits.MAX_COMPLAINTS
    assert len(largest.options.options) == limits.MAX_OPTIONS
    case, copied = import_case(store, case_to_json(largest).encode())
    assert not copied and case.id == largest.id and store.get(case.id).case.system == largest.system
