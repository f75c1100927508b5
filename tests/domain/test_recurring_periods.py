"""Recurring invoices, the pure part: which periods a schedule has, which are due after its
marker, the catch-up cap, stopping, and the day rules (31 = the month's last day)."""

from __future__ import annotations

from datetime import date

import pytest

from vatui.domain.errors import InputError
from vatui.domain.recurring import (
    CATCH_UP_CAP,
    LAST_DAY,
    RecurringInvoice,
    check_day,
    check_every,
    default_day,
    due_periods,
    next_period,
    periods,
)


def schedule(day: int, start: date, **fields: object) -> RecurringInvoice:
    return RecurringInvoice(client_id=1, day=day, start=start, **fields)  # type: ignore[arg-type]


def test_day_31_is_the_last_day_of_every_month_february_included() -> None:
    s = schedule(LAST_DAY, date(2027, 1, 1))
    assert periods(s, date(2028, 3, 31))[:3] == [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31)]
    assert date(2028, 2, 29) in periods(s, date(2028, 3, 31)), "a leap year's February ends on the 29th"


def test_the_first_period_is_the_first_day_on_or_after_the_start() -> None:
    assert periods(schedule(1, date(2026, 12, 10)), date(2027, 2, 1)) == [date(2027, 1, 1), date(2027, 2, 1)]
    assert periods(schedule(10, date(2026, 12, 10)), date(2026, 12, 10)) == [date(2026, 12, 10)]
    assert periods(schedule(10, date(2026, 12, 10)), date(2026, 12, 9)) == []


def test_a_start_in_the_past_owes_every_period_since() -> None:
    s = schedule(15, date(2026, 9, 1))
    assert due_periods(s, date(2026, 11, 27)).make == (
        date(2026, 9, 15),
        date(2026, 10, 15),
        date(2026, 11, 15),
    )


def test_the_marker_says_what_was_made_already() -> None:
    s = schedule(15, date(2026, 9, 1), last_period=date(2026, 10, 15))
    due = due_periods(s, date(2026, 11, 27))
    assert due.make == (date(2026, 11, 15),)
    assert due.marker == date(2026, 11, 15)
    assert due_periods(s.with_(last_period=date(2026, 11, 15)), date(2026, 11, 27)).marker is None


def test_catching_up_is_capped_at_twelve_drafts_the_latest_ones() -> None:
    s = schedule(1, date(2024, 1, 1), last_period=date(2024, 12, 1))
    due = due_periods(s, date(2026, 11, 27))  # Jan 2025 … Nov 2026: 23 periods missed
    assert len(due.make) == CATCH_UP_CAP == 12
    assert due.make[0] == date(2025, 12, 1) and due.make[-1] == date(2026, 11, 1)
    assert len(due.skipped) == 11 and due.skipped[0] == date(2025, 1, 1)
    assert due.marker == date(2026, 11, 1)


def test_a_stopped_schedule_owes_nothing_after_the_day_it_stopped() -> None:
    s = schedule(1, date(2026, 9, 1), stopped_on=date(2026, 10, 20))
    assert due_periods(s, date(2026, 12, 27)).make == (date(2026, 9, 1), date(2026, 10, 1))
    assert next_period(s, date(2026, 11, 27)) is None


def test_next_period() -> None:
    assert next_period(schedule(LAST_DAY, date(2026, 1, 1)), date(2027, 2, 28)) == date(2027, 3, 31)
    assert next_period(schedule(1, date(2027, 6, 1)), date(2026, 11, 27)) == date(2027, 6, 1)
    assert next_period(schedule(27, date(2026, 1, 1)), date(2026, 11, 27)) == date(2026, 12, 27)


@pytest.mark.parametrize("day", [0, 29, 30, 32, -1])
def test_days_other_than_1_to_28_or_31_are_refused(day: int) -> None:
    with pytest.raises(InputError, match="1 to 28, or 31"):
        check_day(day)


def test_the_default_day_is_the_start_s_own_or_the_last() -> None:
    assert default_day(date(2026, 12, 5)) == 5
    assert default_day(date(2026, 12, 30)) == LAST_DAY
    assert check_every("monthly") == "month"
    with pytest.raises(InputError):
        check_every("week")
