"""Type-ahead in a real terminal (tmux, 80×24): keys sent the moment ``vatui`` starts on
the large demo, before its workspace is read, act once it is.

``make test`` installs tmux when it is missing; without it this test fails, it never skips.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers.terminal import VATUI, Terminal


@pytest.fixture
def large(terminal: Terminal, tmp_path: Path) -> Path:
    """The large demo (40 clients, 50,000+ records) in the terminal's data directory."""
    subprocess.run(
        [VATUI, "demo-data", "--size", "large"],
        env=terminal.env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return tmp_path / "data"


def test_2_sent_at_once_opens_the_board(terminal: Terminal, large: Path) -> None:
    terminal.start(VATUI)
    terminal.keys("2")
    screen = terminal.wait_for("· Board")
    assert "Inbox" in screen and "Doing" in screen


def test_a_and_text_sent_at_once_wait_in_quick_add(terminal: Terminal, large: Path) -> None:
    terminal.start(VATUI)
    terminal.keys("a")
    terminal.keys("Ring the printer @Acme", literal=True)
    screen = terminal.wait_for("Quick add")
    screen = terminal.wait_for("Ring the printer @Acme")
    assert "· Today" in screen.splitlines()[0]
