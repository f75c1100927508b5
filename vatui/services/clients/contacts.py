"""The contact log: log a contact, list them, handle follow-ups.

Logging a contact with a client **clears that client's due follow-ups**: every earlier
contact of the same client (logged at or before the new one) whose follow-up date is on
or before the new contact's day (home time) and is not done yet gets ``follow_up_done``.
Follow-ups dated after that day stay open: talking to the client on Monday does not
settle what you promised to chase on Friday. The new contact's own follow-up is open.
A contact logged with ``follow_up_done`` cleared this way is one transaction (one undo).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from vatui.domain.client_contacts import check_channel_kind, check_summary
from vatui.domain.clients import DIRECTIONS, Client, Contact
from vatui.domain.dates import clamp_moment
from vatui.domain.errors import InputError, RuleError
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.services.common import home_today
from vatui.services.queries import client_contact_docs, contact_docs
from vatui.store.workspace import Workspace


def check_direction(direction: str) -> str:
    """``in`` or ``out`` (``inbound``/``outbound`` accepted)."""
    value = direction.strip().lower()
    value = {"inbound": "in", "outbound": "out", "incoming": "in", "outgoing": "out"}.get(value, value)
    if value not in DIRECTIONS:
        raise InputError(_("direction must be in or out, not {d!r}").format(d=direction))
    return value


def _home_day(ws: Workspace, moment: datetime) -> date:
    return moment.astimezone(ZoneInfo(ws.settings().home_timezone)).date()


def contact_moment(ws: Workspace, on: date | None) -> datetime:
    """When a contact logged "on" a day happened: now for today, else noon home time."""
    today = home_today(ws)
    if on is None or on == today:
        return ws.clock.now()
    if on > today:
        raise InputError(_("a contact cannot be logged on a future day"))
    zone = ZoneInfo(ws.settings().home_timezone)
    return datetime.combine(on, time(12, 0), tzinfo=zone).astimezone(UTC)


def log_contact(
    ws: Workspace,
    client_id: int,
    *,
    channel: str,
    summary: str,
    direction: str = "out",
    follow_up: date | None = None,
    on: date | None = None,
) -> Contact:
    """Log a contact (now, or at noon on a past day) and clear the client's due follow-ups."""
    kind = check_channel_kind(channel)
    text = check_summary(summary)
    way = check_direction(direction)
    at = contact_moment(ws, on)
    day = _home_day(ws, at)
    if follow_up is not None and follow_up < day:
        raise InputError(_("the follow-up date is before the contact"))
    client = ws.get(Client, client_id)
    label = _("log contact with “{name}”").format(name=one_line(client.name, 40))
    with ws.transaction(label) as tx:
        tx.get(Client, client_id)
        stamp = at.isoformat()
        for key, doc in list(contact_docs(tx).items()):
            if (
                doc.get("client_id") == client_id
                and not doc.get("follow_up_done")
                and doc.get("follow_up") is not None
                and doc["follow_up"] <= day.isoformat()
                and str(doc.get("at", "")) <= stamp
            ):
                tx.update("contacts", int(key), {"follow_up_done": True})
        return tx.add(
            Contact(
                client_id=client_id, at=at, channel=kind, direction=way, summary=text, follow_up=follow_up
            )
        )


def follow_up_done(ws: Workspace, contact_id: int, done: bool = True) -> Contact:
    """Mark a contact's follow-up handled (or open again)."""
    contact = ws.get(Contact, contact_id)
    if contact.follow_up is None:
        raise RuleError(_("this contact has no follow-up"))
    with ws.transaction(_("follow-up done") if done else _("follow-up reopened")) as tx:
        return tx.save(tx.get(Contact, contact_id).with_(follow_up_done=done))


def reschedule_follow_up(ws: Workspace, contact_id: int, when: date | None) -> Contact:
    """Move a follow-up to another day (``None`` drops it)."""
    contact = ws.get(Contact, contact_id)
    if when is not None and when < _home_day(ws, contact.at):
        raise InputError(_("the follow-up date is before the contact"))
    with ws.transaction(_("reschedule follow-up")) as tx:
        return tx.save(tx.get(Contact, contact_id).with_(follow_up=when, follow_up_done=False))


def list_contacts(
    ws: Workspace,
    client_id: int | None = None,
    *,
    limit: int | None = None,
    open_only: bool = False,
) -> list[Contact]:
    """The contact log, newest first; one client's, or everyone's."""
    rows = []
    docs = contact_docs(ws) if client_id is None else client_contact_docs(ws, client_id)
    for key, doc in docs.items():
        if open_only and (doc.get("follow_up") is None or doc.get("follow_up_done")):
            continue
        rows.append((str(doc.get("at", "")), int(key), doc))
    rows.sort(key=lambda r: (r[0], r[1]), reverse=True)
    if limit is not None:
        rows = rows[:limit]
    return [Contact.from_doc(doc, key) for _at, key, doc in rows]


def last_contacts(ws: Workspace) -> dict[int, datetime]:
    """When each client was last contacted (one pass over the log)."""
    latest: dict[int, str] = {}
    for doc in contact_docs(ws).values():
        cid = doc.get("client_id")
        at = str(doc.get("at", ""))
        if isinstance(cid, int) and at > latest.get(cid, ""):
            latest[cid] = at
    return {cid: clamp_moment(datetime.fromisoformat(at)) for cid, at in latest.items()}
