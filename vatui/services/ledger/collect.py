"""Collections: reminders of the protocol, deposits that block work, clients on hold, retainer burn.

Readers here run on every Today and every Board draw, so they work on raw documents and
convert only the open invoices.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from vatui.domain import dunning
from vatui.domain.billing import greeting_name
from vatui.domain.business import signature
from vatui.domain.clients import Client
from vatui.domain.errors import InputError, RuleError
from vatui.domain.invoicing import OPEN_STATUSES, amount_due
from vatui.domain.ledger import Invoice, Payment, ReminderSent
from vatui.domain.money import Money
from vatui.domain.reminder_texts import template_for
from vatui.domain.settings import ProtocolStep, Settings
from vatui.i18n import _
from vatui.services.common import home_today
from vatui.services.ledger.data import invoice_payments, month_bounds
from vatui.services.queries import client_docs, invoice_docs, payment_docs, time_docs
from vatui.store.workspace import Workspace

Open = tuple[Invoice, Money]
"""An open invoice and what is still due on it."""


def open_invoices(ws: Workspace) -> list[Open]:
    """Sent and partly paid invoices with what is due on each (raw scan, converts only these)."""
    docs = invoice_docs(ws)
    open_ids = {int(k) for k, d in docs.items() if d.get("status") in OPEN_STATUSES}
    if not open_ids:
        return []
    pays: dict[int, list[Payment]] = {}
    for key, doc in payment_docs(ws).items():
        inv = int(doc["invoice_id"])
        if inv in open_ids:
            pays.setdefault(inv, []).append(Payment.from_doc(doc, int(key)))
    out = []
    for inv_id in sorted(open_ids):
        invoice = Invoice.from_doc(docs[str(inv_id)], inv_id)
        due = amount_due(invoice, pays.get(inv_id, []))
        if due.minor > 0:
            out.append((invoice, due))
    return out


def quiet(invoice: Invoice) -> date | None:
    """The first day the invoice's reminders may be due (a snooze, a promise to pay)."""
    return dunning.quiet_until(invoice.reminders_snoozed_until, invoice.promised_on)


@dataclass(frozen=True, slots=True)
class DueReminder:
    """A protocol step to send today."""

    invoice: Invoice
    """The invoice."""
    due: Money
    """What is still due."""
    step: int
    """Index of the step in the protocol."""
    name: str
    """The step's name."""
    when: date
    """The day the step became due."""
    final: bool
    """Whether sending it puts the client on hold."""


def reminders_due(ws: Workspace, on: date, opened: list[Open] | None = None) -> list[DueReminder]:
    """Every reminder step due on ``on``, oldest due date first."""
    protocol = ws.settings().protocol
    out = []
    for invoice, due in opened if opened is not None else open_invoices(ws):
        step = dunning.due_step(
            invoice.due_date, invoice.reminders, protocol, on, snoozed_until=quiet(invoice)
        )
        if step is None:
            continue
        p = protocol[step]
        out.append(
            DueReminder(invoice, due, step, p.name, dunning.step_date(invoice.due_date, p), p.pauses_work)
        )
    return sorted(out, key=lambda r: (r.invoice.due_date, r.invoice.number))


@dataclass(frozen=True, slots=True)
class ReminderDraft:
    """The drafted text of a reminder."""

    invoice: Invoice
    """The invoice."""
    step: int
    """The protocol step."""
    name: str
    """Its name."""
    text: str
    """The filled template."""
    final: bool
    """Sending it puts the client on hold."""


def reminder_values(
    settings: Settings, client: Client, invoice: Invoice, due: Money, on: date
) -> dict[str, str]:
    """What a reminder's or an invoice e-mail's placeholders say, the amount as the client writes it."""
    from vatui.services.documents.locale import document_locale

    with document_locale(settings, client):  # as the client writes money: language and format
        shown_due = due.format()
    return dunning.values_for(
        client=client.name,
        number=invoice.label,
        amount_due=shown_due,
        due_date=invoice.due_date,
        on=on,
        business=settings.business_name,
        contact=greeting_name(client),
        signature=signature(settings),
    )


def _fill(ws: Workspace, invoice: Invoice, due: Money, step: ProtocolStep, on: date) -> str:
    from vatui.services.clients.language import client_language

    settings = ws.settings()
    client = ws.get(Client, invoice.client_id)
    values = reminder_values(settings, client, invoice, due, on)
    template = template_for(settings, client_language(settings, client), step.name) or step.template
    return dunning.fill(template, values)


