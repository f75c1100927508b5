"""Dates as people type them: every Spanish and English form, on the fixed clock (Fri 27 Nov 2026)."""

from __future__ import annotations

from datetime import date

import pytest

from vatui.domain.dates import parse_date
from vatui.domain.errors import ParseError
from vatui.domain.recurrence import Recurrence

TODAY = date(2026, 11, 27)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Spanish: days relative to today
        ("hoy", date(2026, 11, 27)),
        ("mañana", date(2026, 11, 28)),
        ("Mañana", date(2026, 11, 28)),
        ("manana", date(2026, 11, 28)),
        ("pasado mañana", date(2026, 11, 29)),
        ("pasado-mañana", date(2026, 11, 29)),
        ("ayer", date(2026, 11, 26)),
        ("anteayer", date(2026, 11, 25)),
        # weekdays, with and without accents, full and abbreviated: the next one after today
        ("viernes", date(2026, 12, 4)),
        ("vie", date(2026, 12, 4)),
        ("sábado", date(2026, 11, 28)),
        ("sabado", date(2026, 11, 28)),
        ("sáb", date(2026, 11, 28)),
        ("sab", date(2026, 11, 28)),
        ("lunes", date(2026, 11, 30)),
        ("miércoles", date(2026, 12, 2)),
        ("mie", date(2026, 12, 2)),
        ("jueves", date(2026, 12, 3)),
        ("domingo", date(2026, 11, 29)),
        ("mar", date(2026, 12, 1)),  # alone: martes
        ("martes", date(2026, 12, 1)),
        ("el lunes", date(2026, 11, 30)),
        ("próximo lunes", date(2026, 11, 30)),
        ("proximo lunes", date(2026, 11, 30)),
        ("el próximo viernes", date(2026, 12, 4)),
        # offsets
        ("en 3 días", date(2026, 11, 30)),
        ("en 3 dias", date(2026, 11, 30)),
        ("en 2 semanas", date(2026, 12, 11)),
        ("en una semana", date(2026, 12, 4)),
        ("en un mes", date(2026, 12, 27)),
        ("dentro de 2 semanas", date(2026, 12, 11)),
        ("hace 3 días", date(2026, 11, 24)),
        ("hace una semana", date(2026, 11, 20)),
        # named dates
        ("fin de mes", date(2026, 11, 30)),
        ("fin de semana", date(2026, 11, 27)),  # = eow: the coming Friday (today, a Friday)
        ("próxima semana", date(2026, 11, 30)),
        ("la semana que viene", date(2026, 11, 30)),
        ("mes que viene", date(2026, 12, 1)),
        # a month by name
        ("5 dic", date(2026, 12, 5)),
        ("5 de diciembre", date(2026, 12, 5)),
        ("el 5 de diciembre", date(2026, 12, 5)),
        ("5 de diciembre de 2027", date(2027, 12, 5)),
        ("diciembre 5", date(2026, 12, 5)),
        ("1º de enero", date(2027, 1, 1)),
        ("5 mar", date(2027, 3, 5)),  # next to a day: marzo
        ("mar 5", date(2027, 3, 5)),
        ("5 ago", date(2027, 8, 5)),
        ("15 set", date(2027, 9, 15)),
        ("vie 4 dic", date(2026, 12, 4)),
        ("mar 1 dic", date(2026, 12, 1)),  # weekday first: martes 1 de diciembre
        ("jueves 3 de diciembre", date(2026, 12, 3)),
        # English keeps everything it has
        ("today", date(2026, 11, 27)),
        ("tomorrow", date(2026, 11, 28)),
        ("fri", date(2026, 12, 4)),
        ("in 3 days", date(2026, 11, 30)),
        ("3 days ago", date(2026, 11, 24)),
        ("eom", date(2026, 11, 30)),
        ("5 dec", date(2026, 12, 5)),
        ("5th of december 2027", date(2027, 12, 5)),
        ("fri 4 dec", date(2026, 12, 4)),
        ("2026-12-05", date(2026, 12, 5)),
    ],
)
def test_spanish_and_english_forms(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("vie 5 dic", "Saturday"),  # 5 Dec is not a Friday
        ("31 de febrero", "February"),
        ("mañanas", "not a date"),
        ("en 3 lunas", "not a unit"),
    ],
)
def test_spanish_mistakes_are_refused_saying_why(text: str, fragment: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_date(text, TODAY)
    assert fragment in str(err.value)


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("15/12", "dmy", date(2026, 12, 15)),
        ("3/4", "dmy", date(2027, 4, 3)),
        ("3/4/27", "dmy", date(2027, 4, 3)),
        ("03.04.2027", "dmy", date(2027, 4, 3)),
        ("27-11", "dmy", TODAY),
        ("3/4", "mdy", date(2027, 3, 4)),
        ("12/15", "mdy", date(2026, 12, 15)),
        ("12/15/2027", "mdy", date(2027, 12, 15)),
        ("12/5", "ymd", date(2026, 12, 5)),
        ("27/12/5", "ymd", date(2027, 12, 5)),
        ("2026/12/05", "dmy", date(2026, 12, 5)),  # a 4-digit year first is never in doubt
        ("15/12", "", date(2026, 12, 15)),  # no order: one reading only
        ("12/15", "", date(2026, 12, 15)),
        ("5/5", "", date(2027, 5, 5)),
    ],
)
def test_numeric_dates_follow_date_order(text: str, order: str, expected: date) -> None:
    assert parse_date(text, TODAY, order) == expected


@pytest.mark.parametrize(
    ("text", "order", "fragment"),
    [
        ("12/15", "dmy", "no month 15"),
        ("15/12", "mdy", "no month 15"),
        ("31/4", "dmy", "April has at most 30 days"),
        ("29/2/2027", "dmy", "28 days"),
        ("3/4", "", "3 April or 4 March"),
        ("4/3/2027", "", "4 March or 3 April"),
        ("3/4/123", "dmy", "4 digits"),
    ],
)
def test_numeric_dates_that_do_not_fit_are_refused(text: str, order: str, fragment: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_date(text, TODAY, order)
    assert fragment in str(err.value)


def test_an_ambiguous_numeric_date_names_both_readings_and_the_way_out() -> None:
    with pytest.raises(ParseError) as err:
        parse_date("3/4", TODAY)
    message = str(err.value)
    assert "3 April or 4 March" in message
    assert '"3 apr"' in message and "date_order" in message


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("cada lunes", "monday"),
        ("lunes", "monday"),
        ("sábados", "saturday"),
        ("cada día", "daily"),
        ("diario", "daily"),
        ("cada semana", "weekly"),
        ("semanal", "weekly"),
        ("cada mes", "monthly"),
        ("mensual", "monthly"),
        ("cada año", "yearly"),
        ("laborables", "weekdays"),
        ("cada 2 semanas", "2w"),
        ("3 días", "3d"),
        ("el 15", "15th"),
        ("último", "last"),
        ("every monday", "monday"),
        ("2w", "2w"),
    ],
)
def test_recurrences_in_spanish(text: str, canonical: str) -> None:
    assert Recurrence.parse(text).to_str() == canonical
