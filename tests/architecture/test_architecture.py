"""The rules of docs/architecture.md that code review alone would let slip: message catalogs, page scripts."""
from __future__ import annotations

import ast
import json
import re

from negotiation.kernel import i18n
from tests.conftest import ROOT

_KEY_CALL = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")


def _used_keys():
    sources = [*ROOT.glob("*.py"), *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").rglob("*.py"),
               *(ROOT / "negotiation").rglob("*.py"),
               *(ROOT / "report_templates").glob("*.j2")]
    for path in sources:
        for match in _KEY_CALL.finditer(path.read_text(encoding="utf-8")):
            yield path.relative_to(ROOT), match.group(1)


def test_every_message_key_the_code_uses_has_english_text():
    english = i18n.catalog("en")
    # A key ending in "." is a prefix completed at run time ("case.tier." + tier): some key must start with it.
    missing = sorted({
        f"{where}: {key}" for where, key in _used_keys()
        if (key not in english if not key.endswith(".") else not any(k.startswith(key) for k in english))
    })
    assert missing == []


def test_validation_messages_raised_as_keys_have_english_text():
    english = i18n.catalog("en")
    pattern = re.compile(r"""(?:ValueError|Rejected|Found|Case|Finalised)\(\s*["']([a-z0-9_]+\.[a-z0-9_.]+)["']""")
    missing = sorted(
        f"{path.relative_to(ROOT)}: {key}"
        for path in (ROOT / "negotiation").rglob("*.py")
        for key in pattern.findall(path.read_text(encoding="utf-8"))
        if key not in english
    )
    assert missing == []


def test_every_catalog_file_is_valid_json_with_string_messages():
    for path in (ROOT / "negotiation" / "kernel" / "locales").rglob("*.json"):
        entries = json.loads(path.read_text(encoding="utf-8"))
        assert all(isinstance(v, str) and v for v in entries.values()), path


def test_another_language_falls_back_to_english_key_by_key():
    i18n.set_language("nl")
    assert i18n.t("case.role.client")  # a key Dutch may not have yet still reads
    assert i18n.fmt_date(__import__("datetime").date(2027, 3, 1)) == "1 maart 2027"
    assert i18n.fmt_money(1250000.5, "EUR").replace("\xa0", " ") == "€ 1.250.000,50"


def test_no_page_has_a_bare_string_that_streamlit_magic_would_print():
    # Streamlit's "magic" writes any bare expression of a page script to the screen, a string included;
    # only the module docstring (the first statement) is exempt.
    offenders = []
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body[1:]:
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
