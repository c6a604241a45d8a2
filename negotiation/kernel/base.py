"""One model configuration and the reusable field types every step's model is built from."""
from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints


class DomainModel(BaseModel):
    """Mutable entity: every assignment is validated, unknown fields are refused."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        validate_assignment=True,
        validate_default=True,
    )


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


Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,40}$")]
Text = Annotated[str, StringConstraints(max_length=4000)]
"""Free text typed by a person: may be empty, never markup."""
RequiredText = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
"""Free text that must say something (whitespace alone is refused after stripping)."""
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Money = Annotated[Decimal, Field(ge=0, le=Decimal("1e12")), AfterValidator(_two_places)]
"""An amount of money in the case's currency: never negative, cents at most."""
SignedMoney = Annotated[Decimal, Field(ge=Decimal("-1e12"), le=Decimal("1e12")), AfterValidator(_two_places)]
Percent = Annotated[Decimal, Field(ge=0, le=100)]
"""A percentage from 0 to 100."""
Severity = Annotated[int, Field(ge=1, le=5)]
Priority = Annotated[int, Field(ge=1, le=5)]
Date = dt.date
