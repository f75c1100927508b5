"""The VA's own day and week in the services: home_timezone and week_start."""

from __future__ import annotations

from datetime import UTC, date, datetime

from vatui.domain.clock import FixedClock
from vatui.domain.tasks import Task
from vatui.services.settings.edit import set_settings
from vatui.services.tasks.manage import add_task
from vatui.services.today.triage import capacity, triage
from vatui.store.workspace import Workspace


def test_no_time_yesterday_counts_the_days_at_home(ws: Workspace, clock: FixedClock) -> None:
    set_settings(ws, {"home_timezone": "America/Bogota"})
    # Wednesday 25 November, 20:00 in Bogotá = Thursday 26 November 01:00 UTC: logged "before
    # Thursday" at home, though its UTC date is Thursday.
    with ws.transaction("time") as tx:
        tx.insert(
            "time",
            {
                "start": datetime(2026, 11, 26, 1, 0, tzinfo=UTC).isoformat(),
                "end": datetime(2026, 11, 26, 2, 0, tzinfo=UTC).isoformat(),
                "minutes": 60,
                "task_id": None,
                "client_id": None,
                "billable": True,
                "note": "",
            },
        )
    result = triage(ws, date(2026, 11, 27))  # Friday: nothing logged on Thursday at home
    assert "No time logged yesterday." in result.notes


def test_the_week_starts_on_the_setting(ws: Workspace, clock: FixedClock) -> None:
    add_task(ws, "Sunday job", due=date(2026, 11, 29), estimate_minutes=60)
    tasks = ws.all(Task)
    now = clock.now()
    saturday = date(2026, 11, 28)
    assert capacity(ws, saturday, tasks, now).planned_minutes == 60  # Monday 23 to Sunday 29
    set_settings(ws, {"week_start": "sunday"})
    assert capacity(ws, saturday, tasks, now).planned_minutes == 0  # Sunday 22 to Saturday 28
