"""Domain exceptions, and validation errors turned into sentences a mediator understands."""
from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from negotiation.kernel.i18n import MissingMessage, fmt_date, t

SENTENCE = "sentence"
"""The error type of a refusal whose message is a catalog key with parameters (`sentence`)."""


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


def sentence(key: str, params: dict[str, Any] | None = None) -> str:
    """The message for `key` with `params`, dates written the local way; the key itself when no catalog has it."""
    values = {k: fmt_date(v) if isinstance(v, dt.date) else v for k, v in (params or {}).items()}
    try:
        return t(key, **values)
    except MissingMessage:
        return key


@dataclass(frozen=True)
class Breach:
    """One value that breaks a rule, where it is, and what tells it apart from another breach of the same rule.

    `value` and `size` let an edit be compared with the stored case (`negotiation.data.case.new_problems`):
    the same breach at the same kind of place with the same value is an old one; a list over its limit
    is an old breach while it grows no longer than it was (`size`).
    """

    field: str
    """Dotted path of the field in the case ("" for the whole case)."""
    key: str
    """The message key of the sentence."""
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    value: Hashable = None
    size: int = 0

    @property
    def message(self) -> str:
        return sentence(self.key, self.params)

    def problem(self) -> Problem:
        return Problem(self.field, self.message)


def refusal(key: str, params: dict[str, Any] | None = None) -> PydanticCustomError:
    """A validation error whose message is the sentence for `key` (raise it from a validator)."""
    return PydanticCustomError(SENTENCE, key, {"key": key, **(params or {})})


def as_validation_error(breaches: Iterable[Breach], title: str = "Case") -> ValidationError:
    """The breaches as one ValidationError, each at its field, so `explain` gives their sentences."""
    line_errors: list[Any] = [
        {"type": refusal(b.key, b.params),
         "loc": tuple(int(part) if part.isdigit() else part for part in b.field.split(".")) if b.field else (),
         "input": b.value}
        for b in breaches
    ]
    return ValidationError.from_exception_data(title, line_errors)


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
    if error["type"] == SENTENCE:
        params = dict(error.get("ctx") or {})
        return sentence(str(params.pop("key", error["msg"])), params)
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


# -- printing ------------------------------------------------------------------------------


class RenderRefused(YesableError):
    """A PDF was not made: it would take longer or need more memory than one print may; others print on."""
