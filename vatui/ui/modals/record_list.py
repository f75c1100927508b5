"""A list of records with a few keys (edit, delete, tick, add): time entries, payments'
corrections, a client's contacts and notes, a task's checklist.

``RecordListModal`` saves nothing: a key dismisses it with a ``RecordAction`` (what was
asked, and the row's id) and the screen calls the service, then opens the list again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from vatui.i18n import _
from vatui.ui import render

ACTION_KEYS: dict[str, str] = {"edit": "e", "delete": "x", "tick": "space", "add": "n"}
"""The key of each action a list may offer."""

ACTION_NAMES: dict[str, str] = {"edit": _("edit"), "delete": _("delete"), "tick": _("tick"), "add": _("add")}


@dataclass(frozen=True, slots=True)
class RecordAction:
    """What the user asked for: ``edit``, ``delete``, ``tick`` or ``add``, on row ``ref``."""

    action: str
    ref: str | None


class RecordListModal(ModalScreen[RecordAction | None]):
    """Rows of (id, text); the offered keys act on the highlighted row; escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "act('edit')", _("Edit"), id="records_edit"),
        Binding("x", "act('delete')", _("Delete"), id="records_delete"),
        Binding("space", "act('tick')", _("Tick"), id="records_tick"),
        Binding("n", "act('add')", _("Add"), id="records_add"),
        Binding("j", "cursor(1)", _("Down"), show=False, id="records_down"),
        Binding("k", "cursor(-1)", _("Up"), show=False, id="records_up"),
        Binding("escape", "close", _("Close"), id="records_close"),
    ]

    DEFAULT_CSS = """
    RecordListModal #records-dialog { width: 78; }
    RecordListModal #records-list { height: auto; max-height: 16; border: none; }
    RecordListModal #records-empty { color: $text-muted; padding: 0 1; }
    """

    def __init__(
        self,
        title: str,
        rows: list[tuple[str, str]],
        actions: tuple[str, ...],
        empty: str = "",
        selected: str | None = None,
    ) -> None:
        super().__init__(classes="vatui-modal")
        self.list_title = title
        self.rows = rows
        self.actions = actions
        self.empty = empty or _("Nothing here yet.")
        self.selected = selected

    def compose(self) -> ComposeResult:
        with Vertical(id="records-dialog", classes="modal-body") as body:
            body.border_title = render.text(self.list_title)
            keys = " · ".join(f"{ACTION_KEYS[a]} {ACTION_NAMES[a]}" for a in self.actions)
            body.border_subtitle = f"{keys} · esc {_('close')}"
            yield OptionList(
                *[Option(render.text(text), id=ref) for ref, text in self.rows], id="records-list"
            )
            if not self.rows:
                yield Static(render.text(self.empty), id="records-empty")

    def on_mount(self) -> None:
        listing = self.query_one("#records-list", OptionList)
        listing.focus()
        if self.selected is not None:
            for index, (ref, _text) in enumerate(self.rows):
                if ref == self.selected:
                    listing.highlighted = index

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "act":
            return parameters[0] in self.actions
        return True

    def _current(self) -> str | None:
        listing = self.query_one("#records-list", OptionList)
        index = listing.highlighted
        if index is None or not self.rows:
            return None
        return self.rows[index][0]

    def action_act(self, action: str) -> None:
        """Close with ``action`` on the highlighted row (``add`` needs no row)."""
        ref = self._current()
        if ref is None and action != "add":
            self.app.bell()
            return
        self.dismiss(RecordAction(action, ref))

    def action_cursor(self, step: int) -> None:
        """Move the highlight."""
        listing = self.query_one("#records-list", OptionList)
        (listing.action_cursor_down if step > 0 else listing.action_cursor_up)()

    def action_close(self) -> None:
        """Close without asking for anything."""
        self.dismiss(None)
