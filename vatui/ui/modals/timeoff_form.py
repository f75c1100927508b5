"""Add time off: from, to (vatui's date words) and a note; each date read as you type.

``TimeOffFormModal`` saves nothing: it submits a ``TimeOffRequest`` and the Plan screen
calls ``services.plan.timeoff``; a refusal (``to`` before ``from``, a bad note) stays in the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from vatui.domain.dates import describe_date, range_end
from vatui.domain.errors import InputError, VatuiError
from vatui.domain.timeoff import check_note, check_range
from vatui.i18n import _, ngettext
from vatui.ui import render
from vatui.ui.date_input import read_date
from vatui.ui.modals.form import FormModal, form_bindings, labelled
from vatui.ui.widgets.safe_input import SafeInput


@dataclass(frozen=True, slots=True)
class TimeOffRequest:
    """What the form read."""

    start: date
    """The first day off."""
    end: date
    """The last day off (the same as ``start`` for one day)."""
    note: str
    """Why (may be empty)."""


class TimeOffFormModal(FormModal[TimeOffRequest | None]):
    """Ask for a span of days off; submits a ``TimeOffRequest``, or ``None`` on escape."""

    STATUS_ID: ClassVar[str] = "timeoff-status"
    ENTER_SAVES: ClassVar[bool] = True
    BINDINGS: ClassVar[list[BindingType]] = form_bindings("timeoff")

    DEFAULT_CSS = """
    TimeOffFormModal #timeoff-dialog { width: 64; max-width: 100%; height: auto; }
    TimeOffFormModal .form-row { height: auto; }
    TimeOffFormModal .form-label { width: 8; color: $text-muted; }
    TimeOffFormModal .form-short { width: 20; }
    TimeOffFormModal .form-preview { width: 1fr; padding: 0 1; color: $text-muted; }
    TimeOffFormModal #timeoff-status.-error { color: $text-error; text-style: bold; }
    """

    def __init__(self, today: date, start: str = "", end: str = "") -> None:
        super().__init__(classes="vatui-modal")
        self.today = today
        self.start_text = start
        self.end_text = end

    def compose(self) -> ComposeResult:
        with Vertical(id="timeoff-dialog", classes="modal-body") as body:
            body.border_title = _("Time off")
            body.border_subtitle = _("enter or ctrl+s saves · esc cancels")
            start = SafeInput(self.start_text, id="timeoff-start", classes="form-short", compact=True)
            yield labelled(_("From"), start, Static("", id="timeoff-start-words", classes="form-preview"))
            end = SafeInput(self.end_text, id="timeoff-end", classes="form-short", compact=True)
            yield labelled(_("To"), end, Static("", id="timeoff-end-words", classes="form-preview"))
            yield labelled(_("Note"), SafeInput("", id="timeoff-note", compact=True))
            yield Static(
                render.label(
                    _("today, mon, next week, 24 dec, 2026-12-24; To empty: one day"), "$text-muted"
                ),
                classes="hint",
            )
            yield Static("", id="timeoff-status", classes="preview")

    def on_mount(self) -> None:
        self.query_one("#timeoff-start", Input).focus()
        self._preview()

    def _read(self, field: str) -> date | None:
        value = self.query_one(f"#timeoff-{field}", Input).value
        return read_date(self, value, self.today) if value.strip() else None

    def checked(self) -> TimeOffRequest:
        """What was typed; ``VatuiError`` with the reason when a date is wrong or missing."""
        start = self._read("start")
        if start is None:
            raise InputError(_("type the first day off"))
        typed = self.query_one("#timeoff-end", Input).value
        end = (
            range_end(lambda ref: read_date(self, typed, ref), start, self.today) if typed.strip() else start
        )
        start, end = check_range(start, end)
        return TimeOffRequest(start, end, check_note(self.query_one("#timeoff-note", Input).value.strip()))

    @on(Input.Changed)
    def _changed(self) -> None:
        self._preview()

    def _preview(self) -> None:
        for field in ("start", "end"):
            words = self.query_one(f"#timeoff-{field}-words", Static)
            try:
                day = self._read(field)
            except VatuiError:
                words.update(render.label("?", "$text-error"))
                continue
            words.update(render.label(describe_date(day, self.today)) if day else "")
        status = self.query_one("#timeoff-status", Static)
        try:
            got = self.checked()
        except VatuiError as exc:
            status.update(render.text(str(exc)) if self.is_dirty() else "")
            status.set_class(self.is_dirty(), "-error")
            return
        days = (got.end - got.start).days + 1
        status.update(render.label(ngettext("{days} day off", "{days} days off", days).format(days=days)))
        status.remove_class("-error")

    def field_submitted(self, field: Input) -> None:
        """``enter`` in the first day goes to the last; elsewhere it saves."""
        if field.id == "timeoff-start":
            self.query_one("#timeoff-end", Input).focus()
            return
        self.action_save()
