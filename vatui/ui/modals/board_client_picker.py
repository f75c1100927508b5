"""Pick a client to filter the Board by: type to narrow the list, ``enter`` picks."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from vatui.domain.text import one_line
from vatui.i18n import _


class ClientPickerModal(ModalScreen[int | None]):
    """A list of clients (with how many cards each has); returns the id, or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", _("Cancel"), id="picker_cancel"),
        Binding("down", "cursor(1)", show=False, priority=True),
        Binding("up", "cursor(-1)", show=False, priority=True),
    ]

    DEFAULT_CSS = """
    ClientPickerModal { align: center middle; }
    ClientPickerModal #picker {
        width: 50; max-width: 100%; height: auto; max-height: 80%;
        border: round $border; background: $surface; padding: 0 1;
    }
    ClientPickerModal OptionList { height: auto; max-height: 14; border: none; padding: 0; }
    """

    def __init__(self, clients: list[tuple[int, str, int]]) -> None:
        super().__init__(classes="vatui-modal")
        self.clients = clients
        """(id, name, number of cards) of the clients to pick from."""

    def compose(self) -> ComposeResult:
        with Vertical(id="picker", classes="modal-body") as box:
            box.border_title = _("Filter by client")
            yield Input(placeholder=_("type to narrow"), id="picker-query", compact=True)
            yield OptionList(id="picker-list")

    def on_mount(self) -> None:
        """Fill the list and put the cursor in the query."""
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, query: str) -> None:
        wanted = query.strip().casefold()
        options = [
            Option(Content(f"{one_line(name, 38)}  ({count})"), id=str(cid))
            for cid, name, count in self.clients
            if wanted in name.casefold()
        ]
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options(options)
        listing.highlighted = 0 if options else None

    @on(Input.Changed)
    def _narrow(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted)
    def _submit(self) -> None:
        listing = self.query_one(OptionList)
        if listing.highlighted is not None:
            option = listing.get_option_at_index(listing.highlighted)
            self.dismiss(int(option.id or 0))

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cursor(self, step: int) -> None:
        """Move the highlight while typing."""
        listing = self.query_one(OptionList)
        if listing.option_count:
            current = listing.highlighted or 0
            listing.highlighted = min(max(current + step, 0), listing.option_count - 1)

    def action_cancel(self) -> None:
        """Close without picking."""
        self.dismiss(None)
