"""``vatui invoice email NUMBER -o FILE.eml`` and ``vatui remind NUMBER --eml FILE``.

vatui writes drafts (``X-Unsent: 1``: the mail client opens them to be sent) and links
(``--link``: a ``mailto:`` link, or ``https://wa.me/…`` when the client prefers WhatsApp);
it stores no mail password and sends nothing.
"""

from __future__ import annotations

from pathlib import Path

import click

from vatui.cli.context import CliContext, emit_json, pass_ctx, say
from vatui.i18n import _


def write_draft(obj: CliContext, invoice_id: int, output: Path, body: str | None = None) -> Path:
    """Write the invoice's (or, with ``body``, a reminder's) e-mail draft to ``output``."""
    from vatui.services.documents.mail import invoice_attachment, invoice_mail, reminder_mail, write_eml

    session = obj.session()
    day = obj.today()
    draft = (
        session.run(invoice_mail, invoice_id, day)
        if body is None
        else session.run(reminder_mail, invoice_id, body, day)
    )
    return session.run(write_eml, output, draft, [session.run(invoice_attachment, invoice_id)])


@click.command("email")
@click.argument("number")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.eml",
    help=_("Write the e-mail draft (with the invoice attached) to this file."),
)
@click.option(
    "--link", is_flag=True, help=_("Print a mailto: link (wa.me when they prefer WhatsApp) instead.")
)
@click.option("--json", "as_json", is_flag=True, help=_("Print the draft's fields as JSON."))
@pass_ctx
def invoice_email(obj: CliContext, number: str, output: Path | None, link: bool, as_json: bool) -> None:
    """Write NUMBER's e-mail to the client as a draft .eml (vatui never sends it)."""
    from vatui.services.documents.mail import invoice_mail, share_link
    from vatui.services.ledger.data import find_invoice

    session = obj.session()
    invoice = session.run(find_invoice, number)
    if output is None and not link and not as_json:
        raise click.UsageError(_("give -o FILE.eml (or --link, or --json)"))
    draft = session.run(invoice_mail, invoice.id or 0, obj.today())
    if output is not None:
        write_draft(obj, invoice.id or 0, output)
    if as_json:
        emit_json(
            {
                "invoice": invoice.number,
                "from": draft.sender,
                "to": draft.to,
                "to_name": draft.to_name,
                "subject": draft.subject,
                "body": draft.body,
                "link": share_link(draft) if link else None,
                "written": str(output) if output is not None else None,
            }
        )
        return
    if link:
        click.echo(share_link(draft))
    if output is not None:
        say(_("Wrote the draft {path}: open it in your mail client to send it.").format(path=output))
