"""Recurrence: parsing, its canonical form, and the next occurrence."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vatui.domain.errors import InputError, ParseError
from vatui.domain.recurrence import LAST_DAY, MAX_INTERVAL, Recurrence


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("daily", "daily"),
        ("day", "daily"),
        ("1d", "daily"),
        ("every day", "daily"),
        ("weekdays", "weekdays"),
        ("Weekly", "weekly"),
        ("week", "weekly"),
        ("1w", "weekly"),
        ("monthly", "monthly"),
        ("month", "monthly"),
        ("yearly", "yearly"),
        ("annually", "yearly"),
        ("monday", "monday"),
        ("Mon", "monday"),
        ("every Monday", "monday"),
        ("fridays", "friday"),
        ("2w", "2w"),
        ("3d", "3d"),
        ("2m", "2m"),
        ("2y", "2y"),
        ("every 2 weeks", "2w"),
        ("3 days", "3d"),
        ("1st", "1st"),
        ("2nd", "2nd"),
        ("15th", "15th"),
        ("22nd", "22nd"),
        ("31st", "31st"),
        ("last", "last"),
        ("eom", "last"),
    ],
)
def test_parse_and_canonical_form(text: str, canonical: str) -> None:
    rule = Recurrence.parse(text)
    assert rule.to_str() == canonical
    assert Recurrence.parse(canonical) == rule


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "no recurrence"),
        ("every", "not a recurrence"),
        ("fortnightly", "not a recurrence"),
        ("0d", "between 1 and"),
        ("1000w", "between 1 and"),
        ("99999999999d", "between 1 and"),
        ("32nd", "1 to 31"),
        ("0th", "1 to 31"),
        ("2x", "not a recurrence"),
    ],
)
def test_parse_refuses(text: str, fragment: str) -> None:
    with pytest.raises(ParseError) as err:
        Recurrence.parse(text)
    assert fragment in str(err.value)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"unit": "week", "interval": 2, "weekday": 0},
        {"unit": "day", "weekday": 0},
        {"unit": "week", "weekday": 7},
        {"unit": "week", "monthday": 3},
        {"unit": "month", "monthday": 32},
        {"unit": "week", "workdays": True},
        {"unit": "day", "interval": 0},
        {"unit": "fortnight"},
    ],
)
def test_inconsistent_rules_cannot_be_built(kwargs: dict[str, object]) -> None:
    with pytest.raises(InputError):
        Recurrence(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "after", "expected"),
    [
        ("daily", date(2026, 11, 27), date(2026, 11, 28)),
        ("3d", date(2026, 11, 27), date(2026, 11, 30)),
        ("weekly", date(2026, 11, 27), date(2026, 12, 4)),
        ("2w", date(2026, 11, 27), date(2026, 12, 11)),
        ("monthly", date(2026, 1, 31), date(2026, 2, 28)),
        ("monthly", date(2028, 1, 31), date(2028, 2, 29)),
        ("monthly", date(2026, 11, 27), date(2026, 12, 27)),
        ("2m", date(2026, 12, 31), date(2027, 2, 28)),
        ("yearly", date(2028, 2, 29), date(2029, 2, 28)),
        ("weekdays", date(2026, 11, 27), date(2026, 11, 30)),  # Friday → Monday
        ("weekdays", date(2026, 11, 28), date(2026, 11, 30)),  # Saturday → Monday
        ("weekdays", date(2026, 11, 29), date(2026, 11, 30)),  # Sunday → Monday
        ("weekdays", date(2026, 11, 25), date(2026, 11, 26)),  # Wednesday → Thursday
        ("monday", date(2026, 11, 27), date(2026, 11, 30)),
        ("monday", date(2026, 11, 30), date(2026, 12, 7)),  # strictly after
        ("15th", date(2026, 11, 14), date(2026, 11, 15)),
        ("15th", date(2026, 11, 15), date(2026, 12, 15)),
        ("1st", date(2026, 12, 1), date(2027, 1, 1)),
        ("31st", date(2026, 4, 15), date(2026, 4, 30)),
        ("31st", date(2026, 4, 30), date(2026, 5, 31)),
        ("31st", date(2026, 1, 31), date(2026, 2, 28)),
        ("last", date(2026, 1, 31), date(2026, 2, 28)),
        ("last", date(2026, 2, 10), date(2026, 2, 28)),
        ("last", date(2028, 2, 28), date(2028, 2, 29)),
    ],
)
def test_next_occurrence(text: str, after: date, expected: date) -> None:
    assert Recurrence.parse(text).next_occurrence(after) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("daily", "every day"),
        ("3d", "every 3 days"),
        ("2w", "every 2 weeks"),
        ("monday", "every Monday"),
        ("weekdays", "every weekday (Mon–Fri)"),
        ("15th", "on day 15 of every month"),
        ("last", "on the last day of every month"),
        ("yearly", "every year"),
    ],
)
def test_describe(text: str, expected: str) -> None:
    assert Recurrence.parse(text).describe() == expected


rules = st.one_of(
    st.builds(
        Recurrence,
        unit=st.sampled_from(["day", "week", "month", "year"]),
        interval=st.integers(min_value=1, max_value=MAX_INTERVAL),
    ),
    st.builds(Recurrence, unit=st.just("week"), weekday=st.integers(min_value=0, max_value=6)),
    st.builds(
        Recurrence,
        unit=st.just("month"),
        monthday=st.one_of(st.just(LAST_DAY), st.integers(min_value=1, max_value=31)),
    ),
    st.just(Recurrence("day", workdays=True)),
)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(5000, 12, 31))


@given(rule=rules, after=dates)
def test_next_occurrence_is_strictly_after(rule: Recurrence, after: date) -> None:
    nxt = rule.next_occurrence(after)
    assert nxt > after
    if rule.weekday is not None:
        assert nxt.weekday() == rule.weekday
        assert nxt - after <= timedelta(days=7)
    if rule.workdays:
        assert nxt.weekday() < 5
        # no working day is skipped
        skipped = [after + timedelta(days=i) for i in range(1, (nxt - after).days)]
        assert all(day.weekday() >= 5 for day in skipped)
    if rule.monthday is not None:
        assert (nxt.year * 12 + nxt.month) - (after.year * 12 + after.month) in (0, 1)
        is_last = (nxt + timedelta(days=1)).day == 1
        assert nxt.day == rule.monthday or is_last


@given(rule=rules)
def test_canonical_form_round_trips(rule: Recurrence) -> None:
    assert Recurrence.parse(rule.to_str()) == rule
    assert Recurrence.parse(f"every {rule.to_str().upper()}") == rule
    assert rule.describe()


pieces = st.sampled_from(
    [
        "every",
        " ",
        "2",
        "31",
        "st",
        "th",
        "w",
        "d",
        "m",
        "y",
        "monday",
        "last",
        "weekdays",
        "0",
        "\u0663",
        "s",
    ]
)


@given(text=st.one_of(st.text(), st.lists(pieces, max_size=5).map("".join)))
def test_any_text_gives_a_rule_or_a_parse_error(text: str) -> None:
    try:
        rule = Recurrence.parse(text)
    except ParseError as exc:
        assert str(exc)
    else:
        assert Recurrence.parse(rule.to_str()) == rule
