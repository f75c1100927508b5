"""Invoices: create (from unbilled time, billable expenses, retainers, free lines), send, void.

Numbers ``INV-YYYY-NNNN`` are allocated when an invoice is SENT, inside the transaction
that sends it, from the highest number of the issue year (voids and archived invoices
included), so two sessions never get the same number and no number is skipped. A draft has
no number (it is ``draft #<id>``): voiding a draft burns none; a sent invoice voided keeps
its number. Numbers follow issue dates: a draft dated before an invoice of its year that
already has a number is refused at send (``--reissue`` dates it the day it is sent).
Drafts stored before this rule keep the number they were given.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from zoneinfo import ZoneInfo

from vatui.domain.clients import Client
from vatui.domain.dates import MAX_DATE, derived_date, in_business_range
from vatui.domain.errors import InputError, RuleError
from vatui.domain.invoice_numbers import format_number, order_conflict, parse_number
from vatui.domain.invoicing import (
    status_after,
    totals,
)
from vatui.domain.ledger import INVOICE_KINDS, Invoice, LineItem, TaxLine
from vatui.domain.money import Money
from vatui.domain.reports import applicable_from, held
from vatui.domain.taxes import check_tax_lines
from vatui.domain.text import MAX_NOTE, check_text, one_line
from vatui.i18n import _, language_of
from vatui.services.clients.language import client_language
from vatui.services.common import home_today
from vatui.services.ledger.data import invoice_payments, numbered, tx_billed
from vatui.services.ledger.invoice_lines import (
    MAX_ITEMS as MAX_ITEMS,
)
from vatui.services.ledger.invoice_lines import (
    ItemSpec as ItemSpec,
)
from vatui.services.ledger.invoice_lines import (
    check_item as check_item,
)
from vatui.services.ledger.invoice_lines import (
    deposit_label as deposit_label,
)
from vatui.services.ledger.invoice_lines import (
    expense_lines,
    hourly_rate,
    retainer_label,
    retainer_lines,
    task_lines,
    unbilled_time,
)
from vatui.services.queries import expense_docs, time_docs
from vatui.store.workspace import Tx, Workspace


def check_invoice_taxes(kind: str, taxes: Sequence[TaxLine]) -> tuple[TaxLine, ...]:
    """An invoice's tax lines checked (``check_tax_lines``); a deposit withholds none."""
    tax_lines = check_tax_lines(taxes)
    if kind == "deposit" and any(line.withheld for line in tax_lines):
        raise InputError(_("a deposit invoice withholds no tax: it is withheld on the invoice it pays"))
    return tax_lines


def check_drafted(draft: Invoice) -> None:
    """A draft as it would be saved: the discount within it, something left to pay."""
    drafted = totals(draft)
    if drafted.base.minor < 0:
        raise InputError(_("the discount is more than the invoice"))
    if drafted.withheld.minor and drafted.total.minor <= 0:
        raise InputError(_("the withheld taxes take the whole invoice: nothing would be left to pay"))


