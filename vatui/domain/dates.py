"""Calendar dates the way a VA types them, and back into words for a preview.

``parse_date`` understands (case-insensitive, spaces tolerated; the words live in
``vatui.domain.words``):

- ``today``, ``tomorrow``, ``yesterday``;
- a weekday name or abbreviation (``fri``, ``friday``): its next occurrence strictly
  after today, so ``fri`` on a Friday is a week later;
- ``next week``: the Monday of next week;
- ``eow``: the end of the working week, the coming Friday (today when today is a
  Friday; on Saturday and Sunday, the Friday after);
- ``eom``: the last day of this month (today when today is that day);
- ``next month``: the first day of next month;
- offsets ``+3d``, ``-2d``, ``+2w``, ``+1m``, ``+1y``, ``in 3 days``, ``in a week``,
  ``3 days ago`` (months and years clamp to the month's end: Jan 31 + 1m is Feb 28/29);
- ``YYYY-MM-DD`` (also ``YYYY/MM/DD``): year first is never ambiguous;
- a month by name with a day: ``dec 5``, ``5 dec``, ``december 5``, ``5th of december``,
  ``5 december 2027``, ``dec-5``, ``5dec``; without a year, the next such date on or
  after today. A leading weekday (``fri 4 dec``, as ``describe_date`` writes it) is
  checked against the date.

- numeric dates (``15/12``, ``3.4``, ``03-04``) in the ``date_order`` setting; with no
  order chosen, only those that read one way (``15/12``); see ``vatui.domain.dates_numeric``;
- the same in Spanish (``mañana``, ``vie``, ``en 3 días``, ``5 de diciembre``): see
  ``vatui.domain.dates_es``.

Refused with a ``ParseError`` that says why: numeric dates that read two ways with no
order chosen (``03/04``: 3 April or 4 March?), dates that do not exist (``2026-02-30``,
``feb 30``), ``next fri`` (this Friday or the one after?), and any date outside the
business range ``MIN_DATE`` … ``MAX_DATE`` (1970-01-01 to 2199-12-31): an invoice of year
9999 cannot be right, and its reminders would fall past the last day a ``date`` can hold.

Readers never trust a stored date to be in that range: ``shift_days`` moves a date and
stops at the ends of the calendar instead of raising ``OverflowError``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Final

from vatui.domain import words
from vatui.domain.dates_es import date_to_english
from vatui.domain.errors import InputError, ParseError
from vatui.i18n import _, ngettext

MIN_DATE: Final = date(1970, 1, 1)
"""The earliest business date accepted at input."""
MAX_DATE: Final = date(2199, 12, 31)
"""The latest business date accepted at input."""

_MAX_COUNT_DIGITS: Final = 6
_HINT: Final = 'try today, fri, +3d, in 2 weeks, 2026-12-05 or "5 dec"'

# Digits are ASCII only ([0-9]); a word is any run of letters, so other languages fit.
_W: Final = r"[^\W\d_]"
_AMBIGUOUS_RE: Final = re.compile(r"^[0-9]{1,2}\s*[/.,-]\s*[0-9]{1,2}(?:\s*[/.,-]\s*[0-9]{1,4})?$")
_ISO_RE: Final = re.compile(r"^([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})$")
_SIGNED_RE: Final = re.compile(rf"^([+-])\s*([0-9]+)\s*({_W}*)$")
_COUNT_UNIT_RE: Final = re.compile(rf"^(?:([0-9]+)\s*|({_W}+)\s+)({_W}+)$")
_ORD: Final = "|".join(words.ORDINAL_SUFFIXES)
_OF: Final = "|".join(sorted(words.OF_WORDS))
_MONTH_DAY_RE: Final = re.compile(rf"^({_W}+)\.?\s*([0-9]{{1,2}})(?:{_ORD})?(?:\s+([0-9]{{4}}))?$")
_DAY_MONTH_RE: Final = re.compile(
    rf"^([0-9]{{1,2}})(?:{_ORD})?\s*(?:(?:{_OF})\s+)?({_W}+)\.?(?:\s+([0-9]{{4}}))?$"
)
_BARE_DAY_RE: Final = re.compile(rf"^[0-9]{{1,2}}(?:{_ORD})?$")
_SPLIT_HYPHEN_RE: Final = re.compile(rf"(?<={_W})-(?=[^\W_])|(?<=[0-9])-(?={_W})")


def days_in_month(year: int, month: int) -> int:
    """How many days ``month`` of ``year`` has."""
    return calendar.monthrange(year, month)[1]


def end_of_month(d: date) -> date:
    """The last day of ``d``'s month."""
    return d.replace(day=days_in_month(d.year, d.month))


