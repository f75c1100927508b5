"""``vatui export csv DIR``: the ledger and the time log as CSV files, one per table.

Files: ``invoices.csv``, ``invoice_lines.csv``, ``payments.csv``, ``expenses.csv``,
``expense_templates.csv``, ``time.csv``, ``clients.csv``. ``expenses.csv`` holds only real
money out (the rows the P&L counts: its sums equal the P&L's expenses); the recurring
templates that create those rows are listed apart in ``expense_templates.csv``. Amounts are plain decimals with a separate currency column.
User text that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return) is prefixed with ``'``. Confidential notes are never
exported here. Each file is written atomically.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from vatui.domain.invoicing import amount_due, line_amount, totals
from vatui.domain.ledger import Expense, Invoice, Payment
from vatui.domain.reports import counted_expense
from vatui.domain.text import clean
from vatui.services.common import client_names
from vatui.services.exchange.spreadsheet import TIME_HEADER, CsvStyle, restyle, time_rows, uses_decimal_comma
from vatui.services.ledger.data import all_docs, payments_by_invoice
from vatui.services.output import check_destination, write_private
from vatui.services.queries import client_docs
from vatui.store.workspace import Workspace

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """A value as a CSV cell: user text cleaned and defused against formula injection."""
    if value is None:
        return ""
    text = clean(str(value))
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([v if isinstance(v, int) and not isinstance(v, bool) else cell(v) for v in row])
    return buf.getvalue().encode("utf-8")


def _num(money: Any) -> str:
    return "" if money is None else str(money.amount_str())


CSV_FILES = (
    "invoices.csv",
    "invoice_lines.csv",
    "payments.csv",
    "expenses.csv",
    "expense_templates.csv",
    "time.csv",
    "clients.csv",
)
"""The files ``export_csv`` writes."""


def export_csv(
    ws: Workspace,
    directory: Path,
    *,
    excel: bool = False,
    decimal_comma: bool | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """Write the CSV files into ``directory`` (created if needed); returns their paths.

    ``excel``: spreadsheet style (see ``vatui.services.exchange.spreadsheet``), with a decimal
    comma when ``decimal_comma`` is true (``None``: the workspace's number format).
    """
    for name in CSV_FILES:  # before anything is created
        check_destination(directory / name, ws.directory)
    comma = uses_decimal_comma(ws.settings()) if decimal_comma is None else decimal_comma
    style = CsvStyle(excel=excel, decimal_comma=comma)
    if progress:
        progress(0, len(CSV_FILES) + 1)  # reading and shaping the tables, then each file
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    names = client_names(ws)
    inv_docs = all_docs(ws, "invoices")
    pay_docs = all_docs(ws, "payments")
    pays = payments_by_invoice(pay_docs)
    invoices = sorted((Invoice.from_doc(d, int(k)) for k, d in inv_docs.items()), key=lambda i: i.number)
    files: dict[str, bytes] = {}
    inv_rows, line_rows = [], []
    for inv in invoices:
        t = totals(inv)
        due = amount_due(inv, pays.get(inv.id or 0, []), t=t) if inv.status not in ("draft", "void") else None
        inv_rows.append(
            [
                inv.id,
                inv.number,
                inv.client_id,
                names.get(inv.client_id, ""),
                inv.kind,
                inv.status,
                inv.issue_date.isoformat(),
                inv.due_date.isoformat(),
                inv.sent_on.isoformat() if inv.sent_on else "",
                inv.currency,
                _num(t.subtotal),
                _num(t.discount),
                "; ".join(
                    f"{x.line.name or 'Tax'} {'-' if x.line.withheld else '+'}{x.line.rate}" for x in t.taxes
                ),
                _num(t.added),
                _num(t.withheld),
                _num(t.total),
                _num(inv.deposit_applied),
                _num(inv.credit_applied),
                _num(due),
                len(inv.reminders),
                inv.notes,
            ]
        )
        for n, item in enumerate(inv.items, start=1):
            line_rows.append(
                [
                    inv.number,
                    n,
                    item.description,
                    item.quantity,
                    _num(item.unit_price),
                    _num(line_amount(item)),
                    inv.currency,
                    " ".join(str(i) for i in item.time_entry_ids),
                ]
            )
    files["invoices.csv"] = _csv(
        [
            "id",
            "number",
            "client_id",
            "client",
            "kind",
            "status",
            "issue_date",
            "due_date",
            "sent_on",
            "currency",
            "subtotal",
            "discount",
            "taxes",
            "tax",
            "withheld",
            "total",
            "deposit_applied",
            "credit_applied",
            "amount_due",
            "reminders_sent",
            "notes",
        ],
        inv_rows,
    )
    files["invoice_lines.csv"] = _csv(
        ["invoice", "line", "description", "quantity", "unit_price", "amount", "currency", "time_entry_ids"],
        line_rows,
    )
    numbers = {i.id: i.number for i in invoices}
    payments = sorted(
        (Payment.from_doc(d, int(k)) for k, d in pay_docs.items()), key=lambda p: (p.on, p.id or 0)
    )
    files["payments.csv"] = _csv(
        ["id", "date", "invoice", "amount", "currency", "method", "reference"],
        (
            [
                p.id,
                p.on.isoformat(),
                numbers.get(p.invoice_id, ""),
                _num(p.amount),
                p.amount.currency,
                p.method,
                p.reference,
            ]
            for p in payments
        ),
    )
    expenses = sorted(
        (Expense.from_doc(d, int(k)) for k, d in all_docs(ws, "expenses").items()),
        key=lambda e: (e.on, e.id or 0),
    )
    expense_header = [
        "id",
        "date",
        "amount",
        "currency",
        "category",
        "vendor",
        "note",
        "recurrence",
        "template_id",
        "client_id",
        "invoice",
    ]

    def expense_row(e: Expense) -> list[Any]:
        return [
            e.id,
            e.on.isoformat(),
            _num(e.amount),
            e.amount.currency,
            e.category,
            e.vendor,
            e.note,
            e.recurrence or "",
            e.template_id or "",
            e.client_id or "",
            numbers.get(e.invoice_id, ""),
        ]

    files["expenses.csv"] = _csv(expense_header, (expense_row(e) for e in expenses if counted_expense(e)))
    files["expense_templates.csv"] = _csv(
        expense_header, (expense_row(e) for e in expenses if not counted_expense(e))
    )
    time_docs = all_docs(ws, "time")
    titles = {int(k): clean(str(d.get("title") or "")) for k, d in all_docs(ws, "tasks").items()}
    files["time.csv"] = _csv(
        TIME_HEADER, time_rows(time_docs, names, numbers, titles, ws.settings().home_timezone)
    )
    files["clients.csv"] = _csv(
        ["id", "name", "status", "currency", "hourly_rate", "terms_days", "deposit_percent"],
        (
            [
                int(k),
                d.get("name"),
                d.get("status"),
                d.get("currency"),
                _rate(d),
                d.get("terms_days"),
                d.get("deposit_percent"),
            ]
            for k, d in sorted(client_docs(ws).items(), key=lambda kv: int(kv[0]))
        ),
    )
    out = []
    for step, (name, payload) in enumerate(files.items(), start=1):
        if progress:
            progress(step, len(files) + 1)
        path = directory / name
        write_private(path, restyle(payload, style), ws.directory)
        out.append(path)
    if progress:
        progress(len(files) + 1, len(files) + 1)
    return out


def _rate(doc: dict[str, Any]) -> str:
    from vatui.domain.money import Money

    rate = doc.get("hourly_rate")
    return Money(int(rate["minor"]), str(rate["currency"])).amount_str() if rate else ""
