"""``vatui pay`` and ``vatui remind``: money coming in, and the collection protocol's
reminders (printed, logged as sent, snoozed or woken)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from vatui.cli.context import CliContext, day_or_today, emit_json, pass_ctx, say, show
from vatui.i18n import _


@click.command("pay")
@click.argument("number")
@click.argument("amount")
@click.option("--on", "on", metavar="DATE", help=_("When it was received (default today)."))
@click.option("--method", default="", help=_("Bank transfer, PayPal, …"))
@click.option("--reference", default="", help=_("The payer's reference."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the payment as JSON."))
@pass_ctx
def pay_cmd(
    obj: CliContext, number: str, amount: str, on: str | None, method: str, reference: str, as_json: bool
) -> None:
    """Record a payment of AMOUNT on invoice NUMBER (partial payments welcome)."""
    from vatui.cli.json_shapes import payment_json
    from vatui.domain.amounts import parse_amount
    from vatui.services.ledger.data import find_invoice
    from vatui.services.ledger.payments import record_payment

    session = obj.session()
    invoice = session.run(find_invoice, number)
    money = parse_amount(amount, invoice.currency, session.settings().numbers)
    result = session.run(
        record_payment, invoice.id or 0, money, day_or_today(obj, on), method=method, reference=reference
    )
    if as_json:
        out = payment_json(result.payment, invoice.number, result.credit)
        out["invoice_status"] = result.invoice.status
        out["amount_due"] = result.due.to_json()
        emit_json(out)
        return
    say(
        _("Recorded {amount} on {number}: {status}, {due} still due.").format(
            amount=money.format(),
            number=invoice.label,
            status=_(result.invoice.status),
            due=result.due.format(),
        )
    )
    if result.credit.minor:
        say(_("{credit} more than was due is now the client's credit.").format(credit=result.credit.format()))


@click.command("remind")
@click.argument("number")
@click.option("--on", "on", metavar="DATE", help=_("The day (default today)."))
@click.option("--dry-run", is_flag=True, help=_("Print the text without logging the step as sent."))
@click.option("--snooze", "snooze", metavar="DATE", help=_("Snooze NUMBER's reminders until DATE instead."))
@click.option("--wake", is_flag=True, help=_("Undo a snooze: reminders are due again."))
@click.option(
    "--eml",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help=_("Also write it as an e-mail draft (.eml, the invoice attached)."),
)
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def remind_cmd(
    obj: CliContext,
    number: str,
    on: str | None,
    dry_run: bool,
    snooze: str | None,
    wake: bool,
    eml: Path | None,
    as_json: bool,
) -> None:
    """Print the due collection step's text for NUMBER and log it as sent (or snooze it)."""
    from vatui.services.ledger.collect import draft_reminder, mark_reminder_sent
    from vatui.services.ledger.data import find_invoice

    session = obj.session()
    day = day_or_today(obj, on)
    invoice = session.run(find_invoice, number)
    if snooze is not None and (wake or dry_run):
        from vatui.domain.errors import InputError

        raise InputError(_("give --snooze DATE, --wake or --dry-run, not two of them"))
    if snooze is not None or wake:
        _snooze(obj, invoice.id or 0, None if wake else obj.parse_date(snooze or ""), day, as_json)
        return
    draft = session.run(draft_reminder, invoice.id or 0, day)
    if eml is not None:  # written before the step is logged: a refused draft logs nothing
        from vatui.cli.mail import write_draft

        write_draft(obj, invoice.id or 0, eml, draft.text)
    if not dry_run:
        session.run(mark_reminder_sent, invoice.id or 0, draft.step, day)
    if as_json:
        emit_json(
            {
                "invoice": invoice.number,
                "step": draft.step + 1,
                "name": draft.name,
                "date": day.isoformat(),
                "text": draft.text,
                "logged": not dry_run,
                "pauses_work": draft.final,
                "eml": str(eml) if eml is not None else None,
            }
        )
        return
    click.echo(show_block(draft.text))
    if eml is not None:
        say(_("Wrote the draft {path}: open it in your mail client to send it.").format(path=eml))
    if not dry_run:
        say(
            _("— logged step “{name}” for {number} on {day}.").format(
                name=show(draft.name), number=invoice.label, day=day.isoformat()
            )
        )
        if draft.final:
            say(_("The client is now on hold until this invoice is paid."))


def _snooze(obj: CliContext, invoice_id: int, until: date | None, day: date, as_json: bool) -> None:
    from vatui.services.ledger.collect import snooze_reminders

    invoice = obj.session().run(snooze_reminders, invoice_id, until, day)
    if as_json:
        emit_json({"invoice": invoice.number, "snoozed_until": until.isoformat() if until else None})
    elif until is None:
        say(_("Reminders for {number} are due again.").format(number=invoice.label))
    else:
        say(
            _("Reminders for {number} snoozed until {day}.").format(
                number=invoice.label, day=until.isoformat()
            )
        )


def show_block(text: str) -> str:
    """Multi-line user text made safe for the terminal (newlines kept)."""
    from vatui.domain.text import clean

    return clean(text, keep_newlines=True)


COMMANDS: list[click.Command] = [pay_cmd, remind_cmd]