def draft_reminder(ws: Workspace, invoice_id: int, on: date | None = None) -> ReminderDraft:
    """The text of the step due on ``on``; raises when none is due."""
    day = on or home_today(ws)
    invoice = ws.get(Invoice, invoice_id)
    protocol = ws.settings().protocol
    due = amount_due(invoice, invoice_payments(ws, invoice_id))
    open_ = invoice.status in OPEN_STATUSES and due.minor > 0
    step = dunning.due_step(
        invoice.due_date,
        invoice.reminders,
        protocol,
        day,
        open_=open_,
        snoozed_until=quiet(invoice),
    )
    if step is None:
        if not open_:
            raise RuleError(
                _("{number} is {status}: no reminder to send").format(
                    number=invoice.label, status=_(invoice.status)
                )
            )
        if invoice.promised_on is not None and day <= invoice.promised_on:
            raise RuleError(
                _("{number} was promised for {d}: its reminders wait until then").format(
                    number=invoice.label, d=invoice.promised_on.isoformat()
                )
            )
        if invoice.reminders_snoozed_until is not None and day < invoice.reminders_snoozed_until:
            raise RuleError(
                _("reminders for {number} are snoozed until {d}").format(
                    number=invoice.label, d=invoice.reminders_snoozed_until.isoformat()
                )
            )
        if dunning.all_sent(invoice.reminders, protocol):
            raise RuleError(
                _("every reminder step for {number} was already sent").format(number=invoice.label)
            )
        if any(r.on == day for r in invoice.reminders):
            raise RuleError(
                _("a reminder for {number} was already sent on {d}").format(
                    number=invoice.label, d=day.isoformat()
                )
            )
        raise RuleError(_("no reminder step is due yet for {number}").format(number=invoice.label))
    p = protocol[step]
    return ReminderDraft(invoice, step, p.name, _fill(ws, invoice, due, p, day), p.pauses_work)


def mark_reminder_sent(ws: Workspace, invoice_id: int, step: int, on: date | None = None) -> Invoice:
    """Log that ``step`` was sent on ``on`` (at most one step per invoice per day)."""
    day = on or home_today(ws)
    protocol = ws.settings().protocol
    if not 0 <= step < len(protocol):
        raise InputError(_("there is no step {n} in the protocol").format(n=step + 1))
    invoice = ws.get(Invoice, invoice_id)
    with ws.transaction(_("reminder for {number}").format(number=invoice.label)) as tx:
        invoice = tx.get(Invoice, invoice_id)
        if invoice.status not in OPEN_STATUSES:
            raise RuleError(
                _("{number} is {status}: no reminder to log").format(
                    number=invoice.label, status=_(invoice.status)
                )
            )
        if any(r.on == day for r in invoice.reminders):
            raise RuleError(
                _("a reminder for {number} was already sent on {d}").format(
                    number=invoice.label, d=day.isoformat()
                )
            )
        if step <= dunning.last_sent(invoice.reminders):
            raise RuleError(
                _("step {name} (or a later one) was already sent").format(name=protocol[step].name)
            )
        return tx.save(invoice.with_(reminders=(*invoice.reminders, ReminderSent(step=step, on=day))))


MAX_SNOOZE_DAYS = 366
"""A reminder is snoozed for at most this many days."""


def snooze_reminders(ws: Workspace, invoice_id: int, until: date | None, on: date | None = None) -> Invoice:
    """Snooze an open invoice's reminders until ``until`` (``None``: wake them now)."""
    day = on or home_today(ws)
    if until is not None and not day < until <= day + timedelta(days=MAX_SNOOZE_DAYS):
        raise InputError(
            _("snooze until a day after today and within a year (not {d})").format(d=until.isoformat())
        )
    invoice = ws.get(Invoice, invoice_id)
    with ws.transaction(_("snooze reminders for {number}").format(number=invoice.label)) as tx:
        invoice = tx.get(Invoice, invoice_id)
        due = amount_due(invoice, invoice_payments(tx, invoice_id))
        if invoice.status not in OPEN_STATUSES or due.minor <= 0:
            raise RuleError(
                _("{number} is {status}: no reminder to snooze").format(
                    number=invoice.label, status=_(invoice.status)
                )
            )
        return tx.save(invoice.with_(reminders_snoozed_until=until))


MAX_PROMISE_DAYS = 366
"""A promise to pay is at most this many days ahead."""


def promise_payment(ws: Workspace, invoice_id: int, by: date | None, on: date | None = None) -> Invoice:
    """Record that the client promised to pay an open invoice by ``by`` (``None``: clear it).

    Its reminders pause until the day after ``by`` (``dunning.quiet_until``); Today shows
    the promise among the payments expected.
    """
    day = on or home_today(ws)
    if by is not None and not day <= by <= day + timedelta(days=MAX_PROMISE_DAYS):
        raise InputError(
            _("a promise to pay is for today or a day within a year (not {d})").format(d=by.isoformat())
        )
    invoice = ws.get(Invoice, invoice_id)
    label = _("promise to pay {number}") if by is not None else _("clear the promise on {number}")
    with ws.transaction(label.format(number=invoice.label)) as tx:
        invoice = tx.get(Invoice, invoice_id)
        due = amount_due(invoice, invoice_payments(tx, invoice_id))
        if by is not None and (invoice.status not in OPEN_STATUSES or due.minor <= 0):
            raise RuleError(
                _("{number} is {status}: nothing is owed on it to promise").format(
                    number=invoice.label, status=_(invoice.status)
                )
            )
        if by is None and invoice.promised_on is None:
            raise RuleError(_("{number} has no promise to pay").format(number=invoice.label))
        return tx.save(invoice.with_(promised_on=by))


