"""Strict checks of a stored document against its record class.

``Record.from_doc`` trusts the store: it converts what is there and would turn ``1.5``
minor units into ``1`` or keep a number where text belongs. A file from outside (a
restore) is checked with ``check_doc`` first: every field of the right JSON type (money
as ``{"minor": integer, "currency": text}``, dates and moments as ISO 8601 text, lists
where the record has a tuple, objects where it nests a record), every field without a
default present, and then the record built through ``from_doc`` itself.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from vatui.domain.money import Money
from vatui.domain.records import Record
from vatui.i18n import _

_HINTS: dict[type, dict[str, Any]] = {}


class BadDocument(ValueError):
    """The document does not fit its record class; the message says where and why."""


def _hints(cls: type[Record]) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = typing.get_type_hints(cls)
        _HINTS[cls] = hints
    return hints


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_value(hint: Any, value: Any, where: str) -> None:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None and len(args) < len(typing.get_args(hint)):
            return
        if len(args) == 1:
            _check_value(args[0], value, where)
        return
    if origin is tuple:
        if not isinstance(value, list):
            raise _bad(where, _("a list"), value)
        items = typing.get_args(hint)
        if items:
            for n, item in enumerate(value):
                _check_value(items[0], item, f"{where}[{n}]")
        return
    if hint is bool:
        if not isinstance(value, bool):
            raise _bad(where, _("true or false"), value)
    elif hint is int:
        if not _is_int(value):
            raise _bad(where, _("a whole number"), value)
    elif hint is str:
        if not isinstance(value, str):
            raise _bad(where, _("text"), value)
    elif hint is date or hint is datetime:
        if not isinstance(value, str):
            raise _bad(where, _("an ISO 8601 date as text"), value)
        try:
            hint.fromisoformat(value)
        except ValueError as exc:
            raise BadDocument(_("{where}: not a date ({value!r})").format(where=where, value=value[:40])) from exc
    elif hint is Money:
        if not isinstance(value, dict):
            raise _bad(where, _("money as an object"), value)
        if not _is_int(value.get("minor")):
            raise _bad(where, _("money as a whole number of minor units"), value.get("minor"))
        if not isinstance(value.get("currency"), str):
            raise BadDocument(_("{where}: money without a currency code").format(where=where))
    elif isinstance(hint, type) and issubclass(hint, Record):
        if not isinstance(value, dict):
            raise _bad(where, _("an object"), value)
        _check_fields(hint, value, where)


def _bad(where: str, expected: str, value: Any) -> BadDocument:
    return BadDocument(_("{where}: expected {expected}, found {found}").format(
        where=where, expected=expected, found=_kind(value)))


def _kind(value: Any) -> str:
    if value is None:
        return _("null")
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int):
        return _("an integer")
    if isinstance(value, float):
        return _("a decimal number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("an object")
    return type(value).__name__


def _check_fields(cls: type[Record], doc: Mapping[str, Any], where: str) -> None:
    hints = _hints(cls)
    for field in dataclasses.fields(cls):
        if field.name == "id":
            continue
        if field.name not in doc:
            if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
                raise BadDocument(_("{where}: the field {name!r} is missing").format(where=where, name=field.name))
            continue
        _check_value(hints[field.name], doc[field.name], f"{where}.{field.name}")


def check_doc(cls: type[Record], doc: Any, doc_id: int, where: str) -> None:
    """Refuse (``BadDocument``) a document that ``cls`` cannot hold exactly."""
    if not isinstance(doc, dict):
        raise _bad(where, _("an object"), doc)
    _check_fields(cls, doc, where)
    try:
        cls.from_doc(doc, doc_id)
    except (ValueError, TypeError, KeyError, OverflowError) as exc:
        raise BadDocument(f"{where}: {exc}") from exc  # exc is already a message
