"""Every Board key, driven through the real app at 80×24, checked in the store afterwards."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, Select

from tests.helpers.board import board_of, open_board, sample_board, stored, titles
from vatui.domain.tasks import Task
from vatui.services.tasks import manage as task_service
from vatui.services.tasks.timer import running_timer
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.confirm import ConfirmModal
from vatui.ui.modals.date_prompt import DatePromptModal
from vatui.ui.modals.task_form import TaskFormModal


@pytest.fixture
def ids(ws: Workspace) -> dict[str, int]:
    """The sample board's card ids by title (seeded before the app starts)."""
    return sample_board(ws)


async def test_cursor_keys_move_in_and_across_columns(
    app: VatuiApp, ids: dict[str, int], ws: Workspace
) -> None:
    before = dict(ws.docs("tasks"))
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        assert board.selected_task is not None and board.selected_task.title == "Draft newsletter"
        for key, title in [
            ("j", "Reply to Jo"),
            ("down", "Book flights"),
            ("k", "Reply to Jo"),
            ("up", "Draft newsletter"),
            ("G", "Book flights"),
            ("g", "Draft newsletter"),
        ]:
            await pilot.press(key)
            assert board.selected_task is not None and board.selected_task.title == title, key
        for key, column in [
            ("l", "Next"),
            ("right", "Doing"),
            ("h", "Next"),
            ("left", "Inbox"),
            ("h", "Inbox"),
        ]:
            await pilot.press(key)
            assert board.focused_column.column == column, key
    assert dict(ws.docs("tasks")) == before


@pytest.mark.parametrize(("right", "left"), [("L", "H"), ("shift+right", "shift+left")])
async def test_move_card_between_columns_cursor_follows(
    app: VatuiApp,
    ids: dict[str, int],
    ws: Workspace,
    right: str,
    left: str,
) -> None:
    card = ids["Draft newsletter"]
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press(right)
        assert stored(ws, card).column == "Next"
        assert board.focused_column.column == "Next" and board.selected_task is not None
        assert board.selected_task.id == card
        await pilot.press(left)
        assert stored(ws, card).column == "Inbox"
        assert board.focused_column.column == "Inbox" and board.focused_column.selected_id == card
        assert titles(board, "Inbox")[-1] == "Draft newsletter"  # the end of the column


async def test_moving_into_done_completes(app: VatuiApp, ids: dict[str, int], ws: Workspace) -> None:
    card = ids["Plan Q1"]
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("l", "l", "L", "L")
        task = stored(ws, card)
        assert task.column == "Done" and task.completed is not None
        assert board.focused_column.column == "Done" and board.focused_column.selected_id == card


