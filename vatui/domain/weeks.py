"""The VA's week: it starts on the day the ``week_start`` setting says."""

from __future__ import annotations

from datetime import date, timedelta

FIRST_WEEKDAY = {"monday": 0, "sunday": 6}
"""``week_start`` → Python's weekday number of the first day."""


def week_first_day(day: date, week_start: str = "monday") -> date:
    """The first day of the week ``day`` falls in (Monday, or Sunday with ``sunday``)."""
    first = FIRST_WEEKDAY.get(week_start, 0)
    return day - timedelta(days=(day.weekday() - first) % 7)
