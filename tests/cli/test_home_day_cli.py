"""The VA's own day: at 20:30 in Bogotá (01:30 UTC the next day) everything is still "today" at home."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from vatui.cli.main import cli
from vatui.domain.clock import SystemClock

EVENING = datetime(2026, 11, 28, 1, 30, tzinfo=UTC)
"""Friday 27 November 2026, 20:30 in Bogotá."""


@pytest.fixture
def vatui(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(SystemClock, "now", lambda self: EVENING)
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(
            cli, list(args), env={"VATUI_DATA_DIR": str(tmp_path / "data")}, catch_exceptions=False
        )
        assert result.exit_code == 0, result.output
        return result.output

    run("settings", "set", "home_timezone", "America/Bogota")
    return run


def test_today_time_and_notes_use_the_home_day(vatui) -> None:  # type: ignore[no-untyped-def]
    assert json.loads(vatui("today", "--json"))["date"] == "2026-11-27"
    vatui("client", "add", "Acme")
    vatui("add", "Report for @acme due:today")
    vatui("time", "start", "1")
    listed = vatui("time", "list")
    assert " 2026-11-27 " in listed and "2026-11-28" not in listed
    overdue = json.loads(vatui("today", "--json"))
    assert "overdue" not in {s["key"] for s in overdue["sections"] if s.get("items")}
