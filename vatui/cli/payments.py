"""``vatui payment list|delete``: see payments, and delete a wrong one with a reason."""

from __future__ import annotations

import click

from vatui.cli.context import CliContext, emit_json, pass_ctx, say, show
from vatui.i18n import _


@click.group("payment")
def payment_group() -> None:
    """List payments and delete a wrong one (the reason is kept on its invoice)."""


@payment_group.command("list")
@click.option("--invoice", "number", metavar="NUMBER", help=_("Only this invoice's payments."))
@click.option(
    "--archived", is_flag=True, help=_("Include archived payments (of paid invoices of closed years).")
)
@click.option("--deleted", is_flag=True, help=_("List deleted payments with their reasons instead."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def payment_list(obj: CliContext, number: str | None, archived: bool, deleted: bool, as_json: bool) -> None:
    """Payments, newest first, each with its number (for payment delete)."""
    from vatui.services.archived import ArchivedError
    from vatui.services.ledger.data import find_invoice
    from vatui.services.ledger.payment_corrections import list_payments, removed_payments

    session = obj.session()
    invoice_id = None
    if number:
        try:
            invoice_id = session.run(find_invoice, number).id
        except ArchivedError as exc:
            if exc.table != "invoices":
                raise
            if not archived:
                from vatui.domain.errors import InputError

                raise InputError(
                    _("{number} is archived in {year}: add --archived to list its payments").format(
                        number=show(number.upper(), 30), year=exc.year
                    )
                ) from None
            invoice_id = exc.doc_id
    if deleted:
        removals = session.run(removed_payments, invoice_id)
        if as_json:
            emit_json(
                [
                    {
                        "id": g.payment_id,
                        "invoice": num,
                        "date": g.on.isoformat(),
                        "amount": g.amount.to_json(),
                        "method": g.method,
                        "reference": g.reference,
                        "deleted": g.removed.isoformat(),
                        "reason": g.reason,
                    }
                    for num, g in removals
                ]
            )
            return
        if not removals:
            say(_("No deleted payments."))
        from vatui.domain.clock import local_date

        for num, gone in removals:
            say(
                _("#{id:<5} {day} {num} {amount:>14}  deleted {when}: {reason}").format(
                    id=gone.payment_id,
                    day=gone.on.isoformat(),
                    num=num,
                    amount=gone.amount.format(),
                    when=local_date(gone.removed, session.settings().home_timezone).isoformat(),
                    reason=show(gone.reason, 60),
                )
            )
        return
    rows = session.run(list_payments, invoice_id, archived=archived)
    if as_json:
        from vatui.cli.json_shapes import payment_json  # only for --json: it imports every shape

        emit_json(
            [
                {
                    **payment_json(r.payment, r.number),
                    "invoice_status": r.invoice_status,
                    "archived": r.archived,
                }
                for r in rows
            ]
        )
        return
    if not rows:
        say(_("No payments."))
    for r in rows:
        p = r.payment
        extra = f" · {show(p.method, 20)}" if p.method else ""
        extra += f" · {show(p.reference, 30)}" if p.reference else ""
        mark = _("  (archived in {year})").format(year=r.archived) if r.archived else ""
        say(f"#{p.id:<5} {p.on.isoformat()} {show(r.number, 16)} {p.amount.format():>14}{extra}{mark}")


@payment_group.command("delete")
@click.argument("payment")
@click.option("--reason", required=True, metavar="TEXT", help=_("Why it is deleted (kept on the invoice)."))
@click.option(
    "--reopen", is_flag=True, help=_("Allow it on a paid invoice: the invoice becomes unpaid again.")
)
@click.option("--json", "as_json", is_flag=True, help=_("Print what was deleted as JSON."))
@pass_ctx
def payment_delete(obj: CliContext, payment: str, reason: str, reopen: bool, as_json: bool) -> None:
    """Delete payment PAYMENT (its number in `payment list`); its invoice's status follows."""
    from vatui.cli.corrections import parse_id
    from vatui.cli.json_shapes import payment_json
    from vatui.services.ledger.payment_corrections import delete_payment

    done = obj.session().run(delete_payment, parse_id(payment, _("payment")), reason, reopen=reopen)
    if as_json:
        emit_json(
            {
                **payment_json(done.payment, done.invoice.number),
                "reason": done.invoice.removed_payments[-1].reason,
                "invoice_status": done.invoice.status,
                "amount_due": done.due.to_json(),
            }
        )
        return
    say(
        _("Deleted payment #{id} of {amount} on {number}: {status}, {due} due. Undo with: vatui undo").format(
            id=done.payment.id,
            amount=done.payment.amount.format(),
            number=done.invoice.number,
            status=_(done.invoice.status),
            due=done.due.format(),
        )
    )


COMMANDS: list[click.Command] = [payment_group]
