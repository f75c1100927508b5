"""Pick the client whose unbilled time to invoice: type to narrow, ``enter`` picks."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from vatui.domain.durations import format_duration
from vatui.i18n import _
from vatui.ui import render
from vatui.ui.modals.client_picker import ClientPickerModal


class InvoiceClientModal(ClientPickerModal):
    """Clients with their unbilled time; returns the client id picked, or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", _("Cancel"), id="invoice_client_cancel"),
    ]

    BOX_ID = "invoice-client"

    def __init__(self, clients: list[tuple[int, str, int]], title: str | None = None) -> None:
        super().__init__(clients)
        self.title_text = title
        """The box's title (default: invoicing unbilled time)."""

    def box_title(self) -> str:
        return self.title_text or _("Invoice unbilled time of…")

    def line(self, name: str, figure: int) -> Content:
        unbilled = format_duration(figure) if figure else _("nothing unbilled")
        return Content.assemble(render.fit(name, 44), Content("  "), render.label(unbilled, "$text-muted"))
