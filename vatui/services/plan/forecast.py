"""The season forecast: the workspace read into ``vatui.domain.forecast``'s arithmetic.

``build_plan`` reads tasks, clients, the time log, time off, the settings and (only when
``holiday_country`` is set) the public holidays, and returns a ``Plan``. ``early_warning``
finds the first overloaded week of the next three. Moving a task is the tasks service's
``reschedule_task``: the plan only proposes.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from vatui.domain import forecast
from vatui.domain.dates import MAX_DATE, end_of_month
from vatui.domain.forecast import Plan, PlanInputs, Warning
from vatui.domain.timeoff import TimeOff
from vatui.domain.weeks import week_first_day, work_day_numbers
from vatui.i18n import language
from vatui.services.common import home_today
from vatui.services.plan.reading import SHARED, PlanReader
from vatui.store.workspace import Workspace

__all__ = ["build_plan", "early_warning", "plan_json", "plan_timeoff", "window"]

MAX_WEEKS = 52
"""The most weeks a plan looks ahead."""


def window(ws: Workspace, start: date | None = None, weeks: int | None = None) -> tuple[date, date]:
    """The first and last day of the weeks a plan of ``weeks`` from ``start`` covers."""
    settings = ws.settings()
    count = min(max(weeks or settings.forecast_weeks, 1), MAX_WEEKS)
    first = week_first_day(start or home_today(ws), settings.week_start)
    return first, min(first + timedelta(days=7 * count - 1), MAX_DATE)


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _days_off(records: list[TimeOff], first: date, last: date) -> frozenset[date]:
    days: set[date] = set()
    for record in records:
        day = max(record.start, first)
        while day <= min(record.end, last):
            days.add(day)
            day += timedelta(days=1)
    return frozenset(days)


def plan_timeoff(ws: Workspace, plan: Plan) -> list[TimeOff]:
    """The time-off records that touch the plan's weeks."""
    from vatui.services.plan.timeoff import list_timeoff

    if not plan.weeks:
        return []
    return list_timeoff(ws, first=plan.weeks[0].start, last=plan.weeks[-1].end)


def build_plan(
    ws: Workspace,
    *,
    start: date | None = None,
    weeks: int | None = None,
    correction: bool | None = None,
    reader: PlanReader | None = None,
) -> Plan:
    """The forecast of ``weeks`` weeks (the ``forecast_weeks`` setting by default, at most
    ``MAX_WEEKS``) from the week of ``start`` (today at home by default); estimates
    corrected per client unless ``correction`` (else the ``forecast_correction`` setting)
    says not to. ``InputError`` when the holiday settings name what the calendar lacks.

    Reads the workspace as it is (no ``refresh``: the app's own once-a-second check must be
    the one that sees another session's change, and reloads the pane), through ``reader``
    (``reading.SHARED`` by default): what it read for the last plan is reused where its
    table did not change, so a plan after moving one task re-reads that task only."""
    settings = ws.settings()
    today = home_today(ws)
    count = min(max(weeks or settings.forecast_weeks, 1), MAX_WEEKS)
    first, last_day = window(ws, start, count)
    horizon = max(end_of_month(last_day), today)
    lookback = today - timedelta(weeks=forecast.LOG_WEEKS)
    holidays: dict[date, str] = {}
    if settings.holiday_country:
        from vatui.domain.public_holidays import holidays_between

        holidays = holidays_between(
            settings.holiday_country, settings.holiday_region, min(first, today), horizon, language()
        )
    reader = reader or SHARED
    since, done = min(lookback, today.replace(day=1)), settings.done_column
    clients = reader.clients(ws)
    use = settings.forecast_correction if correction is None else correction
    inputs = PlanInputs(
        tasks=reader.tasks(ws, done),
        clients=clients,
        logged=reader.logged(ws, since),
        weekly_minutes=settings.weekly_hours * 60,
        week_start=settings.week_start,
        work_days=work_day_numbers(settings.work_days),
        holidays=holidays,
        days_off=_days_off(ws.all(TimeOff), min(first, today), horizon),
        done_column=settings.done_column,
        waiting_column=settings.waiting_column,
        logged_on=reader.logged_by_task(ws, since),
        corrections=reader.corrections(ws, since, forecast.client_names(clients), done) if use else None,
    )
    return forecast.build(inputs, today, start=start or today, weeks=count, correction=use)


def early_warning(plan: Plan, today: date) -> Warning | None:
    """The first week of the next three (this one included) with more planned than available,
    its excess, and the tasks that could move out of it without passing their due date."""
    return forecast.early_warning(plan, today)


def _item_json(item: forecast.PlanItem) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "task_id": item.task_id,
        "client_id": item.client_id,
        "title": item.title,
        "minutes": item.minutes,
        "due": item.due.isoformat() if item.due else None,
        "priority": item.priority,
    }


def plan_json(plan: Plan, timeoff: list[TimeOff]) -> dict[str, Any]:
    """The stable ``vatui plan --json`` shape (documented in the README)."""

    def week_json(week: forecast.Week) -> dict[str, Any]:
        return {
            "start": week.start.isoformat(),
            "end": week.end.isoformat(),
            "available_minutes": week.available_minutes,
            "planned_minutes": week.planned_minutes,
            "percent": week.percent,
            "flag": week.flag,
            "timeoff_minutes": week.timeoff_minutes,
            "clients": [
                {"client_id": c.client_id, "name": c.name, "minutes": c.minutes, "source": c.source}
                for c in week.clients
            ],
            "items": [_item_json(i) for i in week.items],
            "holidays": [{"date": d.isoformat(), "name": name} for d, name in week.holidays],
            "timeoff": [
                {"id": t.id, "from": t.start.isoformat(), "to": t.end.isoformat(), "note": t.note}
                for t in timeoff
                if t.end >= week.start and t.start <= week.end
            ],
        }

    return {
        "from": plan.start.isoformat(),
        "weeks": [week_json(w) for w in plan.weeks],
        "undated": {
            "count": len(plan.undated),
            "minutes": plan.undated_minutes,
            "items": [_item_json(i) for i in plan.undated],
        },
        "corrections": [
            {
                "client_id": c.client_id,
                "name": c.name,
                "factor_tenths": c.factor_tenths,
                "factor": f"{c.factor_tenths // 10}.{c.factor_tenths % 10}",
                "tasks": c.tasks,
            }
            for c in plan.corrections
        ],
    }
