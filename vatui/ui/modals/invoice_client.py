"""Pick the client whose unbilled time to invoice: type to narrow, ``enter`` picks."""

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

from vatui.domain.durations import format_duration
from vatui.i18n import _
from vatui.ui import render


class InvoiceClientModal(ModalScreen[int | None]):
    """Clients with their unbilled time; returns the client id picked, or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", _("Cancel"), id="invoice_client_cancel"),
        Binding("down", "cursor(1)", show=False, priority=True),
        Binding("up", "cursor(-1)", show=False, priority=True),
    ]

    DEFAULT_CSS = """
    InvoiceClientModal OptionList { height: auto; max-height: 14; border: none; padding: 0; }
    """

    def __init__(self, clients: list[tuple[int, str, int]]) -> None:
        super().__init__(classes="vatui-modal")
        self.clients = clients
        """(id, name, unbilled minutes), those with unbilled time first."""

    def compose(self) -> ComposeResult:
        with Vertical(id="invoice-client", classes="modal-body") as box:
            box.border_title = _("Invoice unbilled time of…")
            box.border_subtitle = _("enter picks · esc cancels")
            yield Input(placeholder=_("type to narrow"), id="invoice-client-query", compact=True)
            yield OptionList(id="invoice-client-list")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, query: str) -> None:
        wanted = query.strip().casefold()
        options = []
        for cid, name, minutes in self.clients:
            if wanted and wanted not in name.casefold():
                continue
            unbilled = format_duration(minutes) if minutes else _("nothing unbilled")
            line = Content.assemble(render.fit(name, 44), Content("  "), render.label(unbilled, "$text-muted"))
            options.append(Option(line, id=str(cid)))
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
            listing.highlighted = min(max((listing.highlighted or 0) + step, 0), listing.option_count - 1)

    def action_cancel(self) -> None:
        """Close without picking."""
        self.dismiss(None)
