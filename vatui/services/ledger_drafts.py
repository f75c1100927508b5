"""Editing a draft invoice before it is sent: its free lines and its notes.

Lines that bill something recorded elsewhere (time entries, expenses, a late fee) stay as
they are: they change by voiding and invoicing again. The free lines (what the VA typed,
a deposit, a retainer fee) are replaced by the ones given, checked as ``new_invoice``
checks them (``services.ledger.check_item``). Only a draft can be edited; the check is
made again inside the transaction, on the invoice as it is then.
"""

from __future__ import annotations

from collections.abc import Sequence

from vatui.domain.errors import InputError, RuleError
from vatui.domain.invoicing import totals
from vatui.domain.ledger import Invoice, LineItem
from vatui.domain.text import MAX_NOTE, check_text
from vatui.i18n import _
from vatui.services.ledger import MAX_ITEMS, ItemSpec, check_item
from vatui.store.workspace import Workspace


def is_linked(item: LineItem) -> bool:
    """Whether a line bills time, expenses or a late fee (it is not edited here)."""
    return bool(item.time_entry_ids or item.expense_ids or item.late_fee_for is not None or item.minutes)


def edit_draft(ws: Workspace, invoice_id: int, items: Sequence[ItemSpec], notes: str) -> Invoice:
    """Replace a draft's free lines with ``items`` and its notes with ``notes``."""
    invoice = ws.get(Invoice, invoice_id)
    if invoice.status != "draft":
        raise RuleError(
            _("{number} is {status}: only a draft can be edited").format(
                number=invoice.label, status=_(invoice.status)
            )
        )
    if len(items) > MAX_ITEMS:
        raise InputError(_("too many lines (at most {n})").format(n=MAX_ITEMS))
    free = tuple(check_item(spec, invoice.currency) for spec in items)
    text = check_text(notes, _("the invoice notes"), MAX_NOTE, multiline=True).strip()
    with ws.transaction(_("edit {number}").format(number=invoice.label)) as tx:
        invoice = tx.get(Invoice, invoice_id)
        if invoice.status != "draft":
            raise RuleError(_("{number} was sent meanwhile").format(number=invoice.label))
        lines = (*(i for i in invoice.items if is_linked(i)), *free)
        if not lines:
            raise InputError(_("an invoice needs at least one line"))
        edited = invoice.with_(items=lines, notes=text)
        if totals(edited).total.minor < 0:
            raise InputError(_("the discount is more than the invoice"))
        return tx.save(edited)
