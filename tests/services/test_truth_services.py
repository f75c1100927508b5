"""Issue 8 item 5 at the services layer: documents, cards, exports and Today tell the truth."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.helpers.ledger import client, eur, sent_invoice
from vatui.domain.clock import FixedClock
from vatui.domain.errors import InputError, RuleError
from vatui.domain.invoicing import settlements
from vatui.domain.ledger import TaxLine
from vatui.services.clients.card import client_detail
from vatui.services.documents.invoice import render
from vatui.services.exchange.csv_export import export_csv
from vatui.services.ledger.collect import mark_reminder_sent, reminders_due, snooze_reminders
from vatui.services.ledger.expenses import add_expense
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.ledger.payments import record_payment
from vatui.services.ledger.reports import clients_report, pnl_report
from vatui.services.tasks.manage import add_task
from vatui.services.tasks.timer import (
    LONG_TIMER_MINUTES,
    LongTimerError,
    running_timer,
    start_timer,
    stop_timer,
)
from vatui.services.today.triage import triage
from vatui.store.workspace import Workspace


def test_a_document_shows_what_paid_this_invoice_and_the_credit_apart(ws: Workspace) -> None:
    c = client(ws)
    inv = sent_invoice(ws, c, 15000)
    record_payment(ws, inv.id or 0, eur(10000), date(2026, 11, 2))
    record_payment(ws, inv.id or 0, eur(10000), date(2026, 11, 3))
    for fmt in ("txt", "md", "html"):
        doc = render(ws, inv.id or 0, fmt)
        assert "-200.00" not in doc, fmt
        assert "-€150.00" in doc and "€0.00" in doc, fmt
        assert "held as your credit" in doc and "€50.00" in doc, fmt


def test_the_card_and_the_clients_report_share_one_revenue(ws: Workspace) -> None:
    c = client(ws)
    inv = new_invoice(
        ws,
        c.id or 0,
        items=[ItemSpec("Work", "1", eur(12500))],
        on=date(2026, 11, 1),
        taxes=[TaxLine(rate="20")],
    )
    send_invoice(ws, inv.id or 0, date(2026, 11, 1))  # total 150.00, 25.00 tax
    record_payment(ws, inv.id or 0, eur(15000), date(2026, 11, 5))
    card = client_detail(ws, c.id or 0).revenue
    row = next(r for r in clients_report(ws) if r.client_id == c.id)
    assert card == {"EUR": row.revenue} == {"EUR": eur(12500)}


def test_csv_expenses_are_real_money_out_and_sum_to_the_pnl(ws: Workspace, tmp_path: Path) -> None:
    add_expense(ws, eur(1200), category="software", vendor="Canva", on=date(2026, 9, 30), every="monthly")
    add_expense(ws, eur(500), category="fees", on=date(2026, 11, 2))
    export_csv(ws, tmp_path)
    with (tmp_path / "expenses.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert all(not r["recurrence"] for r in rows)
    spent = sum(r.expenses.minor for r in pnl_report(ws))
    assert sum(int(r["amount"].replace(".", "")) for r in rows) == spent == 1200 * 2 + 500
    with (tmp_path / "expense_templates.csv").open() as f:
        templates = list(csv.DictReader(f))
    assert [t["recurrence"] for t in templates] == ["monthly"]


def test_a_credit_is_applied_no_earlier_than_it_existed(ws: Workspace) -> None:
    c = client(ws)
    # last year's invoice (numbers follow dates within a year: 2026's October is still free)
    first = sent_invoice(ws, c, 10000, on=date(2025, 11, 1))
    record_payment(ws, first.id or 0, eur(15000), date(2026, 11, 20))  # 50.00 credit from 20 Nov
    back = new_invoice(ws, c.id or 0, items=[ItemSpec("October", "1", eur(4000))], on=date(2026, 10, 15))
    sent = send_invoice(ws, back.id or 0, date(2026, 10, 15))
    assert sent.credit_applied == eur(4000) and sent.status == "paid"
    assert sent.applied_on == date(2026, 11, 20)
    assert [s.on for s in settlements(sent, [])] == [date(2026, 11, 20)]
    assert [(r.month, r.income.minor) for r in pnl_report(ws)] == [("2026-11", 14000)]


def test_a_snoozed_reminder_leaves_today_until_its_day(ws: Workspace) -> None:
    c = client(ws)
    inv = sent_invoice(ws, c, 10000)  # due 15 Nov
    assert [r.invoice.id for r in reminders_due(ws, date(2026, 11, 27))] == [inv.id]
    snoozed = snooze_reminders(ws, inv.id or 0, date(2026, 12, 1))
    assert snoozed.reminders_snoozed_until == date(2026, 12, 1)
    assert reminders_due(ws, date(2026, 11, 30)) == []
    assert [r.invoice.id for r in reminders_due(ws, date(2026, 12, 1))] == [inv.id]
    with pytest.raises(InputError):
        snooze_reminders(ws, inv.id or 0, date(2026, 11, 1))
    record_payment(ws, inv.id or 0, eur(10000), date(2026, 11, 28))
    with pytest.raises(RuleError):
        snooze_reminders(ws, inv.id or 0, date(2026, 12, 5))


def test_after_the_last_step_the_invoice_stays_on_today_and_the_hold_shows(ws: Workspace) -> None:
    c = client(ws)
    inv = sent_invoice(ws, c, 10000)  # due 15 Nov
    mark_reminder_sent(ws, inv.id or 0, 2, date(2026, 11, 22))
    mark_reminder_sent(ws, inv.id or 0, 3, date(2026, 11, 29))
    sections = {s.key: s for s in triage(ws, date(2026, 12, 3)).sections}
    items = [i for i in sections["reminders"].items if i.ref == inv.id]
    assert items and "all reminders sent" in items[0].detail and "on hold" in items[0].detail
    assert client_detail(ws, c.id or 0).on_hold


def test_a_timer_running_past_12_hours_asks_what_to_log(ws: Workspace, clock: FixedClock) -> None:
    task = add_task(ws, "Inbox")
    start_timer(ws, task.id or 0)
    clock.advance(hours=100)
    with pytest.raises(LongTimerError) as caught:
        stop_timer(ws)
    assert caught.value.elapsed_minutes == 100 * 60
    with pytest.raises(LongTimerError):
        start_timer(ws, task.id or 0)  # starting another stops this one
    assert running_timer(ws) is not None
    with pytest.raises(InputError):
        stop_timer(ws, minutes=0)
    entry = stop_timer(ws, minutes=LONG_TIMER_MINUTES)
    assert entry is not None and entry.minutes == 12 * 60 and entry.end == entry.start + timedelta(hours=12)
    assert running_timer(ws) is None


def test_keeping_a_long_timer_logs_it_whole_within_a_day(ws: Workspace, clock: FixedClock) -> None:
    task = add_task(ws, "Inbox")
    start_timer(ws, task.id or 0)
    clock.advance(hours=13)
    entry = stop_timer(ws, keep=True)
    assert entry is not None and entry.minutes == 13 * 60
    start_timer(ws, task.id or 0)
    clock.advance(hours=30)
    with pytest.raises(InputError):
        stop_timer(ws, keep=True)  # one entry holds at most 24 h


def test_a_deposit_is_applied_no_earlier_than_it_was_paid(ws: Workspace) -> None:
    c = client(ws, deposit_percent=20)
    dep = sent_invoice(ws, c, 3000, on=date(2025, 11, 10), kind="deposit")  # numbered in 2025
    record_payment(ws, dep.id or 0, eur(3000), date(2026, 11, 25))
    back = new_invoice(ws, c.id or 0, items=[ItemSpec("September", "1", eur(10000))], on=date(2026, 9, 15))
    sent = send_invoice(ws, back.id or 0, date(2026, 9, 15))
    assert sent.deposit_applied == eur(3000) and sent.applied_on == date(2026, 11, 25)
    assert [(r.month, r.income.minor) for r in pnl_report(ws)] == [("2026-11", 3000)]


def test_a_credit_held_long_enough_is_applied_on_the_send_day(ws: Workspace) -> None:
    c = client(ws)
    january = sent_invoice(ws, c, 1000, on=date(2026, 1, 5))
    march = sent_invoice(ws, c, 10000, on=date(2026, 3, 1))
    record_payment(ws, march.id or 0, eur(15000), date(2026, 3, 10))  # 50.00 credit since March
    record_payment(ws, january.id or 0, eur(2000), date(2026, 11, 20))  # 10.00 more in November
    back = new_invoice(ws, c.id or 0, items=[ItemSpec("October", "1", eur(4000))], on=date(2026, 10, 15))
    sent = send_invoice(ws, back.id or 0, date(2026, 10, 15))
    assert sent.credit_applied == eur(4000) and sent.applied_on == date(2026, 10, 15)
    more = new_invoice(ws, c.id or 0, items=[ItemSpec("Also October", "1", eur(3000))], on=date(2026, 10, 20))
    sent = send_invoice(ws, more.id or 0, date(2026, 10, 20))  # 10 left since March, 20 needs Nov
    assert sent.credit_applied == eur(2000) and sent.applied_on == date(2026, 11, 20)
