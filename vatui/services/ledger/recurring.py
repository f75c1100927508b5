"""Recurring invoices: add, list, stop a schedule; draft its due periods when the workspace opens.

``create_due_invoices`` runs once per open (``services.session.open_workspace``, the app at
start and every command). It decides INSIDE one transaction, under the store's lock and on
the file as it is then: each schedule's periods after its ``last_period`` marker up to
today are drafted through ``services.ledger.invoices.new_invoice`` (the one flow every invoice
takes) and the marker moves on in the same durable write. A second session opening at
the same moment waits for the lock, reads the moved marker and drafts nothing: each
period is drafted exactly once.

A schedule whose client is archived or a former client drafts nothing (its periods pass,
the marker moves on); a stopped one drafts nothing after the day it stopped. After a long
absence one draft is made per missed period, the latest ``CATCH_UP_CAP`` only, with a
notice naming what was skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from vatui.domain.clients import Client
from vatui.domain.dates import first_day_holding, in_business_range
from vatui.domain.errors import InputError, NotFoundError, RuleError, VatuiError
from vatui.domain.ledger import Invoice
from vatui.domain.recurring import (
    CATCH_UP_CAP,
    RecurringInvoice,
    check_day,
    check_every,
    default_day,
    due_periods,
    next_period,
)
from vatui.domain.text import MAX_NOTE, check_text, one_line
from vatui.i18n import _, ngettext
from vatui.services.common import home_today
from vatui.services.queries import client_docs, docs_of, invoice_docs
from vatui.store.workspace import Workspace

if TYPE_CHECKING:  # the ledger service is imported when a draft is made, not at every open
    from vatui.services.ledger.invoices import ItemSpec

TABLE = "recurring_invoices"


@dataclass
class RecurringRun:
    """What one ``create_due_invoices`` did."""

    made: list[Invoice] = field(default_factory=list)
    """The drafts made."""
    notices: list[str] = field(default_factory=list)
    """One-line notices for the VA: periods skipped by the catch-up cap, drafts refused."""


def _stopped_client(client: Client | None) -> bool:
    return client is None or client.archived or client.status == "former"


def _client(ws: Workspace, client_id: int) -> Client | None:
    doc = client_docs(ws).get(str(client_id))
    return Client.from_doc(doc, client_id) if doc is not None else None


def _problem(schedule: RecurringInvoice, client: Client) -> str | None:
    """Why a draft of ``schedule`` cannot be made now (``None``: it can)."""
    if schedule.retainer and (client.retainer_fee is None or client.retainer_fee.currency != client.currency):
        return _("{client} has no monthly retainer fee in {cur}").format(
            client=one_line(client.name, 40), cur=client.currency
        )
    for item in schedule.items:
        if item.unit_price.currency != client.currency:
            return _("its lines are in {found}, {client} is billed in {cur}").format(
                found=item.unit_price.currency, client=one_line(client.name, 40), cur=client.currency
            )
    return None


def add_recurring(
    ws: Workspace,
    client_id: int,
    *,
    every: str = "month",
    day: int | None = None,
    start: date | None = None,
    items: Sequence[ItemSpec] = (),
    retainer: bool = False,
    notes: str = "",
) -> RecurringInvoice:
    """Add a schedule; the periods already due (a start in the past) are drafted at once."""
    from vatui.services.ledger.invoices import MAX_ITEMS, check_item

    today = home_today(ws)
    first = start or today
    if not in_business_range(first):
        raise InputError(_("the start date {d} is out of range").format(d=first.isoformat()))
    client = ws.get(Client, client_id)
    if _stopped_client(client):
        raise RuleError(
            _("{client} is archived or a former client: no recurring invoice").format(
                client=one_line(client.name, 40)
            )
        )
    if not items and not retainer:
        raise InputError(_('give the lines to bill (--item "Support" 1 300) or --retainer'))
    if len(items) > MAX_ITEMS:
        raise InputError(_("too many lines (at most {n})").format(n=MAX_ITEMS))
    lines = tuple(check_item(spec, client.currency) for spec in items)
    schedule = RecurringInvoice(
        client_id=client_id,
        every=check_every(every),
        day=check_day(day) if day is not None else default_day(first),
        start=first,
        items=lines,
        retainer=retainer,
        notes=check_text(notes, _("the invoice notes"), MAX_NOTE, multiline=True).strip(),
    )
    problem = _problem(schedule, client)
    if problem is not None:
        raise InputError(problem)
    with ws.transaction(_("recurring invoice for {client}").format(client=one_line(client.name, 30))) as tx:
        if _stopped_client(tx.get(Client, client_id)):
            raise RuleError(_("the client was archived meanwhile"))
        saved = tx.add(schedule)
    create_due_invoices(ws, today)
    return ws.get(RecurringInvoice, saved.id or 0)


def stop_recurring(ws: Workspace, schedule_id: int, on: date | None = None) -> RecurringInvoice:
    """Stop a schedule: no draft for any period after ``on`` (today)."""
    day = on or home_today(ws)
    found = ws.get(RecurringInvoice, schedule_id)
    if found.stopped_on is not None:
        raise RuleError(
            _("recurring invoice #{id} was already stopped on {d}").format(
                id=schedule_id, d=found.stopped_on.isoformat()
            )
        )
    with ws.transaction(_("stop recurring invoice #{id}").format(id=schedule_id)) as tx:
        schedule = tx.get(RecurringInvoice, schedule_id)
        if schedule.stopped_on is not None:
            raise RuleError(_("recurring invoice #{id} was already stopped").format(id=schedule_id))
        return tx.save(schedule.with_(stopped_on=day))


def find_recurring(ws: Workspace, ref: str) -> RecurringInvoice:
    """A schedule by its number (``3`` or ``#3``)."""
    text = ref.strip().lstrip("#")
    if not text.isdigit():
        raise InputError(
            _("{ref!r} is not a recurring invoice number (see vatui invoice recurring list)").format(ref=ref)
        )
    try:
        return ws.get(RecurringInvoice, int(text))
    except NotFoundError:
        raise NotFoundError(_("no recurring invoice #{id}").format(id=text)) from None


@dataclass(frozen=True, slots=True)
class RecurringRow:
    """A schedule as ``list`` shows it."""

    schedule: RecurringInvoice
    """The schedule."""
    client: str
    """Its client's name."""
    next: date | None
    """The next period to be drafted (``None``: stopped, or the client is)."""
    drafts: int
    """Its drafts not yet sent."""


def list_recurring(ws: Workspace, on: date | None = None) -> list[RecurringRow]:
    """Every schedule, running ones first, by client."""
    day = on or home_today(ws)
    names = {int(k): str(d.get("name", "")) for k, d in client_docs(ws).items()}
    drafts: dict[int, int] = {}
    for doc in invoice_docs(ws).values():
        rid = doc.get("recurring_id")
        if rid is not None and doc.get("status") == "draft":
            drafts[int(rid)] = drafts.get(int(rid), 0) + 1
    rows = []
    for key, doc in docs_of(ws, TABLE).items():
        schedule = RecurringInvoice.from_doc(doc, int(key))
        client = _client(ws, schedule.client_id)
        upcoming = None if _stopped_client(client) else next_period(schedule, day)
        rows.append(
            RecurringRow(schedule, names.get(schedule.client_id, ""), upcoming, drafts.get(int(key), 0))
        )
    return sorted(
        rows, key=lambda r: (r.schedule.stopped_on is not None, r.client.casefold(), r.schedule.id or 0)
    )


def recurring_drafts(ws: Workspace) -> list[int]:
    """Ids of the drafts made by schedules and not sent yet (Today's "to review and send")."""
    return sorted(
        int(k)
        for k, d in invoice_docs(ws).items()
        if d.get("recurring_id") is not None and d.get("status") == "draft"
    )


def _anything_due(ws: Workspace, today: date) -> bool:
    """Cheap, without the lock: whether any running schedule has a period due."""
    for key, doc in docs_of(ws, TABLE).items():
        if due_periods(RecurringInvoice.from_doc(doc, int(key)), today).marker is not None:
            return True
    return False


def first_invoice_due(ws: Workspace, first: date, last: date) -> date | None:
    """The first day from ``first`` to ``last`` on which ``create_due_invoices`` has a period
    to draft (``None``: none in the range); the same rule, asked day by day (a kept Today
    summary is served only before that day). A period due by a day is still due the days
    after (until drafted), so ``last`` is asked first: most opens stop there."""
    if not docs_of(ws, TABLE):
        return None
    return first_day_holding(first, last, lambda day: _anything_due(ws, day))


def create_due_invoices(ws: Workspace, today: date | None = None) -> RecurringRun:
    """Draft every period due up to ``today`` (exactly once, see the module docstring)."""
    day = today or home_today(ws)
    run = RecurringRun()
    if not docs_of(ws, TABLE) or not _anything_due(ws, day):
        return run  # every open pays this much: nothing more is imported
    from vatui.domain.dates_display import format_date
    from vatui.services.ledger.invoices import ItemSpec, new_invoice

    with ws.transaction(None) as tx:  # the decision and the marker, under the lock
        for key, doc in sorted(docs_of(tx, TABLE).items(), key=lambda kv: int(kv[0])):
            schedule = RecurringInvoice.from_doc(doc, int(key))
            due = due_periods(schedule, day)
            if due.marker is None:
                continue
            client = _client(ws, schedule.client_id)
            if client is None or _stopped_client(client):
                tx.update(TABLE, int(key), {"last_period": due.marker.isoformat()})
                continue
            problem = _problem(schedule, client)
            if problem is not None:  # no draft, marker kept: made once the client is fixed
                run.notices.append(
                    _("Recurring invoice #{id} made no draft: {why}").format(id=key, why=problem)
                )
                continue
            made = 0
            for period in due.make:
                try:
                    invoice = new_invoice(
                        ws,
                        schedule.client_id,
                        kind="retainer" if schedule.retainer else "standard",
                        items=[ItemSpec(i.description, i.quantity, i.unit_price) for i in schedule.items],
                        on=period,
                        notes=schedule.notes,
                        recurring_id=schedule.id,
                    )
                except VatuiError as exc:
                    run.notices.append(
                        _("Recurring invoice #{id} made no draft for {d}: {why}").format(
                            id=key, d=period.isoformat(), why=exc
                        )
                    )
                    break
                run.made.append(invoice)
                made += 1
                tx.update(TABLE, int(key), {"last_period": period.isoformat()})
            if due.skipped and made:
                run.notices.append(
                    ngettext(
                        "Recurring invoice #{id} ({client}): {n} missed period before {first} was "
                        "skipped (at most {cap} drafts are made at once)",
                        "Recurring invoice #{id} ({client}): {n} missed periods before {first} were "
                        "skipped (at most {cap} drafts are made at once)",
                        len(due.skipped),
                    ).format(
                        id=key,
                        client=one_line(client.name, 30),
                        n=len(due.skipped),
                        first=format_date(due.make[0], "%B %Y"),
                        cap=CATCH_UP_CAP,
                    )
                )
    return run


__all__ = [
    "RecurringRow",
    "RecurringRun",
    "add_recurring",
    "create_due_invoices",
    "find_recurring",
    "list_recurring",
    "recurring_drafts",
    "stop_recurring",
]
