"""Log a contact: channel, direction, summary, an optional follow-up, the day it happened.

``ContactFormModal`` checks every field as you type (the follow-up and the day take the
date syntax of ``vatui add``, with a preview in words) and returns a
``ContactFormResult``, or ``None`` on ``escape``. It saves nothing: the Clients pane calls
``services.clients.contacts.log_contact`` with the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Select

from vatui.domain.client_contacts import check_summary
from vatui.domain.clients import CHANNEL_KINDS, DIRECTIONS
from vatui.domain.dates import describe_date
from vatui.domain.errors import InputError
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.ui.date_input import read_date
from vatui.ui.modals.fields_form import FieldsFormModal, Parser
from vatui.ui.modals.form import form_bindings


@dataclass(frozen=True, slots=True)
class ContactFormResult:
    """A contact to log, checked."""

    channel: str
    """One of ``CHANNEL_KINDS``."""
    direction: str
    """``in`` or ``out``."""
    summary: str
    """What was said."""
    follow_up: date | None
    """When to follow up, if at all."""
    on: date
    """The day it happened."""


class ContactFormModal(FieldsFormModal[ContactFormResult | None]):
    """Log a contact with one client; returns the filled form or ``None``."""

    STATUS_ID: ClassVar[str] = "contact-status"
    PREFIX: ClassVar[str] = "contact-"
    FIRST: ClassVar[str] = "summary"
    BINDINGS: ClassVar[list[BindingType]] = form_bindings("contact_form")

    DEFAULT_CSS = """
    ContactFormModal #contact-form { width: 76; }
    ContactFormModal .form-label { width: 11; }
    ContactFormModal .form-short { width: 18; }
    ContactFormModal #contact-summary { width: 1fr; }
    ContactFormModal .form-select { width: 16; }
    ContactFormModal .form-hint.-below { padding-left: 11; }
    """

    def __init__(
        self, client_name: str, today: date, *, channel: str | None = None, summary: str = ""
    ) -> None:
        super().__init__()
        self.client_name = client_name
        """Who the contact is with (shown in the title)."""
        self.today = today
        """Today at home: the default day, and the base of relative dates."""
        self.channel = channel if channel in CHANNEL_KINDS else "email"
        """The channel chosen at first (the client's preferred one)."""
        self.summary = summary
        """A summary to start from."""

    def compose(self) -> ComposeResult:
        with Vertical(id="contact-form", classes="form-dialog") as form:
            form.border_title = Content(_("Log contact — {name}").format(name=one_line(self.client_name, 40)))
            with Horizontal(classes="form-row"):
                yield from self.select(
                    _("Channel"), [(k, k) for k in CHANNEL_KINDS], self.channel, "contact-channel"
                )
                directions = [(_("out (you)"), "out"), (_("in (them)"), "in")]
                yield from self.select(_("Direction"), directions, "out", "contact-direction")
            yield from self.field_row(
                "summary", _("Summary"), self.summary, _("what was said"), classes="", hint_below=True
            )
            yield from self.field_row("follow", _("Follow up"), "", _("fri, +3d, dec 5…"))
            yield from self.field_row("on", _("When"), "today", _("today, yesterday…"))
            yield from self.buttons()

    def parsers(self) -> dict[str, Parser]:
        def summary(text: str) -> tuple[Any, str]:
            value = check_summary(text)
            return value, ""

        def on(text: str) -> tuple[Any, str]:
            value = read_date(self, text or "today", self.today)
            if value > self.today:
                raise InputError(_("a contact cannot be logged on a future day"))
            return value, describe_date(value, self.today)

        def follow(text: str) -> tuple[Any, str]:
            if not text.strip():
                return None, _("no follow-up")
            value = read_date(self, text, self.today)
            if value < self.today:
                raise InputError(_("the follow-up date is in the past"))
            return value, describe_date(value, self.today)

        return {"summary": summary, "follow": follow, "on": on}

    def build(self, values: dict[str, Any]) -> ContactFormResult | None:
        """The contact; ``None`` when the follow-up is before the contact."""
        follow, on = values["follow"], values["on"]
        if follow is not None and follow < on:
            self.errors["follow"] = _("the follow-up date is before the contact")
            return None
        channel = self.query_one("#contact-channel", Select).value
        direction = self.query_one("#contact-direction", Select).value
        return ContactFormResult(
            channel=channel if isinstance(channel, str) else self.channel,
            direction=direction if direction in DIRECTIONS else "out",
            summary=values["summary"],
            follow_up=follow,
            on=on,
        )
