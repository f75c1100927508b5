"""Strict checks of a stored document against its record class.

``Record.from_doc`` trusts the store: it converts what is there and would turn ``1.5``
minor units into ``1`` or keep a number where text belongs. A file from outside (a
restore) is checked with ``check_doc`` first: every field of the right JSON type (money
as ``{"minor": integer, "currency": text}``, dates and moments as ISO 8601 text, lists
where the record has a tuple, objects where it nests a record), every field without a
default present, dates within ``FIRST_YEAR``–``LAST_YEAR``, then the record built through
``from_doc`` itself and its values put through the domain's own checks (currency codes,
timezones, decimal quantities and rates, recurrence rules, one currency per invoice,
time off that ends on or after it starts with a one-line note).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from vatui.domain.clients import Client
from vatui.domain.dates import MAX_DATE, MIN_DATE
from vatui.domain.errors import InputError
from vatui.domain.invoicing import check_tax_percent
from vatui.domain.ledger import Invoice, LineItem
from vatui.domain.localtime import check_zone
from vatui.domain.money import Money, check_currency
from vatui.domain.records import Record
from vatui.domain.recurrence import Recurrence
from vatui.domain.recurring import RecurringInvoice, check_day, check_every
from vatui.domain.settings import Settings
from vatui.domain.tasks import Task
from vatui.domain.taxes import check_tax_line, check_tax_lines
from vatui.domain.timeoff import TimeOff, check_timeoff
from vatui.i18n import _

FIRST_YEAR = MIN_DATE.year
LAST_YEAR = MAX_DATE.year
"""Dates and moments outside these years are refused: the business range of typed input
(``vatui.domain.dates``, one rule); date arithmetic near the end of Python's calendar
(9999) crashes every reader."""


class BadDocument(ValueError):
    """The document does not fit its record class; the message says where and why."""


class _Mismatch(Exception):
    """A value that does not fit; ``path`` grows as it propagates out of lists and records."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.path: list[str] = []
        self.message = message


Check = Callable[[Any], None]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _expect(expected: str, value: Any) -> _Mismatch:
    return _Mismatch(_("expected {expected}, found {found}").format(expected=expected, found=_kind(value)))


def _type_check(kind: type, expected: str) -> Check:
    def check(value: Any) -> None:
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise _expect(expected, value)

    return check


def _moment_check(kind: type[date] | type[datetime]) -> Check:
    def check(value: Any) -> None:
        if not isinstance(value, str):
            raise _expect(_("an ISO 8601 date as text"), value)
        try:
            year = kind.fromisoformat(value).year
        except ValueError:
            raise _Mismatch(_("not a date ({value!r})").format(value=value[:40])) from None
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise _Mismatch(
                _("the year {year} is outside {first}–{last}").format(
                    year=year, first=FIRST_YEAR, last=LAST_YEAR
                )
            )

    return check


def _money_check(value: Any) -> None:
    if not isinstance(value, dict):
        raise _expect(_("money as an object"), value)
    if not _is_int(value.get("minor")):
        raise _expect(_("money as a whole number of minor units"), value.get("minor"))
    code = value.get("currency")
    if not isinstance(code, str):
        raise _Mismatch(_("money without a currency code"))
    try:
        _currency(code)
    except ValueError as exc:
        mismatch = _Mismatch(str(exc))
        mismatch.path.append(".currency")
        raise mismatch from None


def _optional(inner: Check) -> Check:
    def check(value: Any) -> None:
        if value is not None:
            inner(value)

    return check


def _list_of(inner: Check | None) -> Check:
    def check(value: Any) -> None:
        if not isinstance(value, list):
            raise _expect(_("a list"), value)
        if inner is None:
            return
        for n, item in enumerate(value):
            try:
                inner(item)
            except _Mismatch as exc:
                exc.path.insert(0, f"[{n}]")
                raise

    return check


def _record_check(cls: type[Record]) -> Check:
    def check(value: Any) -> None:
        if not isinstance(value, dict):
            raise _expect(_("an object"), value)
        _fields_check(cls)(value)

    return check


def _ignore(_value: Any) -> None:
    return None


def _compile(hint: Any) -> Check:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = _compile(args[0]) if len(args) == 1 else _ignore
        return _optional(inner) if len(args) < len(typing.get_args(hint)) else inner
    if origin is tuple:
        items = typing.get_args(hint)
        return _list_of(_compile(items[0]) if items else None)
    if hint is bool:
        return _type_check(bool, _("true or false"))
    if hint is int:
        return _type_check(int, _("a whole number"))
    if hint is str:
        return _type_check(str, _("text"))
    if hint is date or hint is datetime:
        return _moment_check(hint)
    if hint is Money:
        return _money_check
    if isinstance(hint, type) and issubclass(hint, Record):
        return _record_check(hint)
    return _ignore


_PLANS: dict[type, Check] = {}


