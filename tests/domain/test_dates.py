"""parse_date, describe_date and week_bounds, on a fixed today (never the real clock)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vatui.domain import words
from vatui.domain.dates import (
    MAX_DATE,
    MIN_DATE,
    add_months,
    describe_date,
    in_business_range,
    parse_date,
    shift_days,
    short_date,
    week_bounds,
)
from vatui.domain.errors import InputError, ParseError

TODAY = date(2026, 11, 27)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", date(2026, 11, 27)),
        ("tomorrow", date(2026, 11, 28)),
        ("yesterday", date(2026, 11, 26)),
        ("  ToMoRrOw  ", date(2026, 11, 28)),
        # weekdays: strictly after today, so "fri" on a Friday is next week's
        ("fri", date(2026, 12, 4)),
        ("friday", date(2026, 12, 4)),
        ("sat", date(2026, 11, 28)),
        ("Monday", date(2026, 11, 30)),
        ("thu", date(2026, 12, 3)),
        ("next week", date(2026, 11, 30)),
        ("next   WEEK", date(2026, 11, 30)),
        ("next-week", date(2026, 11, 30)),
        ("eow", date(2026, 11, 27)),
        ("eom", date(2026, 11, 30)),
        ("next month", date(2026, 12, 1)),
        ("+3d", date(2026, 11, 30)),
        ("-2d", date(2026, 11, 25)),
        ("+2w", date(2026, 12, 11)),
        ("+1m", date(2026, 12, 27)),
        ("+1y", date(2027, 11, 27)),
        ("+ 3 days", date(2026, 11, 30)),
        ("in 3 days", date(2026, 11, 30)),
        ("in 2 weeks", date(2026, 12, 11)),
        ("in 1 month", date(2026, 12, 27)),
        ("in a week", date(2026, 12, 4)),
        ("in 3d", date(2026, 11, 30)),
        ("in-3-days", date(2026, 11, 30)),
        ("3 days ago", date(2026, 11, 24)),
        ("2026-12-05", date(2026, 12, 5)),
        ("2026-1-5", date(2026, 1, 5)),
        ("2026/12/05", date(2026, 12, 5)),
        ("dec 5", date(2026, 12, 5)),
        ("5 dec", date(2026, 12, 5)),
        ("December 5", date(2026, 12, 5)),
        ("5 december 2027", date(2027, 12, 5)),
        ("Dec 5, 2027", date(2027, 12, 5)),
        ("dec. 5", date(2026, 12, 5)),
        ("5th of december", date(2026, 12, 5)),
        ("dec 5th", date(2026, 12, 5)),
        ("dec-5", date(2026, 12, 5)),
        ("5-dec", date(2026, 12, 5)),
        ("5dec", date(2026, 12, 5)),
        ("dec5", date(2026, 12, 5)),
        ("sept 1", date(2027, 9, 1)),
        # no year: the next such date on or after today
        ("nov 27", date(2026, 11, 27)),
        ("nov 26", date(2027, 11, 26)),
        ("jan 5", date(2027, 1, 5)),
        ("feb 29", date(2028, 2, 29)),
        # a leading weekday (as describe_date writes it) is checked, then dropped
        ("Fri 4 Dec", date(2026, 12, 4)),
        ("fri, dec 4", date(2026, 12, 4)),
        ("Sun 5 Dec 2027", date(2027, 12, 5)),
    ],
)
def test_parse_date_accepts(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 23), date(2026, 11, 27)),  # Monday: this Friday
        (date(2026, 11, 26), date(2026, 11, 27)),  # Thursday: tomorrow
        (date(2026, 11, 27), date(2026, 11, 27)),  # Friday: today
        (date(2026, 11, 28), date(2026, 12, 4)),  # Saturday: next Friday
        (date(2026, 11, 29), date(2026, 12, 4)),  # Sunday: next Friday
    ],
)
def test_eow_is_the_coming_friday(today: date, expected: date) -> None:
    assert parse_date("eow", today) == expected


def test_next_week_on_a_sunday_is_tomorrow() -> None:
    assert parse_date("next week", date(2026, 11, 29)) == date(2026, 11, 30)


def test_eom_on_the_last_day_and_in_a_leap_february() -> None:
    assert parse_date("eom", date(2026, 11, 30)) == date(2026, 11, 30)
    assert parse_date("eom", date(2028, 2, 3)) == date(2028, 2, 29)


def test_month_offsets_clamp_to_the_month_end() -> None:
    assert parse_date("+1m", date(2026, 1, 31)) == date(2026, 2, 28)
    assert parse_date("+1m", date(2028, 1, 31)) == date(2028, 2, 29)
    assert parse_date("+1y", date(2028, 2, 29)) == date(2029, 2, 28)
    assert parse_date("-1m", date(2026, 3, 31)) == date(2026, 2, 28)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("03/04", "3 April", "4 March"),
        ("3.4", "3 April", "4 March"),
        ("03-04", "3 April", "4 March"),
        ("3/4", "3 April", "4 March"),
        ("3,4", "3 April", "4 March"),
        ("04.03.26", "4 March", "3 April"),
    ],
)
def test_ambiguous_numeric_dates_are_refused_naming_both_readings(text: str, first: str, second: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_date(text, TODAY)
    message = str(err.value)
    assert "ambiguous" in message
    assert f"{first} or {second}" in message
    assert "YYYY-MM-DD" in message
    assert "date_order" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/25/2026", date(2026, 12, 25)),
        ("25-12", date(2026, 12, 25)),
        ("13.5", date(2027, 5, 13)),
        ("15/12", date(2026, 12, 15)),
        ("12/15", date(2026, 12, 15)),
        ("5/5", date(2027, 5, 5)),
        ("27/11", TODAY),
        ("15.12.2027", date(2027, 12, 15)),
    ],
)
def test_numeric_dates_with_one_reading_are_accepted_without_a_date_order(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["31/02", "13/13", "0/5", "31/04/2027"])
def test_numeric_dates_with_no_reading_are_refused_and_say_how_to_write_them(text: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_date(text, TODAY)
    message = str(err.value)
    assert "ambiguous" not in message  # 31 cannot be a month: saying so would be wrong
    assert "not a date" in message
    assert "YYYY-MM-DD" in message and "4 mar" in message


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("2026-02-30", ("February 2026", "28 days")),
        ("2028-02-30", ("February 2028", "29 days")),
        ("feb 30", ("February", "29")),
        ("april 31", ("April", "30")),
        ("31 apr 2027", ("April 2027", "30")),
        ("2026-13-01", ("month 13",)),
        ("2026-00-10", ("month 0",)),
        ("dec 0", ("December",)),
    ],
)
def test_invalid_dates_say_what_is_wrong(text: str, fragments: tuple[str, ...]) -> None:
    with pytest.raises(ParseError) as err:
        parse_date(text, TODAY)
    for fragment in fragments:
        assert fragment in str(err.value)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "no date"),
        ("   ", "no date"),
        ("soon", "not a date"),
        ("+3", "add a unit"),
        ("in 3 parsecs", "not a unit"),
        ("next fri", "ambiguous"),
        ("sat 4 dec", "Friday"),
        ("5", "which month"),
        ("+9999999999d", "too large"),
        ("+99999y", "too far"),
        ("dec 5 27", "not a date"),
    ],
)
def test_unclear_text_is_refused(text: str, fragment: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_date(text, TODAY)
    assert fragment in str(err.value)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 11, 27), "today"),
        (date(2026, 11, 28), "tomorrow"),
        (date(2026, 11, 26), "yesterday"),
        (date(2026, 11, 30), "in 3 days (Mon 30 Nov)"),
        (date(2026, 12, 3), "in 6 days (Thu 3 Dec)"),
        (date(2026, 12, 4), "Fri 4 Dec"),
        (date(2026, 11, 25), "2 days ago (Wed 25 Nov)"),
        (date(2026, 11, 20), "Fri 20 Nov"),
        (date(2027, 1, 4), "Mon 4 Jan 2027"),
        (date(2025, 12, 25), "Thu 25 Dec 2025"),
    ],
)
def test_describe_date(d: date, expected: str) -> None:
    assert describe_date(d, TODAY) == expected


@pytest.mark.parametrize(
    ("d", "monday", "sunday"),
    [
        (date(2026, 11, 27), date(2026, 11, 23), date(2026, 11, 29)),
        (date(2026, 11, 23), date(2026, 11, 23), date(2026, 11, 29)),
        (date(2026, 11, 29), date(2026, 11, 23), date(2026, 11, 29)),
        (date(2027, 1, 1), date(2026, 12, 28), date(2027, 1, 3)),
    ],
)
def test_week_bounds(d: date, monday: date, sunday: date) -> None:
    assert week_bounds(d) == (monday, sunday)


dates = st.dates(min_value=MIN_DATE, max_value=MAX_DATE)
any_dates = st.dates()

# Pieces that make the parser take its interesting paths, glued together at random.
vocab = st.sampled_from(
    [
        *words.WEEKDAYS,
        *words.MONTHS,
        *words.RELATIVE_DAYS,
        *words.NAMED_DATES,
        "in",
        "ago",
        "next",
        "of",
        "+",
        "-",
        "/",
        ".",
        ",",
        " ",
        "3",
        "12",
        "31",
        "2026",
        "d",
        "w",
        "m",
        "y",
        "th",
        "0",
        "99999999",
        "\u0663",
        "\u00e9",
        "\n",
    ]
)
messy_text = st.one_of(
    st.text(), st.lists(vocab, max_size=6).map("".join), st.lists(vocab, max_size=5).map(" ".join)
)


@given(text=messy_text, today=dates)
def test_any_text_gives_a_date_or_a_parse_error(text: str, today: date) -> None:
    try:
        result = parse_date(text, today)
    except ParseError as exc:
        assert str(exc)
    else:
        assert isinstance(result, date)


@given(d=dates, today=dates)
def test_iso_dates_round_trip(d: date, today: date) -> None:
    assert parse_date(d.isoformat(), today) == d


@given(d=dates, today=dates, month_first=st.booleans())
def test_named_month_with_year_round_trips(d: date, today: date, month_first: bool) -> None:
    month = words.MONTH_ABBR[d.month - 1]
    text = f"{month} {d.day} {d.year}" if month_first else f"{d.day} {month} {d.year}"
    assert parse_date(text, today) == d


@given(today=dates, n=st.integers(min_value=0, max_value=20000))
def test_day_offsets_move_by_exactly_n_days(today: date, n: int) -> None:
    for text, expected in (
        (f"+{n}d", shift_days(today, n)),
        (f"-{n}d", shift_days(today, -n)),
        (f"in {n} days", shift_days(today, n)),
    ):
        if in_business_range(expected):
            assert parse_date(text, today) == expected
        else:
            with pytest.raises(ParseError, match="out of range"):
                parse_date(text, today)


@given(today=dates, weekday=st.sampled_from(sorted(words.WEEKDAYS)))
def test_weekday_names_are_strictly_after_today_and_within_a_week(today: date, weekday: str) -> None:
    ahead = (words.WEEKDAYS[weekday] - today.weekday() - 1) % 7 + 1
    expected = today + timedelta(days=ahead)
    if not in_business_range(expected):  # the last days of 2199: next Friday is past the range
        with pytest.raises(ParseError, match="out of range"):
            parse_date(weekday, today)
        return
    result = parse_date(weekday, today)
    assert result == expected
    assert result.weekday() == words.WEEKDAYS[weekday]
    assert today < result <= today + timedelta(days=7)


@given(today=dates, days_ahead=st.integers(min_value=0, max_value=3000))
def test_short_date_of_a_future_date_parses_back(today: date, days_ahead: int) -> None:
    d = min(today + timedelta(days=days_ahead), MAX_DATE)
    assert parse_date(short_date(d, today), today) == d


@given(d=any_dates)
def test_week_bounds_hold_the_date(d: date) -> None:
    monday, sunday = week_bounds(d)
    assert monday <= d <= sunday
    if date.min + timedelta(days=7) <= d <= date.max - timedelta(days=7):
        assert monday.weekday() == 0
        assert sunday - monday == timedelta(days=6)


@given(d=dates, months=st.integers(min_value=-120, max_value=120))
def test_add_months_keeps_the_day_or_clamps_to_the_month_end(d: date, months: int) -> None:
    moved = add_months(d, months)
    assert (moved.year * 12 + moved.month) - (d.year * 12 + d.month) == months
    assert moved.day == d.day or (moved.day < d.day and (moved + timedelta(days=1)).day == 1)


def test_parse_error_is_an_input_error() -> None:
    with pytest.raises(InputError):
        parse_date("03/04", TODAY)


# the business range ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "9999-12-17",
        "2200-01-01",
        "1969-12-31",
        "0001-01-01",
        "5 dec 2200",
        "dec 31 1969",
        "+200y",
        "-100y",
        "in 70000 days",
    ],
)
def test_dates_outside_the_business_range_are_refused(text: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_date(text, TODAY)
    message = str(err.value)
    assert "out of range" in message or "too far" in message
    if "out of range" in message:
        assert "1970-01-01" in message and "2199-12-31" in message


@pytest.mark.parametrize("text", ["1970-01-01", "2199-12-31", "1 jan 1970", "dec 31 2199"])
def test_the_ends_of_the_business_range_are_accepted(text: str) -> None:
    assert MIN_DATE <= parse_date(text, TODAY) <= MAX_DATE


def test_relative_dates_stop_at_the_end_of_the_range() -> None:
    assert parse_date("+1d", date(2199, 12, 30)) == MAX_DATE
    with pytest.raises(ParseError, match="out of range"):
        parse_date("tomorrow", MAX_DATE)
    with pytest.raises(ParseError, match="out of range"):
        parse_date("yesterday", MIN_DATE)


@given(d=any_dates, days=st.integers(min_value=-(10**6), max_value=10**6))
def test_shift_days_never_overflows(d: date, days: int) -> None:
    moved = shift_days(d, days)
    if days >= 0:
        assert moved >= d
    else:
        assert moved <= d


def test_shift_days_stops_at_the_ends_of_the_calendar() -> None:
    assert shift_days(date(9999, 12, 17), 30) == date.max
    assert shift_days(date(1, 1, 2), -3) == date.min
    assert week_bounds(date.max)[1] == date.max
    assert week_bounds(date.min)[0] == date.min
