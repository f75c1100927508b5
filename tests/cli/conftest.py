"""Fixtures of the command-line tests: ``vatui`` runs the CLI in this process, clock fixed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.cli_inprocess import Vatui, make_vatui
from vatui.domain.clock import FixedClock


@pytest.fixture
def vatui(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, clock: FixedClock, data_dir: Path
) -> Vatui:
    """``vatui(*args)`` in this process on the fixed clock, in an empty data directory."""
    return make_vatui(capsys, monkeypatch, clock)
