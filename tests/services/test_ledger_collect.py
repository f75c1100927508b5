"""Reminders, clients on hold, recurring expenses, and two sessions numbering invoices at once."""

from __future__ import annotations

import multiprocessing
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.helpers.ledger import client, eur, sent_invoice
from vatui.domain.clock import FixedClock
from vatui.domain.errors import InputError, RuleError
from vatui.domain.invoice_numbers import parse_number
from vatui.domain.ledger import Expense, Invoice
from vatui.services.ledger.collect import (
    draft_reminder,
    mark_reminder_sent,
    on_hold_clients,
    reminders_due,
)
from vatui.services.ledger.expenses import add_expense, create_due_expenses, delete_expense, occurrence_dates
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.ledger.payments import record_payment
from vatui.store.workspace import Workspace


def test_reminder_drafted_logged_once_a_day_and_final_puts_client_on_hold(ws: Workspace) -> None:
    c = client(ws, "{number} & {0} {client.__class__}")
    inv = sent_invoice(ws, c, 10000)  # due 2026-11-15
    assert [r.name for r in reminders_due(ws, date(2026, 11, 12))] == ["friendly"]
    draft = draft_reminder(ws, inv.id or 0, date(2026, 11, 16))
    assert draft.name == "polite"
    assert "Hi {number} & {0} {client.__class__}," in draft.text
    assert "INV-2026-0001" in draft.text and "€100.00" in draft.text and "2026-11-15" in draft.text
    mark_reminder_sent(ws, inv.id or 0, draft.step, date(2026, 11, 16))
    with pytest.raises(RuleError):
        draft_reminder(ws, inv.id or 0, date(2026, 11, 16))
    with pytest.raises(RuleError):
        mark_reminder_sent(ws, inv.id or 0, 2, date(2026, 11, 16))
    assert reminders_due(ws, date(2026, 11, 16)) == []
    assert on_hold_clients(ws) == set()
    firm = draft_reminder(ws, inv.id or 0, date(2026, 11, 29))  # one step at a time: firm before final
    assert firm.name == "firm" and not firm.final
    mark_reminder_sent(ws, inv.id or 0, firm.step, date(2026, 11, 29))
    final = draft_reminder(ws, inv.id or 0, date(2026, 12, 6))
    assert final.final and "21 days overdue" in final.text
    mark_reminder_sent(ws, inv.id or 0, final.step, date(2026, 12, 6))
    assert on_hold_clients(ws) == {c.id}
    stored = ws.get(Invoice, inv.id or 0)
    assert [(r.step, r.on) for r in stored.reminders] == [
        (1, date(2026, 11, 16)),
        (2, date(2026, 11, 29)),
        (3, date(2026, 12, 6)),
    ]
    record_payment(ws, inv.id or 0, eur(10000), date(2026, 12, 7))
    assert on_hold_clients(ws) == set()
    assert reminders_due(ws, date(2026, 12, 30)) == []
    with pytest.raises(RuleError):
        draft_reminder(ws, inv.id or 0, date(2026, 12, 30))


def test_recurring_expenses_are_created_once(ws: Workspace) -> None:
    t = add_expense(ws, eur(1200), category="software", vendor="Canva", on=date(2026, 8, 31), every="monthly")
    occ = [e for e in ws.all(Expense) if e.template_id == t.id]
    assert sorted(e.on for e in occ) == [date(2026, 8, 31), date(2026, 9, 30), date(2026, 10, 31)]
    assert create_due_expenses(ws, date(2026, 11, 27)) == 0
    assert create_due_expenses(ws, date(2026, 12, 31)) == 2
    assert create_due_expenses(ws, date(2026, 12, 31)) == 0
    assert len([e for e in ws.all(Expense) if e.template_id == t.id]) == 5
    assert occurrence_dates(date(2024, 2, 29), "yearly", date(2028, 3, 1)) == [
        date(2024, 2, 29),
        date(2025, 2, 28),
        date(2026, 2, 28),
        date(2027, 2, 28),
        date(2028, 2, 29),
    ]
    delete_expense(ws, t.id or 0)
    assert create_due_expenses(ws, date(2027, 6, 1)) == 0
    with pytest.raises(InputError):
        add_expense(ws, eur(100), category="yachts")
    with pytest.raises(InputError):
        add_expense(ws, eur(0), category="software")


def _create_many(directory: str, count: int, barrier: multiprocessing.synchronize.Barrier) -> None:  # type: ignore[name-defined]
    ws = Workspace.open(Path(directory), FixedClock(datetime(2026, 11, 27, 9, 30, tzinfo=UTC)))
    client_id = int(next(iter(ws.docs("clients"))))
    barrier.wait()
    for n in range(count):  # numbers are given at send: make a draft, send it
        made = new_invoice(ws, client_id, items=[ItemSpec(f"line {n}", "1", eur(100))], on=date(2026, 11, 27))
        send_invoice(ws, made.id or 0, date(2026, 11, 27))
    ws.close()


@pytest.mark.slow
def test_two_processes_sending_invoices_at_once_get_gapless_unique_numbers(
    ws: Workspace, data_dir: Path
) -> None:
    client(ws)
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_create_many, args=(str(data_dir), 15, barrier)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    ws.refresh()
    numbers = [str(d["number"]) for d in ws.docs("invoices").values()]
    assert len(numbers) == 30
    seqs = sorted(parse_number(n)[1] for n in numbers)  # type: ignore[index]
    assert seqs == list(range(1, 31))
