"""One model configuration, the reusable field types every step's model is built from, and the rules that are
newer than some stored cases (`Rule`)."""
from __future__ import annotations

import contextvars
import datetime as dt
import functools
import json
import re
import types
import uuid
from collections import Counter
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    StringConstraints,
    ValidationError,
    ValidationInfo,
)
from pydantic_core import CoreSchema, core_schema

from negotiation.kernel.errors import Breach, refusal


class DomainModel(BaseModel):
    """Mutable entity: every assignment is validated, unknown fields are refused."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        validate_assignment=True,
        validate_default=True,
    )

    def __setattr__(self, name: str, value: Any) -> None:
        # A refused assignment must leave the model as it was. When a model validator (mode="after") refuses
        # it, pydantic has already stored the new value (pydantic/pydantic#7105): put the old one back.
        if name not in type(self).model_fields:
            super().__setattr__(name, value)
            return
        old, fields_set = self.__dict__.get(name), set(self.__pydantic_fields_set__)
        try:
            super().__setattr__(name, value)
        except ValidationError:
            self.__dict__[name] = old
            object.__setattr__(self, "__pydantic_fields_set__", fields_set)
            raise


class ValueObject(DomainModel):
    """Immutable value: compared by content."""

    model_config = ConfigDict(frozen=True)


def canonical_json(data: object) -> str:
    """The one JSON spelling of a document: sorted keys, no spaces, UTF-8 as is. Fingerprints hash this."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


E = TypeVar("E")


def upserted(items: list[E], item: E) -> list[E]:
    """`items` with the entity of `item`'s id replaced by `item`, or `item` appended when it is new."""
    ids = [getattr(i, "id") for i in items]
    if item.id in ids:  # type: ignore[attr-defined]
        return [item if i.id == item.id else i for i in items]  # type: ignore[attr-defined]
    return [*items, item]


def new_id() -> str:
    """Short random identity for an entity inside a case (stable across edits and JSON round-trips)."""
    return uuid.uuid4().hex[:12]


def _two_places(value: Decimal) -> Decimal:
    if value != value.quantize(Decimal("0.01")):
        raise ValueError("use at most two decimals (cents)")
    return value


# -- rules newer than some stored cases ----------------------------------------------------------
#
# A stored case may predate a rule: a direction mark pasted before they were refused, a list longer than
# today's limit, a year typed as 0202. Such a case still opens and lists its problems, and the rule applies
# to the next edit (docs/limits.md). So each newer rule is a `Rule` placed in a field's type: it refuses a
# value when a model is validated as usual (an edit, an import) and lets it pass when the document is read
# back as it was stored (validated with STORED_CONTEXT) or while an edit's rules are deferred
# (`deferred_rules`). `breaches` finds every value a model holds that breaks one, with its place.

STORED = "stored"
STORED_CONTEXT: dict[str, Any] = {STORED: True}
"""The validation context of a document read back as it was stored: newer rules list what breaks them."""

_deferred: contextvars.ContextVar[bool] = contextvars.ContextVar("newer_rules_deferred", default=False)


@contextmanager
def deferred_rules() -> Iterator[None]:
    """Within this block, assignments do not check the newer rules; the edit is checked as a whole afterwards.

    For an edit of a stored case that already breaks a rule: removing one complaint from a list that is
    over its limit must not be refused because the list is still over it.
    """
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def lenient(info: ValidationInfo | None) -> bool:
    """True when newer rules only list, never refuse: a stored document, or an edit whose rules are deferred."""
    if _deferred.get():
        return True
    context = info.context if info is not None else None
    return isinstance(context, dict) and bool(context.get(STORED))


@dataclass(frozen=True)
class Found:
    """What a rule found wrong with one value: the sentence's key and parameters, and what identifies it."""

    key: str
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    value: Hashable = None
    size: int = 0


class Rule:
    """A rule that some stored cases predate; placed in a field's type (`Annotated[str, TextRule()]`)."""

    def find(self, value: Any) -> list[Found]:
        """What breaks the rule in `value` (nothing: it holds)."""
        raise NotImplementedError

    def normalised(self, value: Any) -> Any:
        """`value` as an edit stores it (the same by default)."""
        return value

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.with_info_after_validator_function(self._validate, handler(source))

    def _validate(self, value: Any, info: ValidationInfo) -> Any:
        if lenient(info):
            return value
        value = self.normalised(value)
        found = self.find(value)
        if found:
            raise refusal(found[0].key, found[0].params)
        return value


