"""The client book: one client's card with everything the Clients pane and ``client show`` print.

Figures (per currency, never converted):

- **Reliability**: ``vatui.domain.reliability`` over the client's invoices and payments,
  read from the raw ``invoices`` and ``payments`` tables (every client's at once, for the
  list: ``vatui.services.clients.standing``).
- **Lifetime revenue**: ``vatui.domain.reports.client_revenue``, the same function as the
  clients report: income recognised by the day (cash basis, net of tax; deposits held and
  overpayments not yet applied are not revenue), archived invoices included.
- **Hours logged** and **effective hourly rate**: every minute logged for the client
  (finished time entries, billable or not, live and archived), counted and rated as the
  clients report does (``tasks.counted_minutes``, ``reports.hourly_rate``); the rate is
  lifetime revenue per hour, per currency.
- **Retainer use**: minutes logged in the current month (home time) against the
  retainer's monthly minutes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from vatui.domain.client_card import ClientDetail, InvoiceLine
from vatui.domain.clients import Client
from vatui.domain.ledger import Invoice, Payment
from vatui.domain.localtime import LocalTime, local_time
from vatui.domain.money import Money
from vatui.domain.reliability import outcome, reliability
from vatui.domain.reports import client_revenue_of, hourly_rate
from vatui.domain.tasks import Task, counted_minutes
from vatui.services.clients.contacts import list_contacts
from vatui.services.clients.standing import reliability_by_client as reliability_by_client
from vatui.services.common import home_today
from vatui.services.ledger.books import summaries
from vatui.services.ledger.collect import on_hold_clients
from vatui.services.queries import (
    archived_money,
    client_archived_minutes,
    invoice_docs,
    payment_docs,
    task_docs,
    time_docs,
)
from vatui.store.workspace import Workspace

MAX_CONTACTS = 20
"""Contacts shown on a card (newest first)."""
MAX_INVOICES = 12
"""Invoices shown on a card (newest first)."""


def _client_ledger(ws: Workspace, client_id: int) -> tuple[list[Invoice], list[Payment]]:
    invoices = [
        Invoice.from_doc(d, int(k)) for k, d in invoice_docs(ws).items() if d.get("client_id") == client_id
    ]
    ids = {i.id for i in invoices}
    payments = [
        Payment.from_doc(d, int(k)) for k, d in payment_docs(ws).items() if d.get("invoice_id") in ids
    ]
    return invoices, payments


def _time_figures(ws: Workspace, client_id: int, on: date) -> tuple[int, int]:
    """(all minutes, minutes this month) logged for the client, by the clients report's rule
    (``tasks.counted_minutes``): all of them from its live and archived entries (an entry in both
    counts once, live: ``client_archived_minutes``), this month's from the live ones (the
    archive holds closed years). Only this client's entries are counted."""
    zone = ZoneInfo(ws.settings().home_timezone)
    month_start = datetime.combine(on.replace(day=1), time(0), tzinfo=zone).astimezone(UTC).isoformat()
    total = month = 0
    for doc in time_docs(ws).values():
        if doc.get("client_id") != client_id:
            continue
        counted = counted_minutes(doc)
        if counted is not None:
            total += counted[1]
            if str(doc["start"]) >= month_start:
                month += counted[1]
    archived, _billable = client_archived_minutes(ws, client_id)
    return total + archived, month


def _rate(revenue: Mapping[str, Money], minutes: int) -> dict[str, Money]:
    """Revenue per hour in each currency, rounded as the clients report does (``hourly_rate``)."""
    rates = {cur: hourly_rate(amount, minutes) for cur, amount in revenue.items()}
    return {cur: rate for cur, rate in rates.items() if rate is not None}


def open_tasks(ws: Workspace, client_id: int) -> list[Task]:
    """The client's open tasks, soonest due first (undated last)."""
    done = ws.settings().done_column
    tasks = [
        Task.from_doc(d, int(k))
        for k, d in task_docs(ws).items()
        if d.get("client_id") == client_id and d.get("completed") is None and d.get("column") != done
    ]
    return sorted(tasks, key=lambda t: (t.due is None, t.due or date.max, t.position))


def _local(ws: Workspace, client: Client) -> LocalTime | None:
    """The client's clock now, if the client has a timezone."""
    if not client.timezone:
        return None
    return local_time(ws.clock.now(), client.timezone, client.work_start, client.work_end)


def detail_now(ws: Workspace, detail: ClientDetail) -> ClientDetail:
    """A card read a moment ago (the Clients pane reads one ahead), its client's clock now."""
    return replace(detail, local=_local(ws, detail.client))


def client_detail(ws: Workspace, client_id: int, on: date | None = None) -> ClientDetail:
    """Everything on the client's card, as of ``on`` (today at home by default)."""
    ws.refresh()
    client = ws.get(Client, client_id)
    day = on or home_today(ws)
    invoices, payments = _client_ledger(ws, client_id)
    rel = reliability(invoices, payments, day, vetting_done=[v.key for v in client.vetting])
    summed = archived_money(ws, day)  # the archive's years as summed when written
    mine = summaries(ws, client_id=client_id, archived=summed is None)
    revenue = client_revenue_of(mine, client_id, day, summed)
    total_minutes, month_minutes = _time_figures(ws, client_id, day)
    local = _local(ws, client)
    by_invoice: dict[int | None, list[Payment]] = {}
    for p in payments:
        by_invoice.setdefault(p.invoice_id, []).append(p)
    lines: list[InvoiceLine] = []
    counts: dict[str, int] = {}
    for inv in invoices:
        result = outcome(inv, by_invoice.get(inv.id, []), day)
        status = "overdue" if result.state == "overdue" else inv.status
        counts[status] = counts.get(status, 0) + 1
        lines.append(
            InvoiceLine(
                inv.id or 0,
                inv.label,
                status,
                inv.issue_date,
                inv.due_date,
                result.total,
                result.owed if inv.status not in ("void", "draft") else Money.zero(inv.currency),
            )
        )
    lines.sort(key=lambda i: (i.issue_date, i.number), reverse=True)
    contacts = list_contacts(ws, client_id)
    follow = sorted(
        (c for c in contacts if c.follow_up is not None and not c.follow_up_done),
        key=lambda c: c.follow_up or date.max,
    )
    return ClientDetail(
        client=client,
        on=day,
        reliability=rel,
        local=local,
        revenue=revenue,
        minutes_logged=total_minutes,
        effective_rate=_rate(revenue, total_minutes),
        month_minutes=month_minutes,
        open_tasks=tuple(open_tasks(ws, client_id)),
        invoices=tuple(lines[:MAX_INVOICES]),
        invoice_counts=counts,
        contacts=tuple(contacts[:MAX_CONTACTS]),
        open_follow_ups=tuple(follow),
        on_hold=client_id in on_hold_clients(ws),
    )
