"""A plan read again after a change (the reader keeps what did not change) is exactly the plan
read from scratch: on many random moves, and on the other changes that touch what it keeps."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest

from vatui.demo.workspace import generate
from vatui.domain import forecast
from vatui.domain.clock import FixedClock
from vatui.domain.errors import VatuiError
from vatui.domain.forecast import Plan, PlanInputs
from vatui.domain.tasks import Task
from vatui.services.clients.manage import add_client, edit_client
from vatui.services.common import home_today
from vatui.services.plan.forecast import build_plan
from vatui.services.plan.reading import PlanReader
from vatui.services.session import Session
from vatui.services.settings.edit import set_settings
from vatui.services.settings.theme import set_setting
from vatui.services.tasks.manage import (
    complete_task,
    edit_task,
    move_task,
    reopen_task,
    reschedule_task,
    snooze_task,
)
from vatui.services.tasks.timer import add_time
from vatui.store.workspace import Workspace


@pytest.fixture
def demo(tmp_path: Path, clock: FixedClock) -> Workspace:
    ws = Workspace.open(tmp_path / "demo", clock)
    generate(ws, clients=4, seed=7)
    return ws


def _open_dated(ws: Workspace) -> list[Task]:
    settings = ws.settings()
    return [
        t
        for t in ws.all(Task)
        if t.due is not None and not t.is_done and t.column not in (settings.done_column,)
    ]


def _assert_same(ws: Workspace, kept: PlanReader, **options: object) -> None:
    """The kept reader's plan is the fresh reader's, and that is the domain's own plan of
    the same inputs with nothing handed in precomputed (the minutes per task, corrections)."""
    seen: list[tuple[PlanInputs, date, dict[str, Any]]] = []
    real = forecast.build

    def spy(inputs: PlanInputs, today: date, **kw: Any) -> Plan:
        seen.append((inputs, today, kw))
        return real(inputs, today, **kw)

    with patch.object(forecast, "build", spy):
        incremental = build_plan(ws, reader=kept, **options)  # type: ignore[arg-type]
        fresh = build_plan(ws, reader=PlanReader(), **options)  # type: ignore[arg-type]
    assert incremental == fresh
    inputs, today, kw = seen[-1]
    assert inputs.logged_on is not None
    assert real(replace(inputs, logged_on=None, corrections=None), today, **kw) == fresh


@pytest.mark.parametrize("seed", range(4))
def test_after_random_moves_the_kept_plan_is_the_plan_read_afresh(demo: Workspace, seed: int) -> None:
    rng = random.Random(seed)
    kept = PlanReader()
    _assert_same(demo, kept)
    today = home_today(demo)
    for _step in range(25):
        task = rng.choice(_open_dated(demo))
        assert task.id is not None and task.due is not None
        due = max(task.due + timedelta(weeks=rng.choice((-2, -1, 1, 2, 5))), today)
        reschedule_task(demo, task.id, due)
        _assert_same(demo, kept)
        if rng.random() < 0.3:
            demo.undo()
            _assert_same(demo, kept)


def test_moves_between_plans_of_other_shapes_stay_exact(demo: Workspace) -> None:
    """Today's three weeks, the pane's default, and a plan without corrections share a reader."""
    rng = random.Random(11)
    kept = PlanReader()
    for _step in range(12):
        task = rng.choice(_open_dated(demo))
        assert task.id is not None and task.due is not None
        reschedule_task(demo, task.id, task.due + timedelta(weeks=1))
        _assert_same(demo, kept, weeks=3)
        _assert_same(demo, kept)
        _assert_same(demo, kept, weeks=12, correction=False)


def _changes(ws: Workspace, rng: random.Random) -> list[Callable[[], object]]:
    """Changes to each table (and setting) the plan reads, made at random."""
    settings = ws.settings()
    task = rng.choice(_open_dated(ws))
    assert task.id is not None and task.due is not None
    tid, client_id = task.id, task.client_id
    today = home_today(ws)

    def done_then_reopened() -> None:
        complete_task(ws, tid)
        reopen_task(ws, tid)

    return [
        lambda: complete_task(ws, tid),
        done_then_reopened,
        lambda: edit_task(ws, tid, estimate_minutes=rng.randint(30, 900)),
        lambda: move_task(ws, tid, settings.waiting_column),
        lambda: snooze_task(ws, tid, today + timedelta(days=rng.randint(1, 20))),
        lambda: reschedule_task(ws, tid, None),
        lambda: add_time(ws, tid, rng.randint(15, 240), today),
        lambda: add_time(ws, None, rng.randint(15, 240), today - timedelta(days=3), client_id=client_id),
        lambda: add_time(ws, tid, rng.randint(15, 240), today - timedelta(days=90)),
        lambda: add_client(ws, f"New client {rng.randint(1, 10_000)}"),
        lambda: edit_client(ws, client_id or 1, retainer_minutes=rng.choice((None, 600, 2400))),
        lambda: set_settings(ws, {"weekly_hours": str(rng.choice((20, 32, 40)))}),
        lambda: set_settings(
            ws, {"columns": ",".join((*settings.columns[:-1], f"Done {rng.randint(1, 9)}"))}
        ),
        lambda: set_setting(ws, "done_column", rng.choice(settings.columns)),  # a hand edit
        lambda: set_settings(ws, {"home_timezone": rng.choice(("Europe/Madrid", "Pacific/Kiritimati"))}),
    ]


@pytest.mark.parametrize("seed", range(3))
def test_other_changes_between_plans_stay_exact(demo: Workspace, seed: int) -> None:
    rng = random.Random(100 + seed)
    kept = PlanReader()
    _assert_same(demo, kept)
    for _step in range(30):
        change = rng.choice(_changes(demo, rng))
        try:
            change()
        except VatuiError:  # a change the demo refuses (a rule) changes nothing
            pass
        _assert_same(demo, kept)
        if rng.random() < 0.2:
            demo.undo()
            _assert_same(demo, kept)


def test_a_move_rereads_the_moved_task_only(demo: Workspace) -> None:
    """What makes the bars fast: after a move, the time log read and every other task are
    the very objects the last plan used."""
    kept = PlanReader()
    tasks = kept.tasks(demo, demo.settings().done_column)
    since = home_today(demo) - timedelta(weeks=8)
    logged = kept.logged(demo, since)
    clients = kept.clients(demo)
    names = forecast.client_names(clients)
    fixes = kept.corrections(demo, since, names, demo.settings().done_column)
    task = _open_dated(demo)[0]
    assert task.id is not None and task.due is not None
    reschedule_task(demo, task.id, task.due + timedelta(weeks=1))
    again = kept.tasks(demo, demo.settings().done_column)
    assert again != tasks
    changed = [(a, b) for a, b in zip(tasks, again, strict=True) if a is not b]
    assert [(a.id, b.id, b.due) for a, b in changed] == [(task.id, task.id, task.due + timedelta(weeks=1))]
    assert kept.logged(demo, since) is logged
    assert kept.clients(demo) is clients
    assert kept.corrections(demo, since, names, demo.settings().done_column) is fixes


def test_a_snapshot_of_the_app_session_reuses_what_the_last_plan_read(
    tmp_path: Path, clock: FixedClock
) -> None:
    ws = Workspace.open(tmp_path / "demo", clock)
    generate(ws, clients=2, seed=7)
    ws.close()
    session = Session.open(tmp_path / "demo", clock, keep_last_good=True)
    kept = PlanReader()
    snap = session.snapshot()
    logged = snap.run(kept.logged, home_today(snap.run(lambda w: w)))
    task = session.run(_open_dated)[0]
    assert task.id is not None and task.due is not None
    session.run(reschedule_task, task.id, task.due + timedelta(weeks=1))
    later = session.snapshot()
    assert later.run(kept.logged, home_today(later.run(lambda w: w))) is logged
    assert later.run(build_plan, reader=kept) == later.run(build_plan, reader=PlanReader())
    session.close()
