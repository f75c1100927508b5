"""Issue 9, items 4 and 5 on the command line: a COP workspace writing ``1.234,56`` types
amounts, rates, quantities and durations that way and is shown money that way; ``--json``
keeps its machine format; ``1 234,56`` (spaces, no-break spaces) works too."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.cli_run import one_line_error, run_vatui


def _ok(data: Path, *args: str) -> str:
    result = run_vatui(data, *args)
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result.stdout


def test_a_cop_day_with_a_decimal_comma(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _ok(data, "settings", "set", "number_format", "1.234,56")
    _ok(data, "settings", "set", "default_currency", "COP")
    client = json.loads(
        _ok(data, "client", "add", "Cliente", "--currency", "COP", "--rate", "85.000", "--json")
    )
    assert client["hourly_rate"] == {"amount": "85000.00", "currency": "COP"}
    assert "for Cliente: COP 1.500.000, 1 line" in _ok(  # whole pesos: no ,00
        data, "invoice", "new", "Cliente", "--item", "Soporte", "1,5", "1.000.000"
    )
    _ok(data, "invoice", "send", "#1")
    paid = _ok(data, "pay", "INV-2026-0001", "1.234.567,50")
    assert "COP 1.234.567,50" in paid and "COP 265.432,50" in paid
    assert "1.234.567,50" in _ok(data, "report", "pnl")  # report columns: grouped, the decimal comma
    assert json.loads(_ok(data, "report", "pnl", "--json")) != []  # the machine format is unchanged
    assert "1234567.50" in _ok(data, "report", "pnl", "--json")
    _ok(data, "add", "Informe ~1,5h @Cliente")
    assert json.loads(_ok(data, "task", "show", "1", "--json"))["estimate_minutes"] == 90
    assert "write 1,5" in one_line_error(run_vatui(data, "add", "Otro ~1.5h"))
    assert "1h30m" in _ok(data, "time", "add", "1", "1,5h")
    assert "2h30m" in _ok(data, "time", "edit", "1", "--duration", "2,5h")
    _ok(data, "task", "edit", "1", "--estimate", "0,75h")
    assert json.loads(_ok(data, "task", "show", "1", "--json"))["estimate_minutes"] == 45
    expense = json.loads(_ok(data, "expense", "add", "1.234,50", "--category", "software", "--json"))
    assert expense["amount"] == {"amount": "1234.50", "currency": "COP"}


def test_spaces_between_thousands_and_the_point_format_refuses_both_readings(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _ok(data, "settings", "set", "number_format", "1 234,56")
    client = json.loads(
        _ok(data, "client", "add", "Ana", "--currency", "EUR", "--rate", "1\u00a0234,50", "--json")
    )
    assert client["hourly_rate"] == {"amount": "1234.50", "currency": "EUR"}
    _ok(data, "invoice", "new", "Ana", "--item", "Web", "1", "2 000")
    assert "€2 000,00" in _ok(data, "invoice", "send", "#1")
    other = tmp_path / "other"
    _ok(other, "client", "add", "Bob", "--currency", "COP")
    line = one_line_error(run_vatui(other, "client", "edit", "Bob", "--rate", "750.000"))
    assert "750.00" in line and "750000" in line


def test_a_spanish_ui_writes_an_english_client_documents_in_english_and_back(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _ok(data, "settings", "set", "language", "es")
    _ok(data, "client", "add", "Bright", "--currency", "USD", "--language", "en")
    _ok(data, "client", "add", "Café", "--currency", "COP", "--language", "es", "--number-format", "1.234,56")
    assert "creado" in _ok(data, "invoice", "new", "Bright", "--item", "Web", "1", "100")
    _ok(data, "invoice", "new", "Café", "--item", "Web", "1", "1234567.50")
    english = _ok(data, "invoice", "show", "#1")
    assert "Bill to: Bright" in english and "Facturar" not in english
    assert "# Weekly status — Bright" in _ok(data, "status-report", "Bright")
    _ok(data, "settings", "set", "language", "en")
    spanish = _ok(data, "invoice", "show", "#2")
    assert "Facturar a: Café" in spanish and "COP 1.234.567,50" in spanish
    assert "Estado semanal" in _ok(data, "status-report", "Café")


def test_a_bogota_day_in_spanish_shows_pesos_as_people_write_them(tmp_path: Path) -> None:
    """Issue 9, item 5: ``$ 85.000`` for COP — the dollar sign is the peso at home, a US
    client's dollars are ``US$``, and what is shown is typed back the same."""
    data = tmp_path / "data"
    for key, value in (("language", "es"), ("number_format", "1.234,56"), ("default_currency", "COP")):
        _ok(data, "settings", "set", key, value)
    _ok(data, "client", "add", "Cliente", "--currency", "COP", "--rate", "$85.000")
    _ok(data, "client", "add", "Acme", "--currency", "USD", "--rate", "US$45")
    assert "$1.500.000" in _ok(data, "invoice", "new", "Cliente", "--item", "Soporte", "1,5", "1.000.000")
    _ok(data, "invoice", "send", "#1")  # numbered at send: INV-2026-0001
    paid = _ok(data, "pay", "INV-2026-0001", "$1.234.567,50")
    assert "$1.234.567,50" in paid and "$265.432,50" in paid, paid
    assert "US$1.200,00" in _ok(data, "invoice", "new", "Acme", "--item", "Web", "1", "1.200")
    shown = _ok(data, "invoice", "show", "INV-2026-0001")
    assert "$1.500.000" in shown and "COP 1.500.000" not in shown, shown
