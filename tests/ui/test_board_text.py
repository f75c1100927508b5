"""User text on the Board is text: markup, escapes, wide characters, long titles."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Input

from tests.helpers.board import add_client, open_board, titles
from tests.helpers.hostile import old_task
from tests.helpers.pilot import screen_text
from vatui.services.tasks import manage as task_service
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.task_form import TaskFormModal

NASTY = ["[/]", "[@click=app.quit]x", "\x1b[31mred", "田中さんに電話する", "Call 📞 mum 🎉", "[b]not bold"]


def nasty_board(ws: Workspace) -> None:
    quitter = add_client(ws, "[@click=app.quit]x")
    smith = add_client(ws, "Smith [UK]")
    for title in NASTY:
        add = old_task if "\x1b" in title else task_service.add_task  # escapes: stored before the rule
        add(ws, title, client_id=quitter if "[" in title else smith)
    task_service.add_task(ws, "L" + "o" * 298 + "ng", column="Next", client_id=smith)


async def test_nasty_titles_and_names_show_as_typed(app: VatuiApp, ws: Workspace) -> None:
    nasty_board(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        text = screen_text(app)
        lines = text.splitlines()
        assert all(cell_len(line) <= 80 for line in lines)
        assert len(lines) == 24
        for shown in [
            "[/]",
            "[@click=app.quit]x",
            "␛[31mred",
            "田中さんに電話する",
            "Call 📞 mum 🎉",
            "[b]not bold",
        ]:
            assert shown in text, shown
        assert "\x1b" not in text
        assert "Smith [UK]" in text
        assert "Looooo" in text and "…" in text  # the 300-character title is cut, not wrapped
        assert titles(board, "Inbox") == NASTY


async def test_clicking_a_markup_looking_card_does_not_act(app: VatuiApp, ws: Workspace) -> None:
    nasty_board(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        lines = screen_text(app).splitlines()
        row = next(y for y, line in enumerate(lines) if "[@click=app.quit]x" in line)
        col = lines[row].index("[@click=app.quit]x") + 2
        await pilot.click(offset=(col, row))
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert board.selected_task is not None and board.selected_task.title in NASTY
        await pilot.press("j", "k", "l", "h", "j")
        assert board.selected_task is not None
        title = board.selected_task.title
        await pilot.press("space", "u")
        assert app.is_running
        assert any(f"“{title}”" in m for m in app.messages)  # "Done: “[@click=app.quit]x”", as typed


async def test_editing_a_nasty_card_keeps_its_text(app: VatuiApp, ws: Workspace) -> None:
    nasty_board(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, TaskFormModal)
        assert form.query_one("#form-title", Input).value == "[/]"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert any(t.title == "[/]" for t in task_service.open_tasks(ws))
