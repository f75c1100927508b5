"""What fills one week of the Plan: its tasks, recurring occurrences, retainer and log shares.

One line per ``PlanItem`` with the hours it puts into the week; holidays and time off of
the week come first, as quiet lines the cursor skips. Only task lines can be changed
(rescheduled, moved to another week, marked waiting): the screen says so for the others.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.widgets.option_list import Option

from vatui.domain.dates_display import short_date
from vatui.domain.durations import format_duration
from vatui.i18n import _
from vatui.ui import render
from vatui.ui.widgets.plan_weeks import client_style
from vatui.ui.widgets.vi_list import ViList, vi_bindings

if TYPE_CHECKING:
    from vatui.domain.forecast import PlanItem, Week

ItemKey = tuple[str, int | None, int | None, str]
"""An item, to find it again after a reload: (kind, task id, client id, title)."""

KIND_ORDER = {"task": 0, "recurring": 1, "retainer": 2, "log": 3}
"""Tasks first (by due date), then recurring occurrences, retainer hours, log shares."""


def kind_word(kind: str) -> str:
    """What a line that is not a plain task is, in words."""
    if kind == "recurring":
        return _("repeats")
    if kind == "retainer":
        return _("retainer")
    if kind == "log":
        return _("from your log")
    return ""


def item_key(item: PlanItem) -> ItemKey:
    """Where ``item`` is after a reload."""
    return (item.kind, item.task_id, item.client_id, item.title)


def sorted_items(items: tuple[PlanItem, ...]) -> list[PlanItem]:
    """Tasks by due date, then the rest, each by most hours first."""
    return sorted(
        items,
        key=lambda i: (KIND_ORDER.get(i.kind, 9), i.due or date.max, -i.minutes, i.title),
    )


class PlanItemOption(Option):
    """A line about one item of the week."""

    def __init__(self, prompt: Content, item: PlanItem) -> None:
        super().__init__(prompt)
        self.item = item


def when_text(item: PlanItem, today: date) -> str:
    """``due Fri 11 Dec`` for a task; what the line is for the others."""
    if item.kind == "task" and item.due is not None:
        return _("due {day}").format(day=short_date(item.due, today))
    if item.kind == "recurring" and item.due is not None:
        return _("repeats {day}").format(day=short_date(item.due, today))
    return kind_word(item.kind)


@dataclass(frozen=True)
class ItemColumns:
    """The widths of a week's lines (cells): title, client, hours, when."""

    title: int
    client: int
    hours: int
    when: int


def item_columns(rows: list[tuple[PlanItem, str]], today: date, width: int) -> ItemColumns:
    """Column widths for ``rows`` (item, client name) at ``width`` cells; the title takes the rest,
    down to 12 cells, then the client gives way (down to 8, then not shown)."""
    hours_w = max((render.cells(format_duration(i.minutes)) for i, _c in rows), default=0)
    when_w = max((render.cells(when_text(i, today)) for i, _c in rows), default=0)
    client_w = min(max((render.text(c).cell_length for _i, c in rows), default=0), 20)
    fixed = 2 + 2 + hours_w + 2 + when_w  # pointer, gaps
    title_w = width - fixed - (client_w + 2 if client_w else 0)
    if title_w < 12 and client_w:
        client_w = max(client_w - (12 - title_w), 8)
        title_w = width - fixed - client_w - 2
    if title_w < 12:
        client_w, title_w = 0, width - fixed
    return ItemColumns(max(title_w, 4), client_w, hours_w, when_w)


def item_line(item: PlanItem, client: str, today: date, cols: ItemColumns) -> Content:
    """``  Draft newsletter     Acme Corp   2h  due Fri 11 Dec``, in columns."""
    title = render.pad(render.text(item.title, "bold" if item.kind == "task" else ""), cols.title)
    parts: list[Content | str] = ["  ", title, "  "]
    if cols.client:
        shown = client if client != item.title else ""
        parts += [render.pad(render.text(shown, client_style(item.client_id)), cols.client), "  "]
    parts += [
        render.label(format_duration(item.minutes).rjust(cols.hours), "bold"),
        "  ",
        render.label(when_text(item, today), "" if item.kind == "task" else "$text-muted"),
    ]
    return Content.assemble(*parts)


def quiet_lines(week: Week, today: date) -> list[Content]:
    """The week's holidays and time off, one line each."""
    lines = [
        render.text(_("Holiday {day}: {name}").format(day=short_date(day, today), name=name), "$text-muted")
        for day, name in week.holidays
    ]
    if week.timeoff_minutes > 0:
        lines.append(
            render.label(
                _("Time off: {hours} fewer hours this week").format(
                    hours=format_duration(week.timeoff_minutes)
                ),
                "$text-muted",
            )
        )
    if not week.items:
        lines.append(render.label(_("Nothing planned this week."), "$text-muted"))
    return lines


class PlanDetail(ViList, inherit_bindings=False):
    """The items of one week; the cursor skips the quiet lines."""

    BINDINGS: ClassVar[list[BindingType]] = vi_bindings(
        "plan_item",
        down=_("Next line"),
        up=_("Previous line"),
        top=_("First line"),
        bottom=_("Last line"),
        pages=False,
    )
    POINTER: ClassVar[bool] = True

    DEFAULT_CSS = """
    PlanDetail {
        height: 1fr;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        scrollbar-size-vertical: 1;
        & > .option-list--option-disabled { color: $foreground; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.week: Week | None = None
        """The week shown."""
        self._names: Mapping[int, str] = {}
        self._today = date.min

    def show(self, week: Week, names: Mapping[int, str], today: date) -> None:
        """Show ``week``'s items; the cursor stays on the same item (or the one in its place)."""
        before = self.selected_item
        before_index = self.highlighted
        same_week = self.week is not None and self.week.start == week.start
        self.week, self._names, self._today = week, names, today
        width = self.laid_out()
        options: list[Option] = [Option(line, disabled=True) for line in quiet_lines(week, today)]
        rows = [
            (item, names.get(item.client_id, "") if item.client_id is not None else "")
            for item in sorted_items(week.items)
        ]
        cols = item_columns(rows, today, width)
        options += [PlanItemOption(item_line(item, client, today, cols), item) for item, client in rows]
        self.set_options(options)
        kept = before if same_week else None
        self.highlighted = self.restore(
            lambda o: (
                kept is not None and isinstance(o, PlanItemOption) and item_key(o.item) == item_key(kept)
            ),
            near=before_index if same_week else None,
        )

    @property
    def selected_item(self) -> PlanItem | None:
        """The item under the cursor."""
        option = self.highlighted_option
        return option.item if isinstance(option, PlanItemOption) else None

    def relayout(self) -> None:
        if self.week is not None:
            self.show(self.week, self._names, self._today)
