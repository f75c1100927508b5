"""The money reports on a workspace (archived records included), and their ``--json`` shapes."""

from __future__ import annotations

from datetime import date
from typing import Any

from vatui.domain import reports
from vatui.domain.invoicing import AGING_BUCKETS
from vatui.domain.ledger import Expense
from vatui.services.common import client_names, home_today
from vatui.services.ledger.data import all_docs, billed, minutes_by_client
from vatui.services.queries import client_docs
from vatui.store.workspace import Workspace


def _expenses(ws: Workspace) -> list[Expense]:
    return [
        Expense.from_doc(d, int(k)) for k, d in all_docs(ws, "expenses").items() if not d.get("recurrence")
    ]


def _issued(doc: dict[str, Any]) -> bool:
    return doc.get("status") not in ("draft", "void")


def aging_report(ws: Workspace, on: date | None = None) -> list[reports.AgingRow]:
    """A/R aging per client and currency as of ``on`` (today by default)."""
    day = on or home_today(ws)
    return reports.aging(billed(ws, keep=_issued), client_names(ws), day)


def pnl_report(ws: Workspace, start: date | None = None, end: date | None = None) -> list[reports.PnlRow]:
    """Profit and loss by month (cash basis)."""
    return reports.pnl(billed(ws, keep=_issued), _expenses(ws), start, end)


def clients_report(ws: Workspace, on: date | None = None) -> list[reports.ClientRow]:
    """Revenue, hours and effective rate by client."""
    day = on or home_today(ws)
    currency_of = {int(k): str(d.get("currency", "USD")) for k, d in client_docs(ws).items()}
    every, billable = minutes_by_client(ws)
    return reports.by_client(billed(ws, keep=_issued), client_names(ws), currency_of, every, billable, day)


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


# --json shapes ----------------------------------------------------------------------


def aging_json(rows: list[reports.AgingRow], on: date) -> dict[str, Any]:
    """``vatui report aging --json``."""
    totals = reports.aging_totals(rows)
    return {
        "date": on.isoformat(),
        "buckets": list(AGING_BUCKETS),
        "rows": [
            {
                "client": {"id": r.client_id, "name": r.client},
                "currency": r.currency,
                "buckets": {b: r.buckets[b].to_json() for b in AGING_BUCKETS},
                "total": r.total.to_json(),
                "invoices": r.invoices,
                "oldest_days_overdue": max(r.oldest_days, 0),
            }
            for r in rows
        ],
        "totals": {cur: {b: m.to_json() for b, m in t.items()} for cur, t in totals.items()},
    }


def pnl_json(rows: list[reports.PnlRow]) -> dict[str, Any]:
    """``vatui report pnl --json``."""
    totals: dict[str, dict[str, int]] = {}
    for r in rows:
        t = totals.setdefault(r.currency, {"income": 0, "expenses": 0, "withheld": 0})
        t["income"] += r.income.minor
        t["expenses"] += r.expenses.minor
        t["withheld"] += r.withheld.minor
    from vatui.domain.money import Money

    return {
        "basis": "cash",
        "months": [
            {
                "month": r.month,
                "currency": r.currency,
                "income": r.income.to_json(),
                "expenses": r.expenses.to_json(),
                "net": r.net.to_json(),
                "withheld": r.withheld.to_json(),
            }
            for r in rows
        ],
        "totals": {
            cur: {
                "income": Money(t["income"], cur).to_json(),
                "expenses": Money(t["expenses"], cur).to_json(),
                "net": Money(t["income"] - t["expenses"], cur).to_json(),
                "withheld": Money(t["withheld"], cur).to_json(),
            }
            for cur, t in sorted(totals.items())
        },
    }


def clients_json(rows: list[reports.ClientRow]) -> dict[str, Any]:
    """``vatui report clients --json``."""
    return {
        "rows": [
            {
                "client": {"id": r.client_id, "name": r.client},
                "currency": r.currency,
                "revenue": r.revenue.to_json(),
                "invoiced": r.invoiced.to_json(),
                "outstanding": r.outstanding.to_json(),
                "minutes": r.minutes,
                "billable_minutes": r.billable_minutes,
                "effective_rate": r.effective_rate.to_json() if r.effective_rate else None,
            }
            for r in rows
        ]
    }
