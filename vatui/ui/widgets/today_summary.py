"""Under Today's list: the week's capacity, the running timer, unbilled time, notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from vatui.domain.durations import format_duration
from vatui.i18n import _
from vatui.ui import render

if TYPE_CHECKING:
    from vatui.services.today import Capacity, Triage


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


class TodaySummary(Static):
    """Two or three lines under the triage: capacity, timer and unbilled time, notes."""

    DEFAULT_CSS = """
    TodaySummary {
        height: auto;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def show(self, triage: Triage | None) -> None:
        """Show the summary of ``triage`` (or a waiting line while it loads)."""
        if triage is None:
            self.update(render.label(_("Opening the workspace…"), "$text-muted"))
            return
        lines = [capacity_line(triage.capacity), timer_line(triage)]
        if triage.notes:
            lines.append(render.text("  ".join(triage.notes), "$text-warning"))
        self.update(Content("\n").join(lines))
