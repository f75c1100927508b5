"""Check boxes and list cursors whose state shows without colour.

Textual's ``Checkbox`` and ``SelectionList`` draw the same ``X`` whether a box is ticked or
not and tell the two apart by colour alone: with ``NO_COLOR`` or in 16 colours a vetting
checklist of ticked and unticked items looks all ticked. These draw ``X`` when ticked and
a blank when not, and keep everything else (keys, messages, styles) as Textual has it.
"""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

TICK = "X"
"""Drawn inside a ticked box."""
BLANK = " "
"""Drawn inside an unticked box."""

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
