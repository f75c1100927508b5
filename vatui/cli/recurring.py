"""``vatui invoice recurring add|list|stop`` and ``vatui invoice promise``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from vatui.cli.context import CliContext, emit_json, pass_ctx, repeated_option, say, show
from vatui.i18n import _, ngettext

if TYPE_CHECKING:
    from vatui.domain.recurring import RecurringInvoice


def day_words(day: int) -> str:
    """ "on day 5" / "on the last day" of every month."""
    from vatui.domain.recurring import LAST_DAY

    if day == LAST_DAY:
        return _("every month on the last day")
    return _("every month on day {day}").format(day=day)


def _amount(schedule: RecurringInvoice, fee: Any) -> str:
    from vatui.domain.invoicing import line_amount
    from vatui.domain.money import Money

    if not schedule.items and fee is None:
        return "—"
    currency = schedule.items[0].unit_price.currency if schedule.items else fee.currency
    total = Money.zero(currency)
    for item in schedule.items:
        total = total + line_amount(item)
    if schedule.retainer and fee is not None and fee.currency == currency:
        total = total + fee
    return total.format()


@click.group("recurring")
def recurring_group() -> None:
    """Recurring invoices: a draft every month, made when vatui opens."""


@recurring_group.command("add")
@click.argument("client")
@click.option("--every", default="month", metavar="month", help=_("How often (every month)."))
@click.option("--day", type=int, metavar="N", help=_("Day of the month: 1-28, or 31 for the last day."))
@click.option("--start", metavar="DATE", help=_("The first day a draft may be made (default today)."))
@repeated_option(
    "--item",
    "items",
    "DESC QTY PRICE",
    _("A line of every draft (repeatable): description, quantity, unit price."),
    type=(str, str, str),
)
@click.option("--retainer", is_flag=True, help=_("Bill the client's monthly retainer fee."))
@click.option("--notes", default="", help=_("Printed on every draft."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the schedule as JSON."))
@pass_ctx
def recurring_add(
    obj: CliContext,
    client: str,
    every: str,
    day: int | None,
    start: str | None,
    items: tuple[tuple[str, str, str], ...],
    retainer: bool,
    notes: str,
    as_json: bool,
) -> None:
    """Draft an invoice for CLIENT every month (periods already due are drafted now)."""
    from vatui.domain.amounts import parse_amount
    from vatui.domain.invoicing import read_quantity
    from vatui.services.clients.manage import find_client
    from vatui.services.ledger.invoices import ItemSpec
    from vatui.services.ledger.recurring import add_recurring, list_recurring, recurring_drafts

    session = obj.session()
    found = session.run(find_client, client)
    numbers = session.settings().numbers
    specs = [
        ItemSpec(desc, read_quantity(qty, numbers), parse_amount(price, found.currency, numbers))
        for desc, qty, price in items
    ]
    first = obj.parse_date(start) if start else None
    before = set(session.run(recurring_drafts))
    schedule = session.run(
        add_recurring,
        found.id or 0,
        every=every,
        day=day,
        start=first,
        items=specs,
        retainer=retainer,
        notes=notes,
    )
    made = len(set(session.run(recurring_drafts)) - before)
    row = next(r for r in session.run(list_recurring) if r.schedule.id == schedule.id)
    if as_json:
        from vatui.cli.json_shapes import recurring_json  # only for --json: it imports every shape

        emit_json({**recurring_json(row), "drafts_made": made})
        return
    say(
        _("Added recurring invoice #{id} for {client}, {when}; next draft {next}.").format(
            id=schedule.id,
            client=show(found.name, 40),
            when=day_words(schedule.day),
            next=row.next.isoformat() if row.next else "—",
        )
    )
    if made:
        say(
            ngettext(
                "{n} draft made for the periods already due: vatui invoice list --status draft",
                "{n} drafts made for the periods already due: vatui invoice list --status draft",
                made,
            ).format(n=made)
        )


@recurring_group.command("list")
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def recurring_list(obj: CliContext, as_json: bool) -> None:
    """List the recurring invoices, with the next draft of each."""
    from vatui.services.ledger.recurring import list_recurring

    session = obj.session()
    rows = session.run(list_recurring, obj.today())
    if as_json:
        from vatui.cli.json_shapes import recurring_json  # only for --json: it imports every shape

        emit_json({"recurring_invoices": [recurring_json(r) for r in rows]})
        return
    if not rows:
        say(_("No recurring invoices. Add one: vatui invoice recurring add CLIENT --item DESC QTY PRICE"))
    for row in rows:
        s = row.schedule
        fee = session.client(s.client_id).retainer_fee if s.retainer else None
        state = (
            _("stopped {d}").format(d=s.stopped_on.isoformat())
            if s.stopped_on
            else (_("next {d}").format(d=row.next.isoformat()) if row.next else _("client archived"))
        )
        what = _("retainer") if s.retainer and not s.items else (s.items[0].description if s.items else "")
        waiting = (
            "  " + ngettext("{n} draft to send", "{n} drafts to send", row.drafts).format(n=row.drafts)
            if row.drafts
            else ""
        )
        say(
            f"#{s.id:<3} {show(row.client, 20):<20} {show(what, 20):<20} {_amount(s, fee):>14}  "
            f"{day_words(s.day)}, {state}{waiting}"
        )


@recurring_group.command("stop")
@click.argument("ref", metavar="ID")
@pass_ctx
def recurring_stop(obj: CliContext, ref: str) -> None:
    """Stop recurring invoice ID: no more drafts (those made stay)."""
    from vatui.services.ledger.recurring import find_recurring, stop_recurring

    session = obj.session()
    stopped = session.run(stop_recurring, session.run(find_recurring, ref).id or 0, obj.today())
    say(_("Stopped recurring invoice #{id}: no more drafts.").format(id=stopped.id))


@click.command("promise")
@click.argument("number")
@click.argument("when", metavar="DATE", required=False)
@click.option("--clear", is_flag=True, help=_("Forget the promise: reminders are due again."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def invoice_promise(obj: CliContext, number: str, when: str | None, clear: bool, as_json: bool) -> None:
    """The client promised to pay NUMBER by DATE: its reminders wait until then."""
    from vatui.domain.errors import InputError
    from vatui.services.ledger.collect import promise_payment
    from vatui.services.ledger.data import find_invoice

    if clear == (when is not None):
        raise InputError(_("give the DATE the client promised to pay by, or --clear"))
    session = obj.session()
    invoice = session.run(find_invoice, number)
    by = obj.parse_date(when) if when is not None else None
    saved = session.run(promise_payment, invoice.id or 0, by, obj.today())
    if as_json:
        emit_json({"invoice": saved.number, "promised_on": by.isoformat() if by else None})
    elif by is None:
        say(_("Cleared the promise on {number}: its reminders are due again.").format(number=saved.label))
    else:
        say(
            _("{number} is promised for {day}: no reminder until then.").format(
                number=saved.label, day=by.isoformat()
            )
        )


COMMANDS: list[click.Command] = [recurring_group, invoice_promise]
