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
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from vatui.domain.clients import Client
from vatui.domain.dates import MAX_DATE, derived_date, in_business_range
from vatui.domain.dates_display import format_date
from vatui.domain.errors import InputError, RuleError
from vatui.domain.invoice_numbers import format_number, order_conflict, parse_number
from vatui.domain.invoicing import (
    check_quantity,
    hours_text,
    round_minutes,
    status_after,
    totals,
)
from vatui.domain.ledger import INVOICE_KINDS, Invoice, LineItem, TaxLine
from vatui.domain.money import Money
from vatui.domain.reports import applicable_from, held
from vatui.domain.settings import Settings
from vatui.domain.taxes import check_tax_lines
from vatui.domain.text import MAX_NOTE, check_text, one_line
from vatui.i18n import _, language_of
from vatui.services.clients.language import client_language
from vatui.services.common import home_today
from vatui.services.ledger.data import invoice_payments, local_day, numbered, tx_billed
from vatui.services.queries import expense_docs, time_docs
from vatui.store.workspace import Tx, Workspace

MAX_ITEMS = 500
MAX_DESCRIPTION = 300


@dataclass(frozen=True, slots=True)
class ItemSpec:
    """A free line typed by the user."""

    description: str
    """What is billed."""
    quantity: str
    """Exact decimal quantity."""
    price: Money
    """Unit price."""


def check_item(spec: ItemSpec, currency: str) -> LineItem:
    """A free line checked: a description, a positive quantity, a price in the invoice currency."""
    desc = check_text(spec.description, _("a line's description"), MAX_DESCRIPTION)
    if not desc:
        raise InputError(_("a line needs a description"))
    if spec.price.currency != currency:
        raise InputError(
            _("the price is in {a} but the invoice is in {b}").format(a=spec.price.currency, b=currency)
        )
    if spec.price.minor < 0:
        raise InputError(_("a price cannot be negative (use --discount)"))
    return LineItem(description=desc, quantity=check_quantity(spec.quantity), unit_price=spec.price)


def _month_name(day: date) -> str:
    return format_date(day, "%B %Y")


def _retainer_label(settings: Settings, client: Client, day: date) -> str:
    """The retainer's line, "Retainer — December 2026", in the client's language."""
    from vatui.i18n import language_of
    from vatui.services.clients.language import client_language

    with language_of(client_language(settings, client)):
        return _("Retainer — {month}").format(month=_month_name(day))


def _rate(client: Client) -> Money:
    if client.hourly_rate is None:
        raise InputError(
            _(
                "{client} has no hourly rate: set one first (Clients pane: enter on the "
                "client; or vatui client edit NAME --rate 45)"
            ).format(client=one_line(client.name, 40))
        )
    if client.hourly_rate.currency != client.currency:
        raise InputError(
            _("the hourly rate is not in the client's currency {cur}").format(cur=client.currency)
        )
    return client.hourly_rate


def _time_docs(tx: Tx, client_id: int, on: date, tz: ZoneInfo) -> list[tuple[int, dict[str, Any]]]:
    out = []
    for key, doc in time_docs(tx).items():
        if (
            doc.get("client_id") == client_id
            and doc.get("billable", True)
            and doc.get("end") is not None
            and doc.get("invoice_id") is None
            and local_day(doc["start"], tz) <= on
        ):
            out.append((int(key), doc))
    return sorted(out, key=lambda kv: (kv[1]["start"], kv[0]))


def _task_lines(tx: Tx, entries: list[tuple[int, dict[str, Any]]], rate: Money, step: int) -> list[LineItem]:
    """Unbilled time grouped per task, each group rounded up to ``step`` minutes."""
    groups: dict[int | None, list[tuple[int, dict[str, Any]]]] = {}
    for key, doc in entries:
        groups.setdefault(doc.get("task_id"), []).append((key, doc))
    lines = []
    for task_id, group in groups.items():
        minutes = round_minutes(sum(int(d.get("minutes") or 0) for _k, d in group), step)
        if minutes <= 0:
            continue
        title = None
        if task_id is not None:
            task = tx.get_doc("tasks", task_id)
            title = str(task["title"]) if task else None
        if title is None:
            notes = [str(d.get("note") or "") for _k, d in group if d.get("note")]
            title = notes[0] if notes else _("Time")
        lines.append(
            LineItem(
                description=one_line(title, MAX_DESCRIPTION),
                quantity=hours_text(minutes),
                unit_price=rate,
                minutes=minutes,
                time_entry_ids=tuple(k for k, _d in group),
            )
        )
    return lines


