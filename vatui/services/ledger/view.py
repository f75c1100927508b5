"""What the Ledger pane shows, read cheaply from raw documents.

``ledger_view`` reads the invoices, payments and expenses lists: only open and draft
invoices are converted to records (their amount due needs the rules); paid and void ones
are shown from their stored fields. ``pnl_view`` and ``clients_view`` are read when their
tab is shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from vatui.domain import reports
from vatui.domain.invoicing import OPEN_STATUSES, aging_bucket, amount_due, totals
from vatui.domain.ledger import Expense, Invoice, Payment
from vatui.domain.ledger_rows import InvoiceRow, LedgerView, PaymentRow
from vatui.domain.money import Money
from vatui.i18n import _
from vatui.services.common import client_names, home_today
from vatui.services.ledger.reports import clients_report, last_months, pnl_report
from vatui.services.queries import expense_docs, invoice_docs, payment_docs
from vatui.store.workspace import Workspace


def _money(doc: Mapping[str, Any]) -> Money:
    return Money(int(doc["minor"]), str(doc["currency"]))


def ledger_view(ws: Workspace, on: date | None = None) -> LedgerView:
    """Read the pane's invoices, payments and expenses lists."""
    day = on or home_today(ws)
    names = client_names(ws)
    inv_docs = invoice_docs(ws)
    pay_docs = payment_docs(ws)
    live = {int(k) for k, d in inv_docs.items() if d.get("status") in OPEN_STATUSES}
    pays: dict[int, list[Payment]] = {}
    for key, doc in pay_docs.items():
        if int(doc["invoice_id"]) in live:
            pays.setdefault(int(doc["invoice_id"]), []).append(Payment.from_doc(doc, int(key)))
    rows = []
    for key, doc in inv_docs.items():
        iid, status, cur = int(key), str(doc.get("status")), str(doc["currency"])
        client = names.get(int(doc["client_id"]), f"#{doc['client_id']}")
        bucket = None
        if status in OPEN_STATUSES or status == "draft":
            invoice = Invoice.from_doc(doc, iid)
            due = totals(invoice).total if status == "draft" else amount_due(invoice, pays.get(iid, []))
            if status != "draft" and due.minor > 0:
                bucket = aging_bucket(invoice.due_date, day)
                if invoice.due_date < day:
                    status = "overdue"
        else:
            due = Money.zero(cur)
        rows.append(
            InvoiceRow(
                iid,
                str(doc["number"]) or _("draft #{id}").format(id=iid),
                str(doc["issue_date"]),
                str(doc.get("kind", "standard")),
                client,
                due,
                status,
                bucket,
                str(doc.get("due_date", "")),
            )
        )
    rows.sort(key=lambda r: (r.issue_date, r.number), reverse=True)
    numbers = {int(k): (str(d["number"]), names.get(int(d["client_id"]), "")) for k, d in inv_docs.items()}
    payments = []
    for key, doc in pay_docs.items():
        number, client = numbers.get(int(doc["invoice_id"]), ("?", ""))
        payments.append(
            PaymentRow(
                int(key),
                int(doc["invoice_id"]),
                str(doc["on"]),
                _money(doc["amount"]),
                str(doc.get("method") or ""),
                number,
                client,
            )
        )
    payments.sort(key=lambda r: (r.on, r.id), reverse=True)
    expenses = sorted(
        (Expense.from_doc(d, int(k)) for k, d in expense_docs(ws).items() if not d.get("recurrence")),
        key=lambda e: (e.on, e.id or 0),
        reverse=True,
    )
    return LedgerView(day, rows, payments, expenses)


def pnl_view(ws: Workspace, on: date | None = None) -> tuple[list[reports.PnlRow], list[str]]:
    """P&L rows of the last 12 months and those months (``YYYY-MM``, oldest first): the
    ``vatui report pnl`` use case over that window."""
    day = on or home_today(ws)
    months = last_months(day, 12)
    first = date(int(months[0][:4]), int(months[0][5:]), 1)
    return pnl_report(ws, first, day), months


def clients_view(ws: Workspace, on: date | None = None) -> list[reports.ClientRow]:
    """Revenue, hours and effective rate by client (``vatui report clients``)."""
    return clients_report(ws, on)
