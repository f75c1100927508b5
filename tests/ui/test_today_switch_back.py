"""A switch back to Today is as cheap as a switch back to any other pane, and still current.

Today is the app's first screen: it mounted before the stylesheet it was styled with was
marked on it, so Textual took it for a screen styled with an older stylesheet and, on the
first switch back to it, parsed every stylesheet again and restyled the whole app
(``App.refresh_css``: about 50 ms, the whole of Today's switch back). These tests show no
stylesheet is parsed again on that switch, and that what Today shows after it is still what
the workspace says: a theme chosen meanwhile, a task done on another pane, a task added by
another session.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.css.stylesheet import Stylesheet

from tests.helpers.pilot import Ready, Seed, press_and_settle, screen_text
from vatui.services.tasks.manage import add_task, complete_task
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.screens.board import BoardScreen
from vatui.ui.screens.today import TodayScreen


@pytest.fixture
def style_work(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every full stylesheet pass, in order: ``refresh_css`` (parse and restyle the app),
    ``reparse``, and each restyle with the number of nodes it restyled."""
    done: list[str] = []
    refresh_css, reparse, update_nodes = App.refresh_css, Stylesheet.reparse, Stylesheet.update_nodes

    def noted_refresh(self: App[Any], animate: bool = True) -> None:
        done.append("refresh_css")
        refresh_css(self, animate)

    def noted_reparse(self: Stylesheet) -> None:
        done.append("reparse")
        reparse(self)

    def noted_update(self: Stylesheet, nodes: Any, animate: bool = False) -> None:
        nodes = list(nodes)
        done.append(f"restyle {len(nodes)}")
        update_nodes(self, nodes, animate=animate)

    monkeypatch.setattr(App, "refresh_css", noted_refresh)
    monkeypatch.setattr(Stylesheet, "reparse", noted_reparse)
    monkeypatch.setattr(Stylesheet, "update_nodes", noted_update)
    return done


async def _settled(pilot: Any, ready: Ready) -> None:
    """Ready, the panes read ahead and their styles added (what a user meets after a moment)."""
    await ready(pilot)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_first_switch_back_to_today_parses_no_stylesheet_again(
    app: VatuiApp, seeded: Seed, ready: Ready, style_work: list[str]
) -> None:
    async with app.run_test() as pilot:
        await _settled(pilot, ready)
        today = app.screen
        assert isinstance(today, TodayScreen)
        widgets = len(list(today.walk_children(with_self=True)))
        assert isinstance(await press_and_settle(pilot, "2"), BoardScreen)
        style_work.clear()
        assert await press_and_settle(pilot, "1") is today
        # it was ['refresh_css', 'reparse', 'restyle N', …]: every source parsed, the app restyled
        assert "refresh_css" not in style_work and "reparse" not in style_work, style_work
        restyled = [int(w.split()[1]) for w in style_work if w.startswith("restyle")]
        assert all(n < widgets for n in restyled), (restyled, widgets)


async def test_a_theme_chosen_while_today_was_hidden_shows_on_it(
    app: VatuiApp, seeded: Seed, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await _settled(pilot, ready)
        today = app.screen
        before = today.styles.background
        await press_and_settle(pilot, "2")
        app.theme = next(t for t in ("textual-light", "nord", "gruvbox") if t != app.theme)
        await pilot.pause()
        assert await press_and_settle(pilot, "1") is today
        assert today.styles.background != before  # the new theme's colours
        shown = today.styles.background
        today.update_node_styles(animate=False)  # a full restyle changes nothing: none left stale
        await pilot.pause()
        assert today.styles.background == shown


async def test_a_task_done_on_the_board_is_gone_from_today_after_the_switch_back(
    app: VatuiApp, seeded: Seed, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await _settled(pilot, ready)
        assert "Book flights" in screen_text(app)
        await press_and_settle(pilot, "2")
        app.run_service(complete_task, seeded.flights)  # as the Board's space does
        await pilot.pause()
        today = await press_and_settle(pilot, "1")
        assert isinstance(today, TodayScreen)
        assert "Book flights" not in screen_text(app)


async def test_a_task_another_session_added_shows_on_today_after_the_switch_back(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await _settled(pilot, ready)
        await press_and_settle(pilot, "2")
        add_task(ws, "Renew the domain", due=app.clock.now().date())  # the command line, meanwhile
        today = await press_and_settle(pilot, "1")
        assert isinstance(today, TodayScreen)
        assert "Renew the domain" in screen_text(app)
