"""The money reports on a workspace (archived records included), and their ``--json`` shapes.

They read the ledger as ``Settled`` summaries (``vatui.services.ledger.books``): invoices of
the plain shape straight from their stored documents, the others by the full rules.
"""

from __future__ import annotations

from datetime import date

from vatui.domain import reports
from vatui.services.common import client_names, home_today
from vatui.services.ledger.books import spent, summaries
from vatui.services.ledger.data import minutes_by_client
from vatui.services.queries import archived_income, archived_money, client_docs
from vatui.store.workspace import Workspace


def aging_report(ws: Workspace, on: date | None = None) -> list[reports.AgingRow]:
    """A/R aging per client and currency as of ``on`` (today by default)."""
    day = on or home_today(ws)
    return reports.aging_of(summaries(ws, until=day, owed_on=day), client_names(ws), day)


def pnl_report(ws: Workspace, start: date | None = None, end: date | None = None) -> list[reports.PnlRow]:
    """Profit and loss by month (cash basis); the archived invoices' income from the years'
    sums when they can be trusted (``queries.archived_income``), else one by one."""
    summed = archived_income(ws, start, end)  # the archive's years as summed when written
    invoices = summaries(ws) if summed is None else summaries(ws, archived=False)
    return reports.pnl_of(invoices, spent(ws), start, end, summed)


def clients_report(ws: Workspace, on: date | None = None) -> list[reports.ClientRow]:
    """Revenue, hours and effective rate by client; the archived invoices from the years'
    sums when they can be trusted (``queries.archived_money``), else one by one."""
    day = on or home_today(ws)
    currency_of = {int(k): str(d.get("currency", "USD")) for k, d in client_docs(ws).items()}
    every, billable = minutes_by_client(ws)
    summed = archived_money(ws, day)  # the archive's years as summed when written
    invoices = summaries(ws) if summed is None else summaries(ws, archived=False)
    return reports.by_client_of(invoices, client_names(ws), currency_of, every, billable, day, summed)


def last_months(on: date, count: int = 12) -> list[str]:
    """``YYYY-MM`` of the ``count`` months ending with ``on``'s, oldest first."""
    out = []
    year, month = on.year, on.month
    for _i in range(count):
        out.append(f"{year:04d}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return out[::-1]