def new_invoice(
    ws: Workspace,
    client_id: int,
    *,
    unbilled: bool = False,
    items: Sequence[ItemSpec] = (),
    kind: str = "standard",
    on: date | None = None,
    taxes: Sequence[TaxLine] | None = None,
    discount: Money | None = None,
    notes: str = "",
    entry_ids: Collection[int] | None = None,
    recurring_id: int | None = None,
) -> Invoice:
    """Create a draft invoice (it gets its number when sent). Raises if it would have no line.

    ``taxes``: its tax lines; ``None`` gives the client's ``default_taxes`` (none on a
    deposit invoice: a deposit is taxed on the invoice it is applied to). ``entry_ids``
    (with ``unbilled``): only these of the unbilled time entries are billed (the app's list
    of entries to choose from); ``recurring_id``: the schedule it is drafted from.
    """
    client = ws.get(Client, client_id)
    day = on or home_today(ws)
    if kind not in INVOICE_KINDS:
        raise InputError(
            _("kind must be one of {all}, not {k!r}").format(all=", ".join(INVOICE_KINDS), k=kind)
        )
    if kind == "deposit" and unbilled:
        raise InputError(_("a deposit invoice is paid before the work: it cannot bill time"))
    if len(items) > MAX_ITEMS:
        raise InputError(_("too many lines (at most {n})").format(n=MAX_ITEMS))
    notes = check_text(notes, _("the invoice notes"), MAX_NOTE, multiline=True)
    currency = client.currency
    free = [check_item(spec, currency) for spec in items]
    if taxes is None:
        taxes = () if kind == "deposit" else client.default_taxes
    tax_lines = check_invoice_taxes(kind, taxes)
    if discount is not None and (discount.currency != currency or discount.minor < 0):
        raise InputError(_("the discount must be a positive amount in {cur}").format(cur=currency))
    if kind == "retainer" and (client.retainer_fee is None or client.retainer_fee.currency != currency):
        raise InputError(
            _("{client} has no monthly retainer fee in {cur}").format(
                client=one_line(client.name, 40), cur=currency
            )
        )
    settings = ws.settings()
    speaks = client_language(settings, client)  # the lines vatui writes are in the client's language
    if kind == "deposit" and not free:
        base = client.retainer_fee
        if not client.deposit_percent or base is None:
            raise InputError(_('give the deposit as a line: --item "Deposit" 1 AMOUNT'))
        with language_of(speaks):
            label = deposit_label(client.deposit_percent)
        free = [LineItem(description=label, unit_price=base.percent(client.deposit_percent))]
    tz = ZoneInfo(settings.home_timezone)
    with ws.transaction(_("new invoice for {client}").format(client=one_line(client.name, 30))) as tx:
        client = tx.get(Client, client_id)
        if client.currency != currency or (kind == "retainer" and client.retainer_fee is None):
            raise RuleError(
                _("{client} changed while the invoice was prepared: try again").format(
                    client=one_line(client.name, 40)
                )
            )
        lines: list[LineItem] = []
        if kind == "retainer":
            fee = client.retainer_fee or Money.zero(currency)
            lines.append(LineItem(description=retainer_label(settings, client, day), unit_price=fee))
        if unbilled:
            entries = unbilled_time(tx, client_id, day, tz)
            if entry_ids is not None:
                wanted = set(entry_ids)
                entries = [(key, doc) for key, doc in entries if key in wanted]
            if client.retainer_minutes:
                with language_of(speaks):
                    lines += retainer_lines(tx, client, entries, settings.rounding_minutes, tz)
            elif entries:
                lines += task_lines(tx, entries, hourly_rate(client), settings.rounding_minutes)
            with language_of(speaks):
                lines += expense_lines(tx, client, currency, day)
        lines += free
        if not lines:
            raise InputError(
                _("nothing to invoice for {client}: no unbilled time, expenses or lines").format(
                    client=one_line(client.name, 40)
                )
            )
        draft = Invoice(
            number="",
            client_id=client_id,
            kind=kind,
            issue_date=day,
            due_date=derived_date(day, client.terms_days, _("the due date")),
            currency=currency,
            items=tuple(lines),
            taxes=tax_lines,
            discount=discount,
            notes=notes.strip(),
            recurring_id=recurring_id,
        )
        check_drafted(draft)
        invoice = tx.add(draft)
        for line in lines:
            for entry_id in line.time_entry_ids:
                tx.update("time", entry_id, {"invoice_id": invoice.id})
            for expense_id in line.expense_ids:
                tx.update("expenses", expense_id, {"invoice_id": invoice.id})
        return invoice


