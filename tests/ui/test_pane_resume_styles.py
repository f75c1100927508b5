"""A switch back to a pane restyles nothing when nothing about its styles changed
(``Pane._on_screen_resume``), and still shows every change that did: a new theme chosen
while the pane was hidden; and it is not held back by the delay that masks a new pane."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet

from tests.helpers.pilot import Ready, press_and_settle
from vatui.domain.clock import FixedClock
from vatui.ui.app import make_app
from vatui.ui.screens.board import BoardScreen


@pytest.fixture
def restyles(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many nodes each ``Stylesheet.update_nodes`` call restyles, in order."""
    sizes: list[int] = []
    real = Stylesheet.update_nodes

    def counted(self: Stylesheet, nodes: Any, animate: bool = False) -> None:
        nodes = list(nodes)
        sizes.append(len(nodes))
        real(self, nodes, animate=animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", counted)
    return sizes


async def test_a_switch_back_restyles_no_widget_when_nothing_changed(
    demo_dir: Path, clock: FixedClock, ready: Ready, restyles: list[int]
) -> None:
    app = make_app(demo_dir, clock=clock, size=(80, 24))
    async with app.run_test() as pilot:
        await ready(pilot)
        board = await press_and_settle(pilot, "2")
        assert isinstance(board, BoardScreen)
        widgets = len(list(board.walk_children(with_self=True)))
        await press_and_settle(pilot, "1")
        restyles.clear()
        assert await press_and_settle(pilot, "2") is board
        # Textual restyled the whole pane (every widget) on each switch back
        assert all(n < widgets for n in restyles), (restyles, widgets)


async def test_a_theme_chosen_while_a_pane_was_hidden_shows_on_it(
    demo_dir: Path, clock: FixedClock, ready: Ready
) -> None:
    app = make_app(demo_dir, clock=clock, size=(80, 24))
    async with app.run_test() as pilot:
        await ready(pilot)
        board = await press_and_settle(pilot, "2")
        before = board.styles.background
        await press_and_settle(pilot, "1")
        other = next(t for t in ("textual-light", "nord", "gruvbox") if t != app.theme)
        app.theme = other
        await pilot.pause()
        assert await press_and_settle(pilot, "2") is board
        assert board.styles.background != before  # the new theme's colours, not the old
        # what a full restyle gives is what is shown: nothing was left stale
        shown = board.styles.background
        board.update_node_styles(animate=False)
        await pilot.pause()
        assert board.styles.background == shown


async def test_no_switch_waits_for_a_timer_and_a_new_pane_shows_only_once_mounted(
    demo_dir: Path, clock: FixedClock, ready: Ready, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's ``switch_mode`` holds updates back 50 ms to mask a screen being composed:
    vatui masks a pane shown the first time exactly until it is mounted, and a pane already
    drawn not at all."""
    from textual.app import App

    held: list[str] = []
    real = App.delay_update

    def noted(self: App[Any], delay: float = 0.05) -> None:
        held.append(self.current_mode)
        real(self, delay)

    monkeypatch.setattr(App, "delay_update", noted)
    app = make_app(demo_dir, clock=clock, size=(80, 24))
    async with app.run_test() as pilot:
        await ready(pilot)
        frames: list[tuple[Any, bool]] = []
        display = app._display

        def spy(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                frames.append((screen, screen.is_mounted and bool(screen.children)))
            display(screen, renderable)

        app._display = spy  # type: ignore[method-assign]
        board = await press_and_settle(pilot, "2")
        assert isinstance(board, BoardScreen)
        shown = [whole for screen, whole in frames if screen is board]
        assert shown and all(shown), "a frame showed the Board before it was mounted"
        await press_and_settle(pilot, "1")
        await press_and_settle(pilot, "2")
        assert held == []
