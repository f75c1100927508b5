"""The line above the Board's columns: every column with its count, and the filters.

At 80 columns the Board shows three columns at a time; this line names all of them, so a
column scrolled out of view is never out of mind: ``‹`` and ``›`` say there is more to
the left or right, the focused column is highlighted, the ones on screen are bright and
the others quiet.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content
from textual.widget import Widget

from vatui.i18n import _
from vatui.ui.widgets.card_face import fit


@dataclass(frozen=True, slots=True)
class ColumnTab:
    """One column's entry on the bar."""

    label: str
    """``Next 12`` or ``Doing 4/3``."""
    warn: bool = False
    """The WIP limit is exceeded."""


class BoardBar(Widget):
    """Column overview and active filters, one line."""

    DEFAULT_CSS = """
    BoardBar {
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.tabs: list[ColumnTab] = []
        """The columns, left to right."""
        self.focused = 0
        """The focused column's index."""
        self.window = (0, 0)
        """The columns on screen: ``[start, end)``."""
        self.filters = ""
        """What the cards are filtered by, as text (already cleaned)."""

    def show(self, tabs: list[ColumnTab], focused: int, window: tuple[int, int], filters: str) -> None:
        """Update what the bar says (repaints only when something changed)."""
        state = (tabs, focused, window, filters)
        if state == (self.tabs, self.focused, self.window, self.filters):
            return
        self.tabs, self.focused, self.window, self.filters = list(tabs), focused, window, filters
        self.refresh()

    def render(self) -> Content:
        """The bar as plain text pieces, styled (user text is never parsed as markup)."""
        start, end = self.window
        parts: list[Content] = [Content.styled("‹ " if start > 0 else "  ", "bold")]
        for index, tab in enumerate(self.tabs):
            if index:
                parts.append(Content(" "))
            style = ""
            if index == self.focused:
                style = "reverse bold"
            elif start <= index < end:
                style = "$foreground"
            if tab.warn:
                style += " $text-warning bold"
            parts.append(Content.styled(f" {tab.label} ", style.strip()))
        parts.append(Content.styled(" ›" if end < len(self.tabs) else "", "bold"))
        bar = Content.assemble(*parts)
        if self.filters:
            room = max(self.size.width - bar.cell_length - 3, 0)
            text = _("{what} · esc clears").format(what=self.filters)
            if cell_len(text) > room:
                text = fit(self.filters, room)
            if text:
                gap = self.size.width - bar.cell_length - cell_len(text)
                bar = Content.assemble(bar, " " * max(gap, 1), Content.styled(text, "$text-accent bold"))
        return bar
