"""Draft a client's weekly status report, and log it as a contact once it is sent.

The week runs Monday to Sunday (home time) and contains the date asked for (today by
default). What goes in each section:

- **Done**: the client's tasks completed in the week.
- **In progress**: open tasks in the doing column, and open tasks (not waiting) with time
  logged in the week; with the time logged on each.
- **Waiting on you**: open tasks in the waiting column; "since" is when the task last
  changed (it moved there then), counted to the week's end or today, whichever is first.
- **Hours**: logged for the client in the week; this month up to that day, against the
  retainer when there is one.
- **Next**: other open tasks, the next column first, then by due date (at most
  ``MAX_NEXT``).
- **Notes**: client notes written in the week; confidential ones only when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from vatui.domain.business import signature
from vatui.domain.clients import Client, Contact
from vatui.domain.dates_display import format_date
from vatui.domain.errors import InputError
from vatui.domain.status_report import (
    Block,
    ReportLine,
    ReportNote,
    StatusReportData,
    blocks_markdown,
    report_blocks,
)
from vatui.domain.tasks import Task
from vatui.i18n import _
from vatui.services.clients.contacts import log_contact
from vatui.services.common import home_today
from vatui.services.documents.locale import document_locale
from vatui.services.queries import task_docs, time_docs
from vatui.store.workspace import Workspace

MAX_NEXT = 8
"""Tasks listed under "Next"."""


@dataclass(frozen=True, slots=True)
class StatusReport:
    """A drafted report."""

    client_id: int
    """Who it is for."""
    week_start: date
    """Monday of the week."""
    week_end: date
    """Sunday of the week."""
    text: str
    """The report, Markdown."""
    blocks: tuple[Block, ...] = ()
    """The same report as blocks (title, headings, items), for the other formats."""

    @property
    def filename(self) -> str:
        """A file name to save it under."""
        return f"status-{self.week_start.isoformat()}.md"


def week_of(day: date, week_start: str = "monday") -> tuple[date, date]:
    """The first and last day of the week containing ``day`` (the ``week_start`` setting)."""
    from vatui.domain.weeks import week_first_day

    first = week_first_day(day, week_start)
    return first, first + timedelta(days=6)


def draft_status_report(
    ws: Workspace,
    client_id: int,
    week: date | None = None,
    *,
    confidential: bool = False,
) -> StatusReport:
    """The weekly report for the week containing ``week`` (this week by default)."""
    ws.refresh()
    client = ws.get(Client, client_id)
    today = home_today(ws)
    start, end = week_of(week or today, ws.settings().week_start)
    if start > today:
        raise InputError(_("that week has not started yet"))
    as_of = min(end, today)
    settings = ws.settings()
    zone = ZoneInfo(settings.home_timezone)

    def local_day(moment: datetime) -> date:
        return moment.astimezone(zone).date()

    lo = datetime.combine(start, time(0), tzinfo=zone).astimezone(UTC).isoformat()
    hi = datetime.combine(end + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC).isoformat()
    month_lo = datetime.combine(as_of.replace(day=1), time(0), tzinfo=zone).astimezone(UTC).isoformat()
    month_hi = datetime.combine(as_of + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC).isoformat()
    per_task: dict[int, int] = {}
    week_minutes = month_minutes = 0
    for doc in time_docs(ws).values():
        if doc.get("client_id") != client_id or doc.get("end") is None:
            continue
        start_iso, minutes = str(doc["start"]), int(doc.get("minutes", 0))
        if lo <= start_iso < hi:
            week_minutes += minutes
            if doc.get("task_id") is not None:
                per_task[int(doc["task_id"])] = per_task.get(int(doc["task_id"]), 0) + minutes
        if month_lo <= start_iso < month_hi:
            month_minutes += minutes

    done: list[ReportLine] = []
    doing: list[ReportLine] = []
    waiting: list[ReportLine] = []
    rest: list[Task] = []
    for key, doc in task_docs(ws).items():
        if doc.get("client_id") != client_id:
            continue
        task = Task.from_doc(doc, int(key))
        if task.completed is not None:
            if lo <= task.completed.astimezone(UTC).isoformat() < hi:
                done.append(ReportLine(task.title, local_day(task.completed), per_task.get(task.id or 0, 0)))
            continue
        if task.column == settings.done_column:
            continue
        if task.column == settings.waiting_column:
            waiting.append(ReportLine(task.title, local_day(task.updated)))
        elif task.column == settings.doing_column or per_task.get(task.id or 0):
            doing.append(ReportLine(task.title, task.due, per_task.get(task.id or 0, 0)))
        else:
            rest.append(task)
    next_col = settings.columns[1] if len(settings.columns) > 1 else None
    rest.sort(key=lambda t: (t.column != next_col, t.due is None, t.due or date.max, t.position))
    notes = tuple(
        ReportNote(n.text, n.confidential) for n in client.notes if start <= local_day(n.created) <= end
    )
    data = StatusReportData(
        client=client.name,
        week_start=start,
        week_end=end,
        as_of=as_of,
        business=signature(settings),
        done=tuple(sorted(done, key=lambda r: r.when or start)),
        in_progress=tuple(doing),
        waiting=tuple(sorted(waiting, key=lambda r: r.when or start)),
        next_up=tuple(ReportLine(t.title, t.due) for t in rest[:MAX_NEXT]),
        week_minutes=week_minutes,
        month_minutes=month_minutes,
        retainer_minutes=client.retainer_minutes,
        notes=notes,
        include_confidential=confidential,
    )
    with document_locale(settings, client):  # the client's language, whatever the UI's
        blocks = report_blocks(data)
    return StatusReport(client_id, start, end, blocks_markdown(blocks), tuple(blocks))


def mark_report_sent(
    ws: Workspace,
    client_id: int,
    week_start: date,
    *,
    channel: str | None = None,
) -> Contact:
    """Log the report as an outgoing contact on the client's preferred channel (else e-mail)."""
    client = ws.get(Client, client_id)
    kind = channel or client.preferred_channel or "email"
    summary = _("Weekly status report sent (week of {day})").format(day=format_date(week_start, "%d %b %Y"))
    return log_contact(ws, client_id, channel=kind, summary=summary, direction="out")
