"""Correct a logged contact: the contact form, filled with what was logged.

``ContactEditModal`` is ``ContactFormModal`` started from the contact (channel,
direction, summary, follow-up, day); it returns the same ``ContactFormResult`` and saves
nothing. ``contact_changes`` turns the result into the arguments of
``services.clients.contact_edits.edit_contact``, holding only what changed.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Select

from vatui.domain.clients import Contact
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.ui.modals.contact_form import ContactFormModal, ContactFormResult
from vatui.ui.modals.fields_form import Parser


class ContactEditModal(ContactFormModal):
    """The contact form, filled in from ``contact``."""

    def __init__(self, contact: Contact, client_name: str, today: date, zone: ZoneInfo) -> None:
        super().__init__(client_name, today, channel=contact.channel, summary=contact.summary)
        self.contact = contact
        self.day = contact.at.astimezone(zone).date()

    def on_mount(self) -> None:
        """Fill the direction, follow-up and day, then check them as the form does."""
        self.query_one("#contact-form", Vertical).border_title = Content(
            _("Edit contact #{id} — {name}").format(id=self.contact.id, name=one_line(self.client_name, 40))
        )
        self.query_one("#contact-direction", Select).value = self.contact.direction
        self.query_one("#contact-on", Input).value = self.day.isoformat()
        if self.contact.follow_up is not None:
            self.query_one("#contact-follow", Input).value = self.contact.follow_up.isoformat()
        super().on_mount()

    def parsers(self) -> dict[str, Parser]:
        parsers = super().parsers()
        keep = self.contact.follow_up
        original = parsers["follow"]

        def follow(text: str) -> tuple[Any, str]:
            if keep is not None and text.strip() == keep.isoformat():  # unchanged: may be in the past
                return keep, _("unchanged")
            return original(text)

        parsers["follow"] = follow
        return parsers


def contact_changes(contact: Contact, got: ContactFormResult, zone: ZoneInfo) -> dict[str, Any]:
    """The ``edit_contact`` arguments for what differs between ``contact`` and the form."""
    changes: dict[str, Any] = {}
    if got.summary != contact.summary:
        changes["summary"] = got.summary
    if got.channel != contact.channel:
        changes["channel"] = got.channel
    if got.direction != contact.direction:
        changes["direction"] = got.direction
    if got.on != contact.at.astimezone(zone).date():
        changes["on"] = got.on
    if got.follow_up != contact.follow_up:
        if got.follow_up is None:
            changes["clear_follow_up"] = True
        else:
            changes["follow_up"] = got.follow_up
    return changes
