"""Real-process helpers for refusals: run ``vatui``, read the workspace's bytes, and seed a
workspace holding dates far outside the business range (written through the store, as an
older version or a hand edit could have left them).
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from vatui.domain.ledger import Invoice
from vatui.domain.money import Money
from vatui.services.clients.contacts import log_contact
from vatui.services.clients.manage import add_client
from vatui.services.ledger.expenses import add_expense
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.tasks.manage import add_task
from vatui.services.tasks.timer import add_time
from vatui.store.workspace import Workspace

VATUI = str(Path(sys.executable).with_name("vatui"))

EXTREMES = ("9999-12-31", "0001-01-01", "9999-12-17", "0001-01-02")
"""Dates a ``date`` can hold but no business date can be."""
EXTREME_MOMENTS = ("9999-12-31T23:59:00+00:00", "0001-01-01T00:00:00+00:00")
"""Moments at the ends of the calendar (shown in any zone, they would leave it)."""


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``vatui ARGS`` as a real process on ``data``, in UTC."""
    env = {**os.environ, "VATUI_DATA_DIR": str(data), "TZ": "UTC"}
    return subprocess.run([VATUI, *args], env=env, capture_output=True, text=True, timeout=60)


def workspace_bytes(data: Path) -> bytes:
    """The workspace file, byte for byte."""
    return (data / "workspace.json").read_bytes()


def assert_refused(data: Path, *args: str, says: tuple[str, ...] = ()) -> str:
    """``vatui ARGS`` exits 1 with one line naming ``says``, and the workspace is unchanged."""
    before = workspace_bytes(data)
    result = run(data, *args)
    message = result.stderr.strip()
    assert result.returncode == 1, (args, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(message.splitlines()) == 1, message
    for fragment in says:
        assert fragment in message, (fragment, message)
    assert workspace_bytes(data) == before
    return message


def seed_extreme_dates(ws: Workspace, zone: str = "Pacific/Kiritimati") -> None:
    """A client, a task, time, a contact, an expense and two sent invoices; then every stored
    date becomes one of ``EXTREMES`` and every moment one of ``EXTREME_MOMENTS``, the home
    zone is ``zone`` (UTC+14 by default), and one invoice is the one of issue 8: issued and
    sent on 9999-12-17, due 9999-12-31."""
    today = date(2026, 11, 20)
    client = add_client(ws, "Acme", currency="USD", hourly_rate=Money(5000, "USD"), terms_days=14)
    cid = client.id or 0
    task = add_task(ws, "Edge", client_id=cid, due=today)
    add_time(ws, task.id or 0, 30, today)
    log_contact(ws, cid, channel="email", summary="Hello", follow_up=today, on=today)
    add_expense(ws, Money(1000, "USD"), category="software", on=today)
    future = new_invoice(ws, cid, items=[ItemSpec("Work", "1", Money(10000, "USD"))], on=today)
    send_invoice(ws, future.id or 0, today)
    past = new_invoice(ws, cid, items=[ItemSpec("More", "1", Money(5000, "USD"))], on=today)
    send_invoice(ws, past.id or 0, today)
    with ws.transaction("extreme dates") as tx:
        turn = 0
        for table in ("tasks", "time", "contacts", "expenses", "clients"):
            for key, doc in list(tx.docs(table).items()):
                fields = {}
                for name, value in doc.items():
                    if not (
                        isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-"
                    ):
                        continue
                    if len(value) == 10:
                        fields[name] = EXTREMES[turn % len(EXTREMES)]
                    elif value[10] == "T":
                        fields[name] = EXTREME_MOMENTS[turn % len(EXTREME_MOMENTS)]
                    turn += 1
                if fields:
                    tx.update(table, int(key), fields)
        tx.update("settings", 1, {"home_timezone": zone})
        tx.save(
            tx.get(Invoice, future.id or 0).with_(
                issue_date=date(9999, 12, 17), sent_on=date(9999, 12, 17), due_date=date.max
            )
        )
        tx.save(
            tx.get(Invoice, past.id or 0).with_(issue_date=date.min, sent_on=date.min, due_date=date(1, 1, 2))
        )
