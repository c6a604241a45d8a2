from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from negotiation.adapters.demo import demo_case
from negotiation.adapters.store import CaseStore
from negotiation.kernel import i18n


@pytest.fixture(autouse=True)
def _english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def demo():
    return demo_case()


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    """A fresh SQLite file, also used by every AppTest in the test (through YESABLE_DB)."""
    path = tmp_path / "yesable.db"
    monkeypatch.setenv("YESABLE_DB", str(path))
    return path


@pytest.fixture
def store(db_path) -> CaseStore:
    return CaseStore(db_path)


@pytest.fixture
def demo_store(store) -> CaseStore:
    from negotiation.adapters.cases import ensure_demo

    ensure_demo(store)
    return store
