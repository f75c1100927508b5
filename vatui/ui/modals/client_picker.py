"""Pick one client from a list that narrows as you type; ``enter`` picks, ``escape`` cancels.

``ClientPickerModal`` holds the behaviour; each use says what a line shows (``line``) and how
the box is titled.
"""

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

from vatui.domain.fold import fold
from vatui.i18n import _
from vatui.ui.widgets.safe_input import SafeInput


class ClientPickerModal(ModalScreen[int | None]):
    """Clients with one figure each; returns the id picked, or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor(1)", show=False, priority=True),
        Binding("up", "cursor(-1)", show=False, priority=True),
    ]

    DEFAULT_CSS = """
    ClientPickerModal OptionList { height: auto; max-height: 14; border: none; padding: 0; }
    """

    BOX_ID: ClassVar[str] = "client-picker"
    """The DOM id of the box (its query and list are ``<id>-query`` and ``<id>-list``)."""

    def __init__(self, clients: list[tuple[int, str, int]]) -> None:
        super().__init__(classes="vatui-modal")
        self.clients = clients
        """(id, name, a figure shown beside the name) of the clients to pick from."""

    def box_title(self) -> str:
        """The box's title."""
        return _("Pick a client")

    def line(self, name: str, figure: int) -> Content:
        """One client's line."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(id=self.BOX_ID, classes="modal-body") as box:
            box.border_title = self.box_title()
            box.border_subtitle = _("enter picks · esc cancels")
            yield SafeInput(placeholder=_("type to narrow"), id=f"{self.BOX_ID}-query", compact=True)
            yield OptionList(id=f"{self.BOX_ID}-list")

    def on_mount(self) -> None:
        """Fill the list and put the cursor in the query."""
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, query: str) -> None:
        wanted = fold(query.strip())
        options = [
            Option(self.line(name, figure), id=str(cid))
            for cid, name, figure in self.clients
            if wanted in fold(name)
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
            self.dismiss(int(listing.get_option_at_index(listing.highlighted).id or 0))

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