def add_months(d: date, months: int) -> date:
    """``d`` moved by ``months`` (may be negative), clamped to the month's end.

    Jan 31 + 1 month is Feb 28 (29 in a leap year). Raises ``OverflowError`` past the
    years ``date`` can hold.
    """
    total = d.year * 12 + d.month - 1 + months
    year, month0 = divmod(total, 12)
    if not date.min.year <= year <= date.max.year:
        raise OverflowError("date out of range")
    month = month0 + 1
    return date(year, month, min(d.day, days_in_month(year, month)))


def in_business_range(d: date) -> bool:
    """Whether ``d`` lies from ``MIN_DATE`` to ``MAX_DATE``."""
    return MIN_DATE <= d <= MAX_DATE


def check_business_date(d: date, text: str | None = None) -> date:
    """``d`` itself when it lies in the business range; ``ParseError`` otherwise."""
    if not in_business_range(d):
        raise ParseError(
            _("{text!r} is out of range: dates go from {first} to {last}").format(
                text=text if text is not None else d.isoformat(),
                first=MIN_DATE.isoformat(),
                last=MAX_DATE.isoformat(),
            )
        )
    return d


def derived_date(start: date, days: int, what: str) -> date:
    """``start`` moved by ``days``: a date vatui works out and stores itself (a due date from
    the terms). ``InputError`` when it would leave the business range, so that vatui never
    writes a date it would refuse to read back; ``what`` names it in the message."""
    moved = shift_days(start, days)
    if not in_business_range(moved):
        raise InputError(
            _("{what} would be {d}, past the last date vatui keeps ({last})").format(
                what=what, d=moved.isoformat(), last=MAX_DATE.isoformat()
            )
        )
    return moved


def year_ahead(today: date) -> date:
    """The same day a year after ``today`` (29 Feb: 28 Feb), stopping at the end of the calendar."""
    try:
        return add_months(today, 12)
    except (OverflowError, ValueError):
        return date.max


MOMENT_MIN: Final = datetime(1, 1, 2, tzinfo=UTC)
"""The earliest stored moment readers use: a day inside the calendar, so that any zone can show it."""
MOMENT_MAX: Final = datetime(9999, 12, 30, tzinfo=UTC)
"""The latest stored moment readers use (see ``MOMENT_MIN``)."""


def clamp_moment(moment: datetime) -> datetime:
    """A stored moment (aware) made safe to show in any timezone: one within a day of the
    ends of the calendar is moved to ``MOMENT_MIN``/``MOMENT_MAX``; any other is returned
    as it is. Business moments are never near either end (dates typed are 1970–2199)."""
    try:
        if MOMENT_MIN <= moment <= MOMENT_MAX:
            return moment
    except OverflowError:
        pass
    return MOMENT_MAX if moment.year > 5000 else MOMENT_MIN


def first_day_holding(first: date, last: date, holds: Callable[[date], bool]) -> date | None:
    """The first day from ``first`` to ``last`` on which ``holds`` (``None``: none), for a
    rule that, once it holds, holds every day after (something fell due and stays due):
    ``last`` is asked first, and most askers stop there."""
    if first > last or not holds(last):
        return None
    day = first
    while day <= last:
        if holds(day):
            return day
        day += timedelta(days=1)
    return None


def shift_days(d: date, days: int) -> date:
    """``d`` moved by ``days``, stopping at ``date.min``/``date.max`` instead of overflowing.

    For readers of stored dates, which may lie anywhere a ``date`` can (a workspace
    written by an older version, or by hand).
    """
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def week_bounds(d: date) -> tuple[date, date]:
    """The Monday and the Sunday of ``d``'s week (ISO weeks start on Monday)."""
    monday = shift_days(d, -d.weekday())
    return monday, shift_days(monday, 6)


def next_weekday(after: date, weekday: int) -> date:
    """The first date strictly after ``after`` that falls on ``weekday`` (Monday is 0)."""
    return after + timedelta(days=(weekday - after.weekday() - 1) % 7 + 1)


def _next_week(today: date) -> date:
    return week_bounds(today)[0] + timedelta(days=7)


def _end_of_week(today: date) -> date:
    return today + timedelta(days=(4 - today.weekday()) % 7)


def _next_month(today: date) -> date:
    return add_months(today.replace(day=1), 1)


_NAMED: Final[dict[words.NamedDate, Callable[[date], date]]] = {
    "next_week": _next_week,
    "end_of_week": _end_of_week,
    "end_of_month": end_of_month,
    "next_month": _next_month,
}


