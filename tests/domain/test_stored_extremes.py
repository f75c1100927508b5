"""Readers of stored dates: a date far outside the business range never crashes them.

A workspace may hold any date a ``date`` can (written before the range was checked, or by
hand); the reminder arithmetic of such an invoice used to overflow (issue 8).
"""

from __future__ import annotations

from datetime import date

import pytest

from vatui.domain.dunning import due_step, step_date
from vatui.domain.settings import DEFAULT_PROTOCOL

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize("due", [date.max, date(9999, 12, 17), date.min, date(1, 1, 2)])
def test_reminder_steps_of_an_extreme_due_date_do_not_overflow(due: date) -> None:
    for step in DEFAULT_PROTOCOL:
        assert date.min <= step_date(due, step) <= date.max
    # A first reminder is the latest step that has come, but never the "work paused" one
    # while an earlier step exists (the escalation rule in vatui.domain.dunning).
    first = max(i for i, step in enumerate(DEFAULT_PROTOCOL) if not step.pauses_work)
    expected = None if due > TODAY else first
    assert due_step(due, (), DEFAULT_PROTOCOL, TODAY) == expected
    assert due_step(due, (), DEFAULT_PROTOCOL, date.max) == first


def test_stored_moments_at_the_ends_of_the_calendar_can_be_shown_in_any_zone() -> None:
    from datetime import UTC, datetime, timedelta, timezone
    from zoneinfo import ZoneInfo

    from vatui.domain.dates import MOMENT_MAX, MOMENT_MIN, clamp_moment
    from vatui.domain.tasks import Task

    late = datetime(9999, 12, 31, 23, 59, tzinfo=UTC)
    early = datetime(1, 1, 1, 0, 0, tzinfo=UTC)
    west = datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-5)))  # past date.max in UTC
    assert clamp_moment(late) == MOMENT_MAX and clamp_moment(early) == MOMENT_MIN
    assert clamp_moment(west) == MOMENT_MAX
    normal = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
    assert clamp_moment(normal) is normal
    task = Task.from_doc(
        {
            "title": "t",
            "column": "Inbox",
            "created": "9999-12-31T23:59:00+00:00",
            "completed": "0001-01-01T00:00:00+00:00",
            "updated": "2026-11-27T09:30:00+00:00",
        }
    )
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        assert task.created.astimezone(ZoneInfo(zone)).year == 9999
        assert task.completed is not None and task.completed.astimezone(ZoneInfo(zone)).year == 1
