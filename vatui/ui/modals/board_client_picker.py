"""Pick a client to filter the Board by: type to narrow the list, ``enter`` picks."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.ui.modals.client_picker import ClientPickerModal


class BoardClientPickerModal(ClientPickerModal):
    """A list of clients (with how many cards each has); returns the id, or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", _("Cancel"), id="picker_cancel"),
    ]

    DEFAULT_CSS = """
    BoardClientPickerModal { align: center middle; }
    BoardClientPickerModal #picker {
        width: 50; max-width: 100%; height: auto; max-height: 80%;
        border: round $border; background: $surface; padding: 0 1;
    }
    """

    BOX_ID = "picker"

    def box_title(self) -> str:
        return _("Filter by client")

    def line(self, name: str, figure: int) -> Content:
        return Content(f"{one_line(name, 38)}  ({figure})")
