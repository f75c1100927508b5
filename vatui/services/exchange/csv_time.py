"""Time rows of a CSV file (a Toggl Track or Clockify detailed report, or any timesheet).

Each row becomes a finished time entry. Its start is the start date and time, read in the
VA's home timezone unless the cell carries an offset (``2026-11-02T09:00:00+01:00``), and
stored in UTC. Its length is the duration (``1:30:00``, ``1,5``, ``90m``), else the decimal
hours, else end minus start. It goes to the client named on the row (accent- and
case-insensitive; an unknown one is a problem unless ``--create-clients``) and to the task
whose title is the row's task or project within that client, else to one new task per
project. Each row has a stable key (``csv:`` + a hash of what it says), kept on the entry,
so importing the same report again adds nothing twice.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from vatui.domain.dates import check_business_date
from vatui.domain.errors import InputError
from vatui.domain.localtime import check_zone
from vatui.domain.tasks import Task, TimeEntry, check_time_note
from vatui.domain.text import MAX_TITLE, check_text, clean
from vatui.i18n import _
from vatui.services.exchange.csv_import import client_ref, dayfirst_of
from vatui.services.exchange.csv_map import Mapping, cell
from vatui.services.exchange.csv_read import (
    CsvTable,
    parse_clock,
    parse_day,
    parse_hours,
    parse_span,
    parse_yes,
)
from vatui.services.exchange.import_plan import ImportPlan, Progress, Reader, Ref, client_index, fold
from vatui.services.queries import task_docs, time_docs

MAX_ENTRY_MINUTES = 24 * 60
"""The longest single time entry accepted, as for ``vatui time add``."""


def _moment(day_text: str, clock_text: str, zone: ZoneInfo, dayfirst: bool) -> datetime:
    """A UTC moment from a date cell and a time cell (or one cell holding both)."""
    text = day_text.strip()
    if not clock_text and ("T" in text or " " in text):
        try:
            stamp = datetime.fromisoformat(text)
        except ValueError:
            text, _sep, clock_text = text.partition(" ")
        else:
            check_business_date(stamp.date(), text[:40])
            return (stamp if stamp.tzinfo else stamp.replace(tzinfo=zone)).astimezone(UTC)
    day: date = parse_day(text, dayfirst=dayfirst)
    at = parse_clock(clock_text) if clock_text.strip() else time(0, 0)
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def _zone(text: str, home: ZoneInfo, zones: dict[str, ZoneInfo]) -> ZoneInfo:
    """The zone a row's times are in: its timezone cell (``vatui export csv`` writes one), else home."""
    if not text:
        return home
    if text not in zones:
        zones[text] = ZoneInfo(check_zone(text))
    return zones[text]


