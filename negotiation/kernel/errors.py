"""Domain exceptions, and validation errors turned into sentences a mediator understands."""
from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from negotiation.kernel.i18n import MissingMessage, t


class YesableError(Exception):
    """An error whose message is a sentence for the person at the keyboard.

    Raised with a message key and its parameters; `str()` gives the sentence in the current language.
    """

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def __str__(self) -> str:
        try:
            return t(self.key, **self.params)
        except MissingMessage:
            return self.key


class StaleCase(YesableError):
    """Someone saved this case after this window loaded it; saving now would overwrite their change."""


class CaseNotFound(YesableError):
    pass


class ImportRejected(YesableError):
    """An imported file was not accepted; nothing in the store changed."""


class CaseFinalised(YesableError):
    """A finalised agreement version cannot be changed."""


@dataclass(frozen=True)
class Problem:
    field: str
    """Dotted path of the field inside the model that was validated ("" for the whole object)."""
    message: str


_TYPE_KEYS = {
    "missing": "errors.missing",
    "string_too_short": "errors.empty",
    "string_too_long": "errors.too_long",
    "greater_than_equal": "errors.ge",
    "greater_than": "errors.gt",
    "less_than_equal": "errors.le",
    "less_than": "errors.lt",
    "decimal_parsing": "errors.number",
    "decimal_type": "errors.number",
    "float_parsing": "errors.number",
    "int_parsing": "errors.whole_number",
    "int_from_float": "errors.whole_number",
    "date_parsing": "errors.date",
    "date_from_datetime_parsing": "errors.date",
    "date_type": "errors.date",
    "string_pattern_mismatch": "errors.pattern",
    "enum": "errors.choice",
    "literal_error": "errors.choice",
    "extra_forbidden": "errors.unknown_field",
    "decimal_max_places": "errors.decimals",
    "decimal_max_digits": "errors.too_large",
    "frozen_instance": "errors.frozen",
}


def _message(error: dict) -> str:
    if error["type"] == "value_error":
        key = str(error.get("ctx", {}).get("error", error["msg"]))
        try:
            return t(key)
        except MissingMessage:
            return key
    if error.get("input", "") is None and error["type"].endswith("_type"):
        return t("errors.missing")  # an empty date or number field
    key = _TYPE_KEYS.get(error["type"])
    if key is None:
        return error["msg"]
    ctx = {k: v for k, v in (error.get("ctx") or {}).items()}
    try:
        return t(key, **ctx)
    except (KeyError, IndexError):
        return error["msg"]


def explain(exc: ValidationError) -> list[Problem]:
    """Every problem in `exc`, as (field, sentence) pairs, in the order pydantic found them."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = ".".join(str(part) for part in error["loc"])
        problems.append(Problem(field=loc, message=_message(error)))
    return problems
