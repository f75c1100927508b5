"""``vatui invoice new|send|void|show|list|late-fee``.

``vatui pay`` and ``vatui remind`` are in ``vatui.cli.collect``; expenses, reports and the
hledger/CSV exports in ``vatui.cli.ledger_books``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from vatui.cli.context import CliContext, day_or_today, emit_json, pass_ctx, repeated_option, say, show
from vatui.i18n import _, ngettext

if TYPE_CHECKING:
    from vatui.domain.ledger import Invoice
    from vatui.domain.money import Money
    from vatui.services.ledger.invoice_list import InvoiceRow


def _names(obj: CliContext) -> dict[int, str]:

    return obj.session().client_names()


def _due(obj: CliContext, invoice: Invoice) -> Money:
    from vatui.domain.invoicing import amount_due, totals
    from vatui.domain.money import Money
    from vatui.services.ledger.data import invoice_payments

    if invoice.status == "void":
        return Money.zero(invoice.currency)
    if invoice.status == "draft":
        return totals(invoice).total
    return amount_due(invoice, obj.session().run(invoice_payments, invoice.id or 0))


def _invoice_out(obj: CliContext, invoice: Invoice, day: date) -> dict[str, Any]:
    from vatui.cli.json_shapes import invoice_json

    return invoice_json(invoice, _due(obj, invoice), _names(obj), day, obj.session().settings().protocol)


def _line(row: InvoiceRow, names: dict[int, str]) -> str:
    from vatui.domain.taxes import tax_label

    client = show(names.get(row.client_id, f"#{row.client_id}"), 24)
    taxes = "  " + ", ".join(show(tax_label(t)) for t in row.taxes) if row.taxes else ""
    return (
        f"{row.label:<13}  {row.issue_date.isoformat()}  {client:<24} {_(row.shown):<8} "
        f"{row.due.format():>16}  {_('due')} {row.due_date.isoformat()}{taxes}"
    )


@click.group("invoice")
def invoice_group() -> None:
    """Create, send, void, show and list invoices."""


@invoice_group.command("new")
@click.argument("client")
@click.option("--unbilled", is_flag=True, help=_("Bill the client's unbilled time and billable expenses."))
@repeated_option(
    "--item",
    "items",
    "DESC QTY PRICE",
    _("A free line (repeatable): description, quantity, unit price."),
    type=(str, str, str),
)
@click.option(
    "--kind",
    type=click.Choice(["standard", "deposit", "retainer"]),
    default="standard",
    help=_("standard, deposit or retainer."),
)
@click.option("--on", "on", metavar="DATE", help=_("Issue date (default today)."))
@repeated_option(
    "--tax",
    "taxes",
    "NAME=PCT",
    _("A tax added to the total (repeatable): IVA=21; a bare 16 is one line named Tax."),
)
@repeated_option(
    "--withhold", "withholds", "NAME=PCT", _("A tax the client withholds (repeatable): IRPF=15.")
)
@click.option("--no-taxes", is_flag=True, help=_("No tax lines (not even the client's defaults)."))
@click.option("--discount", metavar="AMOUNT", help=_("An amount taken off before tax."))
@click.option("--notes", default="", help=_("Printed on the invoice."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the invoice as JSON."))
@pass_ctx
def invoice_new(
    obj: CliContext,
    client: str,
    unbilled: bool,
    items: tuple[tuple[str, str, str], ...],
    kind: str,
    on: str | None,
    taxes: tuple[str, ...],
    withholds: tuple[str, ...],
    no_taxes: bool,
    discount: str | None,
    notes: str,
    as_json: bool,
) -> None:
    """Create a draft invoice for CLIENT (with no --item, bills unbilled time).

    Without --tax, --withhold or --no-taxes it gets the client's default tax lines."""
    from vatui.domain.amounts import parse_amount
    from vatui.domain.invoicing import read_quantity
    from vatui.domain.taxes import read_tax_spec
    from vatui.services.clients.manage import find_client
    from vatui.services.ledger.invoices import ItemSpec, new_invoice

    session = obj.session()
    found = session.run(find_client, client)
    comma = session.settings().numbers
    specs = [
        ItemSpec(desc, read_quantity(qty, comma), parse_amount(price, found.currency, comma))
        for desc, qty, price in items
    ]
    if no_taxes and (taxes or withholds):
        raise click.UsageError(_("--no-taxes cannot go with --tax or --withhold"))
    tax_lines = [read_tax_spec(t, "added", comma) for t in taxes]
    tax_lines += [read_tax_spec(t, "withheld", comma) for t in withholds]
    off = parse_amount(discount, found.currency, comma) if discount else None
    if not specs and kind == "standard":
        unbilled = True
    day = day_or_today(obj, on)
    invoice = session.run(
        new_invoice,
        found.id or 0,
        unbilled=unbilled,
        items=specs,
        kind=kind,
        on=day,
        taxes=tax_lines if (tax_lines or no_taxes) else None,
        discount=off,
        notes=notes,
    )
    if as_json:
        emit_json(_invoice_out(obj, invoice, day))
        return
    from vatui.domain.invoicing import totals
    from vatui.domain.taxes import taxes_text

    count = len(invoice.items)
    lines = ngettext("{n} line", "{n} lines", count).format(n=count)
    if invoice.taxes:
        lines += f" ({taxes_text(invoice.taxes)})"
    say(
        _(
            "Created {number} for {client}: {total}, {lines}. Send it (it gets its number then) with: "
            "vatui invoice send {ref}"
        ).format(
            number=invoice.label,
            ref=invoice.number or f"#{invoice.id}",
            client=show(found.name, 40),
            total=totals(invoice).total.format(),
            lines=lines,
        )
    )


