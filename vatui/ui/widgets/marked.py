"""Check boxes and list cursors whose state shows without colour.

Textual's ``Checkbox`` and ``SelectionList`` draw the same ``X`` whether a box is ticked or
not and tell the two apart by colour alone: with ``NO_COLOR`` or in 16 colours a vetting
checklist of ticked and unticked items looks all ticked. These draw ``X`` when ticked and
a blank when not, and keep everything else (keys, messages, styles) as Textual has it.
Likewise ``PointerList`` is an ``OptionList`` whose highlighted line starts with ``›``.
"""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, OptionList, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

TICK = "X"
"""Drawn inside a ticked box."""
BLANK = " "
"""Drawn inside an unticked box."""
POINTER = "›"
"""Drawn in the first cell of a ``PointerList``'s highlighted line."""

V = TypeVar("V")


class MarkedCheckbox(Checkbox):
    """A ``Checkbox`` that is blank when off."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = TICK if self.value else BLANK
        return super()._button


class MarkedSelectionList(SelectionList[V]):
    """A ``SelectionList`` whose boxes are blank when not selected."""

    def render_line(self, y: int) -> Strip:
        """Textual's line, with the box emptied when its option is not selected."""
        line = super().render_line(y)
        _x, scroll_y = self.scroll_offset
        try:
            option = self.get_option_at_index(scroll_y + y)
        except OptionDoesNotExist:
            return line
        segments = list(line)
        if len(segments) < 2 or option.value in self.selected:
            return line
        inner = segments[1]
        segments[1] = Segment(BLANK * len(inner.text), inner.style, inner.control)
        return Strip(segments, line.cell_length)


def next_enabled(list_: OptionList, direction: int) -> int | None:
    """The next enabled option from the highlighted one in ``direction`` (±1), ``None`` at
    the end (no wrapping): the stepping of ``PointerList`` and the triage list alike."""
    options = list_.options
    index = list_.highlighted
    probe = (index if index is not None else -direction) + direction
    while 0 <= probe < len(options):
        if not options[probe].disabled:
            return probe
        probe += direction
    return None


class PointerList(OptionList):
    """An ``OptionList`` whose highlighted line starts with ``›`` (one line per option;
    each prompt leaves its first cell blank for the pointer). The cursor stops at the
    first and last lines (no wrapping) and skips disabled ones."""

    def action_cursor_down(self) -> None:
        """Next enabled line (stays on the last)."""
        self._step(1)

    def action_cursor_up(self) -> None:
        """Previous enabled line (stays on the first)."""
        self._step(-1)

    def _step(self, direction: int) -> None:
        if self.highlighted is None:
            self.action_first()
            return
        found = next_enabled(self, direction)
        if found is not None:
            self.highlighted = found

    def render_line(self, y: int) -> Strip:
        """Textual's line, with the pointer on the highlighted option."""
        line = super().render_line(y)
        _x, scroll_y = self.scroll_offset
        if self.highlighted is None or scroll_y + y != self.highlighted or not line.cell_length:
            return line
        segments = list(line)
        first = segments[0]
        if not first.text:
            return line
        segments[0] = Segment(POINTER + first.text[1:], first.style, first.control)
        return Strip(segments, line.cell_length)
