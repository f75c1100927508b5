"""Before a hangup ends the process at once, a write in progress finishes (issue 8, item 10)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from vatui.domain.clock import FixedClock
from vatui.domain.tasks import Task
from vatui.store.workspace import Workspace


def test_hold_for_exit_waits_for_the_write_in_progress_and_stops_new_ones(
    data_dir: Path, clock: FixedClock
) -> None:
    ws = Workspace.open(data_dir, clock)
    inside = threading.Event()

    def write() -> None:
        with ws.transaction("add") as tx:
            inside.set()
            time.sleep(0.3)  # the write is in progress when the hangup comes
            tx.add(Task(title="acknowledged", created=clock.now(), updated=clock.now()))

    writer = threading.Thread(target=write)
    writer.start()
    assert inside.wait(5)
    started = time.monotonic()
    assert ws.hold_for_exit(2.0) is True
    assert time.monotonic() - started >= 0.2, "it did not wait for the write"
    assert [t.title for t in Workspace.open(data_dir, clock).all(Task)] == ["acknowledged"]
    writer.join(5)

    took: list[bool] = []
    late = threading.Thread(target=lambda: took.append(ws._lock._threads.acquire(timeout=0.2)))
    late.start()
    late.join(5)
    assert took == [False], "a new write could start after hold_for_exit"


def test_hold_for_exit_gives_up_after_its_timeout(data_dir: Path, clock: FixedClock) -> None:
    ws = Workspace.open(data_dir, clock)
    release = threading.Event()

    def stuck() -> None:
        with ws.transaction("stuck"):
            release.wait(5)

    holder = threading.Thread(target=stuck)
    holder.start()
    time.sleep(0.1)
    started = time.monotonic()
    assert ws.hold_for_exit(0.3) is False
    assert time.monotonic() - started < 1.0
    release.set()
    holder.join(5)


def test_every_lock_of_the_process_is_waited_for(data_dir: Path, clock: FixedClock) -> None:
    """A workspace being opened (a backup, a migration) is not yet the app's: it is waited for too."""
    from vatui.store.lock import hold_every_lock_for_exit

    inside = threading.Event()

    def opening() -> None:
        ws = Workspace.open(data_dir / "other", clock)
        with ws.transaction("add") as tx:
            inside.set()
            time.sleep(0.3)
            tx.add(Task(title="while opening", created=clock.now(), updated=clock.now()))

    worker = threading.Thread(target=opening)
    worker.start()
    assert inside.wait(5)
    started = time.monotonic()
    assert hold_every_lock_for_exit(2.0) is True
    assert time.monotonic() - started >= 0.2
    assert [t.title for t in Workspace.open(data_dir / "other", clock).all(Task)] == ["while opening"]
    worker.join(5)
