"""Issue 8 item 5 in the app: reminders snooze from Today, a forgotten timer asks, holds show."""

from __future__ import annotations

from datetime import date

from tests.helpers.pilot import Ready, screen_text
from vatui.domain.clock import FixedClock
from vatui.domain.ledger import Invoice
from vatui.domain.money import Money
from vatui.domain.tasks import TimeEntry
from vatui.services.clients.card import client_detail
from vatui.services.clients.manage import add_client
from vatui.services.ledger.collect import mark_reminder_sent
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.tasks.manage import add_task
from vatui.services.tasks.timer import running_timer, start_timer
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.long_timer import LongTimerModal
from vatui.ui.widgets.client_card import card_content


def overdue_invoice(ws: Workspace) -> tuple[int, int]:
    c = add_client(ws, "Acme", currency="EUR", terms_days=14)
    inv = new_invoice(ws, c.id or 0, items=[ItemSpec("Work", "1", Money(10000, "EUR"))], on=date(2026, 10, 1))
    send_invoice(ws, inv.id or 0, date(2026, 10, 1))
    return c.id or 0, inv.id or 0


async def test_s_on_a_reminder_line_snoozes_it(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    _cid, inv = overdue_invoice(ws)
    async with app.run_test() as pilot:
        await ready(pilot)
        assert "INV-2026-0001" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert "Snooze reminders for INV-2026-0001" in screen_text(app)
        await pilot.press("enter")  # default +7d
        await pilot.pause()
        assert ws.get(Invoice, inv).reminders_snoozed_until == date(2026, 12, 4)
        assert "step: firm" not in screen_text(app)


async def test_stopping_a_forgotten_timer_asks_what_to_log(
    app: VatuiApp, ws: Workspace, clock: FixedClock, ready: Ready
) -> None:
    task = add_task(ws, "Inbox zero", due=date(2026, 11, 27))
    start_timer(ws, task.id or 0)
    clock.advance(hours=100)
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, LongTimerModal)
        assert "12h" in screen_text(app)
        await pilot.press("escape")  # keep it running, nothing logged
        await pilot.pause()
        assert running_timer(ws) is not None
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*["backspace"] * 3, *"3h")
        await pilot.press("enter")
        await pilot.pause()
        assert running_timer(ws) is None
        assert [e.minutes for e in ws.all(TimeEntry)] == [180]


def test_the_client_card_says_on_hold(ws: Workspace) -> None:
    cid, inv = overdue_invoice(ws)
    mark_reminder_sent(ws, inv, 2, date(2026, 11, 1))
    mark_reminder_sent(ws, inv, 3, date(2026, 11, 20))
    text = card_content(client_detail(ws, cid)).plain
    assert "on hold: unpaid" in text


async def test_board_t_on_another_card_asks_before_stopping_a_forgotten_timer(
    app: VatuiApp, ws: Workspace, clock: FixedClock
) -> None:
    from tests.helpers.board import open_board, sample_board

    ids = sample_board(ws)
    start_timer(ws, ids["Plan Q1"])
    clock.advance(hours=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("t")  # on "Draft newsletter"
        await pilot.pause()
        assert isinstance(app.screen, LongTimerModal)
        await pilot.press("escape")
        await pilot.pause()
        running = running_timer(ws)
        assert running is not None and running.task_id == ids["Plan Q1"]
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")  # 12h prefilled
        await pilot.pause()
        running = running_timer(ws)
        assert running is not None and running.task_id == ids["Draft newsletter"]
        assert [e.minutes for e in ws.all(TimeEntry) if e.task_id == ids["Plan Q1"]] == [720]
