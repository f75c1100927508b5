"""Reading CSV cells as a spreadsheet wrote them: any text survives, and values parse or say why."""

from __future__ import annotations

import csv
import io
from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vatui.domain.errors import InputError
from vatui.domain.tasks import Task, TimeEntry
from vatui.services.exchange.csv_read import parse_clock, parse_day, parse_span, parse_yes, read_csv
from vatui.services.exchange.import_plan import fold

_CELL = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(st.lists(_CELL, min_size=3, max_size=3), max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_any_text_survives_the_round_trip(rows: list[list[str]], delimiter: str, encoding: str) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(["Uno", "Dos", "Tres"])
    writer.writerows(rows)
    table = read_csv(buf.getvalue().encode(encoding))
    assert table.header == ("Uno", "Dos", "Tres") and table.delimiter == delimiter
    assert table.problems == ()
    assert [list(cells) for _line, cells in table.rows] == [r for r in rows if any(c.strip() for c in r)]


def test_windows_1252_is_read_when_the_text_is_not_utf8() -> None:
    table = read_csv("Nombre;Año\nCafé Olé;2026 €\n".encode("cp1252"))
    assert table.encoding == "cp1252" and table.rows == ((2, ("Café Olé", "2026 €")),)


def test_rows_keep_their_line_numbers_across_quoted_newlines() -> None:
    table = read_csv(b'A,B\n"one\nand two",x\n\n3,y\n')
    assert [line for line, _cells in table.rows] == [2, 5]


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("1:30:00", 90),
        ("01:30", 90),
        ("0:00:30", 1),
        ("00:15:30", 16),
        ("1,5", 90),
        ("1.5", 90),
        ("90m", 90),
        ("1h30m", 90),
        ("90", 90),
        (",25", 15),
    ],
)
def test_durations(text: str, minutes: int) -> None:
    assert parse_span(text) == minutes


@pytest.mark.parametrize("text", ["", "una hora", "=1+1", "0:00:00", "1:75", "-1,5", "1e9"])
def test_bad_durations_say_why(text: str) -> None:
    with pytest.raises(InputError):
        parse_span(text)


def test_dates_times_and_yes() -> None:
    assert parse_day("2026-11-02", dayfirst=False) == date(2026, 11, 2)
    assert parse_day("02/11/2026", dayfirst=True) == date(2026, 11, 2)
    assert parse_day("11/02/2026", dayfirst=False) == date(2026, 11, 2)
    assert parse_day("2.11.26", dayfirst=True) == date(2026, 11, 2)
    assert parse_clock("9:05 PM") == time(21, 5) and parse_clock("12:00 AM") == time(0, 0)
    assert parse_clock("09:00:59") == time(9, 0, 59)
    for bad in ("31/02/2026", "2026-13-01", "mañana"):
        with pytest.raises(InputError):
            parse_day(bad, dayfirst=True)
    for bad in ("25:00", "13:00 PM", "9h"):
        with pytest.raises(InputError):
            parse_clock(bad)
    assert parse_yes("Sí") and parse_yes("Yes") and not parse_yes("No") and not parse_yes("")
    with pytest.raises(InputError):
        parse_yes("quizás")


def test_names_match_without_accents_or_case() -> None:
    assert fold("  Café   OLÉ ") == fold("cafe ole") == "cafe ole"


def test_records_from_before_imports_load_without_a_source() -> None:
    task = Task.from_doc(
        {"title": "Old", "created": "2026-01-01T00:00:00+00:00", "updated": "2026-01-01T00:00:00+00:00"}, 1
    )
    entry = TimeEntry.from_doc({"start": "2026-01-01T00:00:00+00:00", "minutes": 5}, 1)
    assert task.source is None and entry.source is None
    assert task.with_(source="trello:abc").to_doc()["source"] == "trello:abc"


def test_a_bad_date_is_hinted_in_the_files_order() -> None:
    with pytest.raises(InputError, match=r"\(use 2026-11-02 or 11/02/2026\)$"):
        parse_day("13/45/2026", dayfirst=False)
    with pytest.raises(InputError, match=r"\(use 2026-11-02 or 02/11/2026\)$"):
        parse_day("45/13/2026", dayfirst=True)
