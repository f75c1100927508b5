"""Invoice documents: plain text, Markdown and printable HTML, with the business details.

User text is escaped for each format: HTML-escaped in HTML, Markdown punctuation
backslash-escaped in Markdown, and control characters neutralised everywhere.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from vatui.domain.billing import bill_to_lines
from vatui.domain.business import business_lines, payment_text
from vatui.domain.clients import Client
from vatui.domain.columns import cells, left, right, wrap, wrap_lines
from vatui.domain.invoicing import Totals, amount_due, line_amount, payments_split, totals
from vatui.domain.ledger import Invoice, Payment
from vatui.domain.money import Money
from vatui.domain.money_display import decimal_text
from vatui.domain.settings import Settings
from vatui.domain.taxes import tax_label
from vatui.domain.text import clean
from vatui.i18n import _, language
from vatui.services.documents.locale import document_locale
from vatui.services.ledger.data import invoice_payments
from vatui.store.workspace import Workspace

FORMATS = ("txt", "md", "html")
"""Document formats."""

TEXT_WIDTH = 80
"""The widest line of the plain-text document (a terminal, a printed page)."""
_MIN_DESCRIPTION = 20
"""The narrowest description column; with less room each item is stacked on its lines."""

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~])")


@dataclass(frozen=True, slots=True)
class InvoiceDoc:
    """Everything printed on an invoice."""

    invoice: Invoice
    """The invoice."""
    client: Client
    """Who is billed."""
    settings: Settings
    """The business."""
    totals: Totals
    """Its totals."""
    paid: Money
    """What payments paid on this invoice (never more than it asked for)."""
    due: Money
    """Still due."""
    credit: Money
    """What payments brought beyond the invoice: held as the client's credit."""


def gather(ws: Workspace, invoice_id: int) -> InvoiceDoc:
    """Collect what a document prints."""
    invoice = ws.get(Invoice, invoice_id)
    payments: list[Payment] = invoice_payments(ws, invoice_id)
    t = totals(invoice)
    due = amount_due(invoice, payments, t=t) if invoice.status not in ("draft", "void") else t.total
    paid, credit = payments_split(invoice, payments, t)
    if invoice.status in ("draft", "void"):
        paid = credit = Money.zero(invoice.currency)
    return InvoiceDoc(invoice, ws.get(Client, invoice.client_id), ws.settings(), t, paid, due, credit)


def _summary(d: InvoiceDoc) -> list[tuple[str, Money]]:
    inv = d.invoice
    rows = [(_("Subtotal"), d.totals.subtotal)]
    if d.totals.discount.minor:
        rows.append((_("Discount"), -d.totals.discount))
    for tax in d.totals.taxes:
        rows.append((tax_label(tax.line), tax.signed))
    rows.append((_("Total"), d.totals.total))
    if inv.deposit_applied is not None and inv.deposit_applied.minor:
        rows.append((_("Deposit applied"), -inv.deposit_applied))
    if inv.credit_applied is not None and inv.credit_applied.minor:
        rows.append((_("Credit applied"), -inv.credit_applied))
    if d.paid.minor:
        rows.append((_("Paid"), -d.paid))
    rows.append((_("Amount due"), d.due))
    if d.credit.minor:
        rows.append((_("Overpaid: held as your credit"), d.credit))
    return rows


def _heading(d: InvoiceDoc) -> list[tuple[str, str]]:
    inv = d.invoice
    kind = {"deposit": _("Deposit invoice"), "retainer": _("Retainer invoice")}.get(inv.kind, _("Invoice"))
    status = "" if inv.status in ("sent", "partial", "paid") else f" ({_(inv.status).upper()})"
    return [
        (_("Title"), f"{kind} {inv.number or f'#{inv.id}'}{status}"),  # a draft: "Invoice #12 (DRAFT)"
        (_("Issued"), inv.issue_date.isoformat()),
        (_("Due"), inv.due_date.isoformat()),
    ]


def _bill_to(d: InvoiceDoc) -> tuple[str, list[str]]:
    """Who is billed: the legal name (else the name), then the lines under it: tax ID with
    its label, billing address, e-mail, "Attn:" the billing contact (every format prints these)."""
    lines = bill_to_lines(d.client)
    return lines[0], lines[1:]


