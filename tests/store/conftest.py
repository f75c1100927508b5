"""Fixtures of the store's tests: a small demo workspace in the store's layout, and a spy on
the tables the store parses from it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from vatui.demo.workspace import generate
from vatui.domain.clock import FixedClock
from vatui.store import layout
from vatui.store.workspace import Workspace


@pytest.fixture
def demo(data_dir: Path, clock: FixedClock) -> Path:
    """A small demo workspace, every table in its base file (written in the layout)."""
    ws = Workspace.open(data_dir, clock)
    generate(ws, clients=3, seed=7)
    ws.compact()
    ws.close()
    return data_dir


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every table the store parses whole from a raw line, in order."""
    seen: list[dict[str, Any]] = []
    real = layout.parse

    def spy(raw: layout.Raw) -> dict[str, Any]:
        table = real(raw)
        seen.append(table)
        return table

    monkeypatch.setattr(layout, "parse", spy)
    return seen
