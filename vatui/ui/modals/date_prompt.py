"""Ask for a date in vatui's date syntax, with a live preview in words."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from vatui.domain.dates import describe_date
from vatui.domain.errors import ParseError
from vatui.i18n import _
from vatui.ui import render
from vatui.ui.date_input import read_date
from vatui.ui.modals.form import FormModal
from vatui.ui.widgets.safe_input import SafeInput

HINT = _("today, tomorrow, fri, +3d, in 2 weeks, eom, 2026-12-05, 5 dec")


class DatePromptModal(FormModal[date | None]):
    """Ask for a date; dismisses with the ``date``, or ``None`` when cancelled."""

    STATUS_ID: ClassVar[str] = "date-preview"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", _("Cancel"), id="date_cancel")]

    def __init__(self, title: str, today: date, default: str = "tomorrow") -> None:
        super().__init__(classes="vatui-modal")
        self.prompt_title = title
        self.today = today
        self.default = default
        self.chosen: date | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="date-dialog", classes="modal-body") as body:
            body.border_title = render.text(self.prompt_title)
            body.border_subtitle = _("enter ok · esc cancel")
            yield SafeInput(self.default, placeholder=HINT, id="date-input")
            yield Static(id="date-preview", classes="preview")
            yield Static(render.label(HINT, "$text-muted"), id="date-hint", classes="hint")

    def on_mount(self) -> None:
        self._show(self.default)

    @on(Input.Changed, "#date-input")
    def _changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, value: str) -> None:
        preview = self.query_one("#date-preview", Static)
        self.chosen = None
        if not value.strip():
            preview.update(render.label(_("type a date"), "$text-muted"))
            preview.set_class(False, "-error")
            return
        try:
            self.chosen = read_date(self, value, self.today)
        except ParseError as exc:
            preview.update(render.text(str(exc)))
            preview.set_class(True, "-error")
            return
        words = describe_date(self.chosen, self.today)
        preview.update(render.label(f"→ {words} · {self.chosen.isoformat()}"))
        preview.set_class(False, "-error")

    @on(Input.Submitted, "#date-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self._show(event.value)
        if self.chosen is None:
            self.app.bell()
            return
        self.submit(self.chosen)
