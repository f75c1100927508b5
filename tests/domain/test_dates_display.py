"""Dates in words in the VA's language: ``vie 4 dic``, ``hace 3 días``; English unchanged."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vatui import i18n
from vatui.domain import dates_display
from vatui.domain.dates import short_date
from vatui.domain.dates_display import (
    day_month,
    format_date,
    month_name,
    relative_days,
    weekday_name,
)
from vatui.domain.quickadd import describe, parse_quick_add
from vatui.domain.recurrence import Recurrence

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("day", "language", "expected"),
    [
        (date(2026, 12, 4), "en", "Fri 4 Dec"),
        (date(2026, 12, 4), "es", "vie 4 dic"),
        (date(2027, 12, 4), "en", "Sat 4 Dec 2027"),
        (date(2027, 12, 4), "es", "sáb 4 dic 2027"),
        (date(2026, 9, 1), "es", "mar 1 sept"),
        (date(2026, 12, 4), "es_CO", "vie 4 dic"),
        (date(2026, 12, 4), "xx", "Fri 4 Dec"),  # no locale data: English
    ],
)
def test_short_date_in_the_language(day: date, language: str, expected: str) -> None:
    assert dates_display.short_date(day, TODAY, language) == expected


@pytest.mark.parametrize(
    ("day", "language", "expected"),
    [
        (date(2026, 11, 24), "en", "3 days ago"),
        (date(2026, 11, 24), "es", "hace 3 días"),
        (date(2026, 11, 26), "es", "hace 1 día"),
        (date(2026, 11, 29), "en", "in 2 days"),
        (date(2026, 11, 29), "es", "dentro de 2 días"),
        (TODAY, "en", "today"),
    ],
)
def test_relative_days_in_the_language(day: date, language: str, expected: str) -> None:
    assert relative_days(day, TODAY, language) == expected


def test_names_and_patterns() -> None:
    assert weekday_name(2, "es") == "miércoles"
    assert month_name(12, "es") == "diciembre"
    assert month_name(12, "en") == "December"
    assert day_month(date(2026, 4, 3), language="es") == "3 de abril"
    assert day_month(date(2026, 4, 3), language="en") == "3 April"
    assert format_date(date(2026, 12, 4), "%a %d %b %Y", "es") == "vie 04 dic 2026"
    assert format_date(date(2026, 12, 4), "%a %d %b %Y", "en") == "Fri 04 Dec 2026"
    assert format_date(date(2026, 12, 4), "%B %Y", "es") == "diciembre 2026"


def test_the_language_comes_from_i18n_and_defaults_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(i18n, "current_language", raising=False)
    assert dates_display.current_language() == "en"
    assert short_date(date(2026, 12, 4), TODAY) == "Fri 4 Dec"
    monkeypatch.setattr(i18n, "current_language", lambda: "es", raising=False)
    assert dates_display.current_language() == "es"
    assert short_date(date(2026, 12, 4), TODAY) == "vie 4 dic"
    assert Recurrence.parse("cada lunes").describe().endswith("lunes")


def test_quick_add_preview_reads_back_in_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "current_language", lambda: "es", raising=False)
    parsed = parse_quick_add("Menú semanal vence:5-dic", [], TODAY, ["Inbox"])
    assert "sáb 5 dic" in describe(parsed, TODAY)


def test_spanish_names_come_from_pendulums_data_without_importing_pendulum() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from datetime import date; from vatui.domain import dates_display as d; "
        "print(d.short_date(date(2026, 12, 4), date(2026, 11, 27), 'es'), 'pendulum' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["vie", "4", "dic", "False"]


def test_the_table_read_as_data_is_pendulums_own() -> None:
    from pendulum.locales.locale import Locale

    loaded = Locale.load("es")
    read = dates_display._read_locale("es")
    assert read is not None
    assert read["days"] == loaded.translation("days")
    assert read["months"] == loaded.translation("months")
    assert read["relative"] == loaded.translation("relative")
    assert [read["plural"](n) for n in range(4)] == [loaded.plural(n) for n in range(4)]


@given(st.integers(min_value=0, max_value=800), st.sampled_from(["en", "es"]))
def test_a_date_shown_in_words_reads_back_as_itself(days: int, language: str) -> None:
    from datetime import timedelta

    from vatui.domain.dates import parse_date

    day = TODAY + timedelta(days=days)
    assert parse_date(dates_display.short_date(day, TODAY, language), TODAY) == day
    assert parse_date(format_date(day, "%a %d %b %Y", language), TODAY) == day
    assert parse_date(day_month(day, language=language) + f" {day.year}", TODAY) == day
