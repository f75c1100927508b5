"""Numeric dates (``15/12``, ``3/4``, ``15.12.2026``) read in the VA's ``date_order``.

The setting ``date_order`` says which number is the day:

- ``dmy``: ``15/12`` is 15 December, ``3/4`` is 3 April, ``3/4/27`` is 3 April 2027;
- ``mdy``: ``12/15`` is 15 December, ``3/4`` is 4 March;
- ``ymd``: ``2026/12/15``; with two numbers, month then day (``12/15``);
- empty (no order chosen): a date that reads only one way is accepted (``15/12``,
  ``12/15``, ``5/5``); one that reads two ways (``3/4``) is refused naming both readings.

Separators ``/``, ``.``, ``-``. Without a year the date is the next one on or after today,
as for ``5 dec``; a two-digit year is 20YY. Dates that do not exist are refused.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from vatui.domain.dates_display import day_month
from vatui.domain.errors import ParseError
from vatui.i18n import _

DATE_ORDERS: Final = ("dmy", "mdy", "ymd")
"""The values of the ``date_order`` setting (empty: no order chosen)."""

_NUMBERS_RE: Final = re.compile(r"[0-9]+")


def _year(digits: str | None, text: str) -> str | None:
    if digits is None:
        return None
    if len(digits) == 2:
        return str(2000 + int(digits))
    if len(digits) == 4:
        return digits
    raise ParseError(_("{text!r}: write the year with 4 digits (or 2)").format(text=text))


def _reading(parts: list[str], order: str, text: str) -> tuple[int, int, str | None]:
    """(day, month, year or None) of ``parts`` read in ``order``."""
    if order == "ymd":
        if len(parts) == 3:
            y, m, d = parts
            return int(d), int(m), _year(y, text)
        return int(parts[1]), int(parts[0]), None
    year = _year(parts[2], text) if len(parts) == 3 else None
    if order == "mdy":
        return int(parts[1]), int(parts[0]), year
    return int(parts[0]), int(parts[1]), year


def _exists(day: int, month: int, year: str | None) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    from vatui.domain.dates import days_in_month

    return day <= (
        days_in_month(int(year), month) if year else (29 if month == 2 else days_in_month(2000, month))
    )


def parse_numeric(text: str, today: date, date_order: str = "") -> date:
    """The date ``text`` (digits and separators only) names, in ``date_order``."""
    from vatui.domain.dates import _make, _month_day

    parts = _NUMBERS_RE.findall(text)
    if date_order in DATE_ORDERS:
        day, month, year = _reading(parts, date_order, text)
        if not 1 <= month <= 12:
            raise ParseError(
                _("{text!r} is not a date: there is no month {month} (date order {order})").format(
                    text=text, month=month, order=date_order
                )
            )
        return _month_day(month, day, year, today, text)
    readings: list[tuple[int, int, str | None]] = []
    for order in ("dmy", "mdy"):
        reading = _reading(parts, order, text)
        if _exists(*reading) and reading not in readings:
            readings.append(reading)
    if not readings:
        raise ParseError(
            _(
                "{text!r} is not a date, day first or month first: write it as "
                'YYYY-MM-DD or with the month\'s name, like "4 mar"'
            ).format(text=text)
        )
    found = [
        _month_day(m, d, y, today, text) if y is None else _make(int(y), m, d, text) for d, m, y in readings
    ]
    if len(found) > 1:
        raise ParseError(
            _(
                '{text!r} is ambiguous: {first} or {second}? Write "{example}" or YYYY-MM-DD, '
                "or set date_order (dmy, mdy)"
            ).format(
                text=text,
                first=day_month(found[0]),
                second=day_month(found[1]),
                example=day_month(found[0], short=True).casefold(),
            )
        )
    return found[0]
