"""A workspace whose stored text carries terminal escape sequences, as old data might.

Written through the store directly (``tx.add``), bypassing the services' input rule, so it
simulates text saved before vatui refused control characters (or a hand-edited file).
Every free-text field a screen or a command can show holds ``EVIL``: OSC 52 (set the
clipboard to "HACKED"), OSC 2 and OSC 0 (window title), CSI 2J (clear the screen) and BEL.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from vatui.domain.clients import Channel, Client, Contact, Note, Person
from vatui.domain.ledger import Expense, Invoice, LineItem, Payment
from vatui.domain.money import Money
from vatui.domain.tasks import ChecklistItem, Task, TimeEntry
from vatui.store.workspace import Workspace

EVIL = "\x1b]52;c;SEFDS0VE\x07\x1b]2;PWNED\x07\x1b]0;PWNED0\x1b\\\x1b[2J\x1b[HCLEARED\x07"
"""Sets the clipboard, the window title twice, clears the screen, writes ``CLEARED`` at the
top left, rings."""

ACTIVE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""What a terminal would act on (any control character but newline)."""


def seed(data_dir: Path, today: date | None = None) -> dict[str, int]:
    """Write the hostile workspace into ``data_dir``; returns the ids of its records."""
    today = today or datetime.now(UTC).date()
    now = datetime.now(UTC)
    ws = Workspace.open(data_dir)
    try:
        with ws.transaction("seed" + EVIL) as tx:
            settings = tx.settings().with_(id=1, business_name="Biz" + EVIL, business_details="Street" + EVIL)
            if tx.get_doc("settings", 1) is None:
                tx.insert("settings", settings.to_doc(), 1)
            else:
                tx.save(settings)
            acme = tx.add(
                Client(
                    name="Acme" + EVIL,
                    currency="USD",
                    hourly_rate=Money(5000, "USD"),
                    people=(Person(name="Ann" + EVIL, role="owner" + EVIL, phone="+1" + EVIL),),
                    channels=(
                        Channel(kind="slack", handle="#acme" + EVIL),
                        Channel(kind="email", handle="ops@acme.test"),
                    ),
                    preferred_channel="slack",
                    tags=("vip" + EVIL,),
                    notes=(Note(text="Note" + EVIL, created=now),),
                    created=now,
                    updated=now,
                )
            )
            cid = acme.id or 0
            task = tx.add(
                Task(
                    title="Title" + EVIL,
                    notes="Notes\n" + EVIL,
                    client_id=cid,
                    tags=("tag" + EVIL,),
                    checklist=(ChecklistItem(text="Step" + EVIL),),
                    created=now,
                    updated=now,
                )
            )
            start = now - timedelta(days=1)
            tx.add(
                TimeEntry(
                    task_id=task.id,
                    client_id=cid,
                    start=start,
                    end=start + timedelta(hours=1),
                    minutes=60,
                    note="Time" + EVIL,
                )
            )
            contact = tx.add(
                Contact(
                    client_id=cid,
                    at=now - timedelta(days=2),
                    channel="email",
                    summary="Said" + EVIL,
                    follow_up=today - timedelta(days=1),
                )
            )
            invoice = tx.add(
                Invoice(
                    number="INV-2026-0901",
                    client_id=cid,
                    issue_date=today - timedelta(days=40),
                    due_date=today - timedelta(days=26),
                    currency="USD",
                    status="partial",
                    sent_on=today - timedelta(days=40),
                    notes="Thanks" + EVIL,
                    items=(
                        LineItem(description="Work" + EVIL, quantity="2", unit_price=Money(10000, "USD")),
                    ),
                )
            )
            tx.add(
                Payment(
                    invoice_id=invoice.id or 0,
                    on=today - timedelta(days=5),
                    amount=Money(5000, "USD"),
                    method="Bank" + EVIL,
                    reference="Ref" + EVIL,
                )
            )
            tx.add(
                Expense(
                    on=today - timedelta(days=3),
                    amount=Money(1200, "USD"),
                    category="software",
                    vendor="Vendor" + EVIL,
                    note="Exp" + EVIL,
                )
            )
            return {
                "client": cid,
                "task": task.id or 0,
                "contact": contact.id or 0,
                "invoice": invoice.id or 0,
            }
    finally:
        ws.close()


def old_task(ws: Workspace, title: str, **fields: object) -> Task:
    """A task stored as old data (through the store, not the services: its title may hold
    control characters), at the end of its column."""
    now = datetime.now(UTC)
    column = str(fields.pop("column", "Inbox"))
    with ws.transaction("old task") as tx:
        position = (
            max(
                (d.get("position", 0) for d in tx.docs("tasks").values() if d.get("column") == column),
                default=0,
            )
            + 1
        )
        return tx.add(Task(title=title, column=column, position=position, created=now, updated=now, **fields))  # type: ignore[arg-type]
