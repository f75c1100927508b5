"""Every stable ``--json`` shape the command line prints, in one place (documented in the
README and ``docs/ledger.md``): tasks, time, clients, invoices, payments, expenses and the
money reports. A shape changes here or nowhere.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from vatui.domain import reports
from vatui.domain.clients import Client, Contact, Note
from vatui.domain.invoicing import AGING_BUCKETS, days_overdue, display_status, line_amount, totals
from vatui.domain.ledger import Expense, Invoice, Payment
from vatui.domain.money import Money
from vatui.domain.reliability import Reliability
from vatui.domain.settings import ProtocolStep
from vatui.domain.tasks import Task, TimeEntry
from vatui.domain.taxes import tax_label

if TYPE_CHECKING:  # the CLI starts without importing the services it does not run
    from vatui.domain.client_card import ClientDetail, InvoiceLine
    from vatui.services.ledger.recurring import RecurringRow


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _m(money: Money | None) -> dict[str, str] | None:
    return money.to_json() if money is not None else None


# records --------------------------------------------------------------------------------


def task_json(task: Task, names: dict[int, str]) -> dict[str, Any]:
    """A task as JSON."""
    client = None
    if task.client_id is not None:
        client = {"id": task.client_id, "name": names.get(task.client_id)}
    return {
        "id": task.id,
        "title": task.title,
        "client": client,
        "column": task.column,
        "position": task.position,
        "priority": task.priority,
        "due": _iso(task.due),
        "estimate_minutes": task.estimate_minutes,
        "tags": list(task.tags),
        "notes": task.notes,
        "checklist": [{"text": i.text, "done": i.done} for i in task.checklist],
        "recurrence": task.recurrence,
        "follow_up": _iso(task.follow_up),
        "snoozed_until": _iso(task.snoozed_until),
        "created": _iso(task.created),
        "updated": _iso(task.updated),
        "completed": _iso(task.completed),
    }


def client_json(client: Client, *, confidential: bool = False) -> dict[str, Any]:
    """A client as JSON; confidential notes only when asked for."""
    return {
        "id": client.id,
        "name": client.name,
        "status": client.status,
        "people": [
            {"name": p.name, "role": p.role, "email": p.email, "phone": p.phone} for p in client.people
        ],
        "channels": [{"kind": c.kind, "handle": c.handle} for c in client.channels],
        "preferred_channel": client.preferred_channel,
        "timezone": client.timezone,
        "language": client.language,
        "number_format": client.number_format,
        "working_hours": {"start": client.work_start, "end": client.work_end},
        "currency": client.currency,
        "hourly_rate": client.hourly_rate.to_json() if client.hourly_rate else None,
        "retainer": {
            "minutes_per_month": client.retainer_minutes,
            "monthly_fee": client.retainer_fee.to_json() if client.retainer_fee else None,
        }
        if client.retainer_minutes or client.retainer_fee
        else None,
        "terms_days": client.terms_days,
        "deposit_percent": client.deposit_percent,
        "late_fee": {"percent": client.late_fee_percent, "grace_days": client.late_fee_grace_days}
        if client.late_fee_percent
        else None,
        "default_taxes": [{"name": t.name, "kind": t.kind, "rate": t.rate} for t in client.default_taxes],
        "vetting": {v.key: v.done_on.isoformat() for v in client.vetting},
        "cadence_days": client.cadence_days,
        "notes": [
            {"text": n.text, "confidential": n.confidential, "created": _iso(n.created)}
            for n in client.notes
            if confidential or not n.confidential
        ],
        "tags": list(client.tags),
        "billing": {
            "legal_name": client.legal_name,
            "tax_id": client.tax_id,
            "tax_id_label": client.tax_id_label,
            "address": client.billing_address,
            "contact": client.billing_contact,
        },
        "archived": client.archived,
        "created": _iso(client.created),
        "updated": _iso(client.updated),
    }


def note_json(number: int, note: Note) -> dict[str, Any]:
    """A client's note, numbered as ``vatui client note list`` shows it."""
    return {
        "number": number,
        "text": note.text,
        "confidential": note.confidential,
        "created": note.created.isoformat(),
    }