@dataclass(frozen=True, slots=True)
class Exhausted:
    """An open, overdue invoice whose every reminder step was sent."""

    invoice: Invoice
    """The invoice."""
    due: Money
    """What is still due."""
    on_hold: bool
    """Whether a step sent put the client on hold."""


def reminders_exhausted(ws: Workspace, on: date, opened: list[Open] | None = None) -> list[Exhausted]:
    """Overdue invoices with nothing left to send (not snoozed on ``on``): still to chase."""
    protocol = ws.settings().protocol
    out = []
    for invoice, due in opened if opened is not None else open_invoices(ws):
        until = quiet(invoice)
        snoozed = until is not None and on < until
        if on > invoice.due_date and not snoozed and dunning.all_sent(invoice.reminders, protocol):
            out.append(Exhausted(invoice, due, dunning.pauses_work(invoice.reminders, protocol)))
    return sorted(out, key=lambda r: (r.invoice.due_date, r.invoice.number))


# deposits and holds -----------------------------------------------------------------


def _requires_deposit(doc: Mapping[str, Any]) -> bool:
    return bool(doc.get("deposit_percent")) and not doc.get("archived") and doc.get("status") != "former"


@dataclass(frozen=True, slots=True)
class DepositBlock:
    """A client whose required deposit is unpaid."""

    client_id: int
    """The client."""
    unpaid: tuple[Invoice, ...]
    """Their unpaid deposit invoices (none: no deposit invoice yet)."""


def deposit_blocks(ws: Workspace) -> list[DepositBlock]:
    """Clients that require a deposit and have none paid, or one still unpaid."""
    needing = {int(k) for k, d in client_docs(ws).items() if _requires_deposit(d)}
    if not needing:
        return []
    paid: set[int] = set()
    unpaid: dict[int, list[Invoice]] = {}
    for key, doc in invoice_docs(ws).items():
        cid = doc.get("client_id")
        if doc.get("kind") != "deposit" or cid not in needing:
            continue
        status = doc.get("status")
        if status == "paid":
            paid.add(cid)
        elif status in ("draft", "sent", "partial"):
            unpaid.setdefault(cid, []).append(Invoice.from_doc(doc, int(key)))
    return [
        DepositBlock(cid, tuple(unpaid.get(cid, ())))
        for cid in sorted(needing)
        if cid in unpaid or cid not in paid
    ]


def blocked_clients(ws: Workspace) -> set[int]:
    """Ids of clients whose required deposit is unpaid: their work should not start."""
    return {b.client_id for b in deposit_blocks(ws)}


def on_hold_clients(ws: Workspace) -> set[int]:
    """Ids of clients on hold: the protocol's final step was sent and money is still due."""
    protocol = ws.settings().protocol
    pausing = {i for i, p in enumerate(protocol) if p.pauses_work}
    if not pausing:
        return set()
    out = set()
    for doc in invoice_docs(ws).values():
        if doc.get("status") in OPEN_STATUSES and any(
            r.get("step") in pausing for r in doc.get("reminders", ())
        ):
            out.add(int(doc["client_id"]))
    return out


# retainers --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Burn:
    """Retainer hours used this month."""

    client_id: int
    """The client."""
    used_minutes: int
    """Billable minutes logged this month."""
    cap_minutes: int
    """The retainer's minutes per month."""

    @property
    def percent(self) -> int:
        """Used, per cent of the retainer (rounded down)."""
        return self.used_minutes * 100 // self.cap_minutes if self.cap_minutes else 0


def retainer_burn(ws: Workspace, on: date) -> list[Burn]:
    """Every retainer client's hours this month (home time) against the retainer."""
    caps = {
        int(k): int(d["retainer_minutes"])
        for k, d in client_docs(ws).items()
        if d.get("retainer_minutes") and not d.get("archived")
    }
    if not caps:
        return []
    lo, hi = month_bounds(on, ZoneInfo(ws.settings().home_timezone))
    used = dict.fromkeys(caps, 0)
    for doc in time_docs(ws).values():
        if lo <= doc["start"] < hi:  # most entries are not this month: one look first
            cid = doc.get("client_id")
            if cid in caps and doc.get("billable", True):
                used[cid] += int(doc.get("minutes") or 0)
    return [Burn(cid, used[cid], cap) for cid, cap in caps.items()]