def _minutes(row: tuple[str, ...], mapping: Mapping, start: datetime, zone: ZoneInfo, dayfirst: bool) -> int:
    duration = cell(row, mapping, "duration")
    if duration:
        return parse_span(duration)
    hours = cell(row, mapping, "hours")
    if hours:
        return parse_hours(hours)
    end_time = cell(row, mapping, "end_time")
    if end_time:
        end_day = cell(row, mapping, "end_date") or cell(row, mapping, "start_date")
        end = _moment(end_day, end_time, zone, dayfirst)
        if end <= start:
            raise InputError(_("the end is not after the start"))
        return max(1, -(-int((end - start).total_seconds()) // 60))
    raise InputError(_("no duration, hours or end time"))


def row_key(parts: list[str], seen: dict[str, int]) -> str:
    """A stable key for a row: a hash of what it says, plus its place among identical rows."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=10).hexdigest()
    seen[digest] = seen.get(digest, 0) + 1
    return f"csv:{digest}" if seen[digest] == 1 else f"csv:{digest}:{seen[digest]}"


def plan_time(
    reader: Reader,
    plan: ImportPlan,
    table: CsvTable,
    mapping: Mapping,
    *,
    create_clients: bool,
    now: datetime,
    date_order: str | None = None,
    progress: Progress | None = None,
) -> None:
    """Add a time entry to ``plan`` for every row not imported before."""
    settings = reader.settings()
    zone = ZoneInfo(settings.home_timezone)
    dayfirst = dayfirst_of(plan, table, mapping, ("start_date", "end_date"), date_order)
    zones: dict[str, ZoneInfo] = {}
    if "timezone" in mapping.columns:
        plan.mapping.append(
            (
                _("times"),
                _("local to each row's timezone ({zone} when empty), stored in UTC").format(
                    zone=settings.home_timezone
                ),
            )
        )
    else:
        plan.mapping.append(
            (_("times"), _("local to {zone}, stored in UTC").format(zone=settings.home_timezone))
        )
    known = client_index(reader)
    imported = {str(d["source"]) for d in time_docs(reader).values() if d.get("source")}
    tasks: dict[tuple[str, int | None], int] = {}
    for key, doc in sorted(task_docs(reader).items(), key=lambda kv: int(kv[0])):
        tasks.setdefault((fold(str(doc.get("title", ""))), doc.get("client_id")), int(key))
    seen: dict[str, int] = {}
    total = len(table.rows)
    for n, (line, row) in enumerate(table.rows, start=1):
        if progress is not None and n % 500 == 0:
            progress(n / total / 2)
        try:
            row_zone = _zone(cell(row, mapping, "timezone"), zone, zones)
            start = _moment(
                cell(row, mapping, "start_date"), cell(row, mapping, "start_time"), row_zone, dayfirst
            )
            minutes = _minutes(row, mapping, start, row_zone, dayfirst)
            if minutes > MAX_ENTRY_MINUTES:
                raise InputError(_("{h} hours in one entry: at most 24").format(h=minutes // 60))
            billable_text = cell(row, mapping, "billable")
            billable = parse_yes(billable_text) if billable_text else True
            client_name = clean(cell(row, mapping, "client"))
            project = check_text(clean(cell(row, mapping, "project")), _("the title"), MAX_TITLE)
            task_name = check_text(clean(cell(row, mapping, "task")), _("the title"), MAX_TITLE)
            note = check_time_note(clean(cell(row, mapping, "description")))
        except InputError as exc:
            plan.problem(line, str(exc))
            continue
        key = row_key(
            [fold(client_name), fold(project), fold(task_name), note, start.isoformat(), str(minutes)], seen
        )
        label = _("{when} {minutes} min {what}").format(
            when=start.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
            minutes=minutes,
            what=note or project or task_name,
        )
        if key in imported:
            plan.add("skip", "time", label, _("imported before"))
            continue
        client = client_ref(
            plan, known, client_name, line, now, create=create_clients, currency=settings.default_currency
        )
        task = _task_for(plan, tasks, client, task_name, project, now, settings.columns[0])
        entry = TimeEntry(
            start=start,
            end=start + timedelta(minutes=minutes),
            minutes=minutes,
            note=note,
            billable=billable,
            source=key,
        )
        plan.new_time.append((entry, task, client))
        plan.add("add", "time", label, project or task_name)
    if progress is not None:
        progress(0.5)


def _task_for(
    plan: ImportPlan,
    tasks: dict[tuple[str, int | None], int],
    client: Ref,
    task_name: str,
    project: str,
    now: datetime,
    column: str,
) -> Ref:
    """The task a row's time goes to: an existing one by title within the client, else one per project."""
    existing_client = client if isinstance(client, int) or client is None else -1
    for title in (task_name, project):
        if title and (fold(title), existing_client) in tasks:
            return tasks[(fold(title), existing_client)]
    title = project or task_name or _("Imported time")
    key = f"task:{client}:{fold(title)}"
    if key not in plan.new_tasks:
        plan.new_tasks[key] = (Task(title=title, column=column, created=now, updated=now), client)
        plan.add("add", "task", title, column)
    return key