def client_row_json(client: Client, reliability: Reliability) -> dict[str, Any]:
    """A client as ``vatui client list --json`` gives it: with its reliability badge."""
    return {
        **client_json(client),
        "reliability": {"badge": reliability.badge, "reasons": list(reliability.reasons)},
    }


def contact_json(contact: Contact) -> dict[str, Any]:
    """A contact as JSON."""
    return {
        "id": contact.id,
        "client_id": contact.client_id,
        "at": contact.at.isoformat(),
        "channel": contact.channel,
        "direction": contact.direction,
        "summary": contact.summary,
        "follow_up": _iso(contact.follow_up),
        "follow_up_done": contact.follow_up_done,
    }


def _invoice_line_json(line: InvoiceLine) -> dict[str, Any]:
    return {
        "id": line.id,
        "number": line.number,
        "status": line.status,
        "issue_date": line.issue_date.isoformat(),
        "due_date": line.due_date.isoformat(),
        "total": line.total.to_json(),
        "owed": line.owed.to_json(),
    }


def client_detail_json(detail: ClientDetail) -> dict[str, Any]:
    """The card's figures for ``client show --json`` (merged into the client's own JSON)."""
    last = detail.last_contact
    return {
        "as_of": detail.on.isoformat(),
        "reliability": detail.reliability.to_json(),
        "local_time": detail.local.to_json() if detail.local else None,
        "lifetime_revenue": [m.to_json() for m in detail.revenue.values()],
        "minutes_logged": detail.minutes_logged,
        "effective_hourly_rate": [m.to_json() for m in detail.effective_rate.values()],
        "retainer_use": {
            "month_minutes": detail.month_minutes,
            "retainer_minutes": detail.client.retainer_minutes,
            "percent": detail.retainer_percent,
        },
        "open_tasks": [
            {"id": t.id, "title": t.title, "column": t.column, "due": _iso(t.due)} for t in detail.open_tasks
        ],
        "invoices": {
            "counts": dict(detail.invoice_counts),
            "recent": [_invoice_line_json(i) for i in detail.invoices],
        },
        "last_contact": contact_json(last) if last else None,
        "open_follow_ups": [contact_json(c) for c in detail.open_follow_ups],
        "on_hold": detail.on_hold,
    }


def time_json(entry: TimeEntry, names: dict[int, str], titles: dict[int, str]) -> dict[str, Any]:
    """A time entry as JSON."""
    return {
        "id": entry.id,
        "task": {"id": entry.task_id, "title": titles.get(entry.task_id)}
        if entry.task_id is not None
        else None,
        "client": {"id": entry.client_id, "name": names.get(entry.client_id)}
        if entry.client_id is not None
        else None,
        "start": _iso(entry.start),
        "end": _iso(entry.end),
        "minutes": entry.minutes,
        "note": entry.note,
        "billable": entry.billable,
        "invoice_id": entry.invoice_id,
        "running": entry.running,
    }


# ledger ---------------------------------------------------------------------------------


