"""Editing a draft invoice before it is sent: its free lines, its tax lines and its notes.

Lines that bill something recorded elsewhere (time entries, expenses, a late fee) stay as
they are: they change by voiding and invoicing again. The free lines (what the VA typed,
a deposit, a retainer fee) are replaced by the ones given, checked as ``new_invoice``
checks them (``services.ledger.invoices.check_item``). Only a draft can be edited; the check is
made again inside the transaction, on the invoice as it is then. Its tax lines are checked
as ``new_invoice`` checks them (``check_invoice_taxes``, ``check_drafted``).
"""

from __future__ import annotations

from collections.abc import Sequence

from vatui.domain.errors import InputError, RuleError
from vatui.domain.ledger import Invoice, LineItem, TaxLine
from vatui.domain.text import MAX_NOTE, check_text
from vatui.i18n import _
from vatui.services.ledger.invoices import MAX_ITEMS, ItemSpec, check_drafted, check_invoice_taxes, check_item
from vatui.store.workspace import Workspace


def is_linked(item: LineItem) -> bool:
    """Whether a line bills time, expenses or a late fee (it is not edited here)."""
    return bool(item.time_entry_ids or item.expense_ids or item.late_fee_for is not None or item.minutes)


def edit_draft(
    ws: Workspace,
    invoice_id: int,
    items: Sequence[ItemSpec],
    notes: str,
    *,
    taxes: Sequence[TaxLine] | None = None,
) -> Invoice:
    """Replace a draft's free lines with ``items``, its notes with ``notes`` and (unless
    ``taxes`` is ``None``) its tax lines with ``taxes``."""
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
    tax_lines = None if taxes is None else check_invoice_taxes(invoice.kind, taxes)
    with ws.transaction(_("edit {number}").format(number=invoice.label)) as tx:
        invoice = tx.get(Invoice, invoice_id)
        if invoice.status != "draft":
            raise RuleError(_("{number} was sent meanwhile").format(number=invoice.label))
        lines = (*(i for i in invoice.items if is_linked(i)), *free)
        if not lines:
            raise InputError(_("an invoice needs at least one line"))
        edited = invoice.with_(items=lines, notes=text)
        if tax_lines is not None:
            edited = edited.with_(taxes=tax_lines)
        check_drafted(edited)
        return tx.save(edited)
