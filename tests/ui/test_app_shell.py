"""The shell: panes, help, palette, undo, quit, theme, keymap, live refresh, the header."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.helpers.pilot import SIZE, Ready, Seed, screen_text
from vatui.domain.clock import FixedClock
from vatui.domain.tasks import Task
from vatui.services.tasks.manage import add_task, complete_task, edit_task
from vatui.services.tasks.timer import start_timer
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp, make_app
from vatui.ui.screens.help import HelpModal
from vatui.ui.screens.today import TodayScreen
from vatui.ui.widgets.app_header import AppHeader, HeaderState
from vatui.ui.widgets.triage_list import TriageList


def cursor_title(app: VatuiApp) -> str | None:
    item = app.screen.query_one(TriageList).selected_item
    return item.title if item else None


async def test_keys_1_to_4_switch_panes(app: VatuiApp, seeded: Seed, ready: Ready) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        assert app.current_mode == "today"
        for key, mode in (("2", "board"), ("3", "clients"), ("4", "ledger"), ("1", "today")):
            await pilot.press(key)
            await pilot.pause()
            assert app.current_mode == mode
            assert type(app.screen).__name__ == type(app.pane(mode)).__name__
        assert isinstance(app.screen, TodayScreen)


async def test_header_shows_workspace_pane_date_and_timer(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready, clock: FixedClock
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        first_line = screen_text(app).splitlines()[0]
        assert "vatui · Today" in first_line and "Fri 27 Nov 2026" in first_line
        assert "▶" not in first_line
        start_timer(ws, seeded.newsletter)
        clock.advance(minutes=42, seconds=5)
        app.check_for_changes()
        await pilot.pause()
        first_line = screen_text(app).splitlines()[0]
        assert "▶ Draft newsletter 0:42:05" in first_line


def test_header_line_fits_at_80_with_a_long_timer_title() -> None:
    state = HeaderState("My very long workspace name indeed", "Clients", None, "x" * 300, 3725, True)
    line = AppHeader.compose_line(state, 80)
    assert line.cell_length <= 80
    assert "SAMPLE — not saved" in line.plain
    assert "1:02:05" in line.plain


async def test_help_lists_pane_and_global_keys(app: VatuiApp, seeded: Seed, ready: Ready) -> None:
    async with app.run_test(size=(80, 40)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        rows = {(r.description, r.scope) for r in app.screen.rows}
        for pane_key in ("Done", "Snooze", "Open", "Timer", "Contact", "Remind", "Down", "Top"):
            assert (pane_key, "pane") in rows, pane_key
        for global_key in ("Today", "Board", "Add", "Undo", "Keys", "Quit", "Palette"):
            assert (global_key, "global") in rows, global_key
        text = screen_text(app)
        assert "space" in text and "↓ / j" in text
        assert "Focus Next" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_u_undoes_the_last_change(app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("space")
        await pilot.pause()
        assert ws.get(Task, seeded.overdue).is_done
        await pilot.press("u")
        await pilot.pause()
        assert not ws.get(Task, seeded.overdue).is_done
        assert app.messages[-1].startswith("Undone: complete")
        assert "Send the invoice batch" in screen_text(app)
        await pilot.press("u")  # the edit made while seeding
        await pilot.press("u", "u", "u", "u", "u", "u", "u", "u", "u")
        await pilot.pause()
        assert app.messages[-1] == "nothing to undo"


async def test_q_quits(app: VatuiApp, seeded: Seed, ready: Ready) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_palette_runs_a_today_command(app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Today: mark done")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert ws.get(Task, seeded.overdue).is_done


async def test_palette_goes_to_a_pane(app: VatuiApp, seeded: Seed, ready: Ready) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *"App: go to Ledger")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.current_mode == "ledger"


async def test_theme_is_saved_and_restored(
    data_dir: Path, clock: FixedClock, ws: Workspace, seeded: Seed, ready: Ready
) -> None:
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await ready(pilot)
        app.theme = "nord"
        await pilot.pause()
    assert ws.settings().theme == "nord"
    again = make_app(data_dir, clock=clock, size=SIZE)
    async with again.run_test() as pilot:
        await ready(pilot)
        assert again.theme == "nord"


async def test_keymap_file_remaps_a_binding(
    data_dir: Path, clock: FixedClock, ws: Workspace, seeded: Seed, ready: Ready, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "keymap.toml").write_text('[keys]\ntoday_done = "x"\nquick_add = "ctrl+n"\n')
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("space")  # no longer bound
        await pilot.pause()
        assert not ws.get(Task, seeded.overdue).is_done
        await pilot.press("x")
        await pilot.pause()
        assert ws.get(Task, seeded.overdue).is_done
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert type(app.screen).__name__ == "QuickAddModal"


async def test_a_broken_keymap_file_is_reported_not_fatal(
    data_dir: Path, clock: FixedClock, ws: Workspace, ready: Ready, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "keymap.toml").write_text("[keys\nbroken")
    app = make_app(data_dir, clock=clock, size=SIZE)
    async with app.run_test() as pilot:
        await ready(pilot)
        assert any("not valid TOML" in m for m in app.messages)


async def test_another_sessions_change_appears_and_cursor_stays(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("j")
        assert cursor_title(app) == "Weekly report"
        # another session (this test's own Workspace) changes the file
        complete_task(ws, seeded.overdue)
        add_task(ws, "Call the bank", due=ws.clock.now().date() - timedelta(days=5))
        edit_task(ws, seeded.flights, title="Book flights to Lisbon")
        app.check_for_changes()
        await pilot.pause()
        text = screen_text(app)
        assert "Call the bank" in text and "Book flights to Lisbon" in text
        assert "Send the invoice batch" not in text
        assert cursor_title(app) == "Weekly report"


async def test_the_interval_check_runs_by_itself(
    data_dir: Path, clock: FixedClock, ws: Workspace, seeded: Seed, ready: Ready
) -> None:
    app = make_app(data_dir, clock=clock, size=SIZE)
    app.CHECK_INTERVAL = 0.05
    async with app.run_test() as pilot:
        await ready(pilot)
        edit_task(ws, seeded.flights, title="Book flights to Porto")
        await pilot.pause(0.3)
        assert "Book flights to Porto" in screen_text(app)


async def test_nothing_changed_means_no_reload(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        today = app.screen
        assert isinstance(today, TodayScreen)
        calls = []
        original = today.reload
        today.reload = lambda: calls.append(1) or original()  # type: ignore[method-assign]
        app.check_for_changes()
        app.check_for_changes()
        assert calls == []
        edit_task(ws, seeded.flights, title="Book flights to Quito")  # the control: a change reloads
        app.check_for_changes()
        assert calls == [1]


async def test_service_error_is_shown_not_raised(app: VatuiApp, seeded: Seed, ready: Ready) -> None:
    from vatui.services.tasks.manage import snooze_task

    async with app.run_test() as pilot:
        await ready(pilot)
        today = app.session.now().date()
        result = app.run_service(snooze_task, seeded.overdue, today)  # today is no later day
        assert result is None
        assert "later day" in app.messages[-1]


async def test_change_theme_from_the_palette(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *"change theme")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"gruvbox")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.theme == "gruvbox"
    assert ws.settings().theme == "gruvbox"
    assert ws.undo_label() is not None and "theme" not in (ws.undo_label() or "")


async def test_a_read_in_between_does_not_hide_the_change(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        edit_task(ws, seeded.flights, title="Book flights to Oslo")
        app.session.records(Task)  # some pane read the file first: the data is already new
        app.check_for_changes()
        await pilot.pause()
        assert "Book flights to Oslo" in screen_text(app)
