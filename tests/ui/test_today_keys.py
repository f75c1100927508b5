"""Today's keys, driven with Pilot; every test checks the store afterwards."""

from __future__ import annotations

from datetime import date

from tests.helpers.pilot import Ready, Seed, screen_text
from vatui.domain.tasks import Task
from vatui.services.tasks.timer import running_timer
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.screens.today import TodayScreen
from vatui.ui.widgets.triage_list import TriageList


def today_of(app: VatuiApp) -> TodayScreen:
    screen = app.screen
    assert isinstance(screen, TodayScreen)
    return screen


def cursor_title(app: VatuiApp) -> str | None:
    item = app.screen.query_one(TriageList).selected_item
    return item.title if item else None


async def test_sections_with_counts_and_quiet_lines(app: VatuiApp, seeded: Seed, ready: Ready) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert "Overdue (2)" in text
        assert "Due today (2)" in text
        assert "Waiting on clients (1)" in text
        assert "Send the invoice batch" in text and "Acme Corp" in text
        assert "Smith [UK]" in text
        assert "Plan Q1" not in text
        assert "Week 3h planned / 30h" in text
        assert "WIP 1/3" in text
        # the cursor starts on the first item, never on a heading
        assert cursor_title(app) == "Send the invoice batch"


async def test_j_k_g_G_move_over_items_only(app: VatuiApp, seeded: Seed, ready: Ready) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("j")
        assert cursor_title(app) == "Weekly report"
        await pilot.press("j")  # skips the "Due today" heading
        assert cursor_title(app) in {"Draft newsletter", "Book flights"}
        await pilot.press("G")
        assert cursor_title(app) == "Chase the signed contract"
        await pilot.press("j")  # stays on the last
        assert cursor_title(app) == "Chase the signed contract"
        await pilot.press("g")
        assert cursor_title(app) == "Send the invoice batch"
        await pilot.press("k")  # stays on the first
        assert cursor_title(app) == "Send the invoice batch"
        await pilot.press("down", "up")
        assert cursor_title(app) == "Send the invoice batch"


async def test_space_completes_and_cursor_moves_on(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("space")
        await pilot.pause()
        assert ws.get(Task, seeded.overdue).is_done
        assert cursor_title(app) == "Weekly report"
        assert "Overdue (1)" in screen_text(app)
        assert any("Done: “Send the invoice batch”" in m for m in app.messages)  # as the Board says it


async def test_space_on_recurring_task_makes_the_next_one(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("j", "space")
        await pilot.pause()
        assert ws.get(Task, seeded.recurring).is_done
        following = [t for t in ws.all(Task) if t.title == "Weekly report" and not t.is_done]
        assert len(following) == 1 and following[0].due == date(2026, 12, 4)


async def test_snooze_asks_a_date_default_tomorrow(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert "tomorrow" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert ws.get(Task, seeded.overdue).snoozed_until == date(2026, 11, 28)
        assert "Send the invoice batch" not in screen_text(app)


async def test_snooze_with_typed_date_and_an_error_in_place(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*"03/04")  # the default is selected: typing replaces it
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "ambiguous" in text.lower()
        assert ws.get(Task, seeded.overdue).snoozed_until is None
        await pilot.press(*["backspace"] * 5, *"+3d")
        await pilot.pause()
        assert "Mon 30 Nov" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert ws.get(Task, seeded.overdue).snoozed_until == date(2026, 11, 30)


async def test_snooze_escape_changes_nothing(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("s", "escape")
        await pilot.pause()
        assert ws.get(Task, seeded.overdue).snoozed_until is None
        assert isinstance(app.screen, TodayScreen)


async def test_t_starts_and_stops_the_timer(app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("t")
        await pilot.pause()
        entry = running_timer(ws)
        assert entry is not None and entry.task_id == seeded.overdue
        assert "▶" in screen_text(app)  # header and summary show it
        await pilot.press("t")
        await pilot.pause()
        assert running_timer(ws) is None


async def test_enter_opens_the_task_form_and_saves(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    from vatui.ui.modals.task_form import TaskFormModal

    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TaskFormModal)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert ws.get(Task, seeded.overdue).title == "Send the invoice batch"


async def test_r_and_c_call_the_flows_with_the_line(app: VatuiApp, seeded: Seed, ready: Ready) -> None:
    """``r`` on a task line says why no reminder; ``c`` opens the contact form of its client,
    the Clients pane never shown."""
    from vatui.ui.modals.contact_form import ContactFormModal

    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert app.messages[-1] == "Reminders are sent for invoices; this line is about a task."
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormModal)
        assert app.screen.client_name == "Acme Corp"
        assert "clients" not in app._panes


async def test_enter_then_save_edits_the_task_and_moves_it(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    from textual.widgets import Input

    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        title = app.screen.query_one("#form-title", Input)
        title.value = "Send the invoice batch [Q4]"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        task = ws.get(Task, seeded.overdue)
        assert task.title == "Send the invoice batch [Q4]"
        assert "Send the invoice batch [Q4]" in screen_text(app)
        assert cursor_title(app) == "Send the invoice batch [Q4]"


async def test_enter_on_other_kinds_opens_their_pane(app: VatuiApp, seeded: Seed, ready: Ready) -> None:
    from vatui.domain.triage import TriageItem, TriageSection

    async with app.run_test() as pilot:
        await ready(pilot)
        opened: list[tuple[str, int]] = []
        app.open_record = lambda kind, ref: opened.append((kind, ref))  # type: ignore[method-assign]
        reminders = TriageSection(
            "reminders",
            "Reminders due",
            (
                TriageItem("invoice", 9, "INV-2026-0009", "Acme Corp", "step: polite"),
                TriageItem("client", 2, "Smith [UK]", "Smith [UK]", "last contact 20 days ago"),
            ),
        )
        app.screen.query_one(TriageList).show([reminders])
        await pilot.press("g", "enter", "j", "enter")
        assert opened == [("invoice", 9), ("client", 2)]
