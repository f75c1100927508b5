"""How a task or an expense repeats, and when it comes next.

``Recurrence.parse`` accepts (case-insensitive, an optional leading ``every``):

==========================  ============================  ===================
typed                       meaning                       canonical ``to_str``
==========================  ============================  ===================
``daily``, ``day``          every day                     ``daily``
``weekdays``                every Monday to Friday        ``weekdays``
``weekly``, ``week``        every 7 days                  ``weekly``
``monthly``, ``month``      every month, same day         ``monthly``
``yearly``, ``year``        every year, same day          ``yearly``
``monday``, ``mon``         every Monday                  ``monday``
``3d``, ``2w``, ``2m``      every 3 days, 2 weeks, ...    ``3d``, ``2w``, ``2m``
``1st``, ``15th``, ``31st`` that day of every month       ``1st``, ``15th``
``last``                    last day of every month       ``last``
==========================  ============================  ===================

Spanish is read too (``vatui.domain.dates_es``): ``cada lunes``, ``lunes``, ``diario``,
``cada día``, ``semanal``, ``cada semana``, ``mensual``, ``cada mes``, ``anual``,
``laborables``, ``2 semanas``, ``el 15``, ``último``.

``to_str`` is stable: it is what the store keeps, and ``parse`` reads it back.

Month and year steps clamp to the month's end (Jan 31 monthly → Feb 28/29), and, since a
step starts from the previous occurrence, continue from there (→ Mar 28). For "the end
of every month" use ``last``; for a fixed day, ``31st`` (Apr 30, May 31, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from vatui.domain import words
from vatui.domain.dates import add_months, days_in_month, in_business_range, next_weekday
from vatui.domain.dates_display import weekday_name
from vatui.domain.dates_es import recurrence_to_english
from vatui.domain.errors import InputError, ParseError
from vatui.i18n import N_, _, ngettext

LAST_DAY: Final = -1
"""``Recurrence.monthday`` for the last day of the month."""

MAX_INTERVAL: Final = 999
"""The largest step accepted (999 days, weeks, months or years)."""

_W: Final = r"[^\W\d_]"
_INTERVAL_RE: Final = re.compile(rf"^([0-9]+)\s*({_W}+)$")
_MONTHDAY_RE: Final = re.compile(rf"^([0-9]{{1,2}})(?:{'|'.join(words.ORDINAL_SUFFIXES)})$")
_UNIT_LETTER: Final[dict[words.RecurrenceUnit, str]] = {
    "day": "d",
    "week": "w",
    "month": "m",
    "year": "y",
}
_ONE_WORD: Final[dict[words.RecurrenceUnit, str]] = {
    "day": "daily",
    "week": "weekly",
    "month": "monthly",
    "year": "yearly",
}
_WEEKDAY_CANON: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_HINT: Final = N_("try daily, weekdays, weekly, monthly, yearly, monday, 2w, 3d, 15th or last")


def _ordinal(day: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``22nd`` (the canonical, untranslated form)."""
    if 10 <= day % 100 <= 20:
        return f"{day}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


