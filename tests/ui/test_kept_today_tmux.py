"""Today's first frame from the kept summary, in a real terminal (tmux, 80×24).

``vatui today`` keeps a summary of today's triage in the data folder; the app paints Today
from it before the workspace is open, opens the workspace behind it, and shows the full
triage when it comes. Here another session holds the workspace lock (tests/helpers/
lock_holder.py), so the app cannot open the workspace until the test lets it: whatever
Today shows meanwhile was painted from the kept summary. Keys typed meanwhile wait for
the workspace (type-ahead) and act once it is open.

``make test`` installs tmux when it is missing; without it these tests fail, never skip.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.terminal import VATUI, Terminal
from vatui.store.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


class Holder:
    """The child process holding the workspace lock."""

    def __init__(self, directory: Path, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.lock_holder", str(directory)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._read() == "held"

    def _read(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def add(self, text: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"add {text}\n")
        self.process.stdin.flush()
        assert self._read() == "added"

    def release(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("release\n")
        self.process.stdin.flush()
        assert self._read() == "released"
        self.process.wait(timeout=10)

    def holding(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def data(terminal: Terminal, tmp_path: Path) -> Path:
    """An empty workspace in the terminal's data folder."""
    directory = tmp_path / "data"
    Workspace.open(directory).close()
    return directory


@pytest.fixture
def holders() -> Iterator[list[Holder]]:
    made: list[Holder] = []
    yield made
    for holder in made:
        holder.kill()


def keep_today(terminal: Terminal) -> None:
    """``vatui today``, as the VA runs it: it keeps today's summary."""
    subprocess.run([VATUI, "today"], env=terminal.env, check=True, capture_output=True, timeout=60)


def test_without_a_kept_summary_today_waits_for_the_workspace(
    terminal: Terminal, data: Path, holders: list[Holder]
) -> None:
    holders.append(holder := Holder(data, terminal.env))
    terminal.start(VATUI)
    screen = terminal.wait_for("Opening the workspace")
    time.sleep(1.0)
    screen = terminal.screen()
    assert "Opening the workspace" in screen and "Overdue (" not in screen
    holder.release()
    terminal.wait_for("Overdue (")


def test_today_is_painted_from_the_kept_summary_then_replaced_by_the_full_triage(
    terminal: Terminal, data: Path, holders: list[Holder]
) -> None:
    keep_today(terminal)
    holders.append(holder := Holder(data, terminal.env))
    terminal.start(VATUI)
    screen = terminal.wait_for("Overdue (")
    assert "· Today" in screen.splitlines()[0]
    assert "Opening the workspace" not in screen
    assert "Due today (0)" in screen
    # another session writes while the app waits: the full triage shows it when it comes
    holder.add("Ring the printer due:today")
    time.sleep(0.5)
    assert holder.holding() and "Ring the printer" not in terminal.screen()
    holder.release()
    screen = terminal.wait_for("Ring the printer")
    assert "Due today (1)" in screen and "Opening the workspace" not in screen


def test_keys_typed_over_the_kept_summary_wait_for_the_workspace(
    terminal: Terminal, data: Path, holders: list[Holder]
) -> None:
    keep_today(terminal)
    holders.append(holder := Holder(data, terminal.env))
    terminal.start(VATUI)
    terminal.wait_for("Overdue (")
    terminal.keys("2")
    time.sleep(0.5)
    assert "· Today" in terminal.screen().splitlines()[0]  # held: the workspace is not open
    holder.release()
    screen = terminal.wait_for("· Board")
    assert "Inbox" in screen


def test_a_workspace_in_spanish_is_painted_in_spanish_from_its_kept_summary(
    terminal: Terminal, data: Path, holders: list[Holder]
) -> None:
    subprocess.run(
        [VATUI, "settings", "set", "language", "es"], env=terminal.env, check=True, capture_output=True
    )
    keep_today(terminal)  # the environment speaks English; the workspace's setting, Spanish
    holders.append(holder := Holder(data, terminal.env))
    terminal.start(VATUI)
    screen = terminal.wait_for("Vencidas (")
    assert "· Hoy" in screen.splitlines()[0]
    assert "Overdue" not in screen and "Opening" not in screen
    holder.release()
    terminal.wait_for("Hecha")  # the workspace open: Today's keys in the footer, in Spanish
