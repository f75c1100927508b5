"""What the helper scripts share: a fixed clock and a task factory."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from vatui.domain.clock import FixedClock
from vatui.domain.tasks import Task
from vatui.store.workspace import Workspace

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)


def open_workspace(directory: str) -> Workspace:
    """Open (creating if needed) the workspace in ``directory`` on the fixed clock."""
    return Workspace.open(Path(directory), FixedClock(NOW))


def task(title: str, notes: str = "") -> Task:
    """A new task."""
    return Task(title=title, notes=notes, created=NOW, updated=NOW)


def ack(text: str) -> None:
    """Tell the parent a write is on disk: one whole line on stdout, flushed."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
