"""The Plan's weeks: one line each, a bar stacked by client against the capacity line.

``14 Dec ██████▓▓▓▓▒▒│····   32/40 h  80 %  busy`` — the bar's scale is the same for every
week (the largest of planned and available hours in the plan), so the capacity line ``│``
moves left in a week with a holiday or time off. Segments are in the client's colour (the
Board's palette) and alternate ``█``/``▓`` so that neighbours stay apart without colour;
hours only estimated from the time log or a retainer are drawn ``▒``. A busy week
(85–100 %) says ``busy`` and an overloaded one (over 100 %) says ``OVER``, in words as well
as colour: readable with ``NO_COLOR`` and in 16 colours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message

from vatui.domain.dates_display import day_month
from vatui.i18n import _, pgettext
from vatui.ui import render
from vatui.ui.widgets.card_face import client_colour
from vatui.ui.widgets.vi_list import ViList, vi_bindings

if TYPE_CHECKING:
    from datetime import date

    from vatui.domain.forecast import ClientLoad, Week

CLIENT_STYLES = (
    "$text-primary",
    "$text-success",
    "$text-secondary",
    "$primary-lighten-3",
    "$success-lighten-2",
    "$text-accent",
)
"""A client's colour by palette slot (``card_face.client_colour``): the Board's order."""
NO_CLIENT_STYLE = "$foreground"
"""Work for no client."""
SOLID = ("█", "▓")
"""Segments of estimated work, alternating so that neighbours differ without colour."""
SHADED = "▒"
"""Hours taken from the time log or a retainer (not from estimates)."""
CAPACITY = "│"
"""The capacity line: the week's available hours."""
ROOM = "·"
"""Free hours below the capacity line."""
FLAG_STYLES = {"busy": "bold $text-warning", "over": "reverse bold $text-error"}
MIN_BAR = 8
"""The narrowest bar drawn."""


def flag_word(flag: str) -> str:
    """``busy`` / ``OVER`` (nothing for an ordinary week), in the language in use."""
    if flag == "over":
        return pgettext("week load", "OVER")
    if flag == "busy":
        return pgettext("week load", "busy")
    return ""


