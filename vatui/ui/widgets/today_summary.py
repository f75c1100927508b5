"""Under Today's list: the week's capacity, the running timer, unbilled time, notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from vatui.domain.durations import format_duration
from vatui.i18n import _, ngettext
from vatui.ui import render

if TYPE_CHECKING:
    from vatui.domain.forecast import Warning
    from vatui.domain.triage import Capacity, Triage


def capacity_line(cap: Capacity) -> Content:
    """``Week 12h planned / 30h · logged 6h · WIP 2/3``, with OVER words when exceeded."""
    over_hours = cap.available_minutes > 0 and cap.planned_minutes > cap.available_minutes
    over_wip = cap.wip_limit > 0 and cap.wip > cap.wip_limit
    planned = _("{planned} planned / {available}").format(
        planned=format_duration(cap.planned_minutes), available=format_duration(cap.available_minutes)
    )
    parts: list[Content | str] = [
        render.label(_("Week "), "bold"),
        render.label(planned, "bold $text-warning" if over_hours else ""),
    ]
    if over_hours:
        parts += [" ", render.label(_("OVER"), "reverse bold $text-warning")]
    parts += [render.label(" · " + _("logged {logged}").format(logged=format_duration(cap.logged_minutes)))]
    wip = _("WIP {wip}/{limit}").format(wip=cap.wip, limit=cap.wip_limit)
    parts += [" · ", render.label(wip, "bold $text-warning" if over_wip else "")]
    if over_wip:
        parts += [" ", render.label(_("OVER LIMIT"), "reverse bold $text-warning")]
    return Content.assemble(*parts)


def timer_line(triage: Triage) -> Content:
    """The running timer, or that none runs; then unbilled time."""
    unbilled = render.label(
        " · " + _("unbilled {time}").format(time=format_duration(triage.unbilled_minutes))
    )
    timer = triage.timer
    if timer is None:
        return Content.assemble(
            render.label(_("Timer "), "bold"), render.label(_("not running"), "$text-muted"), unbilled
        )
    title = str(timer.get("title") or _("(no task)"))
    minutes = int(timer.get("minutes") or 0)
    return Content.assemble(
        render.label(_("Timer "), "bold"),
        render.label("▶ ", "bold $text-success"),
        render.fit(title, 40),
        render.label(f" {format_duration(minutes)}", "bold"),
        unbilled,
    )


def warning_line(warning: Warning, width: int = 78) -> Content:
    """``‼ Week of 14 Dec: 52 h planned of 40 h — 12 h over; 3 tasks could move · p plan``.

    At most ``width`` cells: the words are cut (with ``…``) before the key's hint is.
    """
    from vatui.domain.dates_display import day_month
    from vatui.ui.widgets.plan_weeks import hours

    week = warning.week
    text = _("Week of {day}: {planned} h planned of {available} h — {over} h over").format(
        day=day_month(week.start, short=True),
        planned=hours(week.planned_minutes),
        available=hours(week.available_minutes),
        over=hours(warning.over_minutes),
    )
    count = len(warning.movable)
    if count:
        text += "; " + ngettext("{n} task could move", "{n} tasks could move", count).format(n=count)
    hint = " · " + _("p plan")
    room = width - 2 - render.cells(hint)
    return Content.assemble(
        render.label("‼ ", "bold $text-error"),
        render.fit(text, room, "bold $text-warning"),
        render.label(hint, "$text-muted"),
    )


class TodaySummary(Static):
    """Two to four lines under the triage: an overloaded week ahead (only when there is one),
    capacity, timer and unbilled time, notes."""

    DEFAULT_CSS = """
    TodaySummary {
        height: auto;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._triage: Triage | None = None
        self._warning: Warning | None = None

    def show(self, triage: Triage | None) -> None:
        """Show the summary of ``triage`` (or a waiting line while it loads)."""
        self._triage = triage
        if triage is None:
            self.update(render.label(_("Opening the workspace…"), "$text-muted"))
            return
        lines = [capacity_line(triage.capacity), timer_line(triage)]
        if self._warning is not None:
            lines.insert(0, warning_line(self._warning, self.content_region.width or 78))
        if triage.notes:
            lines.append(render.text("  ".join(triage.notes), "$text-warning"))
        self.update(Content("\n").join(lines))

    def show_warning(self, warning: Warning | None) -> None:
        """Show (or drop) the early-warning line."""
        if warning == self._warning:
            return
        self._warning = warning
        if self._triage is not None:
            self.show(self._triage)

    def on_resize(self) -> None:
        """Fit the warning line to the new width."""
        if self._warning is not None and self._triage is not None:
            self.show(self._triage)
