"""The one translation function, and locale-aware formatting of dates, numbers and money.

Every word Yesable itself shows or prints goes through `t`. Catalogs are JSON files, one per
workflow step, in `negotiation/kernel/locales/<language>/<step>.json`; keys are namespaced by step
(`intake.verdict.proceed`). English is complete; another language falls back to English key by key.
Formatting is Babel's (CLDR data), never hand-made.
"""
from __future__ import annotations

import contextvars
import datetime as dt
import json
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path

from babel import dates as babel_dates
from babel import numbers as babel_numbers

LOCALES_DIR = Path(__file__).parent / "locales"
DEFAULT_LANGUAGE = "en"
LANGUAGES = ("en", "nl")
_BABEL_LOCALE = {"en": "en_GB", "nl": "nl_NL"}

_language: contextvars.ContextVar[str] = contextvars.ContextVar("language", default=DEFAULT_LANGUAGE)


class MissingMessage(KeyError):
    """A message key that no catalog defines: a programming error, caught by the tests."""


@lru_cache(maxsize=None)
def catalog(language: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    folder = LOCALES_DIR / language
    for path in sorted(folder.glob("*.json")):
        entries = json.loads(path.read_text(encoding="utf-8"))
        duplicated = merged.keys() & entries.keys()
        if duplicated:
            raise ValueError(f"{path}: keys defined twice: {sorted(duplicated)}")
        merged.update(entries)
    return merged


def set_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {LANGUAGES}")
    _language.set(language)


def language() -> str:
    return _language.get()


def t(key: str, /, **params: object) -> str:
    """The message for `key` in the current language, with `{name}` placeholders filled."""
    text = catalog(language()).get(key)
    if text is None:
        text = catalog(DEFAULT_LANGUAGE).get(key)
    if text is None:
        raise MissingMessage(key)
    return text.format(**params) if params else text


def babel_locale() -> str:
    return _BABEL_LOCALE[language()]


def fmt_money(amount: Decimal | int | float, currency: str) -> str:
    return babel_numbers.format_currency(amount, currency, locale=babel_locale())


def fmt_money_rounded(amount: Decimal | int | float, currency: str, significant: int = 3) -> str:
    """An amount rounded for people, to `significant` figures: "£347M", "£21.7M", "€12.5K", "€850".

    For sentences and charts a director reads at a glance; tables that add up keep `fmt_money`.
    Rounded before it is compacted, so 999,999 reads "£1M", not "£1000K".
    """
    value = Decimal(str(amount))
    if value != 0:
        exponent = value.copy_abs().adjusted() - significant + 1
        value = value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)
    return babel_numbers.format_compact_currency(value, currency, locale=babel_locale(),
                                                 fraction_digits=significant - 1)


def fmt_number(value: Decimal | int | float, digits: int = 2) -> str:
    return babel_numbers.format_decimal(value, format=f"#,##0.{'#' * digits}" if digits else "#,##0", locale=babel_locale())


def fmt_percent(value: Decimal | int | float, digits: int = 1) -> str:
    """`value` is in percent (12.5 means 12.5 %)."""
    pattern = f"#,##0.{'0' * digits}%" if digits else "#,##0%"
    return babel_numbers.format_percent(Decimal(str(value)) / 100, format=pattern, locale=babel_locale())


def fmt_date(value: dt.date | None, style: str = "long") -> str:
    if value is None:
        return t("common.no_date")
    return babel_dates.format_date(value, format=style, locale=babel_locale())


def fmt_datetime(value: dt.datetime, style: str = "medium") -> str:
    return babel_dates.format_datetime(value, format=style, locale=babel_locale())


def parse_decimal(text: str) -> Decimal:
    """A number typed the local way ("1,250.50" in English, "1.250,50" in Dutch)."""
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    return babel_numbers.parse_decimal(cleaned, locale=babel_locale(), strict=True)
