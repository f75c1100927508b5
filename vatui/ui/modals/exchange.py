"""Pick a kind (json, csv, ics, trello, …) and type a path: for "Import…" and "Export…".

``ExchangeModal`` saves nothing: it dismisses with ``(kind, path text)``, or ``None`` on
escape. ``up``/``down`` choose the kind while the cursor stays in the path; the path
follows the kind's default until the user edits it; ``enter`` answers.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from vatui.i18n import _
from vatui.ui import render
from vatui.ui.widgets.safe_input import SafeInput


class ExchangeModal(ModalScreen[tuple[str, str] | None]):
    """Kinds (name → what it is) and a path; returns ``(kind, path)`` or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor(1)", show=False, priority=True),
        Binding("up", "cursor(-1)", show=False, priority=True),
        Binding("escape", "cancel", _("Cancel"), id="exchange_cancel"),
    ]

    DEFAULT_CSS = """
    ExchangeModal OptionList { height: auto; max-height: 10; border: none; padding: 0; }
    ExchangeModal #exchange-dialog { width: 76; height: auto; }
    """

    def __init__(self, title: str, kinds: dict[str, str], paths: dict[str, str] | None = None) -> None:
        super().__init__(classes="vatui-modal")
        self.box_title = title
        self.kinds = kinds
        self.paths = paths or {}
        self.kind = next(iter(kinds))
        self._suggested = self.paths.get(self.kind, "")

    def compose(self) -> ComposeResult:
        with Vertical(id="exchange-dialog", classes="modal-body") as box:
            box.border_title = render.text(self.box_title)
            box.border_subtitle = _("↑↓ kind · enter ok · esc cancel")
            yield OptionList(
                *(Option(Content(f"{name:<18} {_(about)}"), id=name) for name, about in self.kinds.items()),
                id="exchange-kinds",
            )
            yield Static(_("Path:"), classes="preview")
            yield SafeInput(
                self._suggested, id="exchange-path", placeholder=_("a file or folder"), compact=True
            )

    def on_mount(self) -> None:
        self.query_one("#exchange-kinds", OptionList).highlighted = 0
        self.query_one("#exchange-path", Input).focus()

    def action_cursor(self, step: int) -> None:
        """Choose the next or previous kind."""
        options = self.query_one("#exchange-kinds", OptionList)
        current = options.highlighted or 0
        options.highlighted = max(0, min(current + step, options.option_count - 1))

    @on(OptionList.OptionHighlighted, "#exchange-kinds")
    def _kind(self, event: OptionList.OptionHighlighted) -> None:
        self.kind = str(event.option.id)
        path = self.query_one("#exchange-path", Input)
        if path.value == self._suggested:
            self._suggested = self.paths.get(self.kind, self._suggested)
            path.value = self._suggested

    @on(OptionList.OptionSelected, "#exchange-kinds")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.kind = str(event.option.id)
        self.query_one("#exchange-path", Input).focus()

    @on(Input.Submitted, "#exchange-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss((self.kind, event.value))

    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)
