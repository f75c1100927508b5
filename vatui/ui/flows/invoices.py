"""The invoice flows: create (time, free lines, deposit, retainer), edit a draft, promise,
snooze reminders; one per action, called from the Ledger's keys, its palette and Today alike.

Each gathers input with a modal (which saves nothing) and calls the SAME service the
command line calls (``services.ledger.invoices.new_invoice`` for every kind, ``edit_draft``,
``promise_payment``, ``snooze_reminders``) through ``app.run_service``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from vatui.domain.fold import sort_key
from vatui.domain.text import one_line
from vatui.i18n import _

if TYPE_CHECKING:
    from collections.abc import Sequence

    from vatui.domain.ledger import Invoice, TaxLine
    from vatui.services.ledger.invoices import ItemSpec
    from vatui.ui.modals.invoice_forms import LinesInput
    from vatui.ui.pane import PaneHost


def _today(app: PaneHost) -> date:
    return app.session.today()


def _created(app: PaneHost, created: Invoice | None) -> None:
    if created is None:
        return
    app.inform(_("Created {number}: enter shows it, d edits it, s sends it.").format(number=created.label))
    pane = app.active_pane()
    if pane is not None:
        pane.focus_record("invoice", created.id)


def _pick_client(app: PaneHost, title: str, then: object) -> None:
    """Pick a client (unbilled time shown beside each), then ``then(client_id)``."""
    from vatui.services.common import client_refs
    from vatui.services.tasks.timer import unbilled
    from vatui.ui.modals.invoice_client import InvoiceClientModal

    minutes: dict[int, int] = {}
    for entry in app.session.run(unbilled):
        if entry.client_id is not None:
            minutes[entry.client_id] = minutes.get(entry.client_id, 0) + entry.minutes
    clients = sorted(
        ((cid, name, minutes.get(cid, 0)) for cid, name in app.session.run(client_refs)),
        key=lambda c: (c[2] == 0, sort_key(c[1])),
    )

    def picked(client_id: int | None) -> None:
        if client_id is not None and callable(then):
            then(client_id)

    if not clients:  # an empty picker would leave a new VA nowhere to go
        app.inform(_("No client yet: add one on the Clients pane (3, then n)."), error=True)
        return
    app.push_screen(InvoiceClientModal(clients, title), picked)


def new_invoice_menu(app: PaneHost) -> None:
    """``n``: which invoice (time, free lines, deposit, retainer), which client, then its form."""
    from vatui.ui.modals.invoice_forms import InvoiceKindModal

    flows = {"time": invoice_time, "items": invoice_items, "deposit": deposit, "retainer": retainer}
    titles = {
        "time": _("Invoice unbilled time of…"),
        "items": _("Invoice with free lines for…"),
        "deposit": _("Deposit invoice for…"),
        "retainer": _("Retainer invoice for…"),
    }

    def kind_chosen(kind: str | None) -> None:
        if kind in flows:
            _pick_client(app, titles[kind], lambda cid: flows[kind](app, cid))

    app.push_screen(InvoiceKindModal(classes="vatui-modal"), kind_chosen)


def invoice_time(app: PaneHost, client_id: int | None = None) -> None:
    """A client's unbilled time: every entry ticked, ``space`` leaves one out, ``enter`` invoices."""
    if client_id is None:
        _pick_client(app, _("Invoice unbilled time of…"), lambda cid: invoice_time(app, cid))
        return
    from zoneinfo import ZoneInfo

    from vatui.domain.durations import format_duration
    from vatui.services.tasks.timer import unbilled
    from vatui.ui.modals.invoice_forms import EntriesModal

    client = app.session.client(client_id)
    home = ZoneInfo(app.session.settings().home_timezone)
    from vatui.services.queries import task_titles

    titles = app.session.run(task_titles)
    entries = []
    for entry in sorted(app.session.run(unbilled, client_id), key=lambda e: (e.start, e.id or 0)):
        task = titles.get(entry.task_id) if entry.task_id is not None else None
        what = task if task is not None else (entry.note or _("Time"))
        day = entry.start.astimezone(home).date().isoformat()
        entries.append(
            (entry.id or 0, f"{day}  {one_line(what, 44)}  {format_duration(entry.minutes)}", entry.minutes)
        )

    def chosen(ids: tuple[int, ...] | None) -> None:
        if ids is None:
            return
        from vatui.services.ledger.invoices import new_invoice

        _created(
            app,
            app.run_service(new_invoice, client_id, unbilled=True, entry_ids=ids, on=_today(app)),
        )

    if not entries:  # billable expenses alone may still be invoiced: the service says if not
        chosen(())
        return
    title = _("Unbilled time of {client}").format(client=one_line(client.name, 30))
    app.push_screen(EntriesModal(title, entries), chosen)


def _specs(got: LinesInput) -> list[ItemSpec]:
    from vatui.services.ledger.invoices import ItemSpec

    return [ItemSpec(line.description, line.quantity, line.price) for line in got.lines]


def _lines_form(
    app: PaneHost,
    client_id: int,
    title: str,
    kind: str,
    *,
    rows: list[tuple[str, str, str]] | None = None,
    min_rows: int = 3,
    taxes: Sequence[TaxLine] = (),
) -> None:
    """The lines form (free lines, a deposit), then ``new_invoice`` of ``kind`` from what was typed."""
    from vatui.services.ledger.invoices import new_invoice
    from vatui.ui.modals.invoice_forms import LinesFormModal

    client = app.session.client(client_id)

    def done(got: LinesInput | None) -> None:
        if got is not None:
            created = app.run_service(
                new_invoice,
                client_id,
                kind=kind,
                items=_specs(got),
                notes=got.notes,
                taxes=got.taxes,
                on=_today(app),
            )
            _created(app, created)

    heading = title.format(client=one_line(client.name, 30), cur=client.currency)
    numbers = app.session.settings().numbers
    modal = LinesFormModal(heading, client.currency, numbers, rows, min_rows=min_rows, taxes=taxes)
    app.push_screen(modal, done)


