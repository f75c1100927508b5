"""The base of every stored record: frozen dataclasses with ``to_doc``/``from_doc``.

A record's document is plain JSON: dates as ``YYYY-MM-DD``, moments as ISO 8601 in UTC,
money as ``{"minor": int, "currency": "EUR"}``, tuples as lists, nested records as
objects. The conversion plan of each class is worked out once from its type hints, so
converting thousands of documents stays cheap. The ``id`` field is the store's document
id: it is never written into the document itself.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, ClassVar, Self, TypeVar

from vatui.domain.dates import clamp_moment
from vatui.domain.money import Money

Conv = Callable[[Any], Any]


def _ident(value: Any) -> Any:
    return value


def _date_to(value: date) -> str:
    return value.isoformat()


def _date_from(value: str) -> date:
    return date.fromisoformat(value)


def _dt_to(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive datetime cannot be stored; moments carry an offset")
    return value.astimezone(UTC).isoformat()


def _dt_from(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return clamp_moment(parsed)


def _money_to(value: Money) -> dict[str, Any]:
    return {"minor": value.minor, "currency": value.currency}


def _money_from(value: dict[str, Any]) -> Money:
    return Money(int(value["minor"]), str(value["currency"]))


def _optional(conv: Conv) -> Conv:
    if conv is _ident:
        return _ident
    return lambda value: None if value is None else conv(value)


def _tuple_of(conv: Conv, out: Callable[[Any], Any]) -> Conv:
    if conv is _ident and out is tuple:
        return lambda value: tuple(value)
    if conv is _ident:
        return lambda value: list(value)
    return lambda value: out(conv(item) for item in value)


def _converters(hint: Any) -> tuple[Conv, Conv]:
    """Return (to_doc, from_doc) converters for one type hint."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) != 1:
            return _ident, _ident
        to_c, from_c = _converters(args[0])
        return _optional(to_c), _optional(from_c)
    if origin is tuple:
        items = typing.get_args(hint)
        to_c, from_c = _converters(items[0]) if items else (_ident, _ident)
        return _tuple_of(to_c, list), _tuple_of(from_c, tuple)
    if hint is datetime:
        return _dt_to, _dt_from
    if hint is date:
        return _date_to, _date_from
    if hint is Money:
        return _money_to, _money_from
    if isinstance(hint, type) and issubclass(hint, Record):
        return (lambda value: value.to_doc()), (lambda value: hint.from_doc(value))
    return _ident, _ident


R = TypeVar("R", bound="Record")


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """A stored record. Subclasses are frozen, keyword-only dataclasses."""

    id: int | None = None
    """The store's document id; ``None`` before the record is first saved."""

    _plans: ClassVar[dict[type, list[tuple[str, Conv, Conv, Any]]]] = {}

    @classmethod
    def _plan(cls) -> list[tuple[str, Conv, Conv, Any]]:
        plan = Record._plans.get(cls)
        if plan is None:
            hints = typing.get_type_hints(cls)
            plan = []
            for field in dataclasses.fields(cls):
                if field.name == "id":
                    continue
                to_c, from_c = _converters(hints[field.name])
                if field.default is not dataclasses.MISSING:
                    default: Any = field.default
                elif field.default_factory is not dataclasses.MISSING:
                    default = field.default_factory
                else:
                    default = dataclasses.MISSING
                plan.append((field.name, to_c, from_c, default))
            Record._plans[cls] = plan
        return plan

    def to_doc(self) -> dict[str, Any]:
        """The JSON document for this record (without its id)."""
        return {name: to_c(getattr(self, name)) for name, to_c, _f, _d in self._plan()}

    @classmethod
    def from_doc(cls, doc: typing.Mapping[str, Any], doc_id: int | None = None) -> Self:
        """Build the record from its stored document; unknown keys are ignored."""
        kwargs: dict[str, Any] = {}
        for name, _t, from_c, _default in cls._plan():
            if name in doc:
                kwargs[name] = from_c(doc[name])
        if doc_id is None:
            raw_id = getattr(doc, "doc_id", None)
            doc_id = int(raw_id) if raw_id is not None else None
        return cls(id=doc_id, **kwargs)

    def with_(self, **changes: Any) -> Self:
        """A copy with ``changes`` applied."""
        return dataclasses.replace(self, **changes)
