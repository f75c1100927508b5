"""What the Board shows: filters, the WIP warning, Done's 14 days, the deposit flag, live changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tests.helpers.board import add_client, board_of, open_board, sample_board, titles
from tests.helpers.pilot import screen_text
from vatui.domain.tasks import Task
from vatui.services.tasks import board as board_service
from vatui.services.tasks import manage as task_service
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.board_client_picker import BoardClientPickerModal

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
"""The fixed clock's moment (``tests/conftest.py``)."""


@pytest.fixture
def ids(ws: Workspace) -> dict[str, int]:
    """The sample board's card ids by title."""
    return sample_board(ws)


def shown(board_titles: dict[str, list[str]]) -> set[str]:
    return {t for column in board_titles.values() for t in column}


def everything(board: object) -> dict[str, list[str]]:
    return {c.column: [t.title for t in c.tasks] for c in board.columns}  # type: ignore[attr-defined]


async def test_f_filters_by_client_and_f_again_clears(app: VatuiApp, ids: dict[str, int]) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("f")
        assert isinstance(app.screen, BoardClientPickerModal)
        await pilot.press(*"bee", "enter")
        await pilot.pause()
        assert shown(everything(board)) == {"Book flights", "Update site", "Logo feedback"}
        assert "@Bee Studio" in screen_text(app).splitlines()[1]
        await pilot.press("f")
        assert "Draft newsletter" in shown(everything(board))
        await pilot.press("f", "enter")  # the first client in the list: Acme Corp
        await pilot.pause()
        assert shown(everything(board)) == {"Draft newsletter", "Invoice run", "Plan Q1", "Sent report"}
        await pilot.press("escape")
        assert len(shown(everything(board))) == len(ids)


async def test_slash_filters_by_text_escape_clears(app: VatuiApp, ids: dict[str, int]) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("slash", *"FLIGHT")
        assert shown(everything(board)) == {"Book flights"}
        await pilot.press("enter")  # keeps the filter, back to the cards
        assert shown(everything(board)) == {"Book flights"}
        assert board.selected_task is not None and board.selected_task.title == "Book flights"
        await pilot.press("slash", "backspace", *"ac", "enter")  # matches the client's name too
        assert shown(everything(board)) >= {"Draft newsletter", "Invoice run"}
        await pilot.press("escape")
        assert len(shown(everything(board))) == len(ids)
        assert "/ac" not in screen_text(app).splitlines()[1]


async def test_typing_a_filter_does_not_read_the_store_again(app: VatuiApp, ids: dict[str, int]) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        reads: list[object] = []
        original = board._reader.snapshot

        def counted(*args: object, **kwargs: object) -> object:
            reads.append(args)
            return original(*args, **kwargs)  # type: ignore[arg-type]

        board._reader.snapshot = counted  # type: ignore[method-assign]
        await pilot.press("slash", *"flight")
        await pilot.pause()
        assert shown(everything(board)) == {"Book flights"}
        await pilot.press("escape")
        await pilot.pause()
        assert len(shown(everything(board))) == len(ids)
        assert reads == [], "a filter keystroke re-read the whole store"


async def test_wip_limit_on_doing_heading(app: VatuiApp, ids: dict[str, int], ws: Workspace) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        doing = next(c for c in board.columns if c.column == "Doing")
        assert "Doing 1/3" in screen_text(app) and not doing.over_limit
        for n in range(3):
            task_service.add_task(ws, f"Extra {n}", column="Doing")
        board.reload()
        await pilot.pause()
        assert doing.over_limit
        assert "Doing 4/3 OVER WIP" in screen_text(app)


async def test_done_shows_the_last_14_days(app: VatuiApp, ids: dict[str, int], ws: Workspace) -> None:
    old = task_service.add_task(ws, "Old done thing", column="Done")
    recent = task_service.add_task(ws, "Recent done thing", column="Done")
    with ws.transaction(None) as tx:
        tx.save(tx.get(Task, old.id or 0).with_(completed=NOW - timedelta(days=20)))
        tx.save(tx.get(Task, recent.id or 0).with_(completed=NOW - timedelta(days=13)))
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        done = titles(board, "Done")
        assert "Recent done thing" in done and "Sent report" in done
        assert "Old done thing" not in done


