"""Under the Plan's weeks: the selected week by client, the undated tasks, the corrections."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from vatui.domain.dates_display import day_month
from vatui.domain.durations import format_duration
from vatui.domain.money_display import tenths_text
from vatui.i18n import _, ngettext
from vatui.ui import render
from vatui.ui.widgets.plan_weeks import client_style, hours, segment_glyph

if TYPE_CHECKING:
    from datetime import date

    from vatui.domain.forecast import Correction, Plan, PlanItem, Week


def week_span(start: date, end: date) -> str:
    """``14–20 Dec`` (``28 Dec–3 Jan`` across months)."""
    if start.month == end.month:
        return f"{start.day}–{day_month(end, short=True)}"
    return f"{day_month(start, short=True)}–{day_month(end, short=True)}"


def clients_line(week: Week, names: Mapping[int, str]) -> Content:
    """``14–20 Dec (holiday 8 Dec · 8h off): █ Acme 20h ▓ Café Olé 12h ▒ Beta 4h (log)``."""
    notes = [_("holiday {day}").format(day=day_month(day, short=True)) for day, _name in week.holidays]
    if week.timeoff_minutes > 0:
        notes.append(_("{hours} off").format(hours=format_duration(week.timeoff_minutes)))
    parts: list[Content | str] = [render.label(week_span(week.start, week.end), "bold")]
    if notes:
        parts.append(render.label(" (" + " · ".join(notes) + ")", "$text-warning"))
    parts.append(render.label(":", "bold"))
    for index, load in enumerate(week.clients):
        name = load.name or (names.get(load.client_id, "") if load.client_id is not None else "")
        parts += [
            " ",
            render.label(segment_glyph(load, index), client_style(load.client_id)),
            " ",
            render.fit(name or _("no client"), 20, client_style(load.client_id)),
            render.label(" " + format_duration(load.minutes)),
        ]
        if load.source == "log":
            parts.append(render.label(" " + _("(log)"), "$text-muted"))
        elif load.source == "retainer":
            parts.append(render.label(" " + _("(retainer)"), "$text-muted"))
    if not week.clients:
        parts.append(render.label(" " + _("nothing planned"), "$text-muted"))
    return Content.assemble(*parts)


def undated_line(undated: tuple[PlanItem, ...]) -> Content:
    """``Undated: 5 tasks, 12 h — in no week until they get a due date``."""
    if not undated:
        return render.label(
            _("Undated: none (every open task with an estimate has a due date)"), "$text-muted"
        )
    minutes = sum(item.minutes for item in undated)
    count = ngettext("{n} task", "{n} tasks", len(undated)).format(n=len(undated))
    return Content.assemble(
        render.label(_("Undated: "), "bold"),
        render.label(
            _("{count}, {hours} h — in no week until they get a due date").format(
                count=count, hours=hours(minutes)
            )
        ),
    )


def corrections_line(corrections: tuple[Correction, ...]) -> Content:
    """``Corrections: Café Olé ×1.3 (6 tasks) · Acme ×0.8 (3 tasks)``."""
    if not corrections:
        return render.label(_("Corrections: none (estimates counted as you wrote them)"), "$text-muted")
    parts: list[Content | str] = [render.label(_("Corrections: "), "bold")]
    for index, fix in enumerate(corrections):
        if index:
            parts.append(" · ")
        factor = f"×{tenths_text(fix.factor_tenths)}"
        parts += [
            render.fit(fix.name, 20, client_style(fix.client_id)),
            render.label(f" {factor} "),
            render.label(ngettext("({n} task)", "({n} tasks)", fix.tasks).format(n=fix.tasks), "$text-muted"),
        ]
    return Content.assemble(*parts)


class PlanSummary(Static):
    """Three lines: the selected week by client, the undated tasks, the corrections."""

    DEFAULT_CSS = """
    PlanSummary {
        height: auto;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def show(self, plan: Plan | None, week: Week | None, names: Mapping[int, str]) -> None:
        """Show the summary (a waiting line before the plan is read)."""
        if plan is None:
            self.update(render.label(_("Reading the plan…"), "$text-muted"))
            return
        lines = [
            clients_line(week, names) if week is not None else Content(""),
            undated_line(plan.undated),
            corrections_line(plan.corrections),
        ]
        content = Content("\n").join(lines)
        shown = self.content
        if isinstance(shown, Content) and shown.is_same(content):
            return  # the same three lines (another plan after a move): nothing to draw
        self.update(content, layout=self.styles.auto_dimensions)  # the Plan's is 4 lines high
