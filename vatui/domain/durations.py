"""Durations (estimates, logged time) in whole minutes.

``parse_duration`` accepts ``30m``, ``2h``, ``1h30m``, ``1h 30m``, ``1h30`` (minutes
after hours), ``1.5h``, ``1 hour 30 minutes``, ``90`` (a bare whole number is minutes)
and ``0:45``/``1:30`` (hours:minutes). It refuses, with a ``ParseError`` that says why,
an empty text, zero, a negative duration, a bare decimal (``1.5``: hours or minutes?), a
fraction of a minute (``1.33h``), and anything over a year of hours (24 × 365 h).

Hours and minutes are numbers like any other: read by ``vatui.domain.numbers.choose`` in
the workspace's number format (``decimal_comma``), so ``1,5h`` is 90 minutes with a decimal
comma and ``1.500h`` (1.5 or 1500 hours?) is refused naming both readings.

``format_duration`` writes the compact notation back (``1h30m``, ``45m``, ``2h``); it is
a notation, like an ISO date, so it is not translated, and it always parses back.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from vatui.domain import words
from vatui.domain.errors import InputError, ParseError
from vatui.domain.numbers import NumberFormat, choose, number_format
from vatui.i18n import _

MAX_MINUTES: Final = 24 * 365 * 60
"""The longest duration accepted: a year of round-the-clock hours."""
MAX_ENTRY_MINUTES: Final = 24 * 60
"""The longest one time entry may be: a day."""

LONG_TIMER_MINUTES: Final = 12 * 60
"""A timer that ran longer than this was probably forgotten: stopping it asks what to log."""

_HINT: Final = "try 30m, 1h30m, 1.5h, 90 or 0:45"
_MAX_DIGITS: Final = 9
_MAX_TEXT: Final = 100
_W: Final = r"[^\W\d_]"
_CLOCK_RE: Final = re.compile(r"^([0-9]+):([0-9]{2})$")
_WHOLE_RE: Final = re.compile(r"^[0-9]+$")
_DECIMAL_RE: Final = re.compile(r"^[0-9]*[.,][0-9.,]*$")
_PART_RE: Final = re.compile(rf"([0-9][0-9.,]*|[.,][0-9]+)({_W}+)")
_PLACES: Final = 4
_TAIL_MINUTES_RE: Final = re.compile(r"[0-9]{1,2}")


class _TooLong(Exception):
    """Raised while reading; ``parse_duration`` turns it into a message naming its limit."""


def _too_long(text: str) -> _TooLong:
    return _TooLong(text)


def _whole(digits: str, text: str) -> int:
    if len(digits) > _MAX_DIGITS:
        raise _too_long(text)
    return int(digits)


def _check_minutes_after_hours(hours_minutes: Decimal, minutes: Decimal | int, text: str) -> None:
    """``1h70m`` (1h70 too) could be 2h10m or a typo for 1h07m; ``1.5h30m`` mixes two
    ways of writing the part of an hour: both refused."""
    if hours_minutes % 60:
        raise ParseError(
            _("{text!r}: give whole hours before the minutes, like 1h30m, or hours alone, like 1.5h").format(
                text=text
            )
        )
    if minutes >= 60:
        raise ParseError(
            _(
                "{text!r}: the minutes after the hours must be under 60 (write {fixed} or the minutes alone)"
            ).format(text=text, fixed=format_duration(int(hours_minutes + minutes)))
        )


def _number(num: str, fmt: NumberFormat, text: str) -> Decimal:
    """A count of hours or minutes, read by the one number parser (``1,500h`` in a
    decimal-point workspace could be 1.5 or 1500 hours: refused naming both)."""
    if sum(c.isdigit() for c in num) > _MAX_DIGITS:
        raise _too_long(text)
    return choose(num, fmt, places=_PLACES, maximum=Decimal(10) ** _MAX_DIGITS, text=text).value


def _units(s: str, text: str, fmt: NumberFormat) -> Decimal:
    """Minutes in ``1h30m``-style text (spaces already removed)."""
    total = Decimal(0)
    seen: list[int] = []
    pos = 0
    while pos < len(s):
        m = _PART_RE.match(s, pos)
        if m is None:
            tail = s[pos:]
            if seen == [60] and _TAIL_MINUTES_RE.fullmatch(tail):
                _check_minutes_after_hours(total, int(tail), text)
                return total + int(tail)
            raise ParseError(_("{text!r} is not a duration: {hint}").format(text=text, hint=_(_HINT)))
        number, unit_word = m.groups()
        factor = words.DURATION_UNITS.get(unit_word)
        if factor is None:
            raise ParseError(
                _("{text!r}: {unit!r} is not a unit of time; use h (hours) or m (minutes)").format(
                    text=text, unit=unit_word
                )
            )
        if seen and factor >= seen[-1]:
            raise ParseError(_("{text!r}: give hours once, then minutes once, like 1h30m").format(text=text))
        value = _number(number, fmt, text)
        if seen:
            _check_minutes_after_hours(total, value, text)
        seen.append(factor)
        total += value * factor
        pos = m.end()
    return total


def parse_duration(
    text: str, decimal_comma: bool | NumberFormat = False, *, at_most: int = MAX_MINUTES
) -> int:
    """The number of minutes ``text`` names (always at least 1, at most ``at_most``: a time
    entry passes ``MAX_ENTRY_MINUTES``, and the message says that limit); ``ParseError`` otherwise.

    Decimals follow the workspace's number format (``1,5h`` with a decimal comma).
    """
    try:
        minutes = _parse_duration(text, decimal_comma)
    except _TooLong as long:
        shown = str(long.args[0])
    else:
        if minutes <= at_most:
            return minutes
        shown = " ".join(text.split())
    if at_most == MAX_ENTRY_MINUTES:
        raise ParseError(
            _("{text!r} is too long: one time entry holds at most {hours} hours").format(
                text=shown, hours=at_most // 60
            )
        )
    raise ParseError(_("{text!r} is too long: at most {hours} hours").format(text=shown, hours=at_most // 60))


def _parse_duration(text: str, decimal_comma: bool | NumberFormat) -> int:
    """``parse_duration`` up to ``MAX_MINUTES`` (``_TooLong`` past it)."""
    if len(text) > _MAX_TEXT:
        raise _too_long(text[:20] + "…")
    shown = " ".join(text.split())
    s = "".join(text.casefold().split())
    if not s:
        raise ParseError(_("no duration given: {hint}").format(hint=_(_HINT)))
    if s[0] in "-−":
        raise ParseError(_("{text!r}: a duration must be positive").format(text=shown))
    clock = _CLOCK_RE.match(s)
    if clock is not None:
        hours, mins = _whole(clock.group(1), shown), int(clock.group(2))
        if mins >= 60:
            raise ParseError(_("{text!r}: the minutes after ':' must be under 60").format(text=shown))
        total = Decimal(hours * 60 + mins)
    elif _WHOLE_RE.match(s):
        total = Decimal(_whole(s, shown))
    elif _DECIMAL_RE.match(s):
        raise ParseError(
            _("{text!r}: hours or minutes? write {text}h, or whole minutes like 90").format(text=shown)
        )
    else:
        total = _units(s, shown, number_format(decimal_comma))
    if total > MAX_MINUTES:
        raise _too_long(shown)
    if total != total.to_integral_value():
        raise ParseError(_("{text!r} is not a whole number of minutes").format(text=shown))
    if total <= 0:
        raise ParseError(_("{text!r}: a duration must be more than zero").format(text=shown))
    return int(total)


def format_duration(minutes: int) -> str:
    """The compact notation for ``minutes``: ``"1h30m"``, ``"45m"``, ``"2h"``, ``"0m"``."""
    if minutes < 0:
        return "-" + format_duration(-minutes)
    hours, mins = divmod(minutes, 60)
    if hours and mins:
        return f"{hours}h{mins}m"
    if hours:
        return f"{hours}h"
    return f"{mins}m"


def week_hours(minutes: int) -> str:
    """A week's total as Today's load line shows it: ``format_duration``, or ``"0h"``."""
    return format_duration(minutes) if minutes else "0h"


def check_minutes(minutes: int) -> int:
    """A duration for one entry: more than zero, at most 24 hours."""
    if minutes <= 0:
        raise InputError(_("the duration must be more than zero"))
    if minutes > MAX_ENTRY_MINUTES:
        raise InputError(_("one entry can hold at most 24 hours"))
    return minutes