@dataclass(frozen=True, slots=True)
class Recurrence:
    """A repeat rule. Build one with ``Recurrence.parse``; the fields are checked."""

    unit: words.RecurrenceUnit
    """The step: ``"day"``, ``"week"``, ``"month"`` or ``"year"``."""
    interval: int = 1
    """How many units between occurrences (1 to ``MAX_INTERVAL``)."""
    weekday: int | None = None
    """With unit ``"week"`` and interval 1: the weekday it falls on (Monday is 0)."""
    monthday: int | None = None
    """With unit ``"month"`` and interval 1: the day of the month (1–31, or ``LAST_DAY``)."""
    workdays: bool = False
    """With unit ``"day"`` and interval 1: only Monday to Friday."""

    def __post_init__(self) -> None:
        if self.unit not in _UNIT_LETTER:
            raise InputError(_("{unit!r} is not a recurrence unit").format(unit=self.unit))
        if not 1 <= self.interval <= MAX_INTERVAL:
            raise InputError(_("a recurrence step must be between 1 and {n}").format(n=MAX_INTERVAL))
        if self.weekday is not None and (self.unit != "week" or not 0 <= self.weekday <= 6):
            raise InputError(_("a weekday goes with a weekly recurrence only"))
        if self.monthday is not None and (
            self.unit != "month" or not (self.monthday == LAST_DAY or 1 <= self.monthday <= 31)
        ):
            raise InputError(_("a day of the month goes with a monthly recurrence only"))
        if self.workdays and self.unit != "day":
            raise InputError(_("weekdays go with a daily recurrence only"))
        if (self.weekday is not None or self.monthday is not None or self.workdays) and (self.interval != 1):
            raise InputError(_("a fixed day repeats every week or month, not every few"))

    @classmethod
    def parse(cls, text: str) -> Recurrence:
        """The rule ``text`` names (see the module docstring); ``ParseError`` otherwise."""
        shown = " ".join(text.split())
        s = recurrence_to_english(shown.casefold())
        first, _sep, rest = s.partition(" ")
        if first in words.EVERY_WORDS and rest:
            s = rest
        if not s:
            raise ParseError(_("no recurrence given: {hint}").format(hint=_(_HINT)))
        if s in words.RECURRENCE_WORDS:
            return cls(words.RECURRENCE_WORDS[s])
        if s in words.WORKDAY_WORDS:
            return cls("day", workdays=True)
        day_name = s if s in words.WEEKDAYS else s.removesuffix("s")
        if day_name in words.WEEKDAYS:
            return cls("week", weekday=words.WEEKDAYS[day_name])
        if s in words.LAST_WORDS:
            return cls("month", monthday=LAST_DAY)
        m = _MONTHDAY_RE.match(s)
        if m is not None:
            day = int(m.group(1))
            if not 1 <= day <= 31:
                raise ParseError(_("{text!r}: a month has days 1 to 31").format(text=shown))
            return cls("month", monthday=day)
        m = _INTERVAL_RE.match(s)
        if m is not None and m.group(2) in words.RECURRENCE_UNITS:
            digits = m.group(1)
            if len(digits) > 3 or not 1 <= int(digits) <= MAX_INTERVAL:
                raise ParseError(
                    _("{text!r}: the step must be between 1 and {n}").format(text=shown, n=MAX_INTERVAL)
                )
            return cls(words.RECURRENCE_UNITS[m.group(2)], interval=int(digits))
        raise ParseError(_("{text!r} is not a recurrence: {hint}").format(text=shown, hint=_(_HINT)))

    def to_str(self) -> str:
        """The canonical form, which ``parse`` reads back to an equal rule."""
        if self.workdays:
            return "weekdays"
        if self.weekday is not None:
            return _WEEKDAY_CANON[self.weekday]
        if self.monthday is not None:
            return "last" if self.monthday == LAST_DAY else _ordinal(self.monthday)
        if self.interval == 1:
            return _ONE_WORD[self.unit]
        return f"{self.interval}{_UNIT_LETTER[self.unit]}"

    def __str__(self) -> str:
        return self.to_str()

    def describe(self) -> str:
        """The rule in words for the user: ``"every Monday"``, ``"every 2 weeks"``."""
        if self.workdays:
            return _("every weekday (Mon–Fri)")
        if self.weekday is not None:
            return _("every {weekday}").format(weekday=weekday_name(self.weekday))
        if self.monthday == LAST_DAY:
            return _("on the last day of every month")
        if self.monthday is not None:
            return _("on day {day} of every month").format(day=self.monthday)
        n = self.interval
        if self.unit == "day":
            return ngettext("every day", "every {n} days", n).format(n=n)
        if self.unit == "week":
            return ngettext("every week", "every {n} weeks", n).format(n=n)
        if self.unit == "month":
            return ngettext("every month", "every {n} months", n).format(n=n)
        return ngettext("every year", "every {n} years", n).format(n=n)

    def next_occurrence(self, after: date) -> date:
        """The first date of this rule strictly after ``after`` (the current occurrence).

        Raises ``OverflowError`` only past the last date Python can hold.
        """
        if self.workdays:
            step = {4: 3, 5: 2}.get(after.weekday(), 1)
            return after + timedelta(days=step)
        if self.weekday is not None:
            return next_weekday(after, self.weekday)
        if self.monthday is not None:
            found = _day_of_month(after, self.monthday)
            if found > after:
                return found
            return _day_of_month(add_months(after.replace(day=1), 1), self.monthday)
        if self.unit == "day":
            return after + timedelta(days=self.interval)
        if self.unit == "week":
            return after + timedelta(weeks=self.interval)
        if self.unit == "month":
            return add_months(after, self.interval)
        return add_months(after, 12 * self.interval)

    def next_in_range(self, after: date) -> date | None:
        """``next_occurrence``, or ``None`` when it would pass ``MAX_DATE``: the series ends
        there (vatui never stores a date it would refuse to read back)."""
        try:
            found = self.next_occurrence(after)
        except OverflowError:
            return None
        return found if in_business_range(found) else None


def _day_of_month(in_month: date, monthday: int) -> date:
    """Day ``monthday`` of ``in_month``'s month, clamped to its last day."""
    last = days_in_month(in_month.year, in_month.month)
    day = last if monthday == LAST_DAY else min(monthday, last)
    return in_month.replace(day=day)
