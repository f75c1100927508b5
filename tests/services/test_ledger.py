"""Invoices from unbilled time, expenses and retainers; send, void, payments, credit, deposits."""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers.ledger import client, eur, sent_invoice, work
from vatui.domain.errors import InputError, NotFoundError, RuleError, VatuiError
from vatui.domain.invoicing import amount_due, totals
from vatui.domain.ledger import Expense, Invoice, TaxLine
from vatui.domain.money import Money
from vatui.domain.tasks import TimeEntry
from vatui.services.ledger.collect import blocked_clients
from vatui.services.ledger.data import find_invoice, invoice_payments
from vatui.services.ledger.expenses import add_expense
from vatui.services.ledger.invoice_list import invoice_rows
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice, void_invoice
from vatui.services.ledger.payments import add_late_fee, propose_late_fee, record_payment
from vatui.services.tasks.timer import unbilled
from vatui.store.workspace import Workspace


def test_unbilled_time_grouped_per_task_rounded_and_marked_billed(ws: Workspace) -> None:
    c = client(ws)
    work(ws, c, "Newsletter", 50, 20)  # 70 → 75 min
    work(ws, c, "Inbox", 10)  # 10 → 15 min
    inv = new_invoice(ws, c.id or 0, unbilled=True, on=date(2026, 11, 27))
    assert inv.number == "" and inv.status == "draft"  # numbered when sent
    assert [(i.description, i.minutes, i.quantity) for i in inv.items] == [
        ("Newsletter", 75, "1.25"),
        ("Inbox", 15, "0.25"),
    ]
    assert totals(inv).total == eur(6250 + 1250)
    assert inv.due_date == date(2026, 12, 11)
    assert unbilled(ws, c.id) == []
    entries = ws.all(TimeEntry)
    assert {e.invoice_id for e in entries} == {inv.id}
    assert sorted(i for line in inv.items for i in line.time_entry_ids) == sorted(e.id for e in entries)


def test_void_releases_time_and_expenses_and_keeps_its_number(ws: Workspace) -> None:
    c = client(ws)
    work(ws, c, "Newsletter", 60)
    add_expense(ws, eur(1999), category="software", vendor="Canva", on=date(2026, 11, 2), client_id=c.id)
    inv = new_invoice(ws, c.id or 0, unbilled=True, on=date(2026, 11, 27))
    inv = send_invoice(ws, inv.id or 0, date(2026, 11, 27))
    assert any(line.expense_ids for line in inv.items)
    assert totals(inv).total == eur(5000 + 1999)
    voided = void_invoice(ws, inv.id or 0)
    assert voided.status == "void" and voided.number == "INV-2026-0001"
    assert len(unbilled(ws, c.id)) == 1
    assert all(e.invoice_id is None for e in ws.all(Expense))
    again = new_invoice(ws, c.id or 0, unbilled=True, on=date(2026, 11, 27))
    assert send_invoice(ws, again.id or 0, date(2026, 11, 27)).number == "INV-2026-0002"
    with pytest.raises(RuleError):
        void_invoice(ws, inv.id or 0)


def test_numbers_are_per_year_of_issue(ws: Workspace) -> None:
    c = client(ws)

    def sent(label: str, on: date) -> Invoice:
        made = new_invoice(ws, c.id or 0, items=[ItemSpec(label, "1", eur(100))], on=on)
        return send_invoice(ws, made.id or 0, date(2026, 1, 2))

    d = sent("c", date(2025, 6, 1))
    a = sent("a", date(2025, 12, 31))
    b = sent("b", date(2026, 1, 1))
    assert (d.number, a.number, b.number) == ("INV-2025-0001", "INV-2025-0002", "INV-2026-0001")
    assert find_invoice(ws, "inv-2025-0001").id == d.id
    assert find_invoice(ws, f"#{b.id}").number == "INV-2026-0001"
    with pytest.raises(NotFoundError):
        find_invoice(ws, "INV-2030-0001")
    with pytest.raises(InputError):
        find_invoice(ws, "twelve")


def test_bad_input_saves_nothing(ws: Workspace) -> None:
    c = client(ws)
    before = dict(ws.docs("invoices"))
    for kwargs in (
        {"items": [ItemSpec("", "1", eur(100))]},
        {"items": [ItemSpec("x", "0", eur(100))]},
        {"items": [ItemSpec("x", "1", Money(100, "USD"))]},
        {"items": [ItemSpec("x", "1", eur(-100))]},
        {"items": [ItemSpec("x", "1", eur(100))], "taxes": [TaxLine(rate="abc")]},
        {"items": [ItemSpec("x", "1", eur(100))], "discount": eur(500)},
        {"unbilled": True},
        {"kind": "retainer"},
        {"kind": "deposit", "unbilled": True},
    ):
        with pytest.raises(VatuiError):
            new_invoice(ws, c.id or 0, **kwargs)  # type: ignore[arg-type]
    assert dict(ws.docs("invoices")) == before


def test_payments_partial_paid_and_overpayment_becomes_credit_used_next(ws: Workspace) -> None:
    c = client(ws)
    inv = sent_invoice(ws, c, 10000)
    r = record_payment(ws, inv.id or 0, eur(4000), date(2026, 11, 5), method="bank")
    assert (r.invoice.status, r.due, r.credit) == ("partial", eur(6000), eur(0))
    r = record_payment(ws, inv.id or 0, eur(7000), date(2026, 11, 6))
    assert (r.invoice.status, r.due, r.credit) == ("paid", eur(0), eur(1000))
    nxt = sent_invoice(ws, c, 2500, on=date(2026, 11, 10))
    assert nxt.credit_applied == eur(1000)
    assert amount_due(nxt, []) == eur(1500)
    assert nxt.status == "partial"
    small = sent_invoice(ws, c, 500, on=date(2026, 11, 11))
    assert small.credit_applied is None  # the credit is used up


