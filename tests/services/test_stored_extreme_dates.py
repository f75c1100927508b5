"""Use cases over a workspace that holds dates outside the business range (written before
the range was checked, or by hand): they finish, and what they write is in range."""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers.refusals import seed_extreme_dates
from vatui.domain.dates import in_business_range
from vatui.domain.tasks import Task
from vatui.services.tasks.manage import add_task, complete_task
from vatui.services.today.triage import triage
from vatui.store.workspace import Workspace


@pytest.mark.parametrize("stored", ["9999-12-31", "0001-01-01"])
def test_completing_a_recurring_task_due_at_the_end_of_the_calendar(ws: Workspace, stored: str) -> None:
    task = add_task(ws, "Weekly report", due=date(2026, 11, 27), recurrence="weekly")
    with ws.transaction("hand edit") as tx:
        tx.update("tasks", task.id or 0, {"due": stored})
    _done, following = complete_task(ws, task.id or 0)
    assert following is not None and following.due is not None
    assert in_business_range(following.due)
    assert following.due > date(2026, 11, 27)


def test_today_over_extreme_dates_lists_without_crashing(ws: Workspace) -> None:
    seed_extreme_dates(ws)
    view = triage(ws)
    assert view is not None
    assert all(isinstance(t, Task) for t in ws.all(Task))