@pytest.mark.parametrize(("down", "up"), [("J", "K"), ("shift+down", "shift+up")])
async def test_reorder_inside_a_column(
    app: VatuiApp,
    ids: dict[str, int],
    ws: Workspace,
    down: str,
    up: str,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press(down)
        order = [t.title for t in task_service.column_tasks(ws.all(Task), "Inbox")]
        assert order == ["Reply to Jo", "Draft newsletter", "Book flights"]
        assert board.selected_task is not None and board.selected_task.title == "Draft newsletter"
        await pilot.press(up)
        order = [t.title for t in task_service.column_tasks(ws.all(Task), "Inbox")]
        assert order == ["Draft newsletter", "Reply to Jo", "Book flights"]


async def test_space_completes_and_the_cursor_goes_to_the_neighbour(
    app: VatuiApp,
    ids: dict[str, int],
    ws: Workspace,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("space")
        assert stored(ws, ids["Draft newsletter"]).completed is not None
        assert board.focused_column.column == "Inbox"
        assert board.selected_task is not None and board.selected_task.title == "Reply to Jo"
        assert "Draft newsletter" in titles(board, "Done")


async def test_space_on_a_recurring_card_creates_the_next(
    app: VatuiApp, ids: dict[str, int], ws: Workspace
) -> None:
    weekly = task_service.add_task(ws, "Weekly report", due=date(2026, 11, 27), recurrence="weekly")
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("G")
        assert board.selected_task is not None and board.selected_task.id == weekly.id
        await pilot.press("space")
    reports = [t for t in ws.all(Task) if t.title == "Weekly report"]
    assert len(reports) == 2
    done = next(t for t in reports if t.id == weekly.id)
    following = next(t for t in reports if t.id != weekly.id)
    assert done.completed is not None
    assert following.completed is None and following.due == date(2026, 12, 4)
    assert following.recurrence == "weekly"


async def test_space_in_done_reopens(app: VatuiApp, ids: dict[str, int], ws: Workspace) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("l", "l", "l", "l")
        assert board.focused_column.column == "Done"
        await pilot.press("space")
        task = stored(ws, ids["Sent report"])
        assert task.completed is None and task.column == "Inbox"


async def test_reschedule_with_the_date_prompt(app: VatuiApp, ids: dict[str, int], ws: Workspace) -> None:
    card = ids["Draft newsletter"]
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, DatePromptModal)
        await pilot.press("enter")  # the default: tomorrow
        assert stored(ws, card).due == date(2026, 11, 28)
        await pilot.press("s")
        app.screen.query_one(Input).value = "mon"
        await pilot.press("enter")
        assert stored(ws, card).due == date(2026, 11, 30)
        await pilot.press("s", "escape")
        assert stored(ws, card).due == date(2026, 11, 30)
        assert board.selected_task is not None and board.selected_task.id == card


async def test_delete_asks_first_then_undo_brings_it_back(
    app: VatuiApp, ids: dict[str, int], ws: Workspace
) -> None:
    card = ids["Reply to Jo"]
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("j", "x")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        assert str(card) in ws.docs("tasks")
        await pilot.press("x")
        await pilot.press("y")
        await pilot.pause()
        assert str(card) not in ws.docs("tasks")
        assert board.selected_task is not None and board.selected_task.title == "Book flights"
        await pilot.press("u")
        await pilot.pause()
        assert str(card) in ws.docs("tasks")
        assert "Reply to Jo" in titles(board, "Inbox")
        assert board.selected_task is not None and board.selected_task.title == "Book flights"


async def test_t_starts_and_stops_the_timer(app: VatuiApp, ids: dict[str, int], ws: Workspace) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("t")
        entry = running_timer(ws)
        assert entry is not None and entry.task_id == ids["Draft newsletter"]
        await pilot.press("t")
        assert running_timer(ws) is None


async def test_n_adds_a_card_in_the_focused_column(app: VatuiApp, ids: dict[str, int], ws: Workspace) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("l", "n")
        assert isinstance(app.screen, TaskFormModal)
        await pilot.press(*"Write proposal")
        app.screen.query_one("#form-due", Input).value = "fri"
        app.screen.query_one("#form-estimate", Input).value = "1h30m"
        await pilot.press("enter")
        await pilot.pause()
        added = next(t for t in ws.all(Task) if t.title == "Write proposal")
        assert added.column == "Next" and added.due == date(2026, 12, 4) and added.estimate_minutes == 90
        assert board.focused_column.column == "Next" and board.selected_task is not None
        assert board.selected_task.id == added.id


async def test_enter_edits_fields_and_column(app: VatuiApp, ids: dict[str, int], ws: Workspace) -> None:
    card = ids["Draft newsletter"]
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, TaskFormModal)
        form.query_one("#form-title", Input).value = "Draft the December newsletter"
        form.query_one("#form-column", Select).value = "Waiting"
        form.query_one("#form-recurrence", Input).value = "monthly"
        await pilot.press("ctrl+s")
        await pilot.pause()
        task = stored(ws, card)
        assert task.title == "Draft the December newsletter"
        assert task.column == "Waiting" and task.recurrence == "monthly"
        assert task.priority == "high" and task.estimate_minutes == 90  # untouched fields kept
        assert board.focused_column.column == "Waiting" and board.selected_task is not None
        assert board.selected_task.id == card
        await pilot.press("u")  # the edit and the move were one change: one undo takes back both
        await pilot.pause()
        task = stored(ws, card)
        assert task.title != "Draft the December newsletter" and task.column != "Waiting"


async def test_escape_in_the_form_saves_nothing(app: VatuiApp, ids: dict[str, int], ws: Workspace) -> None:
    before = dict(ws.docs("tasks"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("enter")
        app.screen.query_one("#form-title", Input).value = "Changed"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TaskFormModal)
    assert dict(ws.docs("tasks")) == before


async def test_c_logs_a_contact_with_the_cards_client(app: VatuiApp, ids: dict[str, int]) -> None:
    from vatui.ui.modals.contact_form import ContactFormModal

    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormModal)
        assert app.screen.client_name == "Acme Corp"


async def test_palette_runs_board_commands(app: VatuiApp, ids: dict[str, int], ws: Workspace) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Board: move card right")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert stored(ws, ids["Draft newsletter"]).column == "Next"
        assert board_of(app) is board and board.focused_column.column == "Next"


async def test_undo_of_a_move_takes_the_cursor_back_with_the_card(
    app: VatuiApp,
    ids: dict[str, int],
    ws: Workspace,
) -> None:
    card = ids["Draft newsletter"]
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("L")
        assert board.focused_column.column == "Next"
        await pilot.press("u")
        await pilot.pause()
        assert stored(ws, card).column == "Inbox"
        assert board.focused_column.column == "Inbox" and board.selected_task is not None
        assert board.selected_task.id == card


async def test_reorder_in_done_explains_instead(app: VatuiApp, ids: dict[str, int], ws: Workspace) -> None:
    before = dict(ws.docs("tasks"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("l", "l", "l", "l", "J")
        await pilot.pause()
        assert any("finished" in m for m in app.messages)
    assert dict(ws.docs("tasks")) == before


async def test_moving_past_the_last_column_changes_nothing(
    app: VatuiApp, ids: dict[str, int], ws: Workspace
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("H")
        assert stored(ws, ids["Draft newsletter"]).column == "Inbox"
        assert board.selected_task is not None and board.selected_task.id == ids["Draft newsletter"]
