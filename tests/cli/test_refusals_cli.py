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
    assert run(data, "invoice", "send", _number(data)).returncode == 0
    return data


def _number(data: Path) -> str:
    return str(json.loads(run(data, "invoice", "list", "--json").stdout)["invoices"][0]["number"])


def test_a_date_outside_the_business_range_is_refused(usd: Path) -> None:
    assert_refused(usd, "invoice", "new", "Acme", "--item", "Work", "1", "100", "--on", "9999-12-17",
                   says=("9999-12-17", "1970-01-01", "2199-12-31"))
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
    for args in (("today", "--json"), ("report", "pnl"), ("report", "clients"), ("client", "show", "Acme"),
                 ("time", "list"), ("task", "list"), ("contact", "list"), ("expense", "list"),
                 ("invoice", "list", "--json")):
        outcome = runner.invoke(cli, ["--data-dir", str(data), *args])
        assert outcome.exit_code == 0, (args, outcome.output, outcome.exception)