def hours(minutes: int) -> str:
    """Whole hours, rounded half up: ``52``."""
    return str((max(minutes, 0) + 30) // 60)


def load_text(week: Week) -> str:
    """``32/40 h``: planned of available hours."""
    return _("{planned}/{available} h").format(
        planned=hours(week.planned_minutes), available=hours(week.available_minutes)
    )


def week_label(start: date) -> str:
    """``14 Dec``: the first day of the week."""
    return day_month(start, short=True)


def client_style(client_id: int | None) -> str:
    """The colour of a client's work (the Board's palette)."""
    slot = client_colour(client_id)
    return CLIENT_STYLES[slot] if slot >= 0 else NO_CLIENT_STYLE


def segment_glyph(load: ClientLoad, index: int) -> str:
    """How a client's share is drawn: solid for estimates, shaded for log or retainer hours."""
    if load.source in ("log", "retainer"):
        return SHADED
    return SOLID[index % 2]


def bar(week: Week, scale: int, cells: int) -> Content:
    """The week's load as ``cells + 1`` cells: stacked clients, the capacity line, free room.

    ``scale`` minutes fill ``cells`` cells (every week of a plan uses the same scale).
    """
    scale = max(scale, 1)

    def at(minutes: int) -> int:
        return min(max((minutes * cells * 2 + scale) // (scale * 2), 0), cells)  # rounded half up

    parts: list[Content] = []
    used = done = 0
    for index, load in enumerate(week.clients):
        done += max(load.minutes, 0)
        end = at(done)
        if end > used:
            parts.append(
                render.label(segment_glyph(load, index) * (end - used), client_style(load.client_id))
            )
            used = end
    capacity = at(week.available_minutes)
    line = render.label(CAPACITY, "bold $text-error" if week.flag == "over" else "bold")
    filled = Content.assemble(*parts) if parts else Content("")
    if used <= capacity:
        room = render.label(ROOM * (capacity - used), "$text-muted")
        return Content.assemble(filled, room, line, " " * (cells - capacity))
    # over capacity: the capacity line is drawn inside the bar, which goes on past it
    return Content.assemble(filled[:capacity], line, filled[capacity:], " " * (cells - used))


@dataclass(frozen=True)
class RowLayout:
    """The widths of a week line's columns (cells)."""

    label: int
    bar: int
    load: int
    percent: int
    flag: int


def row_layout(weeks: Sequence[Week], width: int) -> RowLayout:
    """Column widths for ``weeks`` at ``width`` cells; the bar takes what is left."""
    label = max((render.cells(week_label(w.start)) for w in weeks), default=6)
    load = max((render.cells(load_text(w)) for w in weeks), default=7)
    percent = max((render.cells(f"{w.percent} %") for w in weeks), default=4)
    flag = max(render.cells(flag_word("busy")), render.cells(flag_word("over")))
    fixed = 2 + label + 1 + 1 + 1 + load + 1 + percent + 1 + flag  # pointer, gaps, capacity line
    return RowLayout(label, max(width - fixed, MIN_BAR), load, percent, flag)


def plan_scale(weeks: Sequence[Week]) -> int:
    """The minutes a full bar stands for: the largest planned or available hours."""
    return max((max(w.planned_minutes, w.available_minutes) for w in weeks), default=60) or 60


def week_line(week: Week, layout: RowLayout, scale: int) -> Content:
    """One week: ``  14 Dec ████▓▓│···  32/40 h  80 %  busy`` (the first cell is the pointer's)."""
    flag = week.flag
    style = FLAG_STYLES.get(flag, "")
    return Content.assemble(
        "  ",
        render.pad(render.label(week_label(week.start), "bold"), layout.label),
        " ",
        bar(week, scale, layout.bar),
        " ",
        render.label(load_text(week).rjust(layout.load), style),
        " ",
        render.label(f"{week.percent} %".rjust(layout.percent), style),
        " ",
        render.label(flag_word(flag), style) if flag in FLAG_STYLES else "",
    )


class PlanWeeks(ViList, inherit_bindings=False):
    """The weeks of the plan, one line each; ``enter`` opens a week."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *vi_bindings(
            "plan",
            down=_("Next week"),
            up=_("Previous week"),
            top=_("First week"),
            bottom=_("Last week"),
            pages=False,
        ),
        Binding("enter", "select", _("Open week"), id="plan_open_week"),
    ]
    POINTER: ClassVar[bool] = True

    DEFAULT_CSS = """
    PlanWeeks {
        height: auto;
        max-height: 14;
        border: none;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        scrollbar-size-vertical: 1;
    }
    """

    class WeekChosen(Message):
        """``enter`` or a double click on a week: the screen opens it."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.weeks: tuple[Week, ...] = ()
        """The weeks shown, first to last."""

    def show(self, weeks: Sequence[Week]) -> None:
        """Show ``weeks``, keeping the cursor on the same week (by its first day).

        The same weeks again (a plan after a move: same first days) change only the lines
        that differ, in place: no new options, no layout, the cursor not set again."""
        before = self.selected_week.start if self.selected_week else None
        same_weeks = [w.start for w in self.weeks] == [w.start for w in weeks]
        self.weeks = tuple(weeks)
        layout, scale = row_layout(self.weeks, self.laid_out()), plan_scale(self.weeks)
        lines = [week_line(w, layout, scale) for w in self.weeks]
        if same_weeks and self.option_count == len(lines) and self.highlighted is not None:
            for index, line in enumerate(lines):
                shown = self.get_option_at_index(index).prompt
                if not (isinstance(shown, Content) and shown.is_same(line)):
                    self.replace_option_prompt_at_index(index, line)
            return
        self.set_options(lines)
        at = next((i for i, w in enumerate(self.weeks) if w.start == before), 0)
        self.highlighted = at if self.weeks else None

    @property
    def selected_week(self) -> Week | None:
        """The week under the cursor."""
        index = self.highlighted
        if index is None or not 0 <= index < len(self.weeks):
            return None
        return self.weeks[index]

    def select_week(self, start: date) -> bool:
        """Put the cursor on the week that starts on (or holds) ``start``; whether found."""
        for index, week in enumerate(self.weeks):
            if week.start <= start <= week.end:
                self.highlighted = index
                return True
        return False

    def relayout(self) -> None:
        if self.weeks:
            self.show(self.weeks)

    def action_select(self) -> None:
        """``enter``: open the week."""
        if self.highlighted is not None:
            self.post_message(self.WeekChosen(self.highlighted))

    async def _on_click(self, event: events.Click) -> None:
        """A click moves the cursor; a double click opens the week."""
        clicked = event.style.meta.get("option")
        if clicked is None:
            return
        self.highlighted = clicked
        if event.chain >= 2:
            self.post_message(self.WeekChosen(clicked))
