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
    from vatui.store.workspace import Workspace


def find_shown_invoice(obj: CliContext, number: str) -> tuple[Invoice, Workspace, int | None]:
    """(invoice, the workspace to read it through, archive year or ``None``); an archived
    invoice is found, and a note saying so goes to stderr."""
    from vatui.domain.ledger import Invoice
    from vatui.services.archived import ArchivedError, with_archive
    from vatui.services.ledger.data import find_invoice

    ws = obj.ws()
    try:
        return find_invoice(ws, number), ws, None
    except ArchivedError as exc:
        if exc.table != "invoices":
            raise
        view = with_archive(ws)
        invoice = view.get(Invoice, exc.doc_id)
        click.echo(
            _("vatui: {number} is archived in {year} (read-only)").format(
                number=show(invoice.number), year=exc.year
            ),
            err=True,
        )
        return invoice, view, exc.year


def _archived_due(obj: CliContext, invoice: Invoice) -> Money:
    from vatui.domain.invoicing import amount_due
    from vatui.services.archived import with_archive
    from vatui.services.ledger.data import invoice_payments

    return amount_due(invoice, invoice_payments(with_archive(obj.ws()), invoice.id or 0))


def archived_invoice_json(obj: CliContext, invoice: Invoice, year: int) -> dict[str, Any]:
    """An archived invoice in the ``invoice --json`` shape, with ``archived``: its year."""
    from vatui.cli.json_shapes import invoice_json
    from vatui.services.common import client_names

    ws = obj.ws()
    out = invoice_json(
        invoice, _archived_due(obj, invoice), client_names(ws), obj.today(), ws.settings().protocol
    )
    return {**out, "archived": year}


def invoice_list_archived(
    obj: CliContext,
    rows: list[tuple[Invoice, Money, str]],
    client_id: int | None,
    status: str | None,
    day: date,
    as_json: bool,
) -> None:
    """Print the live ``rows`` then the archived invoices (each JSON item gains ``archived``)."""
    from vatui.cli.json_shapes import invoice_json
    from vatui.cli.ledger import _line
    from vatui.services.archived import archived_invoice_rows
    from vatui.services.common import client_names

    ws = obj.ws()
    # archived invoices are paid: none is open or overdue
    old = (
        [] if status in ("overdue", "open") else archived_invoice_rows(ws, client_id=client_id, status=status)
    )
    names = client_names(ws)
    if as_json:
        protocol = ws.settings().protocol
        items = [{**invoice_json(i, due, names, day, protocol), "archived": None} for i, due, _s in rows]
        items += [
            {**invoice_json(i, due, names, day, protocol), "archived": year} for i, due, _s, year in old
        ]
        emit_json({"date": day.isoformat(), "invoices": items})
        return
    if not rows and not old:
        say(_("No invoices."))
    for invoice, due, shown in rows:
        say(_line(invoice, due, shown, names))
    for invoice, due, shown, year in old:
        say(_line(invoice, due, shown, names) + _("  (archived in {year})").format(year=year))
