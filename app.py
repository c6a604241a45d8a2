"""Yesable: the Cases page. Pick, start, archive, import and export cases (ui/home.py)."""
from __future__ import annotations

from ui import home

home.cases_page()