def render_text(d: InvoiceDoc, width: int = TEXT_WIDTH) -> str:
    """The invoice as plain text, every line at most ``width`` columns: long names,
    descriptions and notes wrap; the amount columns are as wide as their widest amount."""
    inv = d.invoice

    def wrapped(text: str) -> list[str]:
        return wrap_lines(text, width)

    out = wrapped(clean(d.settings.business_name))
    for line in business_lines(d.settings):
        out += wrapped(clean(line))
    head = _heading(d)
    out += ["", *wrapped(head[0][1]), *wrapped(f"{head[1][0]}: {head[1][1]}    {head[2][0]}: {head[2][1]}")]
    name, details = _bill_to(d)
    out += ["", *wrapped(_("Bill to: {client}").format(client=clean(name)))]
    for line in details:
        out += wrapped(clean(line))
    out += ["", *_text_table(d, width)]
    if pay := payment_text(d.settings, inv.currency):
        out += ["", _("How to pay:"), *wrapped(clean(pay, keep_newlines=True))]
    if inv.notes:
        out += ["", *wrapped(clean(inv.notes, keep_newlines=True))]
    return "\n".join(out) + "\n"


def _text_table(d: InvoiceDoc, width: int = TEXT_WIDTH) -> list[str]:
    """The line items and the summary: description, quantity, price and amount columns when
    the description keeps ``_MIN_DESCRIPTION`` columns, else each item stacked on its lines."""
    items = [
        (clean(i.description), decimal_text(i.quantity), i.unit_price.format(), line_amount(i).format())
        for i in d.invoice.items
    ]
    summary = [(label, amount.format()) for label, amount in _summary(d)]
    heads = (_("Description"), _("Qty"), _("Price"), _("Amount"))
    qty_w = max(cells(t) for t in [heads[1], *(i[1] for i in items)])
    price_w = max(cells(t) for t in [heads[2], *(i[2] for i in items)])
    amount_w = max(cells(t) for t in [heads[3], *(i[3] for i in items), *(s[1] for s in summary)])
    desc_w = width - qty_w - price_w - amount_w - 3
    rule = "-" * width
    out: list[str] = []
    if desc_w >= _MIN_DESCRIPTION:
        out += [
            f"{left(heads[0], desc_w)} {right(heads[1], qty_w)} {right(heads[2], price_w)} "
            f"{right(heads[3], amount_w)}",
            rule,
        ]
        for desc, qty, price, amount in items:
            lines = wrap(desc, desc_w)
            out.append(
                f"{left(lines[0], desc_w)} {right(qty, qty_w)} {right(price, price_w)} {right(amount, amount_w)}"
            )
            out += lines[1:]
    else:  # amounts too wide for columns: each item on its own lines
        out += [f"{heads[0]} · {heads[1]} × {heads[2]} = {heads[3]}", rule]
        for desc, qty, price, amount in items:
            out += wrap(desc, width)
            out += [right(line, width) for line in wrap(f"{qty} × {price} = {amount}", width)]
    out.append(rule)
    label_w = width - amount_w - 1
    for label, amount in summary:
        if label_w < _MIN_DESCRIPTION:
            out += [right(line, width) for line in [*wrap(label, width), *wrap(amount, width)]]
            continue
        lines = wrap(label, label_w)
        out += [right(line, label_w) for line in lines[:-1]]
        out.append(f"{right(lines[-1], label_w)} {right(amount, amount_w)}")
    return out


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", clean(text))