def invoice_json(
    invoice: Invoice, due: Money, names: dict[int, str], on: date, protocol: tuple[ProtocolStep, ...] = ()
) -> dict[str, Any]:
    """An invoice as JSON; ``due`` is what is still owed, ``on`` the day it is judged on."""
    t = totals(invoice)
    paid = (
        t.total.minor
        - due.minor
        - sum(m.minor for m in (invoice.deposit_applied, invoice.credit_applied) if m is not None)
    )
    status = display_status(invoice, due, on)
    return {
        "id": invoice.id,
        "number": invoice.number,
        "client": {"id": invoice.client_id, "name": names.get(invoice.client_id)},
        "kind": invoice.kind,
        "status": invoice.status,
        "overdue": status == "overdue",
        "issue_date": _iso(invoice.issue_date),
        "due_date": _iso(invoice.due_date),
        "sent_on": _iso(invoice.sent_on),
        "voided_on": _iso(invoice.voided_on),
        "currency": invoice.currency,
        "items": [
            {
                "description": i.description,
                "quantity": i.quantity,
                "unit_price": i.unit_price.to_json(),
                "amount": line_amount(i).to_json(),
                "minutes": i.minutes,
                "time_entry_ids": list(i.time_entry_ids),
                "expense_ids": list(i.expense_ids),
            }
            for i in invoice.items
        ],
        "subtotal": t.subtotal.to_json(),
        "discount": t.discount.to_json(),
        "taxes": [
            {
                "name": tax.line.name,
                "kind": tax.line.kind,
                "rate": tax.line.rate,
                "amount": tax.amount.to_json(),
                "label": tax_label(tax.line),
            }
            for tax in t.taxes
        ],
        "tax": t.added.to_json(),
        "withheld": t.withheld.to_json(),
        "total": t.total.to_json(),
        "deposit_applied": _m(invoice.deposit_applied),
        "credit_applied": _m(invoice.credit_applied),
        "applied_on": _iso(invoice.applied_on),
        "paid": Money(
            max(paid, 0) if invoice.status not in ("draft", "void") else 0, invoice.currency
        ).to_json(),
        "amount_due": due.to_json(),
        "days_overdue": days_overdue(invoice.due_date, on) if status == "overdue" else 0,
        "reminders": [
            {
                "step": r.step + 1,
                "name": protocol[r.step].name if r.step < len(protocol) else None,
                "date": _iso(r.on),
            }
            for r in invoice.reminders
        ],
        "reminders_snoozed_until": _iso(invoice.reminders_snoozed_until),
        "promised_on": _iso(invoice.promised_on),
        "recurring_id": invoice.recurring_id,
        "notes": invoice.notes,
    }


def payment_json(payment: Payment, number: str | None, credit: Money | None = None) -> dict[str, Any]:
    """A payment as JSON (``credit``: the part that became client credit, when known)."""
    out: dict[str, Any] = {
        "id": payment.id,
        "invoice": number,
        "date": _iso(payment.on),
        "amount": payment.amount.to_json(),
        "method": payment.method,
        "reference": payment.reference,
    }
    if credit is not None:
        out["credit"] = credit.to_json()
    return out


def expense_json(expense: Expense, names: dict[int, str]) -> dict[str, Any]:
    """An expense as JSON."""
    return {
        "id": expense.id,
        "date": _iso(expense.on),
        "amount": expense.amount.to_json(),
        "category": expense.category,
        "vendor": expense.vendor,
        "note": expense.note,
        "recurrence": expense.recurrence,
        "template_id": expense.template_id,
        "client": {"id": expense.client_id, "name": names.get(expense.client_id)}
        if expense.client_id is not None
        else None,
        "invoice_id": expense.invoice_id,
    }


def recurring_json(row: RecurringRow) -> dict[str, Any]:
    """A recurring invoice schedule, with its next period and the drafts waiting."""
    s = row.schedule
    return {
        "id": s.id,
        "client": {"id": s.client_id, "name": row.client},
        "every": s.every,
        "day": s.day,
        "start": s.start.isoformat(),
        "retainer": s.retainer,
        "items": [
            {"description": i.description, "quantity": i.quantity, "unit_price": i.unit_price.to_json()}
            for i in s.items
        ],
        "notes": s.notes,
        "last_period": _iso(s.last_period),
        "next_period": _iso(row.next),
        "stopped_on": _iso(s.stopped_on),
        "drafts_to_send": row.drafts,
    }


# reports --------------------------------------------------------------------------------


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
