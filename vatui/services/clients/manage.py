"""Client use cases: add, edit, find, list, archive, delete.

Every field a caller may set goes through ``normalise`` (``vatui.domain.client_fields``)
before a transaction opens, so bad input never saves half a client. The field rules and
parsers live in the domain (``client_fields``, ``client_contacts``), shared with the app's
form; they are re-exported here for the callers that know them as ``clients.check_email``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from vatui.domain.changes import ClientChanges
from vatui.domain.client_contacts import (
    CHANNEL_ALIASES,
    MAX_HANDLE,
    channels_line,
    check_channel,
    check_channel_kind,
    check_email,
    check_person,
    check_preferred,
    parse_channel,
    parse_person,
    people_line,
    read_channels,
    read_people,
)
from vatui.domain.client_fields import (
    MAX_NAME,
    MAX_NOTE,
    VETTING_ALIASES,
    check_billing_contact,
    check_currencies,
    check_name,
    check_percent,
    check_status,
    check_timezone,
    check_vetting_key,
    clean_tags,
    new_note,
    normalise,
    parse_late_fee,
    parse_retainer_hours,
    parse_vet,
)
from vatui.domain.clients import STATUSES, Channel, Client, Note
from vatui.domain.errors import InputError, NotFoundError, RuleError
from vatui.domain.fold import fold, sort_key
from vatui.domain.text import name_key, one_line, quoted
from vatui.i18n import _
from vatui.services.queries import client_docs, docs_of
from vatui.store.workspace import Workspace


def find_client(ws: Workspace, ref: str | int) -> Client:
    """A client by id (``#3``), exact name, or unique case-insensitive name prefix."""
    text = str(ref).strip()
    if text.startswith("#") and text[1:].isascii() and text[1:].isdigit():
        return ws.get(Client, int(text[1:]))
    clients = ws.all(Client)
    wanted = fold(text.lstrip("@"))
    exact = [c for c in clients if c.name.casefold() == text.casefold().lstrip("@")]
    if len(exact) != 1:  # "Angel" and "Ángel" both exist: the exact spelling picks one
        exact = [c for c in clients if fold(c.name) == wanted]
    if len(exact) == 1:
        return exact[0]
    if text.isascii() and text.isdigit():
        try:
            return ws.get(Client, int(text))
        except NotFoundError:
            pass
    matches = [c for c in clients if fold(c.name).startswith(wanted)] if wanted else []
    live = [c for c in matches if not c.archived]
    if len(live) == 1:
        return live[0]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFoundError(_("no client matches {ref}").format(ref=quoted(text)))
    names = ", ".join(one_line(c.name, 30) for c in (live or matches)[:6])
    raise InputError(_("{ref} matches several clients: {names}").format(ref=quoted(text), names=names))


def list_clients(ws: Workspace, *, status: str | None = None, include_archived: bool = False) -> list[Client]:
    """Clients in pipeline order, then by name."""
    clients = [c for c in ws.all(Client) if include_archived or not c.archived]
    if status:
        wanted = check_status(status)
        clients = [c for c in clients if c.status == wanted]
    order = {s: i for i, s in enumerate(STATUSES)}
    return sorted(clients, key=lambda c: (order.get(c.status, 99), sort_key(c.name)))


def _with_email(channels: tuple[Channel, ...], email: str) -> tuple[Channel, ...]:
    others = tuple(c for c in channels if c.kind != "email")
    return (Channel(kind="email", handle=email), *others)


def make_note(ws: Workspace, text: str, confidential: bool = False) -> Note:
    """A new note, written now; empty or overlong notes and control characters are refused."""
    return new_note(text, ws.clock.now(), confidential)


def add_client(ws: Workspace, /, name: str, *, email: str | None = None, **fields: Any) -> Client:
    """Create a client; the currency defaults to the workspace's."""
    settings = ws.settings()
    clean = normalise({"name": name, **fields})
    if email:
        clean["channels"] = _with_email(clean.get("channels", ()), check_email(email))
        clean.setdefault("preferred_channel", "email")
    clean.setdefault("currency", settings.default_currency)
    check_currencies(clean, None)
    check_preferred(clean.get("preferred_channel"), clean.get("channels", ()))
    now = ws.clock.now()
    with ws.transaction(_("add client “{name}”").format(name=one_line(clean["name"], 40))) as tx:
        lowered = name_key(clean["name"])
        if any(name_key(str(d.get("name", ""))) == lowered for d in client_docs(tx).values()):
            raise InputError(_("a client called {name} already exists").format(name=quoted(clean["name"])))
        client = Client(created=now, updated=now, **clean)
        return tx.add(check_billing_contact(clean, client))


def _checked(ws: Workspace, changes: ClientChanges) -> ClientChanges:
    """``changes`` with every value checked and converted; raises before anything is saved."""
    return replace(
        changes,
        values=normalise(dict(changes.values)),
        tags_added=clean_tags(changes.tags_added),
        tags_removed=clean_tags(changes.tags_removed),
        people_added=tuple(check_person(p) for p in changes.people_added),
        channels_added=tuple(check_channel(c) for c in changes.channels_added),
        channels_removed=tuple(
            c.with_(kind=check_channel_kind(c.kind), handle=c.handle.strip())
            for c in changes.channels_removed
        ),
        email=check_email(changes.email) if changes.email else None,
        vetting_set=tuple(v.with_(key=check_vetting_key(v.key)) for v in changes.vetting_set),
        vetting_removed=tuple(check_vetting_key(k) for k in changes.vetting_removed),
    )


def change_client(ws: Workspace, client_id: int, changes: ClientChanges) -> Client:
    """Make ``changes`` to the client as read inside the lock: what another session changed
    meanwhile stays (lists are merged). Every value is checked first; the merged client is
    checked again inside the lock. A change that changes nothing writes nothing.
    """
    clean = _checked(ws, changes)
    name = ws.get(Client, client_id).name  # for the undo label only; the change reads inside
    with ws.transaction(_("edit client “{name}”").format(name=one_line(name, 40))) as tx:
        client = tx.get(Client, client_id)
        edited = check_billing_contact(dict(clean.values), clean.apply(client))
        check_currencies({}, edited)
        if clean.touches_channels:
            check_preferred(edited.preferred_channel, edited.channels)
        if edited.work_start == edited.work_end:
            raise InputError(_("working hours cannot start and end at the same time"))
        if "name" in clean.values:
            lowered = name_key(edited.name)
            for key, doc in client_docs(tx).items():
                if int(key) != client_id and name_key(str(doc.get("name", ""))) == lowered:
                    raise InputError(
                        _("a client called {name} already exists").format(name=quoted(edited.name))
                    )
        if edited == client:
            return client
        return tx.save(edited.with_(updated=ws.clock.now()))


def edit_client(ws: Workspace, client_id: int, *, email: str | None = None, **fields: Any) -> Client:
    """Set fields of a client (a list given here replaces the stored one; to add to a list
    use ``change_client``). ``email`` becomes the only e-mail channel, first."""
    removed = (Channel(kind="email", handle=""),) if email else ()
    return change_client(ws, client_id, ClientChanges(values=fields, email=email, channels_removed=removed))


def add_note(ws: Workspace, client_id: int, text: str, *, confidential: bool = False) -> Client:
    """Add a note (confidential ones are masked and left out of exports)."""
    note = make_note(ws, text, confidential)
    return change_client(ws, client_id, ClientChanges(notes_added=(note,)))


def archive_client(ws: Workspace, client_id: int, archived: bool = True) -> Client:
    """Hide a client (history stays); ``archived=False`` brings it back."""
    client = ws.get(Client, client_id)
    label = _("archive “{name}”") if archived else _("restore “{name}”")
    with ws.transaction(label.format(name=one_line(client.name, 40))) as tx:
        client = tx.get(Client, client_id)
        return tx.save(client.with_(archived=archived, updated=ws.clock.now()))


def client_history(ws: Workspace, client_id: int) -> dict[str, int]:
    """How many records of each kind name the client (tasks, time, contacts, invoices, expenses)."""
    counts: dict[str, int] = {}
    for table in ("tasks", "time", "contacts", "invoices", "expenses", "recurring_invoices"):
        n = sum(1 for d in docs_of(ws, table).values() if d.get("client_id") == client_id)
        if n:
            counts[table] = n
    return counts


def delete_client(ws: Workspace, client_id: int) -> Client:
    """Delete a client with no history at all; one with history can only be archived."""
    client = ws.get(Client, client_id)
    history = client_history(ws, client_id)
    if history:
        what = ", ".join(f"{n} {table}" for table, n in history.items())
        raise RuleError(
            _("{name} has history ({what}): archive it instead").format(
                name=one_line(client.name, 40), what=what
            )
        )
    with ws.transaction(_("delete client “{name}”").format(name=one_line(client.name, 40))) as tx:
        if client_history(ws, client_id):
            raise RuleError(_("the client has history now: archive it instead"))
        tx.delete(Client, client_id)
    return client


__all__ = [  # the field checks are re-exported: callers use them as clients.check_email, …
    "CHANNEL_ALIASES",
    "MAX_HANDLE",
    "MAX_NAME",
    "MAX_NOTE",
    "VETTING_ALIASES",
    "add_client",
    "add_note",
    "archive_client",
    "change_client",
    "channels_line",
    "check_billing_contact",
    "check_channel",
    "check_channel_kind",
    "check_currencies",
    "check_email",
    "check_name",
    "check_percent",
    "check_person",
    "check_preferred",
    "check_status",
    "check_timezone",
    "check_vetting_key",
    "clean_tags",
    "client_history",
    "delete_client",
    "edit_client",
    "find_client",
    "list_clients",
    "make_note",
    "normalise",
    "parse_channel",
    "parse_late_fee",
    "parse_person",
    "parse_retainer_hours",
    "parse_vet",
    "people_line",
    "read_channels",
    "read_people",
]