def invoice_items(app: PaneHost, client_id: int) -> None:
    """An invoice of free lines typed in the form."""

    taxes = app.session.client(client_id).default_taxes
    _lines_form(app, client_id, _("New invoice for {client} ({cur})"), "standard", taxes=taxes)


def deposit(app: PaneHost, client_id: int) -> None:
    """A deposit invoice: the line proposed from the client's deposit policy, editable; no
    tax lines proposed (a deposit is taxed on the invoice it pays), an added one may be typed."""
    from vatui.domain.amounts import amount_input

    client = app.session.client(client_id)
    numbers = app.session.settings().numbers
    if client.deposit_percent:
        from vatui.i18n import language_of
        from vatui.services.clients.language import client_language
        from vatui.services.ledger.invoices import deposit_label

        with language_of(client_language(app.session.settings(), client)):  # printed on their invoice
            label = deposit_label(client.deposit_percent)
        base = client.retainer_fee
        amount = amount_input(base.percent(client.deposit_percent), numbers) if base is not None else ""
    else:
        label, amount = _("Deposit"), ""

    _lines_form(
        app,
        client_id,
        _("Deposit invoice for {client} ({cur})"),
        "deposit",
        rows=[(label, "1", amount)],
        min_rows=1,
    )


def retainer(app: PaneHost, client_id: int) -> None:
    """The month's retainer fee, after asking."""
    from vatui.ui.modals.confirm import ConfirmModal

    client = app.session.client(client_id)
    if client.retainer_fee is None:
        app.inform(
            _("{client} has no monthly retainer fee in {cur}").format(
                client=one_line(client.name, 40), cur=client.currency
            ),
            error=True,
        )
        return

    def answered(yes: bool | None) -> None:
        if yes:
            from vatui.services.ledger.invoices import new_invoice

            _created(app, app.run_service(new_invoice, client_id, kind="retainer", on=_today(app)))

    app.push_screen(
        ConfirmModal(
            _("Invoice {client}'s retainer fee, {fee}?").format(
                client=one_line(client.name, 30), fee=client.retainer_fee.format()
            ),
            yes=_("Invoice"),
            no=_("Cancel"),
        ),
        answered,
    )


def edit_draft(app: PaneHost, invoice_id: int) -> None:
    """The draft editor: its free lines, tax lines and notes (billed time and expenses are kept)."""
    from decimal import Decimal

    from vatui.domain.amounts import amount_input
    from vatui.domain.numbers import number_format, write
    from vatui.services.ledger.drafts import is_linked
    from vatui.ui.modals.invoice_forms import LinesFormModal

    invoice = app.session.invoice(invoice_id)
    if invoice.status != "draft":
        app.inform(
            _("{number} is {status}: only a draft can be edited").format(
                number=invoice.label, status=_(invoice.status)
            ),
            error=True,
        )
        return
    numbers = app.session.settings().numbers
    fixed = tuple(i for i in invoice.items if is_linked(i))
    rows = [
        (
            i.description,
            write(Decimal(i.quantity), number_format(numbers)),
            amount_input(i.unit_price, numbers),
        )
        for i in invoice.items
        if not is_linked(i)
    ]

    def done(got: LinesInput | None) -> None:
        if got is None:
            return
        from vatui.services.ledger.drafts import edit_draft as edit

        if app.run_service(edit, invoice_id, _specs(got), got.notes, taxes=got.taxes) is not None:
            app.inform(_("Saved {number}.").format(number=invoice.label))

    title = _("Edit draft {number}").format(number=invoice.label)
    app.push_screen(
        LinesFormModal(
            title,
            invoice.currency,
            numbers,
            rows,
            notes=invoice.notes,
            fixed=fixed,
            min_rows=len(rows) + 1,
            taxes=invoice.taxes,
            discount=invoice.discount,
        ),
        done,
    )


def promise(app: PaneHost, invoice_id: int) -> None:
    """The client promised to pay by a date: its reminders wait until then."""
    from vatui.ui.modals.date_prompt import DatePromptModal

    invoice = app.session.invoice(invoice_id)

    def chosen(by: date | None) -> None:
        if by is None:
            return
        from vatui.services.ledger.collect import promise_payment

        if app.run_service(promise_payment, invoice_id, by, _today(app)) is not None:
            app.inform(
                _("{number} is promised for {day}: no reminder until then.").format(
                    number=invoice.label, day=by.isoformat()
                )
            )

    default = invoice.promised_on.isoformat() if invoice.promised_on else "+7d"
    app.push_screen(
        DatePromptModal(
            _("{number}: promised to pay by").format(number=invoice.label), _today(app), default=default
        ),
        chosen,
    )


def snooze(app: PaneHost, invoice_id: int, number: str | None = None) -> None:
    """Snooze an invoice's reminders until a date (Today's ``s``, the Ledger's ``z``);
    ``number`` names it (its label when not given)."""
    from vatui.ui.modals.date_prompt import DatePromptModal

    number = number or app.session.invoice(invoice_id).label

    def chosen(until: date | None) -> None:
        from vatui.services.ledger.collect import snooze_reminders

        if until is not None and app.run_service(snooze_reminders, invoice_id, until) is not None:
            app.inform(
                _("Reminders for {number} snoozed until {day}").format(
                    number=one_line(number, 30), day=until.isoformat()
                )
            )

    app.push_screen(
        DatePromptModal(
            _("Snooze reminders for {number} until").format(number=one_line(number, 30)),
            _today(app),
            default="+7d",
        ),
        chosen,
    )
