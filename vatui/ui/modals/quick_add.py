"""Quick add: one line of text, a live preview of what it means, the error in place."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from vatui.domain.errors import ParseError
from vatui.domain.quickadd import QuickAdd, describe, parse_quick_add
from vatui.i18n import N_, _
from vatui.ui import render
from vatui.ui.date_input import date_order_of
from vatui.ui.modals.form import FormModal
from vatui.ui.number_input import numbers_of
from vatui.ui.widgets.safe_input import SafeInput

EXAMPLE = N_("Draft newsletter @acme due:fri !high ~2h #email every:monday in:next")


def column_token(column: str) -> str:
    """``column`` written as an ``in:`` token (spaces become ``-``)."""
    return "in:" + "-".join(column.split())


class QuickAddModal(FormModal[str | None]):
    """Type a task in quick-add syntax; dismisses with the text to add, or ``None``.

    When the text names no column and ``default_column`` is given, the returned text ends
    with ``in:<default_column>``, so the caller passes it to ``services.tasks.manage.quick_add``
    unchanged. ``enter`` refuses (and says why) while the text cannot be understood.
    """

    STATUS_ID: ClassVar[str] = "quick-add-preview"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", _("Cancel"), id="quick_add_cancel")]

    def __init__(
        self,
        clients: list[tuple[int, str]],
        columns: tuple[str, ...],
        today: date,
        default_column: str | None = None,
    ) -> None:
        super().__init__(classes="vatui-modal")
        self.clients = clients
        self.columns: Sequence[str] = columns
        self.today = today
        self.default_column = default_column
        self.parsed: QuickAdd | None = None
        self.error: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="quick-add-dialog", classes="modal-body") as body:
            body.border_title = _("Quick add")
            body.border_subtitle = _("enter add · esc cancel")
            yield SafeInput(placeholder=_(EXAMPLE), id="quick-add-input", select_on_focus=False)
            yield Static(id="quick-add-preview", classes="preview")
            yield Static(
                render.label(
                    _("@client due:date !low|!med|!high ~estimate #tag every:rule in:column"), "$text-muted"
                ),
                id="quick-add-hint",
                classes="hint",
            )

    def on_mount(self) -> None:
        self._show("")

    @on(Input.Changed, "#quick-add-input")
    def _changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _column_of(self, parsed: QuickAdd) -> str:
        if parsed.column is not None:
            return parsed.column
        if self.default_column is not None:
            return self.default_column
        return self.columns[0] if self.columns else ""

    def _show(self, value: str) -> None:
        preview = self.query_one("#quick-add-preview", Static)
        self.parsed, self.error = None, None
        if not value.strip():
            preview.update(
                render.label(_("type a task: {example}").format(example=_(EXAMPLE)), "$text-muted")
            )
            preview.set_class(False, "-error")
            return
        try:
            self.parsed = parse_quick_add(
                value, self.clients, self.today, self.columns, date_order_of(self), numbers_of(self)
            )
        except ParseError as exc:
            self.error = str(exc)
            preview.update(render.text(_("✗ {error}").format(error=self.error)))
            preview.set_class(True, "-error")
            return
        summary = describe(self.parsed, self.today)
        if self.parsed.column is None:
            summary += " · " + _("in {column}").format(column=self._column_of(self.parsed))
        preview.update(render.text("→ " + summary))
        preview.set_class(False, "-error")

    def result_text(self, value: str) -> str:
        """The text to hand to the quick-add service (the default column added if needed)."""
        text = value.strip()
        if self.parsed is not None and self.parsed.column is None and self.default_column:
            candidate = f"{text} {column_token(self.default_column)}"
            try:
                again = parse_quick_add(
                    candidate, self.clients, self.today, self.columns, date_order_of(self), numbers_of(self)
                )
            except ParseError:
                return text
            if again.column == self.default_column:
                return candidate
        return text

    @on(Input.Submitted, "#quick-add-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self._show(event.value)
        if self.parsed is None:
            if self.error is None:
                preview = self.query_one("#quick-add-preview", Static)
                preview.update(render.label(_("✗ type a title first"), ""))
                preview.set_class(True, "-error")
            self.app.bell()
            return
        self.submit(self.result_text(event.value))
