"""Fixtures for the app's Pilot tests: a seeded workspace, the app, waiting until it is ready.

The helpers they use (and the tests import) are in ``tests/helpers/pilot.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from tests.helpers.clients_pane import clients_book
from tests.helpers.pilot import SIZE, Ready, Seed, seed_workspace, wait_ready
from vatui.demo.workspace import generate
from vatui.domain.clock import FixedClock
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp, make_app


@pytest.fixture
def seeded(ws: Workspace) -> Seed:
    """The test's workspace, seeded."""
    return seed_workspace(ws)


@pytest.fixture
def app(data_dir: Path, clock: FixedClock, ws: Workspace) -> VatuiApp:
    """The app on the test's data directory (the workspace exists; seed it first if needed)."""
    return make_app(data_dir, clock=clock, size=SIZE)


@pytest.fixture
def ready() -> Ready:
    """``await ready(pilot)``: the app has opened its workspace and drawn it."""
    return wait_ready


@pytest.fixture
def demo_dir(data_dir: Path, clock: FixedClock) -> Path:
    """The small demo workspace (5 clients, seed 7)."""
    ws = Workspace.open(data_dir, clock)
    generate(ws, clients=5, seed=7)
    ws.close()
    return data_dir


@pytest.fixture
def book(ws: Workspace) -> dict[str, int]:
    """The test's workspace with the small client book of ``tests.helpers.clients_pane``."""
    return clients_book(ws)


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """A focused field's cursor stays shown instead of blinking, so what a test reads or
    snapshots does not depend on how busy the machine is: the blink hid the cursor 0.5 s after
    the last key, and a slow run drew the form without it (the snapshots have it)."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
