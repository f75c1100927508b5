"""Small ledger builders: a EUR client at 50.00 an hour, tracked work, a sent invoice."""

from __future__ import annotations

from datetime import date
from typing import Any

from vatui.domain.clients import Client
from vatui.domain.money import Money
from vatui.services.clients.manage import add_client
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.tasks.manage import add_task
from vatui.services.tasks.timer import add_time
from vatui.store.workspace import Workspace


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def client(ws: Workspace, name: str = "Acme", **fields: Any) -> Client:
    fields.setdefault("currency", "EUR")
    fields.setdefault("hourly_rate", eur(5000))
    fields.setdefault("terms_days", 14)
    return add_client(ws, name, **fields)


def work(ws: Workspace, c: Client, title: str, *minutes: int, on: date = date(2026, 11, 20)) -> int:
    task = add_task(ws, title, client_id=c.id)
    for m in minutes:
        add_time(ws, task.id, m, on)
    return task.id or 0


def sent_invoice(ws: Workspace, c: Client, minor: int, on: date = date(2026, 11, 1), kind: str = "standard"):  # type: ignore[no-untyped-def]
    inv = new_invoice(ws, c.id or 0, items=[ItemSpec("Work", "1", eur(minor))], kind=kind, on=on)
    return send_invoice(ws, inv.id or 0, on)
