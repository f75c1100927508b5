"""Correct a time entry: duration, day, note, billable; each field checked as you type.

``TimeEntryFormModal`` saves nothing: it dismisses with a ``TimeEntryEdit`` holding only
the fields that changed (or ``None`` on escape); the screen calls
``services.tasks.time_entries.edit_time_entry``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Static

from vatui.domain.dates import describe_date
from vatui.domain.durations import MAX_ENTRY_MINUTES, check_minutes, format_duration, parse_duration
from vatui.domain.errors import InputError, VatuiError
from vatui.domain.tasks import TimeEntry, check_time_note
from vatui.i18n import _
from vatui.ui import render
from vatui.ui.date_input import read_date
from vatui.ui.modals.form import form_bindings, labelled
from vatui.ui.number_input import numbers_of
from vatui.ui.widgets.safe_input import SafeInput


@dataclass(frozen=True, slots=True)
class TimeEntryEdit:
    """The changed fields (``None``: unchanged)."""

    minutes: int | None = None
    on: date | None = None
    note: str | None = None
    billable: bool | None = None


class TimeEntryFormModal(ModalScreen[TimeEntryEdit | None]):
    """Edit one time entry."""

    BINDINGS: ClassVar[list[BindingType]] = form_bindings("time_form")

    DEFAULT_CSS = """
    TimeEntryFormModal .form-row { height: auto; }
    TimeEntryFormModal .form-label { width: 10; color: $text-muted; }
    TimeEntryFormModal .form-short { width: 18; }
    TimeEntryFormModal #time-status.-error { color: $text-error; text-style: bold; }
    """

    def __init__(self, entry: TimeEntry, day: date, today: date, title: str) -> None:
        super().__init__(classes="vatui-modal")
        self.entry = entry
        self.day = day
        """The entry's day at home."""
        self.today = today
        self.form_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="time-dialog", classes="modal-body") as body:
            body.border_title = render.text(self.form_title)
            body.border_subtitle = _("enter or ctrl+s saves · esc cancels")
            fixed = self.entry.running  # a running entry's duration and day are the timer's
            minutes = format_duration(self.entry.minutes) if not fixed else ""
            duration = SafeInput(
                minutes, id="time-duration", classes="form-short", compact=True, disabled=fixed
            )
            yield labelled(_("Duration"), duration)
            day = SafeInput(
                self.day.isoformat(), id="time-day", classes="form-short", compact=True, disabled=fixed
            )
            yield labelled(_("Day"), day)
            yield labelled(_("Note"), SafeInput(self.entry.note, id="time-note", compact=True))
            yield Checkbox(_("Billable"), self.entry.billable, id="time-billable", compact=True)
            yield Static("", id="time-status", classes="preview")

    def on_mount(self) -> None:
        self.query_one("#time-note" if self.entry.running else "#time-duration", Input).focus()

    def result(self) -> TimeEntryEdit:
        """The changed fields; raises ``VatuiError`` with the reason when one is wrong."""
        minutes = day = None
        if not self.entry.running:
            minutes = check_minutes(
                parse_duration(
                    self.query_one("#time-duration", Input).value, numbers_of(self), at_most=MAX_ENTRY_MINUTES
                )
            )
            day = read_date(self, self.query_one("#time-day", Input).value, self.today)
            if day > self.today:
                raise InputError(_("time cannot be logged on a future day"))
        note = check_time_note(self.query_one("#time-note", Input).value)
        billable = self.query_one("#time-billable", Checkbox).value
        return TimeEntryEdit(
            minutes=minutes if minutes != self.entry.minutes else None,
            on=day if day != self.day else None,
            note=note if note != self.entry.note else None,
            billable=billable if billable != self.entry.billable else None,
        )

    @on(Input.Changed)
    def _changed(self) -> None:
        status = self.query_one("#time-status", Static)
        try:
            self.result()
        except VatuiError as exc:
            status.update(render.text(str(exc)))
            status.add_class("-error")
            return
        status.remove_class("-error")
        try:
            day = read_date(self, self.query_one("#time-day", Input).value, self.today)
            status.update(render.text(describe_date(day, self.today)))
        except VatuiError:
            status.update("")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Close with the changes when every field is valid; otherwise say why and stay."""
        try:
            got = self.result()
        except VatuiError as exc:
            status = self.query_one("#time-status", Static)
            status.update(render.text(str(exc)))
            status.add_class("-error")
            self.app.bell()
            return
        self.dismiss(got)

    def action_cancel(self) -> None:
        """Close without changes."""
        self.dismiss(None)
