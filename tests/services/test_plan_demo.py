"""The demo workspace shows the plan's feature: a week over capacity within three weeks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from vatui.demo.workspace import generate
from vatui.domain.clock import FixedClock
from vatui.services.common import home_today
from vatui.services.plan.forecast import build_plan, early_warning
from vatui.store.workspace import Workspace


@pytest.mark.parametrize("days", range(7))
@pytest.mark.parametrize("clients", [5, 1])
def test_the_demo_has_a_week_over_capacity_whatever_the_weekday(
    tmp_path: Path, days: int, clients: int
) -> None:
    clock = FixedClock(datetime(2026, 11, 23, 9, 30, tzinfo=UTC) + timedelta(days=days))
    ws = Workspace.open(tmp_path, clock)
    generate(ws, clients=clients, seed=7)
    today = home_today(ws)
    warning = early_warning(build_plan(ws, weeks=3), today)
    assert warning is not None
    assert warning.over_minutes > 0
    assert warning.week.timeoff_minutes == 3 * 8 * 60  # the demo's three days off
    assert all(item.due is not None and item.due > warning.week.end for item in warning.movable)
    ws.close()
