"""Everything the Ledger pane shows, read in one pass (invoices, payments, expenses, P&L, clients)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vatui.domain import reports
from vatui.domain.invoicing import aging_bucket, amount_due, display_status, totals
from vatui.domain.ledger import Expense, Invoice, Payment
from vatui.domain.money import Money
from vatui.services.common import client_names, home_today
from vatui.services.ledger_data import billed, minutes_by_client
from vatui.services.ledger_reports import last_months
from vatui.store.workspace import Workspace


@dataclass(frozen=True, slots=True)
class InvoiceRow:
    """One line of the invoices list."""

    invoice: Invoice
    """The invoice."""
    client: str
    """The client's name."""
    total: Money
    """Its total."""
    due: Money
    """Still due (zero for void)."""
    status: str
    """The word shown: draft, sent, partial, paid, void or overdue."""
    bucket: str | None
    """Aging bucket when money is due on an issued invoice."""


@dataclass(frozen=True, slots=True)
class PaymentRow:
    """One line of the payments list."""

    payment: Payment
    """The payment."""
    number: str
    """The invoice it paid."""
    client: str
    """Who paid."""


@dataclass(frozen=True, slots=True)
class LedgerView:
    """The pane's data for one day."""

    on: date
    """The day."""
    invoices: list[InvoiceRow]
    """Newest first."""
    payments: list[PaymentRow]
    """Newest first."""
    expenses: list[Expense]
    """Newest first (recurring templates left out)."""
    pnl: list[reports.PnlRow]
    """The last 12 months."""
    months: list[str]
    """The last 12 months, ``YYYY-MM``, oldest first."""
    clients: list[reports.ClientRow]
    """Revenue, hours and effective rate by client."""


def ledger_view(ws: Workspace, on: date | None = None) -> LedgerView:
    """Read what the Ledger pane shows (live records; the reports include archived ones)."""
    day = on or home_today(ws)
    names = client_names(ws)
    every = billed(ws, archived=False)
    rows = []
    payments: list[PaymentRow] = []
    for invoice, pays in every:
        t = totals(invoice)
        if invoice.status == "void":
            due = Money.zero(invoice.currency)
        elif invoice.status == "draft":
            due = t.total
        else:
            due = amount_due(invoice, pays, t=t)
        issued = invoice.status not in ("draft", "void")
        bucket = aging_bucket(invoice.due_date, day) if issued and due.minor > 0 else None
        client = names.get(invoice.client_id, f"#{invoice.client_id}")
        rows.append(InvoiceRow(invoice, client, t.total, due, display_status(invoice, due, day), bucket))
        payments += [PaymentRow(p, invoice.number, client) for p in pays]
    rows.sort(key=lambda r: (r.invoice.issue_date, r.invoice.number), reverse=True)
    payments.sort(key=lambda r: (r.payment.on, r.payment.id or 0), reverse=True)
    expenses = sorted((Expense.from_doc(d, int(k)) for k, d in ws.docs("expenses").items()
                       if not d.get("recurrence")), key=lambda e: (e.on, e.id or 0), reverse=True)
    months = last_months(day, 12)
    first = date(int(months[0][:4]), int(months[0][5:]), 1)
    issued_only = [b for b in every if b[0].status not in ("draft", "void")]
    pnl = reports.pnl(issued_only, expenses, first, day)
    currency_of = {int(k): str(d.get("currency", "USD")) for k, d in ws.docs("clients").items()}
    minutes, billable = minutes_by_client(ws)
    clients = reports.by_client(issued_only, names, currency_of, minutes, billable, day)
    return LedgerView(day, rows, payments, expenses, pnl, months, clients)
