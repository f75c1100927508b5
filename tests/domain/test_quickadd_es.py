"""Quick add in Spanish: keywords beside the English ones, clients by accent-folded prefix."""

from __future__ import annotations

from datetime import date

import pytest

from vatui.domain.errors import ParseError
from vatui.domain.quickadd import parse_quick_add

TODAY = date(2026, 11, 27)
CLIENTS = [(1, "Ángel Ruiz"), (2, "Zeta Café"), (3, "Óscar Núñez")]
COLUMNS = ["Bandeja", "Siguiente", "En curso", "Esperando", "Hecho"]


def test_a_spanish_line_reads_every_marker() -> None:
    q = parse_quick_add(
        "Revisar el menú @angel vence:viernes !alta ~2h #Cocina cada:lunes en:sig", CLIENTS, TODAY, COLUMNS
    )
    assert q.title == "Revisar el menú"
    assert (q.client_id, q.client_name) == (1, "Ángel Ruiz")
    assert q.due == date(2026, 12, 4)
    assert q.priority == "high"
    assert q.estimate_minutes == 120
    assert q.tags == ("cocina",)
    assert q.recurrence is not None and q.recurrence.to_str() == "monday"
    assert q.column == "Siguiente"


@pytest.mark.parametrize(
    ("line", "field", "expected"),
    [
        ("Pagar !media", "priority", "med"),
        ("Pagar !baja", "priority", "low"),
        ("Pagar !ALTA", "priority", "high"),
        ("Pagar !high", "priority", "high"),
        ("Pagar vence:mañana", "due", date(2026, 11, 28)),
        ("Pagar vence:pasado-mañana", "due", date(2026, 11, 29)),
        ("Pagar vence:5-de-diciembre", "due", date(2026, 12, 5)),
        ("Pagar vence:en-3-días", "due", date(2026, 11, 30)),
        ("Pagar vence:fin-de-mes", "due", date(2026, 11, 30)),
        ("Pagar due:fri", "due", date(2026, 12, 4)),
        ("Pagar @oscar", "client_id", 3),
        ("Pagar @ÓSCAR-NÚÑEZ", "client_id", 3),
        ("Pagar @zeta-cafe", "client_id", 2),
        ("Pagar en:en-curso", "column", "En curso"),
        ("Pagar en:esperándo", "column", "Esperando"),
    ],
)
def test_spanish_markers(line: str, field: str, expected: object) -> None:
    assert getattr(parse_quick_add(line, CLIENTS, TODAY, COLUMNS), field) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Pagar cada:semana", "weekly"),
        ("Pagar cada:mes", "monthly"),
        ("Pagar cada:día", "daily"),
        ("Pagar cada:2-semanas", "2w"),
        ("Pagar every:monday", "monday"),
    ],
)
def test_spanish_recurrences(line: str, expected: str) -> None:
    q = parse_quick_add(line, CLIENTS, TODAY, COLUMNS)
    assert q.recurrence is not None and q.recurrence.to_str() == expected


def test_numeric_due_dates_follow_the_date_order() -> None:
    assert parse_quick_add("Pagar vence:3/4", CLIENTS, TODAY, COLUMNS, "dmy").due == date(2027, 4, 3)
    assert parse_quick_add("Pagar vence:3/4", CLIENTS, TODAY, COLUMNS, "mdy").due == date(2027, 3, 4)
    assert parse_quick_add("Pagar vence:15/12", CLIENTS, TODAY, COLUMNS).due == date(2026, 12, 15)
    with pytest.raises(ParseError, match="3 April or 4 March"):
        parse_quick_add("Pagar vence:3/4", CLIENTS, TODAY, COLUMNS)


def test_an_unknown_priority_names_both_languages() -> None:
    with pytest.raises(ParseError, match="!alta"):
        parse_quick_add("Pagar !urgentísimo", CLIENTS, TODAY, COLUMNS)


def test_the_exact_spelling_wins_over_a_folded_twin() -> None:
    twins = [(1, "Angel"), (2, "Ángel")]
    assert parse_quick_add("x @ángel", twins, TODAY, COLUMNS).client_id == 2
    assert parse_quick_add("x @angel", twins, TODAY, COLUMNS).client_id == 1
