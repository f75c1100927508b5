"""The one list every pane moves through the same way: j/k, g/G, arrows, page keys.

``ViList`` is an ``OptionList`` (one line an option, only the lines on screen drawn) whose
cursor rests on enabled lines only: headings and quiet "nothing here" lines are disabled
options. It stops at the ends (``WRAP`` makes it go round, as the clients list does), can
draw ``›`` on the highlighted line (``POINTER``), lays its lines out again when its width
changes (``relayout``) and finds the line it was on after a reload (``restore``). A list
keeps only what it shows. ``vi_bindings`` gives its keys, with ids keymap.toml can remap.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from vatui.i18n import _

POINTER = "›"
"""Drawn in the first cell of a pointer list's highlighted line."""


def vi_bindings(
    name: str,
    *,
    down: str | None = None,
    up: str | None = None,
    top: str | None = None,
    bottom: str | None = None,
    pages: bool = True,
) -> list[BindingType]:
    """``down,j`` / ``up,k`` / ``home,g`` / ``end,G`` (and the page keys), ids ``{name}_down``…"""
    bindings: list[BindingType] = [
        Binding("down,j", "cursor_down", down or _("Down"), show=False, id=f"{name}_down"),
        Binding("up,k", "cursor_up", up or _("Up"), show=False, id=f"{name}_up"),
        Binding("home,g", "first", top or _("Top"), show=False, id=f"{name}_top"),
        Binding("end,G", "last", bottom or _("Bottom"), show=False, id=f"{name}_bottom"),
    ]
    if pages:
        bindings += [
            Binding("pagedown", "page_down", _("Page down"), show=False, id=f"{name}_page_down"),
            Binding("pageup", "page_up", _("Page up"), show=False, id=f"{name}_page_up"),
        ]
    return bindings


def next_enabled(list_: OptionList, direction: int) -> int | None:
    """The next enabled option from the highlighted one in ``direction`` (±1), ``None`` at
    the end (no wrapping)."""
    options = list_.options
    index = list_.highlighted
    probe = (index if index is not None else -direction) + direction
    while 0 <= probe < len(options):
        if not options[probe].disabled:
            return probe
        probe += direction
    return None


class ViList(OptionList):
    """An ``OptionList`` whose cursor steps over disabled lines and stops at the ends."""

    POINTER: ClassVar[bool] = False
    """Draw ``›`` in the first cell of the highlighted line (each prompt leaves it blank)."""
    WRAP: ClassVar[bool] = False
    """The cursor goes round from the last line to the first (and back)."""
    MIN_WIDTH: ClassVar[int] = 40
    """The narrowest the lines are laid out for."""

    def __init__(self, *options: Any, **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        super().__init__(*options, **kwargs)
        self._width = 0
        """The width the lines were laid out for (0: not yet)."""

    # building ------------------------------------------------------------------------

    def line_width(self) -> int:
        """The width to lay the lines out for now."""
        return max(self.scrollable_content_region.width, self.MIN_WIDTH)

    def laid_out(self) -> int:
        """Note that the lines are laid out for the width now; returns it."""
        self._width = self.line_width()
        return self._width

    def relayout(self) -> None:
        """Lay the lines out again for a new width (the list shows what it showed)."""

    def restore(self, *matches: Callable[[Option], bool], near: int | None) -> int | None:
        """Where the cursor goes after a reload: the first enabled line the first of
        ``matches`` that finds one accepts; else the first enabled line at or after ``near``
        (the last when none); else the first enabled line."""
        rows = [(i, o) for i, o in enumerate(self.options) if not o.disabled]
        if not rows:
            return None
        for match in matches:
            found = next((i for i, option in rows if match(option)), None)
            if found is not None:
                return found
        if near is not None:
            return next((i for i, _option in rows if i >= near), rows[-1][0])
        return rows[0][0]

    @property
    def highlighted_option(self) -> Option | None:
        """The option under the cursor, if any."""
        index = self.highlighted
        if index is None or index >= self.option_count:
            return None
        return self.get_option_at_index(index)

    def on_resize(self, event: events.Resize) -> None:
        """Lay the lines out again for the new width."""
        if self._width and self.line_width() != self._width:
            self.relayout()

    # drawing -------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """Textual's line, with the pointer on the highlighted option (``POINTER``)."""
        line = super().render_line(y)
        _x, scroll_y = self.scroll_offset
        if not self.POINTER or self.highlighted is None or scroll_y + y != self.highlighted:
            return line
        segments = list(line)
        if not line.cell_length or not segments[0].text:
            return line
        first = segments[0]
        segments[0] = Segment(POINTER + first.text[1:], first.style, first.control)
        return Strip(segments, line.cell_length)

    # actions -------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        """Next enabled line."""
        self._step(1)

    def action_cursor_up(self) -> None:
        """Previous enabled line."""
        self._step(-1)

    def _step(self, direction: int) -> None:
        if self.WRAP:
            (super().action_cursor_down if direction > 0 else super().action_cursor_up)()
            return
        if self.highlighted is None:
            self.action_first()
            return
        found = next_enabled(self, direction)
        if found is not None:
            self.highlighted = found
            self.stepped(found, direction)

    def stepped(self, index: int, direction: int) -> None:
        """The cursor moved to ``index`` by one step in ``direction``."""


class PointerList(ViList):
    """A ``ViList`` with Textual's list keys whose highlighted line starts with ``›``."""

    POINTER: ClassVar[bool] = True
