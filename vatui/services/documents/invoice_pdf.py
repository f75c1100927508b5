"""The invoice as a PDF, from the same document model as the text, Markdown and HTML ones.

The page: the business (name, address, e-mail, tax id, other details) at the left and the
invoice's title, dates and terms at the right; who is billed; the lines in a table with the
amounts right-aligned; the summary (``ledger_docs._summary``: subtotal, discount, taxes,
total, paid, due); how to pay in the invoice's currency; the notes; a footer with the
number and the page. Called inside ``document_locale``: words and numbers are the client's.

Imports fpdf2 (through ``pdf_writer``): imported only when a PDF is made.
"""

from __future__ import annotations

from pathlib import Path

from vatui.domain.business import business_lines, payment_text
from vatui.domain.invoicing import line_amount
from vatui.domain.money_display import decimal_text
from vatui.domain.paper import Paper
from vatui.domain.text import clean
from vatui.i18n import _, ngettext
from vatui.services.documents.invoice import InvoiceDoc, _bill_to, _heading, _summary
from vatui.services.documents.pdf_writer import GREY, MARGIN, PdfWriter


def _terms(d: InvoiceDoc) -> str:
    days = (d.invoice.due_date - d.invoice.issue_date).days
    if days <= 0:
        return _("due on receipt")
    return ngettext("net {n} day", "net {n} days", days).format(n=days)


def invoice_pdf(d: InvoiceDoc, paper: Paper, font_dirs: list[Path] | None = None) -> PdfWriter:
    """The invoice drawn on ``paper``; ``.output()`` gives the bytes, ``.missing`` the
    characters no font had."""
    inv = d.invoice
    head = _heading(d)
    w = PdfWriter(paper, head[0][1], font_dirs=font_dirs)
    pdf = w.pdf
    pdf.footer_text = w.t(f"{inv.label} · {clean(d.settings.business_name)}")
    pdf.add_page()

    top = pdf.get_y()
    left_w = w.width * 0.55
    w.block(d.settings.business_name, 13, bold=True, width=left_w, gap=1)
    w.block("\n".join(business_lines(d.settings)), 8.5, color=GREY, width=left_w)
    left_end = pdf.get_y()
    right_x = MARGIN + left_w + 4
    right_w = w.width - left_w - 4
    pdf.set_y(top)
    w.block(head[0][1], 15, bold=True, align="R", width=right_w, x=right_x, gap=1.5)
    meta = [*head[1:], (_("Terms"), _terms(d))]
    w.block("\n".join(f"{label}: {value}" for label, value in meta), 9, align="R", width=right_w, x=right_x)
    pdf.set_y(max(left_end, pdf.get_y()) + 8)

    name, details = _bill_to(d)
    w.block(_("Bill to"), 8, bold=True, color=GREY, gap=0.5)
    w.block(name, 11, bold=True, gap=0.5)
    w.block("\n".join(details), 9)
    pdf.ln(6)

    w.table(
        (_("Description"), _("Qty"), _("Price"), _("Amount")),
        [
            (clean(i.description), decimal_text(i.quantity), i.unit_price.format(), line_amount(i).format())
            for i in inv.items
        ],
        widths=(46, 10, 22, 22),
        aligns=("LEFT", "RIGHT", "RIGHT", "RIGHT"),
    )
    pdf.ln(3)
    strong = (_("Total"), _("Amount due"))
    w.pairs([(label, m.format(), label in strong) for label, m in _summary(d)], width=w.width * 0.62)

    if pay := payment_text(d.settings, inv.currency):
        pdf.ln(6)
        w.block(_("How to pay:"), 10, bold=True, gap=1)
        w.block(pay, 9.5)
    if inv.notes:
        pdf.ln(6)
        w.block(_("Notes"), 10, bold=True, gap=1)
        w.block(inv.notes, 9.5)
    return w