def send_invoice(ws: Workspace, invoice_id: int, on: date | None = None, *, reissue: bool = False) -> Invoice:
    """Mark a draft sent on ``on`` and give it its number; a held deposit, then client
    credit, are applied to it.

    Numbers follow issue dates (``vatui.domain.invoice_numbers.order_conflict``): a draft dated
    before an invoice of its year that already has a number is refused, naming that
    invoice; with ``reissue`` its issue date becomes the day it is sent (the due date moves
    with it, same terms)."""
    invoice = ws.get(Invoice, invoice_id)
    day = on or home_today(ws)
    if invoice.status != "draft":
        raise RuleError(
            _("{number} is {status}: only a draft can be sent").format(
                number=invoice.label, status=_(invoice.status)
            )
        )
    if day < invoice.issue_date:
        raise InputError(
            _("{number} cannot be sent before its issue date {d}").format(
                number=invoice.label, d=invoice.issue_date.isoformat()
            )
        )
    if not in_business_range(invoice.due_date):  # a draft made before the rule, or by hand
        raise RuleError(
            _(
                "{number} is due {d}, past the last date vatui keeps ({last}): void it and make a new one"
            ).format(number=invoice.label, d=invoice.due_date.isoformat(), last=MAX_DATE.isoformat())
        )
    with ws.transaction(_("send {number}").format(number=invoice.label)) as tx:
        invoice = tx.get(Invoice, invoice_id)
        if invoice.status != "draft":
            raise RuleError(_("{number} was already sent").format(number=invoice.label))
        if reissue and invoice.issue_date != day:
            terms = (invoice.due_date - invoice.issue_date).days
            invoice = invoice.with_(issue_date=day, due_date=derived_date(day, terms, _("the due date")))
        invoice = _numbered(tx, ws, invoice)
        total = totals(invoice).total
        client_books = tx_billed(tx, invoice.client_id)
        balances = held(client_books).get((invoice.client_id, invoice.currency))
        deposit = credit = None
        left = total.minor
        if balances is not None and invoice.kind != "deposit" and balances.deposit.minor > 0 and left > 0:
            deposit = Money(min(balances.deposit.minor, left), invoice.currency)
            left -= deposit.minor
        if balances is not None and balances.credit.minor > 0 and left > 0:
            credit = Money(min(balances.credit.minor, left), invoice.currency)
        applied_on = None
        if deposit is not None or credit is not None:
            applied_on = applicable_from(
                client_books,
                invoice.client_id,
                invoice.currency,
                day,
                deposit.minor if deposit else 0,
                credit.minor if credit else 0,
            )
        sent = invoice.with_(
            status="sent", sent_on=day, deposit_applied=deposit, credit_applied=credit, applied_on=applied_on
        )
        sent = sent.with_(status=status_after(sent, []))
        return tx.save(sent)


def _numbered(tx: Tx, ws: Workspace, invoice: Invoice) -> Invoice:
    """The draft with its number: the next of its issue year (a draft stored before numbers
    came at send keeps the one it has), refused when it would break the order of dates."""
    year = invoice.issue_date.year
    taken = [n for n in numbered(tx, ws, year) if n[2] != invoice.number.upper()]
    own = parse_number(invoice.number)
    seq = own[1] if own is not None else max((n[0] for n in taken), default=0) + 1
    clash = order_conflict(seq, invoice.issue_date, taken)
    if clash is not None:
        raise RuleError(
            _(
                "{label} is dated {d}, but {other} was issued {when}: numbers follow issue dates. "
                "Send it dated today with: vatui invoice send {ref} --reissue"
            ).format(
                label=invoice.label,
                d=invoice.issue_date.isoformat(),
                other=clash[0],
                when=clash[1].isoformat(),
                ref=invoice.number or f"#{invoice.id}",
            )
        )
    return invoice if own is not None else invoice.with_(number=format_number(year, seq))


def void_invoice(ws: Workspace, invoice_id: int, on: date | None = None) -> Invoice:
    """Void an invoice without payments: it keeps its number; its time and expenses are released."""
    invoice = ws.get(Invoice, invoice_id)
    if invoice.status == "void":
        raise RuleError(_("{number} is already void").format(number=invoice.label))
    if invoice_payments(ws, invoice_id):
        raise RuleError(
            _("{number} has payments on record: it cannot be voided").format(number=invoice.label)
        )
    day = on or home_today(ws)
    with ws.transaction(_("void {number}").format(number=invoice.label)) as tx:
        invoice = tx.get(Invoice, invoice_id)
        if invoice_payments(tx, invoice_id):
            raise RuleError(_("{number} has payments on record").format(number=invoice.label))
        for key, doc in list(time_docs(tx).items()):
            if doc.get("invoice_id") == invoice_id:
                tx.update("time", int(key), {"invoice_id": None})
        for key, doc in list(expense_docs(tx).items()):
            if doc.get("invoice_id") == invoice_id:
                tx.update("expenses", int(key), {"invoice_id": None})
        return tx.save(invoice.with_(status="void", voided_on=day))
