"""The one door to the store: a ``Session`` reads by name and runs use cases; services read
stored documents only through ``vatui.services.queries``."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest

from vatui.domain.clock import FixedClock
from vatui.domain.errors import NotFoundError, RuleError
from vatui.domain.tasks import Task
from vatui.services.session import Session
from vatui.services.tasks.manage import add_task, complete_task
from vatui.services.tasks.time_entries import task_time_entries

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def session(data_dir: Path, clock: FixedClock) -> Session:
    return Session.open(data_dir, clock)


def test_a_use_case_runs_on_the_session_and_is_read_back_by_name(session: Session) -> None:
    task = session.run(add_task, "Send the deck", column="Next")
    assert session.task(task.id or 0).title == "Send the deck"
    assert session.task_title(task.id or 0) == "Send the deck"
    assert session.task_title(999) is None
    assert session.undo_label() is not None
    assert session.run(task_time_entries, task.id or 0) == []
    assert not session.is_empty()
    with pytest.raises(NotFoundError):
        session.client(1)


def test_today_is_read_at_home(session: Session, clock: FixedClock) -> None:
    assert session.today() == clock.now().date()
    assert session.now() == clock.now()


def test_undo_through_the_session(session: Session) -> None:
    task = session.run(add_task, "Undo me")
    label = session.undo_label()
    assert label is not None
    assert session.undo() == label
    with pytest.raises(NotFoundError):
        session.task(task.id or 0)
    with pytest.raises(RuleError):
        session.undo()


def test_a_snapshot_session_keeps_its_moment(session: Session) -> None:
    task = session.run(add_task, "Snapshot")
    frozen = session.snapshot()
    session.run(complete_task, task.id or 0)
    assert frozen.task(task.id or 0).completed is None
    assert session.task(task.id or 0).completed is not None
    with pytest.raises(RuntimeError):
        frozen.run(add_task, "not in a snapshot")


def test_a_worker_reading_a_snapshot_while_the_app_writes(session: Session) -> None:
    """The app's workers read a snapshot: every read of one snapshot agrees with the others."""
    for n in range(5):
        session.run(add_task, f"t{n}")
    problems: list[str] = []
    done = threading.Event()

    def worker() -> None:
        while not done.is_set():
            snap = session.snapshot()
            first = len(snap.records(Task))
            time.sleep(0)  # the app writes meanwhile
            if len(snap.records(Task)) != first or snap.task_title(first) is None:
                problems.append("changed under a snapshot")

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        for n in range(30):
            session.run(add_task, f"more {n}")
    finally:
        done.set()
        thread.join()
    assert problems == []


def test_services_read_stored_documents_only_through_the_queries_module() -> None:
    """``ws.docs(...)``/``tx.docs(...)`` appear only in ``services/queries.py`` (and the
    archive view, whose own ``docs`` is the reader), in the services and the demo generator."""
    found = []
    paths = [*(ROOT / "vatui" / "services").rglob("*.py"), *(ROOT / "vatui" / "demo").rglob("*.py")]
    for path in sorted(paths):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "vatui/services/queries.py":
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if re.search(r"\b(?!self\b)\w+\.docs\(", line):
                found.append(f"{rel}:{number}: {line.strip()}")
    assert found == []