def _normalise(text: str) -> str:
    """Casefold, drop commas, split ``dec-5``/``next_week``, collapse spaces."""
    s = text.casefold().replace("_", " ").replace(",", " ")
    s = _SPLIT_HYPHEN_RE.sub(" ", s)
    return " ".join(s.split())


def _count(digits: str) -> int:
    if len(digits) > _MAX_COUNT_DIGITS:
        raise ParseError(_("{n} is too large a number for a date").format(n=digits))
    return int(digits)


def _shift(d: date, n: int, unit: words.DateUnit, text: str) -> date:
    try:
        if unit == "days":
            return d + timedelta(days=n)
        if unit == "weeks":
            return d + timedelta(weeks=n)
        if unit == "months":
            return add_months(d, n)
        return add_months(d, 12 * n)
    except OverflowError:
        raise ParseError(_("{text!r} is too far away").format(text=text)) from None


def _unit(word: str, text: str) -> words.DateUnit:
    unit = words.DATE_UNITS.get(word)
    if unit is None:
        raise ParseError(
            _("{text!r}: {unit!r} is not a unit; use d (days), w (weeks), m (months) or y (years)").format(
                text=text, unit=word
            )
        )
    return unit


def _count_and_unit(rest: str, text: str) -> tuple[int, words.DateUnit] | None:
    """``3 days``, ``3d``, ``a week`` → (count, unit); None when it is not that shape."""
    m = _COUNT_UNIT_RE.match(rest)
    if m is None:
        return None
    digits, word, unit_word = m.groups()
    if digits is not None:
        count = _count(digits)
    elif word in words.NUMBER_WORDS:
        count = words.NUMBER_WORDS[word]
    else:
        return None
    return count, _unit(unit_word, text)


def _make(year: int, month: int, day: int, text: str) -> date:
    """``date(year, month, day)`` or a ParseError that says what is wrong."""
    if not 1 <= month <= 12:
        raise ParseError(
            _("{text!r} is not a date: there is no month {month}").format(text=text, month=month)
        )
    if not date.min.year <= year <= date.max.year:
        raise ParseError(
            _("{text!r} is not a date: year {year} is out of range").format(text=text, year=year)
        )
    last = days_in_month(year, month)
    if not 1 <= day <= last:
        raise ParseError(
            _("{text!r} is not a date: {month} {year} has {n} days").format(
                text=text, month=_(words.MONTH_NAMES[month - 1]), year=year, n=last
            )
        )
    return date(year, month, day)


def _month_day(month: int, day: int, year: str | None, today: date, text: str) -> date:
    """A named month's day; without a year, the next one on or after ``today``."""
    if year is not None:
        return _make(int(year), month, day, text)
    longest = 29 if month == 2 else days_in_month(2000, month)
    if not 1 <= day <= longest:
        raise ParseError(
            _("{text!r} is not a date: {month} has at most {n} days").format(
                text=text, month=_(words.MONTH_NAMES[month - 1]), n=longest
            )
        )
    for y in range(today.year, min(today.year + 9, date.max.year + 1)):
        if day <= days_in_month(y, month) and date(y, month, day) >= today:
            return date(y, month, day)
    raise ParseError(_("{text!r} is too far away").format(text=text))


def _absolute(s: str, today: date, text: str) -> date | None:
    """An ISO date or a named month's day; None when ``s`` is neither."""
    m = _ISO_RE.match(s)
    if m is not None:
        return _make(int(m.group(1)), int(m.group(3)), int(m.group(4)), text)
    m = _MONTH_DAY_RE.match(s)
    if m is not None and m.group(1) in words.MONTHS:
        return _month_day(words.MONTHS[m.group(1)], int(m.group(2)), m.group(3), today, text)
    m = _DAY_MONTH_RE.match(s)
    if m is not None and m.group(2) in words.MONTHS:
        return _month_day(words.MONTHS[m.group(2)], int(m.group(1)), m.group(3), today, text)
    return None