def test_credit_can_pay_a_whole_invoice(ws: Workspace) -> None:
    c = client(ws)
    inv = sent_invoice(ws, c, 1000)
    record_payment(ws, inv.id or 0, eur(5000), date(2026, 11, 5))
    nxt = sent_invoice(ws, c, 1500, on=date(2026, 11, 10))
    assert nxt.status == "paid" and nxt.credit_applied == eur(1500)
    with pytest.raises(RuleError):
        record_payment(ws, nxt.id or 0, eur(100), date(2026, 11, 12))


@pytest.mark.parametrize("status", ["draft", "void"])
def test_no_payment_on_draft_or_void(ws: Workspace, status: str) -> None:
    c = client(ws)
    inv = new_invoice(ws, c.id or 0, items=[ItemSpec("x", "1", eur(100))], on=date(2026, 11, 1))
    if status == "void":
        void_invoice(ws, inv.id or 0)
    with pytest.raises(RuleError):
        record_payment(ws, inv.id or 0, eur(100), date(2026, 11, 2))
    assert invoice_payments(ws, inv.id or 0) == []


def test_payment_checks(ws: Workspace) -> None:
    c = client(ws)
    inv = sent_invoice(ws, c, 1000)
    for amount, day in (
        (Money(100, "USD"), date(2026, 11, 2)),
        (eur(0), date(2026, 11, 2)),
        (eur(-5), date(2026, 11, 2)),
        (eur(100), date(2026, 10, 1)),
    ):
        with pytest.raises(VatuiError):
            record_payment(ws, inv.id or 0, amount, day)
    assert invoice_payments(ws, inv.id or 0) == []
    record_payment(ws, inv.id or 0, eur(100), date(2026, 11, 2))
    with pytest.raises(RuleError):
        void_invoice(ws, inv.id or 0)


def test_deposit_blocks_until_paid_then_is_applied_to_the_next_invoice(ws: Workspace) -> None:
    c = client(ws, deposit_percent=30)
    assert blocked_clients(ws) == {c.id}
    dep = sent_invoice(ws, c, 30000, kind="deposit")
    assert blocked_clients(ws) == {c.id}
    record_payment(ws, dep.id or 0, eur(30000), date(2026, 11, 3))
    assert blocked_clients(ws) == set()
    work(ws, c, "Project", 600)
    inv = new_invoice(ws, c.id or 0, unbilled=True, on=date(2026, 11, 27))
    sent = send_invoice(ws, inv.id or 0, date(2026, 11, 27))
    assert sent.deposit_applied == eur(30000)
    assert amount_due(sent, []) == eur(50000 - 30000)
    assert blocked_clients(ws) == set()


def test_retainer_hours_over_become_an_overage_line_at_the_rate(ws: Workspace) -> None:
    c = client(ws, retainer_minutes=600, retainer_fee=eur(40000))
    work(ws, c, "Admin", 300, 250, on=date(2026, 11, 10))
    work(ws, c, "Email", 100, on=date(2026, 11, 12))  # 650 min: 50 over → 60 rounded
    inv = new_invoice(ws, c.id or 0, unbilled=True, kind="retainer", on=date(2026, 11, 27))
    assert inv.items[0].description == "Retainer — November 2026" and inv.items[0].unit_price == eur(40000)
    assert inv.items[1].minutes == 600 and inv.items[1].unit_price == eur(0)
    assert inv.items[2].description.startswith("Retainer overage") and inv.items[2].minutes == 60
    assert totals(inv).total == eur(40000 + 5000)
    entry_ids = [i for line in inv.items for i in line.time_entry_ids]
    assert sorted(entry_ids) == sorted(e.id for e in ws.all(TimeEntry))


def test_late_fee_is_proposed_never_added_until_asked(ws: Workspace) -> None:
    c = client(ws, late_fee_percent="2", late_fee_grace_days=7)
    inv = sent_invoice(ws, c, 10000)  # due 2026-11-15
    assert propose_late_fee(ws, inv.id or 0, date(2026, 11, 22)) is None
    assert propose_late_fee(ws, inv.id or 0, date(2026, 11, 23)) == eur(200)
    assert len(ws.docs("invoices")) == 1
    fee = add_late_fee(ws, inv.id or 0, date(2026, 11, 23))
    assert fee.status == "draft" and fee.items[0].late_fee_for == inv.id and totals(fee).total == eur(200)
    assert propose_late_fee(ws, inv.id or 0, date(2026, 11, 30)) is None
    with pytest.raises(RuleError):
        add_late_fee(ws, inv.id or 0, date(2026, 11, 30))


def test_list_filters_and_overdue(ws: Workspace) -> None:
    c = client(ws)
    a = sent_invoice(ws, c, 1000)
    new_invoice(ws, c.id or 0, items=[ItemSpec("x", "1", eur(100))], on=date(2026, 11, 2))
    rows = invoice_rows(ws, status="overdue", on=date(2026, 11, 20))
    assert [(r.invoice_id, r.shown) for r in rows] == [(a.id, "overdue")]
    assert [r.shown for r in invoice_rows(ws, on=date(2026, 11, 10))] == ["draft", "sent"]
    assert len(invoice_rows(ws, status="draft")) == 1
    assert ws.get(Invoice, a.id or 0).status == "sent"