def _fields_check(cls: type[Record]) -> Check:
    """The check of a document of ``cls``: each field's check, and the required fields present."""
    found = _PLANS.get(cls)
    if found is not None:
        return found
    hints = typing.get_type_hints(cls)
    plan: list[tuple[str, bool, Check]] = []
    for field in dataclasses.fields(cls):
        if field.name == "id":
            continue
        required = field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
        plan.append((field.name, required, _compile(hints[field.name])))

    def check(doc: Any) -> None:
        for name, required, field_check in plan:
            if name not in doc:
                if required:
                    raise _Mismatch(_("the field {name!r} is missing").format(name=name))
                continue
            try:
                field_check(doc[name])
            except _Mismatch as exc:
                exc.path.insert(0, f".{name}")
                raise

    _PLANS[cls] = check
    return check


def _bad(where: str, expected: str, value: Any) -> BadDocument:
    return BadDocument(
        _("{where}: expected {expected}, found {found}").format(
            where=where, expected=expected, found=_kind(value)
        )
    )


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


def check_doc(cls: type[Record], doc: Any, doc_id: int, where: str) -> None:
    """Refuse (``BadDocument``) a document that ``cls`` cannot hold exactly, or whose values
    the domain's own checks refuse (currency codes, zones, decimals, recurrences, one
    currency per invoice)."""
    if not isinstance(doc, dict):
        raise _bad(where, _("an object"), doc)
    try:
        _fields_check(cls)(doc)
    except _Mismatch as exc:
        raise BadDocument(f"{where}{''.join(exc.path)}: {exc.message}") from None
    if cls is Invoice and "tax_percent" in doc:
        _legacy_tax(doc, where)
    try:
        record = cls.from_doc(doc, doc_id)
    except (ValueError, TypeError, KeyError, OverflowError) as exc:
        raise BadDocument(f"{where}: {exc}") from exc  # exc is already a message
    _check_values(record, where)


def _legacy_tax(doc: dict[str, Any], where: str) -> None:
    """An invoice of the older shape: one ``tax_percent`` from 0 to 100, read as a tax line
    (``Invoice.from_doc``); with ``taxes`` too it could be read two ways and is refused."""
    value = doc["tax_percent"]
    if not isinstance(value, str):
        raise _bad(f"{where}.tax_percent", _("text"), value)
    try:
        rate = check_tax_percent(value)
    except InputError as exc:
        raise BadDocument(f"{where}.tax_percent: {exc}") from None
    if "taxes" in doc and Decimal(rate) != 0:
        raise BadDocument(_("{where}: both tax_percent and taxes; keep one (taxes)").format(where=where))


def _tax_lines(lines: Any) -> None:
    check_tax_lines(lines)


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
    Client: (
        ("currency", _currency),
        ("timezone", check_zone),
        ("late_fee_percent", _decimal),
        ("default_taxes", _tax_lines),
    ),
    Invoice: (("currency", _currency), ("taxes", _tax_lines)),
    LineItem: (("quantity", _decimal),),
    Task: (("recurrence", Recurrence.parse),),
    Settings: (("home_timezone", check_zone), ("default_currency", _currency)),
    RecurringInvoice: (("every", check_every), ("day", check_day)),
}
"""The domain's checks of single values, by record class and field (``None`` is not checked)."""


def _check_values(record: Record, where: str) -> None:
    for field in ("taxes", "default_taxes"):
        for n, line in enumerate(getattr(record, field, ())):
            try:
                check_tax_line(line)
            except InputError as exc:
                raise BadDocument(f"{where}.{field}[{n}]: {exc}") from exc
    for name, check in _VALUES.get(type(record), ()):
        value = getattr(record, name)
        if value is None:
            continue
        try:
            check(value)
        except ValueError as exc:
            raise BadDocument(f"{where}.{name}: {exc}") from exc
    if isinstance(record, TimeOff):
        try:
            check_timeoff(record)
        except ValueError as exc:
            raise BadDocument(f"{where}: {exc}") from exc
    if isinstance(record, Invoice):
        amounts = [(f"items[{n}].unit_price", item.unit_price) for n, item in enumerate(record.items)]
        amounts += [
            (name, getattr(record, name)) for name in ("discount", "credit_applied", "deposit_applied")
        ]
        for name, money in amounts:
            if money is not None and money.currency != record.currency:
                raise BadDocument(
                    _("{where}.{name}: {found} on an invoice in {currency}").format(
                        where=where, name=name, found=money.currency, currency=record.currency
                    )
                )
    if isinstance(record, RecurringInvoice):
        for n, item in enumerate(record.items):
            if item.unit_price.minor < 0:
                raise BadDocument(_("{where}.items[{n}].unit_price: below zero").format(where=where, n=n))
    for n, item in enumerate(getattr(record, "items", ())):
        if isinstance(item, LineItem):
            _check_values(item, f"{where}.items[{n}]")