def _retainer_lines(
    tx: Tx, client: Client, entries: list[tuple[int, dict[str, Any]]], step: int, tz: ZoneInfo
) -> list[LineItem]:
    """Unbilled time of a retainer client: per month, hours covered, then an overage line."""
    cap = client.retainer_minutes or 0
    by_month: dict[tuple[int, int], list[tuple[int, dict[str, Any]]]] = {}
    for key, doc in entries:
        day = local_day(doc["start"], tz)
        by_month.setdefault((day.year, day.month), []).append((key, doc))
    billed_before: dict[tuple[int, int], int] = {}
    for doc in time_docs(tx).values():
        if (
            doc.get("client_id") == client.id
            and doc.get("billable", True)
            and doc.get("invoice_id") is not None
        ):
            day = local_day(doc["start"], tz)
            billed_before[(day.year, day.month)] = billed_before.get((day.year, day.month), 0) + int(
                doc.get("minutes") or 0
            )
    lines = []
    for (year, month), group in sorted(by_month.items()):
        left = max(cap - billed_before.get((year, month), 0), 0)
        covered_ids, over_ids, covered, over = [], [], 0, 0
        for key, doc in group:
            minutes = int(doc.get("minutes") or 0)
            if covered + minutes <= left:
                covered += minutes
                covered_ids.append(key)
            else:
                take = max(left - covered, 0)
                covered += take
                over += minutes - take
                over_ids.append(key)
        label = _month_name(date(year, month, 1))
        if covered_ids or covered:
            lines.append(
                LineItem(
                    description=_("Hours within the retainer, {month}").format(month=label),
                    quantity=hours_text(covered),
                    unit_price=Money.zero(client.currency),
                    minutes=covered,
                    time_entry_ids=tuple(covered_ids),
                )
            )
        if over_ids:
            billed_over = round_minutes(over, step)
            lines.append(
                LineItem(
                    description=_("Retainer overage, {month}").format(month=label),
                    quantity=hours_text(billed_over),
                    unit_price=_rate(client),
                    minutes=billed_over,
                    time_entry_ids=tuple(over_ids),
                )
            )
    return lines


def _expense_lines(tx: Tx, client: Client, currency: str, on: date) -> list[LineItem]:
    lines = []
    for key, doc in sorted(expense_docs(tx).items(), key=lambda kv: (kv[1]["on"], int(kv[0]))):
        if (
            doc.get("client_id") != client.id
            or doc.get("invoice_id") is not None
            or doc.get("recurrence")
            or doc["amount"]["currency"] != currency
            or date.fromisoformat(doc["on"]) > on
        ):
            continue
        what = " — ".join(p for p in (str(doc.get("vendor") or ""), str(doc.get("note") or "")) if p)
        desc = _("Expense: {what} ({day})").format(what=what or doc.get("category", ""), day=doc["on"])
        lines.append(
            LineItem(
                description=one_line(desc, MAX_DESCRIPTION),
                unit_price=Money(int(doc["amount"]["minor"]), currency),
                expense_ids=(int(key),),
            )
        )
    return lines


def deposit_label(percent: int) -> str:
    """The line a deposit invoice proposes: "Deposit (30 %)" in the language in use."""
    return _("Deposit ({pct} %)").format(pct=percent)


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
            lines.append(LineItem(description=_retainer_label(settings, client, day), unit_price=fee))
        if unbilled:
            entries = _time_docs(tx, client_id, day, tz)
            if entry_ids is not None:
                wanted = set(entry_ids)
                entries = [(key, doc) for key, doc in entries if key in wanted]
            if client.retainer_minutes:
                with language_of(speaks):
                    lines += _retainer_lines(tx, client, entries, settings.rounding_minutes, tz)
            elif entries:
                lines += _task_lines(tx, entries, _rate(client), settings.rounding_minutes)
            with language_of(speaks):
                lines += _expense_lines(tx, client, currency, day)
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


def list_invoices(
    ws: Workspace, *, client_id: int | None = None, status: str | None = None, on: date | None = None
) -> list[tuple[Invoice, Money, str]]:
    """(invoice, amount due, shown status) newest first; ``status`` may also be ``overdue`` or ``open``."""
    from vatui.domain.invoicing import amount_due, display_status
    from vatui.services.ledger.data import billed

    day = on or home_today(ws)
    rows = []
    for invoice, payments in billed(
        ws, archived=False, keep=(lambda d: d.get("client_id") == client_id) if client_id else None
    ):
        if invoice.status == "void":
            due = Money.zero(invoice.currency)
        elif invoice.status == "draft":
            due = totals(invoice).total
        else:
            due = amount_due(invoice, payments)
        shown = display_status(invoice, due, day)
        if status == "open" and invoice.status not in ("sent", "partial"):
            continue
        if status not in (None, "open") and shown != status and invoice.status != status:
            continue
        rows.append((invoice, due, shown))
    return sorted(rows, key=lambda r: (r[0].issue_date, r[0].number), reverse=True)
