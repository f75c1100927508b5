"""User text is text: markup, escapes, wide characters and long titles show as typed."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len

from tests.helpers.hostile import old_task
from tests.helpers.pilot import Ready, screen_text
from vatui.domain.tasks import Task
from vatui.services.clients.manage import add_client
from vatui.services.tasks.manage import add_task
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.screens.today import TodayScreen

NASTY_TITLES = [
    "[/]",
    "[@click=app.quit]x",
    "[bold red]not bold[/]",
    "🎉 party 🎉",
    "会議の準備をする",
    "\x1b[31mred",
    "L" * 300,
]


def seed_nasty(ws: Workspace) -> None:
    smith = add_client(ws, "Smith [UK]")
    click = add_client(ws, "[@click=app.quit]x")
    cjk = add_client(ws, "株式会社テスト")
    clients = [smith.id, click.id, cjk.id]
    for n, title in enumerate(NASTY_TITLES):
        add = old_task if "\x1b" in title else add_task  # escapes: stored before the rule
        add(ws, title, client_id=clients[n % 3], due=date(2026, 11, 20 + n % 7))


async def test_nasty_text_shows_as_typed_at_80x24(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    seed_nasty(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("G")  # scroll so the last ones are on screen too
        await pilot.pause()
        text = screen_text(app)
        await pilot.press("g")
        await pilot.pause()
        text += "\n" + screen_text(app)
        for shown in (
            "[/]",
            "[@click=app.quit]x",
            "[bold red]not bold[/]",
            "🎉 party 🎉",
            "会議の準備をする",
            "␛[31mred",
            "Smith [UK]",
            "株式会社テスト",
        ):
            assert shown in text, shown
        assert "\x1b" not in text
        assert "LLLL…" in text  # the long title is cut with an ellipsis
        for line in screen_text(app).splitlines():
            assert cell_len(line) == 80
        lines = screen_text(app).splitlines()
        assert lines[0].startswith(" vatui · Today") and len(lines) == 24
        assert lines[-1].startswith("space Done")


async def test_acting_on_nasty_text_never_acts_as_markup(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    seed_nasty(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        for _ in range(len(NASTY_TITLES)):
            await pilot.press("t", "space")  # start a timer on it, then complete it
            await pilot.pause()
        assert app.is_running and isinstance(app.screen, TodayScreen)
        assert all(t.is_done for t in ws.all(Task))
        await pilot.press("u")
        await pilot.pause()
        assert app.is_running
        for markup in ("[@click=app.quit]x", "[bold red]not bold[/]"):  # the titles, as text
            said = [m for m in app.messages if markup in m]
            assert any(m.startswith("Timer started") for m in said), app.messages
            assert any(m.startswith("Done: ") for m in said), app.messages


async def test_quick_add_with_markup_in_the_title(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    add_client(ws, "Smith [UK]")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("a", *"[@click=app.quit]x [b]y[/b] @smith due:today", "enter")
        await pilot.pause()
        assert app.is_running
        [task] = ws.all(Task)
        assert task.title == "[@click=app.quit]x [b]y[/b]"
        assert "[@click=app.quit]x [b]y[/b]" in screen_text(app)
        await pilot.press("ctrl+p")  # the palette shows the undo label (a title) as text
        await pilot.press(*"undo")
        await pilot.pause(0.3)
        assert "[@click=app.quit]x" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
