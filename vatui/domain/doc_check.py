"""Strict checks of a stored document against its record class.

``Record.from_doc`` trusts the store: it converts what is there and would turn ``1.5``
minor units into ``1`` or keep a number where text belongs. A file from outside (a
restore) is checked with ``check_doc`` first: every field of the right JSON type (money
as ``{"minor": integer, "currency": text}``, dates and moments as ISO 8601 text, lists
where the record has a tuple, objects where it nests a record), every field without a
default present, dates within ``FIRST_YEAR``–``LAST_YEAR``, then the record built through
``from_doc`` itself and its values put through the domain's own checks (currency codes,
timezones, decimal quantities and rates, recurrence rules, one currency per invoice).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from vatui.domain.clients import Client
from vatui.domain.ledger import Invoice, LineItem
from vatui.domain.localtime import check_zone
from vatui.domain.money import Money, check_currency
from vatui.domain.records import Record
from vatui.domain.recurrence import Recurrence
from vatui.domain.settings import Settings
from vatui.domain.tasks import Task
from vatui.i18n import _

FIRST_YEAR = 1900
LAST_YEAR = 2199
"""Dates and moments outside these years are refused: date arithmetic near the end of
Python's calendar (9999) crashes every reader."""

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
            year = hint.fromisoformat(value).year
        except ValueError as exc:
            raise BadDocument(_("{where}: not a date ({value!r})").format(where=where, value=value[:40])) from exc
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise BadDocument(_("{where}: the year {year} is outside {first}–{last}").format(
                where=where, year=year, first=FIRST_YEAR, last=LAST_YEAR))
    elif hint is Money:
        if not isinstance(value, dict):
            raise _bad(where, _("money as an object"), value)
        if not _is_int(value.get("minor")):
            raise _bad(where, _("money as a whole number of minor units"), value.get("minor"))
        if not isinstance(value.get("currency"), str):
            raise BadDocument(_("{where}: money without a currency code").format(where=where))
        _check_currency(value["currency"], f"{where}.currency")
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
    """Refuse (``BadDocument``) a document that ``cls`` cannot hold exactly, or whose values
    the domain's own checks refuse (currency codes, zones, decimals, recurrences, one
    currency per invoice)."""
    if not isinstance(doc, dict):
        raise _bad(where, _("an object"), doc)
    _check_fields(cls, doc, where)
    try:
        record = cls.from_doc(doc, doc_id)
    except (ValueError, TypeError, KeyError, OverflowError) as exc:
        raise BadDocument(f"{where}: {exc}") from exc  # exc is already a message
    _check_values(record, where)


def _check_currency(code: str, where: str) -> None:
    try:
        ok = check_currency(code) == code
    except ValueError:
        ok = False
    if not ok:
        raise BadDocument(_("{where}: {code!r} is not a currency code").format(where=where, code=code[:20]))


def _currency(code: str) -> None:
    if check_currency(code) != code:
        raise ValueError(_("{code!r} is not a currency code").format(code=code[:20]))


def _decimal(text: str) -> None:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(_("{text!r} is not a number").format(text=text[:40])) from None
    if not value.is_finite():
        raise ValueError(_("{text!r} is not a number").format(text=text[:40]))


_VALUES: dict[type[Record], tuple[tuple[str, Callable[[Any], object]], ...]] = {
    Client: (("currency", _currency), ("timezone", check_zone), ("late_fee_percent", _decimal)),
    Invoice: (("currency", _currency), ("tax_percent", _decimal)),
    LineItem: (("quantity", _decimal),),
    Task: (("recurrence", Recurrence.parse),),
    Settings: (("home_timezone", check_zone), ("default_currency", _currency)),
}
"""The domain's checks of single values, by record class and field (``None`` is not checked)."""


def _check_values(record: Record, where: str) -> None:
    for name, check in _VALUES.get(type(record), ()):
        value = getattr(record, name)
        if value is None:
            continue
        try:
            check(value)
        except ValueError as exc:
            raise BadDocument(f"{where}.{name}: {exc}") from exc
    if isinstance(record, Invoice):
        amounts = [(f"items[{n}].unit_price", item.unit_price) for n, item in enumerate(record.items)]
        amounts += [(name, getattr(record, name)) for name in ("discount", "credit_applied", "deposit_applied")]
        for name, money in amounts:
            if money is not None and money.currency != record.currency:
                raise BadDocument(_("{where}.{name}: {found} on an invoice in {currency}").format(
                    where=where, name=name, found=money.currency, currency=record.currency))
    for n, item in enumerate(getattr(record, "items", ())):
        if isinstance(item, LineItem):
            _check_values(item, f"{where}.items[{n}]")
