"""Log a contact: channel, direction, summary, an optional follow-up, the day it happened.

``ContactFormModal`` checks every field as you type (the follow-up and the day take the
date syntax of ``vatui add``, with a preview in words) and returns a
``ContactFormResult``, or ``None`` on ``escape``. It saves nothing: the Clients pane calls
``services.clients.contacts.log_contact`` with the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, Static

from vatui.domain.clients import CHANNEL_KINDS, DIRECTIONS
from vatui.domain.dates import describe_date
from vatui.domain.errors import InputError, VatuiError
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.services.clients.contacts import check_summary
from vatui.ui import render
from vatui.ui.date_input import read_date
from vatui.ui.modals.form import FormModal
from vatui.ui.widgets.safe_input import SafeInput


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


class ContactFormModal(FormModal[ContactFormResult | None]):
    """Log a contact with one client; returns the filled form or ``None``."""

    STATUS_ID: ClassVar[str] = "contact-status"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", _("Cancel"), id="contact_form_cancel"),
        Binding("ctrl+s", "save", _("Save"), id="contact_form_save", priority=True),
    ]

    DEFAULT_CSS = """
    ContactFormModal { align: center middle; }
    ContactFormModal #contact-form {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: round $border; background: $surface; padding: 0 1;
    }
    ContactFormModal .form-row { height: auto; width: 1fr; }
    ContactFormModal .form-label { width: 11; color: $text-muted; }
    ContactFormModal .form-short { width: 18; }
    ContactFormModal #contact-summary { width: 1fr; }
    ContactFormModal .form-select { width: 16; }
    ContactFormModal .form-hint { width: 1fr; height: auto; padding-left: 1; color: $text-muted; }
    ContactFormModal .form-hint.-error { color: $text-error; text-style: bold; }
    ContactFormModal #contact-summary-hint { padding-left: 11; }
    ContactFormModal #contact-summary-hint.-quiet { display: none; }
    ContactFormModal #contact-status { width: 1fr; height: auto; color: $text-muted; }
    ContactFormModal #contact-status.-error { color: $text-error; text-style: bold; }
    ContactFormModal Input.-invalid { color: $text-error; }
    ContactFormModal Button { margin-left: 1; }
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
        self._errors: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="contact-form") as form:
            form.border_title = Content(_("Log contact — {name}").format(name=one_line(self.client_name, 40)))
            with Horizontal(classes="form-row"):
                yield Label(_("Channel"), classes="form-label")
                yield Select(
                    [(k, k) for k in CHANNEL_KINDS],
                    value=self.channel,
                    allow_blank=False,
                    id="contact-channel",
                    compact=True,
                    classes="form-select",
                )
                yield Label(_("Direction"), classes="form-label")
                yield Select(
                    [(_("out (you)"), "out"), (_("in (them)"), "in")],
                    value="out",
                    allow_blank=False,
                    id="contact-direction",
                    compact=True,
                    classes="form-select",
                )
            with Horizontal(classes="form-row"):
                yield Label(_("Summary"), classes="form-label")
                yield SafeInput(
                    self.summary, id="contact-summary", compact=True, placeholder=_("what was said")
                )
            yield Static("", id="contact-summary-hint", classes="form-hint")
            for name, label, value, placeholder in (
                ("follow", _("Follow up"), "", _("fri, +3d, dec 5…")),
                ("on", _("When"), "today", _("today, yesterday…")),
            ):
                with Horizontal(classes="form-row"):
                    yield Label(label, classes="form-label")
                    yield SafeInput(
                        value,
                        id=f"contact-{name}",
                        compact=True,
                        classes="form-short",
                        placeholder=placeholder,
                    )
                    yield Static("", id=f"contact-{name}-hint", classes="form-hint")
            with Horizontal(classes="form-row"):
                yield Static(_("enter or ctrl+s saves · escape cancels"), id="contact-status")
                yield Button(_("Save"), id="contact-save", compact=True, variant="primary")
                yield Button(_("Cancel"), id="contact-cancel", compact=True)

    def on_mount(self) -> None:
        """Show the previews and start in the summary."""
        for name in self._parsers():
            self._check(name, quiet=name == "summary")
        self.query_one("#contact-summary", Input).focus()

    def _parsers(self) -> dict[str, Callable[[str], tuple[Any, str]]]:
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

    def _check(self, name: str, quiet: bool = False) -> Any:
        field = self.query_one(f"#contact-{name}", Input)
        hint = self.query_one(f"#contact-{name}-hint", Static)
        try:
            value, preview = self._parsers()[name](field.value)
        except VatuiError as exc:
            self._errors[name] = str(exc)
            if quiet:
                hint.set_classes("form-hint -quiet")
            else:
                hint.update(render.text(str(exc)))
                hint.set_classes("form-hint -error")
                field.add_class("-invalid")
            return None
        self._errors.pop(name, None)
        hint.update(render.text(preview))
        hint.set_classes("form-hint" + ("" if preview or name != "summary" else " -quiet"))
        field.remove_class("-invalid")
        return value

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("contact-")
        if name in self._parsers():
            self._check(name)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#contact-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#contact-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def result(self) -> ContactFormResult | None:
        """The form, or ``None`` (errors shown) while a field is invalid."""
        values = {name: self._check(name) for name in self._parsers()}
        if self._errors:
            return None
        follow, on = values["follow"], values["on"]
        if follow is not None and follow < on:
            self._errors["follow"] = _("the follow-up date is before the contact")
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

    def action_save(self) -> None:
        """Return the contact when every field is valid; otherwise point at the first error."""
        result = self.result()
        if result is None:
            status = self.query_one("#contact-status", Static)
            first = next(iter(self._errors))
            status.update(render.text(self._errors[first]))
            status.add_class("-error")
            self.query_one(f"#contact-{first}", Input).focus()
            self.app.bell()
            return
        self.submit(result)
