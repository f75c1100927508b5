"""Days off: a range of calendar days the VA does not work (holidays of their own)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from vatui.domain.dates import check_business_date
from vatui.domain.errors import InputError
from vatui.domain.records import Record
from vatui.domain.text import check_text
from vatui.i18n import _

MAX_TIMEOFF_NOTE: Final = 200
"""The longest note on a time-off record."""
MAX_TIMEOFF_DAYS: Final = 366
"""The longest time-off range, in days."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeOff(Record):
    """A range of days off, both ends included."""

    start: date
    """The first day off."""
    end: date
    """The last day off (on or after ``start``)."""
    note: str = ""
    """Why (``Vacation``, ``Dentist``), as the VA typed it."""

    def days(self) -> list[date]:
        """Every day of the range."""
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]


def check_note(note: str) -> str:
    """A time-off note: one line, no control characters, at most ``MAX_TIMEOFF_NOTE``."""
    return check_text(note, _("the note"), MAX_TIMEOFF_NOTE)


def check_range(start: date, end: date) -> tuple[date, date]:
    """``start`` and ``end`` in the business range, ``start`` ≤ ``end``, at most a year apart."""
    check_business_date(start)
    check_business_date(end)
    if end < start:
        raise InputError(
            _("the time off ends ({end}) before it starts ({start})").format(
                end=end.isoformat(), start=start.isoformat()
            )
        )
    if (end - start).days + 1 > MAX_TIMEOFF_DAYS:
        raise InputError(_("time off is at most {n} days at a time").format(n=MAX_TIMEOFF_DAYS))
    return start, end


def check_timeoff(record: TimeOff) -> TimeOff:
    """``record`` with its note cleaned, or ``InputError`` (the rules of ``check_range``)."""
    check_range(record.start, record.end)
    return record.with_(note=check_note(record.note))
