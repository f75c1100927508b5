"""The client card: reliability from stored invoices, revenue, effective rate, retainer use."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from vatui.domain.clients import Client, VettingCheck
from vatui.domain.clock import FixedClock
from vatui.domain.ledger import Invoice, LineItem, Payment, ReminderSent
from vatui.domain.money import Money
from vatui.domain.tasks import Task, TimeEntry
from vatui.services.clients.card import client_detail, reliability_by_client
from vatui.services.clients.contacts import log_contact
from vatui.services.clients.manage import add_client, edit_client
from vatui.store.workspace import Workspace


def late_payer(ws: Workspace, client_id: int, cur: str = "USD") -> None:
    """Three invoices, each paid late after reminders, recorded straight into the store."""
    with ws.transaction(None) as tx:
        for n, (due, paid) in enumerate(
            [
                (date(2026, 7, 10), date(2026, 7, 30)),
                (date(2026, 8, 10), date(2026, 8, 25)),
                (date(2026, 9, 10), date(2026, 10, 1)),
            ],
            start=1,
        ):
            inv = tx.add(
                Invoice(
                    number=f"INV-2026-{n:04d}",
                    client_id=client_id,
                    issue_date=due - timedelta(days=14),
                    due_date=due,
                    currency=cur,
                    status="paid",
                    sent_on=due - timedelta(days=14),
                    items=(LineItem(description="Admin", quantity="10", unit_price=Money(5000, cur)),),
                    reminders=(
                        ReminderSent(step=1, on=due + timedelta(days=1)),
                        ReminderSent(step=2, on=due + timedelta(days=7)),
                    ),
                )
            )
            tx.add(Payment(invoice_id=inv.id or 0, on=paid, amount=Money(50000, cur)))


def log_minutes(ws: Workspace, client_id: int, start: datetime, minutes: int) -> None:
    with ws.transaction(None) as tx:
        tx.add(
            TimeEntry(
                client_id=client_id, start=start, end=start + timedelta(minutes=minutes), minutes=minutes
            )
        )


def test_late_payer_is_risky_with_reasons(ws: Workspace) -> None:
    acme = add_client(ws, "Acme").id or 0
    late_payer(ws, acme)
    detail = client_detail(ws, acme)
    rel = detail.reliability
    assert rel.badge == "risky"
    assert rel.late == 3 and rel.on_time_percent == 0
    assert "paid 3 of 3 invoices late" in rel.reasons
    assert "on average 18.7 days late" in rel.reasons
    assert "needed 2.0 reminders per invoice" in rel.reasons
    assert any(r.startswith("vetting not finished") for r in rel.reasons)
    assert detail.revenue == {"USD": Money(150000, "USD")}
    assert detail.invoice_counts == {"paid": 3}
    assert [i.number for i in detail.invoices] == ["INV-2026-0003", "INV-2026-0002", "INV-2026-0001"]
    assert reliability_by_client(ws)[acme].badge == "risky"


def test_new_client_is_unproven(ws: Workspace) -> None:
    c = add_client(ws, "New").id or 0
    rel = client_detail(ws, c).reliability
    assert rel.badge == "unproven" and rel.reasons[0] == "no payment history yet"
    assert "vetting not finished" in rel.reasons[1]
    edit_client(
        ws,
        c,
        vetting=tuple(
            VettingCheck(key=k, done_on=date(2026, 11, 1))
            for k in ("contract", "deposit", "references", "billing_contact", "nda")
        ),
    )
    assert client_detail(ws, c).reliability.reasons == ("no payment history yet",)


def test_revenue_effective_rate_and_retainer(ws: Workspace) -> None:
    acme = add_client(ws, "Acme", retainer_minutes=600).id or 0
    late_payer(ws, acme)
    log_minutes(ws, acme, datetime(2026, 10, 5, 9, tzinfo=UTC), 1200)  # last month
    log_minutes(ws, acme, datetime(2026, 11, 2, 9, tzinfo=UTC), 480)  # this month
    log_minutes(ws, acme, datetime(2026, 11, 20, 9, tzinfo=UTC), 120)
    detail = client_detail(ws, acme)
    assert detail.minutes_logged == 1800
    assert detail.effective_rate == {"USD": Money(5000, "USD")}  # 1500 / 30 h
    assert detail.month_minutes == 600 and detail.retainer_percent == 100
    from vatui.cli.json_shapes import client_detail_json

    data = client_detail_json(detail)
    assert data["effective_hourly_rate"] == [{"amount": "50.00", "currency": "USD"}]
    assert data["retainer_use"] == {"month_minutes": 600, "retainer_minutes": 600, "percent": 100}
    assert data["reliability"]["badge"] == "risky"


def test_local_time_open_tasks_and_contacts(ws: Workspace, clock: FixedClock) -> None:
    clock.moment = datetime(2026, 11, 25, 3, 40, tzinfo=UTC)
    acme = add_client(ws, "Acme", timezone="America/New_York", work_start="09:00", work_end="17:30").id or 0
    with ws.transaction(None) as tx:
        now = clock.now()
        tx.add(Task(title="Later", client_id=acme, created=now, updated=now))
        tx.add(Task(title="Soon", client_id=acme, due=date(2026, 11, 30), created=now, updated=now))
        tx.add(Task(title="Done", client_id=acme, column="Done", created=now, updated=now, completed=now))
    log_contact(ws, acme, channel="email", summary="hello", follow_up=date(2026, 11, 30))
    detail = client_detail(ws, acme)
    assert detail.local is not None and detail.local.label() == "22:40 there, outside hours"
    assert [t.title for t in detail.open_tasks] == ["Soon", "Later"]
    assert detail.last_contact is not None and detail.last_contact.summary == "hello"
    assert [c.summary for c in detail.open_follow_ups] == ["hello"]


def test_overdue_and_currencies_apart(ws: Workspace) -> None:
    acme = add_client(ws, "Acme", currency="EUR").id or 0
    with ws.transaction(None) as tx:
        tx.add(
            Invoice(
                number="INV-2026-0009",
                client_id=acme,
                issue_date=date(2026, 10, 1),
                due_date=date(2026, 10, 15),
                currency="EUR",
                status="sent",
                sent_on=date(2026, 10, 1),
                items=(LineItem(description="x", unit_price=Money(10000, "EUR")),),
            )
        )
        tx.add(
            Invoice(
                number="INV-2026-0010",
                client_id=acme,
                issue_date=date(2026, 11, 20),
                due_date=date(2026, 12, 4),
                currency="GBP",
                status="sent",
                sent_on=date(2026, 11, 20),
                items=(LineItem(description="x", unit_price=Money(2000, "GBP")),),
            )
        )
    detail = client_detail(ws, acme)
    assert detail.invoice_counts == {"overdue": 1, "sent": 1}
    assert detail.reliability.outstanding == {"EUR": Money(10000, "EUR"), "GBP": Money(2000, "GBP")}
    assert detail.reliability.oldest_overdue_days == 43
    assert detail.reliability.badge == "risky"
    assert ws.get(Client, acme).currency == "EUR"


def test_the_effective_rate_rounds_as_the_clients_report_does(ws: Workspace) -> None:
    """1,974.00 over 22.4 h is 88.125 an hour: half a cent, rounded up on the card as in
    ``vatui report clients`` (not down to 88.12 from a rounded 60/1344)."""
    from vatui.services.ledger.reports import clients_report

    acme = add_client(ws, "Acme").id or 0
    with ws.transaction(None) as tx:
        inv = tx.add(
            Invoice(
                number="INV-2026-0001",
                client_id=acme,
                issue_date=date(2026, 10, 1),
                due_date=date(2026, 10, 15),
                currency="USD",
                status="paid",
                sent_on=date(2026, 10, 1),
                items=(LineItem(description="Admin", quantity="1", unit_price=Money(197400, "USD")),),
            )
        )
        tx.add(Payment(invoice_id=inv.id or 0, on=date(2026, 10, 10), amount=Money(197400, "USD")))
    log_minutes(ws, acme, datetime(2026, 10, 5, 9, tzinfo=UTC), 1344)
    detail = client_detail(ws, acme)
    (row,) = (r for r in clients_report(ws, detail.on) if r.client_id == acme)
    assert detail.effective_rate == {"USD": Money(8813, "USD")} == {"USD": row.effective_rate}
