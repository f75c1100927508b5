"""Archived invoices on the command line: ``invoice show`` finds one (and says so),
``invoice list --archived`` lists them after the live ones."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import click

from vatui.cli.context import CliContext, emit_json, say, show
from vatui.i18n import _

if TYPE_CHECKING:
    from vatui.domain.ledger import Invoice
    from vatui.domain.money import Money
    from vatui.services.session import Session


def find_shown_invoice(obj: CliContext, number: str) -> tuple[Invoice, Session, int | None]:
    """(invoice, the session to read it through, archive year or ``None``); an archived
    invoice is found, and a note saying so goes to stderr."""
    from vatui.services.archived import ArchivedError
    from vatui.services.ledger.data import find_invoice

    session = obj.session()
    try:
        return session.run(find_invoice, number), session, None
    except ArchivedError as exc:
        if exc.table != "invoices":
            raise
        view = session.with_archive()
        invoice = view.invoice(exc.doc_id)
        click.echo(
            _("vatui: {number} is archived in {year} (read-only)").format(
                number=show(invoice.number), year=exc.year
            ),
            err=True,
        )
        return invoice, view, exc.year


def _archived_due(obj: CliContext, invoice: Invoice) -> Money:
    from vatui.domain.invoicing import amount_due
    from vatui.services.ledger.data import invoice_payments

    return amount_due(invoice, obj.session().with_archive().run(invoice_payments, invoice.id or 0))


def archived_invoice_json(obj: CliContext, invoice: Invoice, year: int) -> dict[str, Any]:
    """An archived invoice in the ``invoice --json`` shape, with ``archived``: its year."""
    from vatui.cli.json_shapes import invoice_json

    session = obj.session()
    out = invoice_json(
        invoice, _archived_due(obj, invoice), session.client_names(), obj.today(), session.settings().protocol
    )
    return {**out, "archived": year}


def invoice_list_archived(
    obj: CliContext, client_id: int | None, status: str | None, day: date, as_json: bool
) -> None:
    """Print the live invoices listed, then the archived ones (each JSON item gains
    ``archived``: ``None``, or its archive year); both from ``invoice_list``'s one flow."""
    from vatui.cli.json_shapes import invoice_json
    from vatui.cli.ledger import _line
    from vatui.services.ledger.invoice_list import archived_invoice_rows, invoice_records, invoice_rows

    session = obj.session()
    rows = session.run(invoice_rows, client_id=client_id, status=status, on=day)
    # archived invoices are paid: none is open or overdue
    if status not in ("overdue", "open"):
        rows += session.run(archived_invoice_rows, client_id=client_id, status=status, on=day)
    names = session.client_names()
    if as_json:
        protocol = session.settings().protocol
        records = session.run(invoice_records, rows)
        items = [
            {**invoice_json(i, row.due, names, day, protocol), "archived": row.archived}
            for row, i in zip(rows, records, strict=True)
        ]
        emit_json({"date": day.isoformat(), "invoices": items})
        return
    if not rows:
        say(_("No invoices."))
    for row in rows:
        archived = "" if row.archived is None else _("  (archived in {year})").format(year=row.archived)
        say(_line(row, names) + archived)
