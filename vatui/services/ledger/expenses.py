"""Expenses: add, list, delete; recurring templates and their due occurrences.

A recurring expense (``monthly`` or ``yearly``) is stored as a template that is not itself
counted; ``create_due_expenses(ws, today)`` creates each occurrence from the template's
first date up to ``today``, once: an occurrence is identified by (template, date), so
running it twice, or from two sessions at once, creates nothing more. Monthly on the
31st falls on the last day of shorter months.
"""

from __future__ import annotations

from datetime import date

from vatui.domain.clients import Client
from vatui.domain.errors import InputError, RuleError
from vatui.domain.ledger import EXPENSE_CATEGORIES, Expense, check_expense_amount
from vatui.domain.money import Money
from vatui.domain.text import check_text
from vatui.i18n import _
from vatui.services.common import home_today
from vatui.services.ledger.expenses_due import RECURRENCES, due_expense_count, occurrence_dates
from vatui.services.queries import expense_docs
from vatui.store.workspace import Tx, Workspace

MAX_TEXT = 200


def check_category(category: str) -> str:
    """One of the expense categories."""
    value = category.strip().lower()
    if value not in EXPENSE_CATEGORIES:
        raise InputError(
            _("category must be one of {all}, not {c!r}").format(
                all=", ".join(EXPENSE_CATEGORIES), c=category
            )
        )
    return value


def add_expense(
    ws: Workspace,
    amount: Money,
    *,
    category: str,
    on: date | None = None,
    vendor: str = "",
    note: str = "",
    every: str | None = None,
    client_id: int | None = None,
) -> Expense:
    """Record an expense; with ``every`` a recurring template whose due occurrences are created now."""
    day = on or home_today(ws)
    cat = check_category(category)
    vendor = check_text(vendor, _("the vendor"), MAX_TEXT)
    note = check_text(note, _("the note"), MAX_TEXT)
    check_expense_amount(amount)
    if every is not None and every not in RECURRENCES:
        raise InputError(_("--every must be monthly or yearly, not {e!r}").format(e=every))
    if client_id is not None:
        ws.get(Client, client_id)
    expense = Expense(
        on=day, amount=amount, category=cat, vendor=vendor, note=note, recurrence=every, client_id=client_id
    )
    label = _("expense {amount}").format(amount=amount.format())
    with ws.transaction(label) as tx:
        if client_id is not None:
            tx.get(Client, client_id)  # not deleted meanwhile
        saved = tx.add(expense)
        if every is not None:
            _create_due(tx, home_today(ws))
        return saved


def _create_due(tx: Tx, today: date) -> int:
    docs = expense_docs(tx)
    have = {(d.get("template_id"), d["on"]) for d in docs.values() if d.get("template_id") is not None}
    made = 0
    for key, doc in list(docs.items()):
        every = doc.get("recurrence")
        if every not in RECURRENCES:
            continue
        template = Expense.from_doc(doc, int(key))
        for day in occurrence_dates(template.on, every, today):
            if (template.id, day.isoformat()) in have:
                continue
            tx.add(template.with_(id=None, on=day, recurrence=None, template_id=template.id))
            made += 1
    return made


def create_due_expenses(ws: Workspace, today: date | None = None) -> int:
    """Create the due occurrences of recurring expenses (idempotent); returns how many were made.

    Meant to run once when the workspace opens; it writes only when something is due.
    """
    day = today or home_today(ws)
    if due_expense_count(ws, day) == 0:
        return 0
    with ws.transaction(None) as tx:
        return _create_due(tx, day)


def list_expenses(ws: Workspace, *, templates: bool = False) -> list[Expense]:
    """Expenses newest first (recurring templates only when ``templates``)."""
    out = [
        Expense.from_doc(d, int(k))
        for k, d in expense_docs(ws).items()
        if bool(d.get("recurrence")) == templates
    ]
    return sorted(out, key=lambda e: (e.on, e.id or 0), reverse=True)


def delete_expense(ws: Workspace, expense_id: int) -> Expense:
    """Delete an expense not yet re-billed; deleting a template stops it (occurrences stay)."""
    expense = ws.get(Expense, expense_id)
    if expense.invoice_id is not None:
        raise RuleError(_("this expense is on an invoice; void the invoice first"))
    with ws.transaction(_("delete expense {amount}").format(amount=expense.amount.format())) as tx:
        if tx.get(Expense, expense_id).invoice_id is not None:  # billed meanwhile
            raise RuleError(_("this expense is on an invoice; void the invoice first"))
        tx.delete(Expense, expense_id)
    return expense