def render_markdown(d: InvoiceDoc) -> str:
    """The invoice as Markdown."""
    inv = d.invoice
    head = _heading(d)
    out = [f"# {_md(head[0][1])}", "", f"**{_md(d.settings.business_name)}**  "]
    out += [f"{_md(line)}  " for line in business_lines(d.settings)]
    out += [
        "",
        f"{head[1][0]}: {head[1][1]} · {head[2][0]}: {head[2][1]}",
        "",
        f"{_('Bill to')}: **{_md(_bill_to(d)[0])}**  ",
        *(f"{_md(line)}  " for line in _bill_to(d)[1]),
        "",
        f"| {_('Description')} | {_('Qty')} | {_('Price')} | {_('Amount')} |",
        "|---|--:|--:|--:|",
    ]
    for item in inv.items:
        out.append(
            f"| {_md(item.description)} | {decimal_text(item.quantity)} | {item.unit_price.format()} | "
            f"{line_amount(item).format()} |"
        )
    out.append("")
    out += ["| | |", "|---|--:|"]
    out += [f"| {_md(label)} | {amount.format()} |" for label, amount in _summary(d)]
    if pay := payment_text(d.settings, inv.currency):
        out += ["", f"**{_md(_('How to pay:'))}**  "] + [f"{_md(line)}  " for line in pay.splitlines()]
    if inv.notes:
        out += ["", _md(inv.notes)]
    return "\n".join(out) + "\n"


def render_html(d: InvoiceDoc) -> str:
    """The invoice as a printable, self-contained HTML page."""
    inv = d.invoice
    e = html.escape
    head = _heading(d)
    details = "<br>".join(e(clean(line)) for line in business_lines(d.settings))
    rows = "\n".join(
        f"<tr><td>{e(clean(i.description))}</td><td class=n>{e(decimal_text(i.quantity))}</td>"
        f"<td class=n>{e(i.unit_price.format())}</td><td class=n>{e(line_amount(i).format())}</td></tr>"
        for i in inv.items
    )
    summary = "\n".join(
        f"<tr><th colspan=3>{e(label)}</th><td class=n>{e(amount.format())}</td></tr>"
        for label, amount in _summary(d)
    )
    bill_lines = "".join(f"<br>{e(clean(line))}" for line in _bill_to(d)[1])
    notes = f"<p class=notes>{e(clean(inv.notes, keep_newlines=True))}</p>" if inv.notes else ""
    if pay := payment_text(d.settings, inv.currency):
        notes = (
            f"<p class=notes><strong>{e(_('How to pay:'))}</strong>\n{e(clean(pay, keep_newlines=True))}</p>"
            + notes
        )
    return f"""<!doctype html>
<html lang="{e(language())}"><head><meta charset="utf-8"><title>{e(head[0][1])}</title>
<style>
body {{ font-family: sans-serif; max-width: 46em; margin: 2em auto; color: #000; }}
table {{ width: 100%; border-collapse: collapse; }} td, th {{ padding: .3em; border-bottom: 1px solid #ccc; }}
th {{ text-align: right; }} .n {{ text-align: right; white-space: nowrap; }}
.notes {{ white-space: pre-wrap; }} @media print {{ body {{ margin: 0; }} }}
</style></head><body>
<header><strong>{e(clean(d.settings.business_name))}</strong><br>{details}</header>
<h1>{e(head[0][1])}</h1>
<p>{e(head[1][0])}: {e(head[1][1])} · {e(head[2][0])}: {e(head[2][1])}</p>
<p>{e(_("Bill to"))}: <strong>{e(clean(_bill_to(d)[0]))}</strong>{bill_lines}</p>
<table><thead><tr><td>{e(_("Description"))}</td><td class=n>{e(_("Qty"))}</td><td class=n>{e(_("Price"))}</td>
<td class=n>{e(_("Amount"))}</td></tr></thead>
<tbody>
{rows}
</tbody><tfoot>
{summary}
</tfoot></table>
{notes}
</body></html>
"""


def render_doc(d: InvoiceDoc, fmt: str = "txt", width: int = TEXT_WIDTH) -> str:
    """``d`` in ``fmt`` (``txt``, ``md`` or ``html``), in the client's language and number
    format; the text ``width`` columns wide at most (a narrower viewer asks for less)."""
    with document_locale(d.settings, d.client):
        if fmt == "md":
            return render_markdown(d)
        if fmt == "html":
            return render_html(d)
        return render_text(d, width)


def render(ws: Workspace, invoice_id: int, fmt: str = "txt") -> str:
    """The invoice document in ``fmt`` (``txt``, ``md`` or ``html``), written in the client's
    language (``client_language``) and, when the client has one, their number format."""
    return render_doc(gather(ws, invoice_id), fmt)
