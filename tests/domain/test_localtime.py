"""A client's clock: local time, working hours, DST changes, half-hour zones."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vatui.domain.errors import InputError
from vatui.domain.localtime import (
    check_zone,
    complete_zone,
    inside,
    local_time,
    parse_hhmm,
    parse_hours,
)


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def test_label_outside_hours() -> None:
    # Wed 2026-11-25 03:40 UTC is 22:40 on Tue in New York (EST, UTC-5).
    lt = local_time(at(2026, 11, 25, 3, 40), "America/New_York", "09:00", "17:30")
    assert lt.hhmm == "22:40"
    assert not lt.inside_hours
    assert lt.label() == "22:40 there, outside hours"


def test_label_inside_hours_and_end_is_exclusive() -> None:
    lt = local_time(at(2026, 11, 25, 14, 0), "America/New_York", "09:00", "17:30")
    assert lt.label() == "09:00 there, inside hours"
    end = local_time(at(2026, 11, 25, 22, 30), "America/New_York", "09:00", "17:30")
    assert end.hhmm == "17:30" and not end.inside_hours


def test_weekend_is_outside_hours() -> None:
    lt = local_time(at(2026, 11, 28, 15, 0), "Europe/London")
    assert lt.weekend and not lt.inside_hours
    assert lt.label() == "Sat 15:00 there, weekend"


def test_new_york_spring_forward() -> None:
    # 2026-03-08: clocks go from 02:00 EST to 03:00 EDT (07:00 UTC).
    before = local_time(at(2026, 3, 8, 6, 59), "America/New_York")
    after = local_time(at(2026, 3, 8, 7, 0), "America/New_York")
    assert before.hhmm == "01:59" and before.offset_minutes == -300
    assert after.hhmm == "03:00" and after.offset_minutes == -240
    # The same UTC moment is outside hours on Friday before and inside on Monday after.
    friday = local_time(at(2026, 3, 6, 13, 30), "America/New_York")
    monday = local_time(at(2026, 3, 9, 13, 30), "America/New_York")
    assert friday.hhmm == "08:30" and not friday.inside_hours
    assert monday.hhmm == "09:30" and monday.inside_hours


def test_new_york_fall_back() -> None:
    # 2026-11-01: 02:00 EDT back to 01:00 EST (06:00 UTC); 01:30 happens twice.
    first = local_time(at(2026, 11, 1, 5, 30), "America/New_York")
    second = local_time(at(2026, 11, 1, 6, 30), "America/New_York")
    assert first.hhmm == second.hhmm == "01:30"
    assert first.offset_minutes == -240 and second.offset_minutes == -300


def test_london_bst_starts() -> None:
    # 2026-03-29 01:00 UTC: London goes from GMT to BST.
    before = local_time(at(2026, 3, 27, 8, 30), "Europe/London")
    after = local_time(at(2026, 3, 30, 8, 30), "Europe/London")
    assert before.hhmm == "08:30" and not before.inside_hours
    assert after.hhmm == "09:30" and after.inside_hours
    assert after.offset_minutes == 60


def test_kolkata_half_hour_offset() -> None:
    lt = local_time(at(2026, 11, 27, 3, 15), "Asia/Kolkata")
    assert lt.hhmm == "08:45" and lt.offset_minutes == 330 and not lt.inside_hours
    assert local_time(at(2026, 11, 27, 3, 30), "Asia/Kolkata").inside_hours
    assert lt.difference_from(0) == "+5h30"
    assert lt.difference_from(330) == "same time"


def test_night_shift_wraps_midnight() -> None:
    assert inside(23 * 60, 22 * 60, 6 * 60)
    assert inside(60, 22 * 60, 6 * 60)
    assert not inside(12 * 60, 22 * 60, 6 * 60)
    lt = local_time(at(2026, 11, 25, 23, 30), "UTC", "22:00", "06:00")
    assert lt.inside_hours


def test_parse_hours() -> None:
    assert parse_hours("9:00-17:30") == ("09:00", "17:30")
    assert parse_hours("09:00–17:00") == ("09:00", "17:00")
    for bad in ("9-5", "25:00-26:00", "09:00", "09:00-09:00", "9:60-10:00"):
        with pytest.raises(InputError):
            parse_hours(bad)


@given(st.integers(0, 23), st.integers(0, 59))
def test_hhmm_round_trip(h: int, m: int) -> None:
    assert parse_hhmm(f"{h:02d}:{m:02d}") == h * 60 + m


def test_zones_checked_and_completed() -> None:
    assert check_zone(" Europe/Madrid ") == "Europe/Madrid"
    assert check_zone("utc") == "UTC"
    for bad in ("Mars/Olympus", "", "Europe"):
        with pytest.raises(InputError):
            check_zone(bad)
    assert complete_zone("america/new")[0] == "America/New_York"
    assert "Asia/Kolkata" in complete_zone("kolk")
    assert complete_zone("") == []


def test_naive_moment_refused() -> None:
    with pytest.raises(ValueError):
        local_time(datetime(2026, 1, 1), "UTC")