async def test_another_sessions_change_shows_after_reload_cursor_kept(
    app: VatuiApp,
    ids: dict[str, int],
    data_dir: object,
    clock: object,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("j")
        other = Workspace.open(data_dir, clock)  # type: ignore[arg-type]
        try:
            first = task_service.add_task(other, "From the other session", column="Inbox")
            task_service.reorder_task(other, first.id or 0, -10)  # to the top, above the cursor
        finally:
            other.close()
        board.reload()
        await pilot.pause()
        assert titles(board, "Inbox")[0] == "From the other session"
        assert board.selected_task is not None and board.selected_task.title == "Reply to Jo"


async def test_the_app_notices_another_session_by_itself(
    app: VatuiApp,
    ids: dict[str, int],
    data_dir: object,
    clock: object,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        other = Workspace.open(data_dir, clock)  # type: ignore[arg-type]
        try:
            task_service.add_task(other, "Seen within two seconds", column="Next")
        finally:
            other.close()
        for _ in range(100):  # the app looks once a second; a loaded machine may be slower
            await pilot.pause(0.1)
            if "Seen within two seconds" in titles(board, "Next"):
                break
        assert "Seen within two seconds" in titles(board, "Next")


async def test_unpaid_deposit_flags_the_clients_cards(
    app: VatuiApp,
    ids: dict[str, int],
    ws: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    acme = next(int(k) for k, d in ws.docs("clients").items() if d["name"] == "Acme Corp")
    monkeypatch.setattr(board_service, "blocked_clients", lambda _ws: {acme})
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        lines = screen_text(app).splitlines()
        assert any("$! Acme Corp" in line for line in lines)
        assert not any("$! Bee" in line for line in lines)


async def test_open_record_puts_the_cursor_on_the_card(app: VatuiApp, ids: dict[str, int]) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("1")
        await pilot.pause()
        app.open_record("task", ids["Logo feedback"])
        await pilot.pause()
        await pilot.pause()
        assert app.screen is board
        assert board.focused_column.column == "Waiting"
        assert board.selected_task is not None and board.selected_task.title == "Logo feedback"


async def test_quick_add_uses_the_active_column(app: VatuiApp, ids: dict[str, int], ws: Workspace) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("l", "l", "l")
        assert board.quick_add_column() == "Waiting"


async def test_many_cards_scroll_and_show_their_position(app: VatuiApp, ws: Workspace) -> None:
    client = add_client(ws, "Bulk Ltd")
    for n in range(40):
        task_service.add_task(ws, f"Card {n:02d}", client_id=client, due=date(2026, 12, 1))
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("G")
        text = screen_text(app)
        assert "Card 39" in text and "Card 00" not in text
        assert "40/40" in text
        await pilot.press("g")
        text = screen_text(app)
        assert "Card 00" in text and "1/40" in text
        await pilot.press("pagedown")
        column = board.focused_column
        assert column.cursor == column.page_size()
        assert board_of(app) is board


async def test_scrolling_never_cuts_a_card_in_half(app: VatuiApp, ws: Workspace) -> None:
    from vatui.ui.widgets.board_column import CARD_HEIGHT

    client = add_client(ws, "Bulk Ltd")
    for n in range(30):
        task_service.add_task(ws, f"Card {n:02d}", client_id=client)
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        column = board.focused_column
        for _ in range(29):
            await pilot.press("j")
            assert column.top_line % CARD_HEIGHT == 0, column.top_line
            first_shown = column.top_line // CARD_HEIGHT
            assert first_shown <= column.cursor < first_shown + column.page_size()
        lines = [line for line in screen_text(app).splitlines() if "Card " in line]
        assert lines and "Card 29" in lines[-1]


async def test_the_running_timer_ticks_on_its_card(app: VatuiApp, ids: dict[str, int], clock: object) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert "▸ 0:00:00" in screen_text(app)
        clock.advance(minutes=12, seconds=5)  # type: ignore[attr-defined]
        board._tick()
        await pilot.pause()
        assert "▸ 0:12:05" in screen_text(app)


async def test_mouse_click_selects_and_double_click_opens(app: VatuiApp, ids: dict[str, int]) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        lines = screen_text(app).splitlines()
        row = next(y for y, line in enumerate(lines) if "Update site" in line)
        col = lines[row].index("Update site")
        await pilot.click(offset=(col, row))
        assert board.focused_column.column == "Next"
        assert board.selected_task is not None and board.selected_task.title == "Update site"
        await pilot.click(offset=(col, row), times=2)
        await pilot.pause()
        assert type(app.screen).__name__ == "TaskFormModal"


async def test_columns_changed_in_the_settings_rebuild_the_board(
    app: VatuiApp,
    ids: dict[str, int],
    ws: Workspace,
) -> None:
    from vatui.domain.settings import Settings

    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        with ws.transaction(None) as tx:
            tx.save(
                tx.get(Settings, 1).with_(columns=("Inbox", "Next", "Doing", "Review", "Waiting", "Done"))
            )
        board.reload()
        await pilot.pause()
        await pilot.pause()
        assert [c.column for c in board.columns] == ["Inbox", "Next", "Doing", "Review", "Waiting", "Done"]
        assert titles(board, "Inbox")[0] == "Draft newsletter"
        await pilot.press("l", "l", "l")
        assert board.focused_column.column == "Review"
        assert "Review 0" in screen_text(app)
