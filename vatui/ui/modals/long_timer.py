"""A timer that ran past 12 hours was probably forgotten: ask what to log before stopping it."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from vatui.domain.durations import MAX_ENTRY_MINUTES, format_duration, parse_duration
from vatui.domain.errors import ParseError
from vatui.i18n import _
from vatui.ui import render
from vatui.ui.number_input import numbers_of
from vatui.ui.widgets.safe_input import SafeInput


class LongTimerModal(ModalScreen[int | None]):
    """Ask how many minutes a long-running timer logs; dismisses with them, or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", _("Cancel"), id="long_timer_cancel")]

    def __init__(self, elapsed_minutes: int) -> None:
        from vatui.services.tasks.timer import LONG_TIMER_MINUTES

        super().__init__(classes="vatui-modal")
        self.elapsed = elapsed_minutes
        self.most = min(elapsed_minutes, MAX_ENTRY_MINUTES)
        self.default = format_duration(min(LONG_TIMER_MINUTES, self.most))
        self.chosen: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="long-timer-dialog", classes="modal-body") as body:
            body.border_title = _("The timer ran {d}: forgotten?").format(d=format_duration(self.elapsed))
            body.border_subtitle = _("enter log · esc keep it running")
            yield Static(_("How much of it to log?"))
            yield SafeInput(self.default, id="long-timer-input")
            yield Static(id="long-timer-preview", classes="preview")

    def on_mount(self) -> None:
        self._show(self.default)

    @on(Input.Changed, "#long-timer-input")
    def _changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, value: str) -> None:
        preview = self.query_one("#long-timer-preview", Static)
        self.chosen = None
        try:
            minutes = parse_duration(value, numbers_of(self), at_most=MAX_ENTRY_MINUTES)
        except ParseError as exc:
            preview.update(render.text(str(exc)))
            preview.set_class(True, "-error")
            return
        if minutes > self.most:
            preview.update(render.text(_("at most {d}").format(d=format_duration(self.most))))
            preview.set_class(True, "-error")
            return
        self.chosen = minutes
        preview.update(render.label(_("→ log {d}").format(d=format_duration(minutes))))
        preview.set_class(False, "-error")

    @on(Input.Submitted, "#long-timer-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self._show(event.value)
        if self.chosen is None:
            self.app.bell()
            return
        self.dismiss(self.chosen)

    def action_cancel(self) -> None:
        """Close without stopping the timer."""
        self.dismiss(None)
