"""A backup holding imported tasks and time (``source``), deleted payments (``removed_payments``),
``applied_on`` and ``reminders_snoozed_until`` passes the restore's whole-file check and restores."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.helpers.workspace_file import read_workspace
from vatui.domain.clients import Client
from vatui.domain.clock import FixedClock
from vatui.domain.doc_check import BadDocument
from vatui.domain.ledger import Invoice, LineItem, Payment, PaymentRemoval
from vatui.domain.money import Money
from vatui.domain.tasks import Task, TimeEntry
from vatui.services.exchange.backup import restore
from vatui.store.restore import check_workspace
from vatui.store.workspace import Workspace

T0 = datetime(2026, 11, 2, 9, tzinfo=UTC)


def _fill(ws: Workspace) -> None:
    with ws.transaction("fill") as tx:
        client = tx.add(Client(name="Café Olé", currency="EUR", created=T0, updated=T0))
        task = tx.add(
            Task(title="Imported card", client_id=client.id, created=T0, updated=T0, source="trello:5f0c9a")
        )
        tx.add(
            TimeEntry(task_id=task.id, client_id=client.id, start=T0, end=T0, minutes=30, source="csv:6b1f2e")
        )
        removal = PaymentRemoval(
            payment_id=7, on=date(2026, 11, 5), amount=Money(1000, "EUR"), removed=T0, reason="typed twice"
        )
        invoice = tx.add(
            Invoice(
                number="INV-2026-0001",
                client_id=client.id or 0,
                issue_date=date(2026, 11, 1),
                due_date=date(2026, 11, 15),
                currency="EUR",
                status="partial",
                sent_on=date(2026, 11, 1),
                items=(LineItem(description="Work", unit_price=Money(5000, "EUR")),),
                removed_payments=(removal,),
                applied_on=date(2026, 11, 3),
                reminders_snoozed_until=date(2026, 12, 1),
            )
        )
        tx.add(Payment(invoice_id=invoice.id or 0, on=date(2026, 11, 6), amount=Money(1000, "EUR")))


def test_a_backup_with_the_newer_fields_restores(data_dir: Path, tmp_path: Path, clock: FixedClock) -> None:
    source = tmp_path / "src"
    ws = Workspace.open(source, clock)
    _fill(ws)
    ws.close()
    data = read_workspace(source)
    check_workspace(data)
    assert data["invoices"]["1"]["removed_payments"][0]["reason"] == "typed twice"
    restore(data_dir, source / "workspace.json", clock)
    back = Workspace.open(data_dir, clock)
    try:
        assert back.docs("tasks")["1"]["source"] == "trello:5f0c9a"
        assert back.docs("time")["1"]["source"] == "csv:6b1f2e"
        invoice = back.get(Invoice, 1)
        assert invoice.applied_on == date(2026, 11, 3) and invoice.reminders_snoozed_until == date(
            2026, 12, 1
        )
        assert invoice.removed_payments[0].payment_id == 7
    finally:
        back.close()


@pytest.mark.parametrize(
    ("table", "field", "value", "why"),
    [
        ("tasks", "source", 12, "tasks #1.source: expected text"),
        ("invoices", "applied_on", "soon", "invoices #1.applied_on: not a date"),
        ("invoices", "reminders_snoozed_until", 20261201, "invoices #1.reminders_snoozed_until: expected"),
        ("invoices", "removed_payments", [{"payment_id": 7}], "invoices #1.removed_payments[0]: the field"),
    ],
)
def test_the_newer_fields_are_checked(
    tmp_path: Path, clock: FixedClock, table: str, field: str, value: object, why: str
) -> None:
    ws = Workspace.open(tmp_path / "src", clock)
    _fill(ws)
    ws.close()
    data = read_workspace(tmp_path / "src")
    data[table]["1"][field] = value
    with pytest.raises(BadDocument, match=why.replace("[", r"\[").replace("]", r"\]")):
        check_workspace(data)