def _relative(s: str, today: date, text: str) -> date | None:
    """Words and offsets relative to today; None when ``s`` is none of them."""
    if s in words.RELATIVE_DAYS:
        return today + timedelta(days=words.RELATIVE_DAYS[s])
    if s in words.NAMED_DATES:
        return _NAMED[words.NAMED_DATES[s]](today)
    if s in words.WEEKDAYS:
        return next_weekday(today, words.WEEKDAYS[s])
    m = _SIGNED_RE.match(s)
    if m is not None:
        sign, digits, unit_word = m.groups()
        if not unit_word:
            raise ParseError(
                _("{text!r}: add a unit, like {sign}{n}d (days), w, m or y").format(
                    text=text, sign=sign, n=digits
                )
            )
        n = _count(digits)
        return _shift(today, -n if sign == "-" else n, _unit(unit_word, text), text)
    first, _sep, rest = s.partition(" ")
    if first in words.IN_WORDS and rest:
        found = _count_and_unit(rest, text)
        if found is not None:
            return _shift(today, found[0], found[1], text)
    head, _sep, last = s.rpartition(" ")
    if last in words.AGO_WORDS and head:
        found = _count_and_unit(head, text)
        if found is not None:
            return _shift(today, -found[0], found[1], text)
    if first in words.NEXT_WORDS and rest in words.WEEKDAYS:
        day = next_weekday(today, words.WEEKDAYS[rest])
        raise ParseError(
            _("{text!r} is ambiguous: write {word!r} for {date}, or the date itself").format(
                text=text, word=rest, date=short_date(day, today)
            )
        )
    return None


def range_end(read: Callable[[date], date], start: date, today: date) -> date:
    """The last day of a range beginning on ``start``, ``read(reference)`` naming it: read from
    today, and when that falls before ``start``, read again from ``start`` — "mon fri" typed on
    a Tuesday is next Monday to the Friday after it, not a refusal. Whatever reads the same
    from today is unchanged."""
    end = read(today)
    if end < start:
        again = read(start)
        if again >= start:
            return again
    return end


def parse_date(text: str, today: date, date_order: str = "") -> date:
    """The date ``text`` names, relative to ``today``; ``ParseError`` when unclear.

    See the module docstring for every accepted form; Spanish forms are in
    ``vatui.domain.dates_es``, numeric ones (read in ``date_order``: the setting's
    ``dmy``, ``mdy``, ``ymd`` or empty) in ``vatui.domain.dates_numeric``.
    """
    stripped = " ".join(text.split())
    if not stripped:
        raise ParseError(_("no date given: {hint}").format(hint=_(_HINT)))
    if _AMBIGUOUS_RE.match(stripped):
        from vatui.domain.dates_numeric import parse_numeric

        return check_business_date(parse_numeric(stripped, today, date_order), stripped)
    s = date_to_english(_normalise(stripped))
    found = _relative(s, today, stripped)
    if found is None:
        found = _absolute(s, today, stripped)
    if found is None:
        first, _sep, rest = s.partition(" ")
        if first in words.WEEKDAYS and rest:
            found = _absolute(rest, today, stripped)
            if found is not None and found.weekday() != words.WEEKDAYS[first]:
                raise ParseError(
                    _("{text!r}: {date} is a {weekday}").format(
                        text=stripped, date=found.isoformat(), weekday=_(words.WEEKDAY_NAMES[found.weekday()])
                    )
                )
    if found is None:
        if _BARE_DAY_RE.match(s):
            raise ParseError(
                _('{text!r}: which month? write "{text} {month}" or YYYY-MM-DD').format(
                    text=stripped, month=_(words.MONTH_ABBR[today.month - 1]).casefold()
                )
            )
        raise ParseError(_("{text!r} is not a date I know: {hint}").format(text=stripped, hint=_(_HINT)))
    return check_business_date(found, stripped)


def short_date(d: date, today: date) -> str:
    """``"Fri 4 Dec"``, with the year when it is not ``today``'s: ``"Fri 4 Dec 2027"``.

    In the UI language (``vie 4 dic``): see ``vatui.domain.dates_display``.
    """
    from vatui.domain.dates_display import short_date as in_words

    return in_words(d, today)


def describe_date(d: date, today: date) -> str:
    """``d`` in words for a preview, relative to ``today``.

    ``"today"``, ``"tomorrow"``, ``"yesterday"``; within a week ``"in 3 days (Mon 30
    Nov)"`` or ``"2 days ago (Wed 25 Nov)"``; further away ``"Fri 4 Dec"`` (with the year
    when it differs from today's).
    """
    delta = (d - today).days
    if delta == 0:
        return _("today")
    if delta == 1:
        return _("tomorrow")
    if delta == -1:
        return _("yesterday")
    label = short_date(d, today)
    if 2 <= delta <= 6:
        return ngettext("in {n} day ({date})", "in {n} days ({date})", delta).format(n=delta, date=label)
    if -6 <= delta <= -2:
        return ngettext("{n} day ago ({date})", "{n} days ago ({date})", -delta).format(n=-delta, date=label)
    return label
