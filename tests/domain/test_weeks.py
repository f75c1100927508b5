"""The VA's week starts on the day the setting says."""

from __future__ import annotations

from datetime import date

from vatui.domain.weeks import week_first_day


def test_week_first_day() -> None:
    friday = date(2026, 11, 27)
    assert week_first_day(friday) == date(2026, 11, 23)
    assert week_first_day(friday, "sunday") == date(2026, 11, 22)
    sunday = date(2026, 11, 29)
    assert week_first_day(sunday, "monday") == date(2026, 11, 23)
    assert week_first_day(sunday, "sunday") == sunday
    assert week_first_day(date(2026, 11, 23), "monday") == date(2026, 11, 23)
