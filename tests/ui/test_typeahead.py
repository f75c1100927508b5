"""Type-ahead: keys typed while the workspace opens are kept and applied, in order, once
Today shows it (``2`` opens the Board, ``a`` quick add with the text typed after it)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from tests.helpers.pilot import Ready, Seed
from vatui.domain.clock import FixedClock
from vatui.services import session
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.quick_add import QuickAddModal
from vatui.ui.screens.board import BoardScreen
from vatui.ui.screens.help import HelpModal
from vatui.ui.screens.today import TodayScreen


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The workspace opens only once the test sets this event (a slow disk, a large file)."""
    opened = threading.Event()
    real_open = session.open_workspace

    def slow_open(*args: Any, **kwargs: Any) -> Workspace:
        assert opened.wait(20), "the test never let the workspace open"
        return real_open(*args, **kwargs)

    monkeypatch.setattr(session, "open_workspace", slow_open)
    yield opened
    opened.set()


async def test_2_typed_while_opening_opens_the_board(
    app: VatuiApp, seeded: Seed, ready: Ready, gate: threading.Event
) -> None:
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert not app.is_ready and isinstance(app.screen, TodayScreen)
        gate.set()
        await ready(pilot)
        assert app.current_mode == "board" and isinstance(app.screen, BoardScreen)


async def test_a_and_text_typed_while_opening_fill_quick_add(
    app: VatuiApp, seeded: Seed, ready: Ready, gate: threading.Event
) -> None:
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("a", *"Call Bob @Acme")
        gate.set()
        await ready(pilot)
        assert isinstance(app.screen, QuickAddModal)
        assert app.screen.query_one(Input).value == "Call Bob @Acme"


async def test_keys_are_applied_in_order(
    app: VatuiApp, seeded: Seed, ready: Ready, gate: threading.Event
) -> None:
    """``2`` then ``?``: the help of the Board (not of Today, not the Board over help)."""
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("2", "question_mark")
        gate.set()
        await ready(pilot)
        assert app.current_mode == "board"
        assert isinstance(app.screen, HelpModal)


async def test_keys_typed_during_the_replay_come_after_it(
    app: VatuiApp, seeded: Seed, ready: Ready, gate: threading.Event
) -> None:
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("a", "x")
        gate.set()
        await pilot.press("y", "z")
        await ready(pilot)
        await pilot.pause()
        assert isinstance(app.screen, QuickAddModal)
        assert app.screen.query_one(Input).value == "xyz"


async def test_the_queue_is_bounded(app: VatuiApp, seeded: Seed, ready: Ready, gate: threading.Event) -> None:
    """64 keys are kept (``a`` and 63 letters); the rest typed while opening are dropped."""
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("a", *("b" * 100))
        gate.set()
        await ready(pilot)
        assert isinstance(app.screen, QuickAddModal)
        assert app.screen.query_one(Input).value == "b" * 63


async def test_ctrl_q_quits_at_once_while_opening(app: VatuiApp, seeded: Seed, gate: threading.Event) -> None:
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("2", "ctrl+q")
        await pilot.pause()
        assert not app.is_running and not app.is_ready
        gate.set()  # let the opening thread end now: the test's event loop waits for it (20 s)


async def test_q_typed_while_opening_quits_once_open(
    app: VatuiApp, seeded: Seed, gate: threading.Event
) -> None:
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("2", "q", "a")
        assert app.is_running
        gate.set()
        await app.workers.wait_for_complete()
        for _ in range(50):
            await pilot.pause(0.02)
            if not app.is_running:
                break
        assert not app.is_running and app.current_mode == "board"
    assert app.return_code == 0


async def test_first_run_keys_go_to_the_first_run_screen(
    data_dir: Path, clock: FixedClock, ready: Ready, gate: threading.Event
) -> None:
    """No workspace yet: the first-run screen reads the keys (nothing is held back)."""
    from vatui.ui.app import make_app
    from vatui.ui.screens.first_run import FirstRunScreen

    app = make_app(data_dir, clock=clock, size=(80, 24))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*"Sara")
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        assert app.screen.query_one("#fr-business_name", Input).value == "Sara"