BIDI_CONTROLS = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
"""Marks that change the direction text is shown in, so a PDF can show what the record does not hold
(regular-expression ranges: LRM, RLM, ALM, the embeddings and overrides, the isolates)."""
_DIRECTION_MARK = re.compile(f"[{BIDI_CONTROLS}]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters (Unicode category Cc) but a tab and a line break (\\r is a line break: it becomes \\n)."""
_LINE_BREAK_OR_TAB = re.compile("[\t\n\r]")


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


class TextRule(Rule):
    """Text a person typed holds no invisible direction mark or control character; a name or label is one line.

    A line break typed as \\r\\n or \\r (a file from Windows or an old Mac) is stored as \\n.
    """

    def __init__(self, one_line: bool = False) -> None:
        self.one_line = one_line

    def normalised(self, value: str) -> str:
        return value if self.one_line else value.replace("\r\n", "\n").replace("\r", "\n")

    def find(self, value: Any) -> list[Found]:
        if not isinstance(value, str):
            return []
        mark = _DIRECTION_MARK.search(value)
        if mark:
            return [Found("limits.text.direction_mark", {"char": _code(mark.group())}, value)]
        control = _CONTROL.search(value)
        if control:
            return [Found("limits.text.control_character", {"char": _code(control.group())}, value)]
        if self.one_line and _LINE_BREAK_OR_TAB.search(value):
            return [Found("limits.text.one_line", {}, value)]
        return []


MIN_YEAR = 1900
MAX_YEAR = 2100


class YearRule(Rule):
    """A date of a case lies in the years 1900 to 2100: anything else is a typing slip (0202, 20226)."""

    def find(self, value: Any) -> list[Found]:
        if isinstance(value, dt.date) and not MIN_YEAR <= value.year <= MAX_YEAR:
            return [Found("limits.date.year", {"year": value.year, "low": MIN_YEAR, "high": MAX_YEAR}, value)]
        return []


class AtMost(Rule):
    """A list holds at most `limit` items, or at most `limit` per value of the items' attribute `per`.

    `only` counts just the items it accepts (the options not placed under an issue). The sentence's key
    gets `limit` and `count`.
    """

    def __init__(self, limit: int, key: str, per: str | None = None,
                 only: Callable[[Any], bool] | None = None) -> None:
        self.limit, self.key, self.per, self.only = limit, key, per, only

    def find(self, value: Any) -> list[Found]:
        items = [i for i in value if self.only is None or self.only(i)]
        if self.per is None:
            counts: Counter[Hashable] = Counter({None: len(items)})
        else:
            counts = Counter(getattr(i, self.per) for i in items)
        return [Found(self.key, {"limit": self.limit, "count": count}, group, count)
                for group, count in counts.items() if count > self.limit]


def breaches(model: BaseModel, prefix: str = "") -> list[Breach]:
    """Every value in `model` (and the models it holds) that breaks a `Rule` of its field's type, with its path.

    The model may have been read back as stored (STORED_CONTEXT), so it may hold such values.
    """
    found: list[Breach] = []
    for name, check in _model_checks(type(model)):
        check(getattr(model, name), f"{prefix}.{name}" if prefix else name, found)
    return found


# The walk is planned once per model class from the field types: the parts of a case no rule can reach
# (numbers, flags, choices) are never visited, so listing a large case's problems stays quick.
_Check = Callable[[Any, str, list[Breach]], None]


@functools.cache
def _model_checks(model: type[BaseModel]) -> tuple[tuple[str, _Check], ...]:
    planned = ((name, _checker(info.annotation, tuple(info.metadata))) for name, info in model.model_fields.items())
    return tuple((name, check) for name, check in planned if check is not None)


def _checker(annotation: Any, metadata: tuple[Any, ...] = ()) -> _Check | None:
    rules = tuple(r for r in metadata if isinstance(r, Rule))
    inner = _inner_checker(annotation)
    if not rules and inner is None:
        return None

    def check(value: Any, path: str, found: list[Breach]) -> None:
        if value is None:
            return
        for rule in rules:
            found.extend(Breach(path, f.key, f.params, f.value, f.size) for f in rule.find(value))
        if inner is not None:
            inner(value, path, found)

    return check


def _inner_checker(annotation: Any) -> _Check | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        fields = _model_checks(annotation)
        if not fields:
            return None

        def check_model(value: Any, path: str, found: list[Breach]) -> None:
            for name, check in fields:
                check(getattr(value, name), f"{path}.{name}", found)

        return check_model
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return _checker(args[0], tuple(args[1:]))
    if origin is Union or origin is types.UnionType:
        members = [(m, c) for m, c in ((m, _checker(m)) for m in args) if c is not None]
        if not members:
            return None

        def check_union(value: Any, path: str, found: list[Breach]) -> None:
            for member, check in members:
                if _fits(member, value):
                    check(value, path, found)
                    return

        return check_union
    if origin in (list, dict):
        item = _checker(args[-1]) if args else None
        if item is None:
            return None

        def check_items(value: Any, path: str, found: list[Breach]) -> None:
            pairs = value.items() if isinstance(value, dict) else enumerate(value)
            for key, each in pairs:
                item(each, f"{path}.{key}", found)

        return check_items
    return None


def _fits(annotation: Any, value: Any) -> bool:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if annotation is type(None):
        return value is None
    runtime = get_origin(annotation) or annotation
    return isinstance(value, runtime) if isinstance(runtime, type) else True


# -- the field types --------------------------------------------------------------------------------

MAX_TEXT_CHARS = 4000
"""Free text: a long paragraph, about two typed pages; a field that needs more is two fields."""
MAX_NAME_CHARS = 200
"""A name or a label: a person, an organisation, a case title."""
MAX_LINE_CHARS = 300
"""A short line of text: a metric, a unit, where a number comes from."""

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,40}$")]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT_CHARS), TextRule()]
"""Free text typed by a person: may be empty, never markup, no invisible direction mark or control character."""
RequiredText = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT_CHARS), TextRule()]
"""Free text that must say something (whitespace alone is refused after stripping)."""
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME_CHARS), TextRule(one_line=True)]
"""A name or label: one line."""
Line = Annotated[str, StringConstraints(max_length=MAX_LINE_CHARS), TextRule(one_line=True)]
"""A short line of text, may be empty."""
Money = Annotated[Decimal, Field(ge=0, le=Decimal("1e12")), AfterValidator(_two_places)]
"""An amount of money in the case's currency: never negative, cents at most."""
SignedMoney = Annotated[Decimal, Field(ge=Decimal("-1e12"), le=Decimal("1e12")), AfterValidator(_two_places)]
Percent = Annotated[Decimal, Field(ge=0, le=100)]
"""A percentage from 0 to 100."""
Severity = Annotated[int, Field(ge=1, le=5)]
Priority = Annotated[int, Field(ge=1, le=5)]
Date = Annotated[dt.date, YearRule()]
"""A calendar date of the case, in the years 1900 to 2100."""
