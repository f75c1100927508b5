"""parse_duration and format_duration."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vatui.domain.durations import MAX_MINUTES, format_duration, parse_duration
from vatui.domain.errors import ParseError


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("30m", 30),
        ("1h30m", 90),
        ("1h 30m", 90),
        ("1H30M", 90),
        ("1h30", 90),
        ("1.5h", 90),
        ("0.25h", 15),
        (".5h", 30),
        ("2h", 120),
        ("90", 90),
        ("0:45", 45),
        ("1:30", 90),
        ("10:05", 605),
        ("1 hour 30 minutes", 90),
        ("2 hrs", 120),
        ("45 min", 45),
        ("  3h  ", 180),
        ("8760h", MAX_MINUTES),
    ],
)
def test_parse_duration_accepts(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "no duration"),
        ("   ", "no duration"),
        ("0", "more than zero"),
        ("0m", "more than zero"),
        ("0:00", "more than zero"),
        ("-30m", "positive"),
        ("-5", "positive"),
        ("1.5", "hours or minutes"),
        ("1.33h", "whole number of minutes"),
        ("0.5m", "whole number of minutes"),
        ("8761h", "too long"),
        ("525601", "too long"),
        ("99999999999999999999", "too long"),
        ("1:75", "under 60"),
        ("2x", "not a unit"),
        ("2d", "not a unit"),
        ("30m1h", "hours once"),
        ("1h2h", "hours once"),
        ("abc", "not a duration"),
        ("1h30m15", "not a duration"),
    ],
)
def test_parse_duration_refuses(text: str, fragment: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_duration(text)
    assert fragment in str(err.value)


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(90, "1h30m"), (45, "45m"), (120, "2h"), (0, "0m"), (61, "1h1m"), (-90, "-1h30m")],
)
def test_format_duration(minutes: int, text: str) -> None:
    assert format_duration(minutes) == text


positive_minutes = st.integers(min_value=1, max_value=MAX_MINUTES)


@given(minutes=positive_minutes)
def test_format_then_parse_round_trips(minutes: int) -> None:
    assert parse_duration(format_duration(minutes)) == minutes


@given(minutes=positive_minutes)
def test_bare_minutes_and_clock_forms_round_trip(minutes: int) -> None:
    hours, mins = divmod(minutes, 60)
    assert parse_duration(str(minutes)) == minutes
    assert parse_duration(f"{hours}:{mins:02d}") == minutes


pieces = st.sampled_from(["1", "30", "0", ".", ":", "h", "m", "min", "hours", " ", "-", "d", "5", "\u0663"])


@given(text=st.one_of(st.text(), st.lists(pieces, max_size=8).map("".join)))
def test_any_text_gives_minutes_or_a_parse_error(text: str) -> None:
    try:
        minutes = parse_duration(text)
    except ParseError as exc:
        assert str(exc)
    else:
        assert 1 <= minutes <= MAX_MINUTES


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("1h70m", "2h10m"),
        ("1h70", "under 60"),
        ("2h 60m", "3h"),
        ("1h60", "under 60"),
        ("1.5h30m", "whole hours"),
        ("0.5h 10m", "whole hours"),
    ],
)
def test_minutes_after_hours_must_be_under_an_hour(text: str, fragment: str) -> None:
    with pytest.raises(ParseError, match=r"60|whole hours") as err:
        parse_duration(text)
    assert fragment in str(err.value)


@pytest.mark.parametrize(("text", "minutes"), [("1h59m", 119), ("1h 5", 65), ("70m", 70), ("2h0m", 120)])
def test_minutes_under_an_hour_after_hours_still_parse(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


def test_decimals_of_a_duration_follow_the_number_format() -> None:
    assert parse_duration("1,5h", decimal_comma=True) == 90
    assert parse_duration("1.5h") == 90
    with pytest.raises(ParseError, match="write 1,5"):
        parse_duration("1.5h", decimal_comma=True)
    with pytest.raises(ParseError, match=r"write 1\.5"):
        parse_duration("1,5h")


@pytest.mark.parametrize("text", ["1.500h", "1,500h", "2.000m"])
def test_a_duration_readable_two_ways_is_refused_naming_both(text: str) -> None:
    with pytest.raises(ParseError, match="could be"):
        parse_duration(text)


def test_a_huge_duration_text_is_refused_at_once() -> None:
    with pytest.raises(ParseError, match="too long"):
        parse_duration("1h" * 10000)


def test_a_time_entry_duration_names_the_entry_limit() -> None:
    from vatui.domain.durations import MAX_ENTRY_MINUTES

    assert parse_duration("24h", at_most=MAX_ENTRY_MINUTES) == 24 * 60
    for text in ("24h1m", "99999h", "9" * 12):
        with pytest.raises(ParseError, match="one time entry holds at most 24 hours"):
            parse_duration(text, at_most=MAX_ENTRY_MINUTES)
    with pytest.raises(ParseError, match="at most 8760 hours"):
        parse_duration("99999h")
