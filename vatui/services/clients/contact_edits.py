"""Correcting the contact log: edit a contact (summary, channel, direction, day, follow-up) or delete it.

Each correction reads the contact inside the lock and is one undoable transaction.
A new follow-up date reopens the follow-up; ``clear_follow_up`` drops it.
"""

from __future__ import annotations

from datetime import date

from vatui.domain.client_contacts import check_channel_kind, check_summary
from vatui.domain.clients import Contact
from vatui.domain.errors import InputError, NotFoundError
from vatui.domain.text import MAX_NOTE, check_text, one_line
from vatui.i18n import _
from vatui.services.clients.contacts import _home_day, check_direction, contact_moment
from vatui.services.queries import contact_docs
from vatui.store.workspace import Tx, Workspace


def _get(source: Tx | Workspace, contact_id: int) -> Contact:
    doc = contact_docs(source).get(str(contact_id))
    if doc is None:
        raise NotFoundError(_("no contact #{id}").format(id=contact_id))
    return Contact.from_doc(doc, contact_id)


def edit_contact(
    ws: Workspace,
    contact_id: int,
    *,
    summary: str | None = None,
    channel: str | None = None,
    direction: str | None = None,
    on: date | None = None,
    follow_up: date | None = None,
    clear_follow_up: bool = False,
) -> Contact:
    """Change what was logged about a contact."""
    changes: dict[str, object] = {}
    if summary is not None:
        changes["summary"] = check_summary(check_text(summary, _("the summary"), MAX_NOTE, multiline=True))
    if channel is not None:
        changes["channel"] = check_channel_kind(channel)
    if direction is not None:
        changes["direction"] = check_direction(direction)
    if on is not None:
        changes["at"] = contact_moment(ws, on)
    if follow_up is not None and clear_follow_up:
        raise InputError(_("give a follow-up date or clear it, not both"))
    if follow_up is not None:
        changes.update(follow_up=follow_up, follow_up_done=False)
    if clear_follow_up:
        changes.update(follow_up=None, follow_up_done=False)
    if not changes:
        raise InputError(_("nothing to change"))
    with ws.transaction(_("edit contact #{id}").format(id=contact_id)) as tx:
        contact = _get(tx, contact_id).with_(**changes)
        if (
            contact.follow_up is not None
            and contact.follow_up < _home_day(ws, contact.at)
            and ("follow_up" in changes or "at" in changes)
        ):
            raise InputError(_("the follow-up date is before the contact"))
        return tx.save(contact)


def delete_contact(ws: Workspace, contact_id: int) -> Contact:
    """Delete a contact from the log (undoable)."""
    with ws.transaction(_("delete contact #{id}").format(id=contact_id)) as tx:
        contact = _get(tx, contact_id)
        tx.delete(Contact, contact_id)
        return contact


def describe_contact(contact: Contact, zone: str = "UTC") -> str:
    """A one-line label for prompts (the day in ``zone``, the VA's)."""
    from vatui.domain.clock import local_date

    return f"#{contact.id} {local_date(contact.at, zone).isoformat()} {contact.channel}: {one_line(contact.summary, 50)}"
