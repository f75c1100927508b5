"""The real ``vatui`` in tmux: a forgotten timer asks what to log; a reminder line snoozes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.helpers.terminal import VATUI, Terminal, wait_until
from vatui.domain.clock import FixedClock
from vatui.domain.ledger import Invoice
from vatui.domain.money import Money
from vatui.domain.tasks import TimeEntry
from vatui.services.clients.manage import add_client
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.tasks.manage import add_task
from vatui.services.tasks.timer import start_timer
from vatui.store.workspace import Workspace


def read(data: Path) -> Workspace:
    return Workspace.open(data)


def test_forgotten_timer_and_reminder_snooze_in_a_real_terminal(terminal: Terminal, tmp_path: Path) -> None:
    data = tmp_path / "data"
    now = datetime.now(UTC)
    ws = Workspace.open(data, FixedClock(now - timedelta(hours=100)))
    today = now.date()
    task = add_task(ws, "Inbox zero", due=today - timedelta(days=2))
    start_timer(ws, task.id or 0)
    c = add_client(ws, "Acme", currency="EUR", terms_days=14)
    inv = new_invoice(
        ws, c.id or 0, items=[ItemSpec("Work", "1", Money(10000, "EUR"))], on=today - timedelta(days=60)
    )
    send_invoice(ws, inv.id or 0, today - timedelta(days=60))
    ws.close()

    done_file = tmp_path / "exit-code"
    terminal.start(f"{VATUI}; echo $? > {done_file}")
    terminal.wait_for("Overdue (")
    terminal.keys("t")
    terminal.wait_for("forgotten?")
    terminal.keys("Enter")  # 12h prefilled
    ws = read(data)
    try:
        wait_until(lambda: [e.minutes for e in ws.all(TimeEntry)] == [720])

        terminal.keys("G")  # the reminder line is the last
        terminal.keys("s")
        terminal.wait_for("Snooze reminders for INV-")
        terminal.keys("Enter")  # +7d
        wait_until(lambda: ws.get(Invoice, inv.id or 0).reminders_snoozed_until == today + timedelta(days=7))
    finally:
        ws.close()
    terminal.keys("q")
    wait_until(done_file.exists)
    assert done_file.read_text().strip() == "0"
