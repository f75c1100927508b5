"""Dates and amounts that cannot be right, from the command line: real processes (issue 8).

Each class of bad input exits 1 with one line (naming both readings when there are two)
and leaves the workspace byte for byte as it was; stored dates at the ends of the
calendar never crash a reader.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers.refusals import assert_refused, run, seed_extreme_dates
from vatui.cli.main import cli
from vatui.domain.clock import SystemClock
from vatui.store.workspace import Workspace


@pytest.fixture
def usd(tmp_path: Path) -> Path:
    """A workspace with a USD client Acme and a sent invoice INV-…-0001 of USD 100."""
    data = tmp_path / "data"
    assert run(data, "client", "add", "Acme", "--currency", "USD", "--rate", "85").returncode == 0
    made = run(data, "invoice", "new", "Acme", "--item", "Work", "1", "100", "--json")
    assert made.returncode == 0, made.stderr
    assert run(data, "invoice", "send", "#1").returncode == 0
    return data


def _number(data: Path) -> str:
    return str(json.loads(run(data, "invoice", "list", "--json").stdout)["invoices"][0]["number"])


def test_a_date_outside_the_business_range_is_refused(usd: Path) -> None:
    assert_refused(
        usd,
        "invoice",
        "new",
        "Acme",
        "--item",
        "Work",
        "1",
        "100",
        "--on",
        "9999-12-17",
        says=("9999-12-17", "1970-01-01", "2199-12-31"),
    )
    assert_refused(usd, "add", "Far task due:2200-01-01", says=("out of range",))
    assert_refused(usd, "pay", _number(usd), "10", "--on", "1969-12-31", says=("out of range",))


def test_stored_extreme_dates_crash_no_reader(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ws = Workspace.open(data, SystemClock())
    try:
        seed_extreme_dates(ws)
    finally:
        ws.close()
    for args in (("today",), ("invoice", "list"), ("report", "aging")):
        result = run(data, *args)
        assert result.returncode == 0, (args, result.stderr)
        assert "Traceback" not in result.stderr
    runner = CliRunner()
    for args in (
        ("today", "--json"),
        ("report", "pnl"),
        ("report", "clients"),
        ("client", "show", "Acme"),
        ("time", "list"),
        ("task", "list"),
        ("contact", "list"),
        ("expense", "list"),
        ("invoice", "list", "--json"),
    ):
        outcome = runner.invoke(cli, ["--data-dir", str(data), *args])
        assert outcome.exit_code == 0, (args, outcome.output, outcome.exception)


def test_an_amount_readable_two_ways_is_refused_naming_both(usd: Path) -> None:
    number = _number(usd)
    assert_refused(usd, "pay", number, "750.000", says=("750.00", "750000"))
    assert_refused(usd, "client", "edit", "Acme", "--rate", "85.000", says=("85.00", "85000"))
    assert_refused(usd, "pay", number, "1.234", says=("1234", "USD has only 2 decimals"))
    assert_refused(usd, "expense", "add", "12,5", "--category", "software", says=("write 12.50",))
    paid = run(usd, "pay", number, "1,000", "--json")  # a comma between thousands: one reading
    assert paid.returncode == 0, paid.stderr
    assert json.loads(paid.stdout)["amount"] == {"amount": "1000.00", "currency": "USD"}


def test_a_duration_with_an_hour_of_minutes_is_refused(usd: Path) -> None:
    assert run(usd, "add", "Write report").returncode == 0
    assert_refused(usd, "time", "add", "Write report", "1h70m", says=("under 60", "2h10m"))
    assert_refused(usd, "task", "edit", "Write report", "--estimate", "1.5h30m", says=("whole hours",))


def test_a_tax_rate_that_is_not_a_plain_percentage_is_refused(usd: Path) -> None:
    for tax, says in (
        ("1e2", "not a number"),
        ("nan", "not a number"),
        ("inf", "not a number"),
        ("-5", "negative"),
        ("101", "at most 100"),
    ):
        assert_refused(usd, "invoice", "new", "Acme", "--item", "Work", "1", "10", "--tax", tax, says=(says,))
    assert_refused(usd, "invoice", "new", "Acme", "--item", "Work", "1.500", "10", says=("1.5", "1500"))


def test_unknown_or_empty_currency_codes_are_refused(usd: Path) -> None:
    assert_refused(usd, "client", "add", "Bob", "--currency", "XYZ", says=("XYZ", "currency"))
    assert_refused(usd, "client", "add", "Bob", "--currency", "", says=("no currency",))
    assert_refused(usd, "expense", "add", "5", "--category", "software", "--currency", "QQQ", says=("QQQ",))
    assert_refused(usd, "pay", _number(usd), "XYZ 5", says=("XYZ",))


def test_a_payment_dated_more_than_a_year_ahead_is_refused(usd: Path) -> None:
    assert_refused(usd, "pay", _number(usd), "10", "--on", "+2y", says=("more than a year ahead",))


def test_an_email_that_is_not_an_address_is_refused(usd: Path) -> None:
    for email in ("ana@acme", "ana@@acme.com", "ana acme@x.com", "ana@acme..com", "a,b@x.com"):
        assert_refused(usd, "client", "edit", "Acme", "--email", email, says=("not an e-mail address",))


def test_digits_that_are_not_ascii_are_refused_with_one_line(usd: Path) -> None:
    """'²' passes str.isdigit() and then crashed int() with a traceback."""
    assert run(usd, "add", "Write report").returncode == 0
    for args in (
        ("task", "show", "²"),
        ("client", "show", "#²"),
        ("invoice", "show", "#²"),
        ("demo-data", "--size", "²"),
    ):
        assert_refused(usd, *args)
