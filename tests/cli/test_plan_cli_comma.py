"""``vatui plan`` in a workspace that writes ``1.234,56``: the correction factor is written
with a decimal comma too, and the Spanish report keeps to 80 columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.helpers.cli_inprocess import Vatui, make_vatui
from vatui.domain.clock import FixedClock


@pytest.fixture
def vatui(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, clock: FixedClock, data_dir: Path
) -> Vatui:
    run = make_vatui(capsys, monkeypatch, clock)
    assert run("settings", "set", "number_format", "1.234,56").code == 0
    assert run("client", "add", "Acme").code == 0
    for n in (1, 2, 3):  # each took 1h30m against 1h estimated: Acme's tasks take 1.5×
        assert run("add", f"Task {n} @acme ~1h").code == 0
        assert run("time", "add", str(n), "1h30m").code == 0
        assert run("task", "done", str(n)).code == 0
    assert run("add", "Next one @acme ~2h due:fri").code == 0
    return run


def test_the_correction_factor_follows_the_number_format(vatui: Vatui) -> None:
    done = vatui("plan")
    assert done.code == 0, done.err
    assert "1,5×" in done.out and "1.5" not in done.out
    assert vatui("plan", "--json").json()["corrections"][0]["factor"] == "1.5"  # JSON keeps its point


def test_the_spanish_plan_keeps_to_80_columns(vatui: Vatui) -> None:
    assert vatui("settings", "set", "language", "es").code == 0
    done = vatui("plan")
    assert done.code == 0, done.err
    assert "Correcciones" in done.out and "1,5×" in done.out
    assert max(cell_len(line) for line in done.out.splitlines()) <= 80