@invoice_group.command("send")
@click.argument("number")
@click.option("--on", "on", metavar="DATE", help=_("The day it was sent (default today)."))
@click.option("--reissue", is_flag=True, help=_("Date it the day it is sent (numbers follow issue dates)."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the invoice as JSON."))
@pass_ctx
def invoice_send(obj: CliContext, number: str, on: str | None, reissue: bool, as_json: bool) -> None:
    """Mark a draft invoice as sent: it gets its number (a held deposit or credit is applied).

    NUMBER is the draft's #id (drafts have no number yet)."""
    from vatui.services.ledger.data import find_invoice
    from vatui.services.ledger.invoices import send_invoice

    day = day_or_today(obj, on)
    invoice = obj.session().run(
        send_invoice, obj.session().run(find_invoice, number).id or 0, day, reissue=reissue
    )
    if as_json:
        emit_json(_invoice_out(obj, invoice, day))
        return
    say(
        _("Sent {number} on {day}; due {due}, {amount} to pay.").format(
            number=invoice.label,
            day=day.isoformat(),
            due=invoice.due_date.isoformat(),
            amount=_due(obj, invoice).format(),
        )
    )


@invoice_group.command("void")
@click.argument("number")
@click.option("--on", "on", metavar="DATE", help=_("The day it was voided (default today)."))
@pass_ctx
def invoice_void(obj: CliContext, number: str, on: str | None) -> None:
    """Void an invoice: it keeps its number, its time and expenses are unbilled again."""
    from vatui.services.ledger.data import find_invoice
    from vatui.services.ledger.invoices import void_invoice

    invoice = obj.session().run(
        void_invoice, obj.session().run(find_invoice, number).id or 0, day_or_today(obj, on)
    )
    say(_("Voided {number}; its time and expenses are unbilled again.").format(number=invoice.label))


@invoice_group.command("show")
@click.argument("number")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["txt", "md", "html", "pdf"]),
    default=None,
    help=_("Document format (default: from the -o file's extension, else txt)."),
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help=_("Write to a file."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the invoice as JSON."))
@pass_ctx
def invoice_show(obj: CliContext, number: str, fmt: str | None, output: Path | None, as_json: bool) -> None:
    """Print an invoice as a document (text, Markdown, printable HTML or PDF)."""
    from vatui.cli.archived_ledger import archived_invoice_json, find_shown_invoice
    from vatui.cli.documents import document_format, refuse_pdf_to_terminal, write_document
    from vatui.services.documents.files import invoice_document

    invoice, source, year = find_shown_invoice(obj, number)
    if as_json:
        emit_json(
            _invoice_out(obj, invoice, obj.today())
            if year is None
            else archived_invoice_json(obj, invoice, year)
        )
        return
    fmt = document_format(fmt, output)
    refuse_pdf_to_terminal(fmt, output)
    write_document(obj, source.run(invoice_document, invoice.id or 0, fmt), output)


@invoice_group.command("list")
@click.option("--client", metavar="CLIENT", help=_("Only this client's invoices."))
@click.option(
    "--status",
    type=click.Choice(["draft", "sent", "partial", "paid", "void", "overdue", "open"]),
    help=_("Only invoices with this status."),
)
@click.option("--on", "on", metavar="DATE", help=_("Judge overdue as of this date."))
@click.option("--archived", is_flag=True, help=_("Include archived invoices (paid, of closed years)."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def invoice_list(
    obj: CliContext, client: str | None, status: str | None, on: str | None, archived: bool, as_json: bool
) -> None:
    """List invoices, newest first, with what is due and whether overdue."""
    from vatui.services.clients.manage import find_client

    session = obj.session()
    client_id = session.run(find_client, client).id if client else None
    day = day_or_today(obj, on)
    if archived:
        from vatui.cli.archived_ledger import invoice_list_archived

        invoice_list_archived(obj, client_id, status, day, as_json)
        return
    if as_json:  # every field of every invoice listed: the rows with their records
        from vatui.cli.json_shapes import invoice_json
        from vatui.services.ledger.invoice_list import invoice_records, invoice_rows

        rows = session.run(invoice_rows, client_id=client_id, status=status, on=day)
        records = session.run(invoice_records, rows)
        protocol = session.settings().protocol
        names = _names(obj)
        emit_json(
            {
                "date": day.isoformat(),
                "invoices": [
                    invoice_json(i, r.due, names, day, protocol) for r, i in zip(rows, records, strict=True)
                ],
            }
        )
        return
    from vatui.services.ledger.invoice_list import invoice_rows

    lines = session.run(invoice_rows, client_id=client_id, status=status, on=day)
    names = _names(obj)
    if not lines:
        say(_("No invoices."))
    for row in lines:
        say(_line(row, names))


@invoice_group.command("late-fee")
@click.argument("number")
@click.option("--on", "on", metavar="DATE", help=_("Judge as of this date."))
@click.option("--add", is_flag=True, help=_("Charge it: a new draft invoice with the fee."))
@pass_ctx
def invoice_late_fee(obj: CliContext, number: str, on: str | None, add: bool) -> None:
    """Show the late fee the client's policy proposes (and charge it with --add)."""
    from vatui.services.ledger.data import find_invoice
    from vatui.services.ledger.payments import add_late_fee, propose_late_fee

    session = obj.session()
    invoice = session.run(find_invoice, number)
    day = day_or_today(obj, on)
    if add:
        fee_invoice = session.run(add_late_fee, invoice.id or 0, day)
        say(
            _("Created {number} with the late fee on {other}.").format(
                number=fee_invoice.label, other=invoice.number
            )
        )
        return
    fee = session.run(propose_late_fee, invoice.id or 0, day)
    if fee is None:
        say(_("No late fee proposed for {number}.").format(number=invoice.label))
    else:
        say(
            _("Proposed late fee on {number}: {fee}. Charge it with --add.").format(
                number=invoice.label, fee=fee.format()
            )
        )


def _recurring() -> None:
    from vatui.cli.recurring import COMMANDS as RECURRING

    for command in RECURRING:
        invoice_group.add_command(command)


_recurring()


def _books() -> list[click.Command]:
    from vatui.cli.ledger_books import COMMANDS as BOOKS

    return BOOKS


def _mail() -> None:
    from vatui.cli.mail import invoice_email

    invoice_group.add_command(invoice_email)


_mail()

COMMANDS: list[click.Command] = [invoice_group, *_books()]
