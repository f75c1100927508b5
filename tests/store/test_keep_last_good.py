"""A long session (the app) survives its file being damaged under it (issue 8, item 7).

With ``keep_last_good`` reads return what was last read whole, every write is refused with
the message naming the file and its newest backup, and the file is never written over.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vatui.domain.clock import FixedClock
from vatui.domain.tasks import Task
from vatui.store import backups
from vatui.store.errors import RefusedWorkspace
from vatui.store.workspace import Workspace


def _task(clock: FixedClock, title: str) -> Task:
    return Task(title=title, created=clock.now(), updated=clock.now())


def _newer(path: Path) -> bytes:
    data = json.loads(path.read_bytes())
    data["meta"]["1"]["schema"] = 999
    return json.dumps(data).encode()


@pytest.mark.parametrize("damage", ["garbage", "newer", "empty", "removed"])
def test_reads_keep_the_last_good_copy_and_writes_are_refused(
    data_dir: Path, clock: FixedClock, damage: str
) -> None:
    ws = Workspace.open(data_dir, clock, backup=True)
    with ws.transaction("add") as tx:
        tx.add(_task(clock, "kept"))
    ws.keep_last_good = True
    assert [t.title for t in ws.all(Task)] == ["kept"]
    if damage == "removed":
        ws.path.unlink()
    else:
        ws.path.write_bytes({"garbage": b"SECRET {{{", "newer": _newer(ws.path), "empty": b""}[damage])
    before = ws.path.read_bytes() if ws.path.exists() else None

    assert [t.title for t in ws.all(Task)] == ["kept"]
    assert ws.refusal is not None and str(ws.path) in str(ws.refusal)
    newest = backups.newest_backup(data_dir)
    assert newest is not None and str(newest) in str(ws.refusal)
    with pytest.raises(RefusedWorkspace), ws.transaction("add") as tx:
        tx.add(_task(clock, "must not be written"))
    assert ws.refresh() is False and ws.refusal is not None  # nothing to reload; it says why
    with pytest.raises(RefusedWorkspace):
        ws.undo()
    assert (ws.path.read_bytes() if ws.path.exists() else None) == before
    assert [t.title for t in ws.all(Task)] == ["kept"]

    # the file repaired (a restore from another session): the same session reads and writes again
    other = Workspace.open(data_dir / "elsewhere", clock)
    with other.transaction("add") as tx:
        tx.add(_task(clock, "restored"))
    other.compact()  # its journal folded in: its workspace.json holds the whole document
    other.close()
    ws.path.write_bytes((data_dir / "elsewhere" / "workspace.json").read_bytes())
    assert ws.refresh() is True
    assert ws.refusal is None
    assert [t.title for t in ws.all(Task)] == ["restored"]
    with ws.transaction("add") as tx:
        tx.add(_task(clock, "after the repair"))
    assert {t.title for t in ws.all(Task)} == {"restored", "after the repair"}


def test_a_failed_change_is_not_what_the_kept_copy_shows(data_dir: Path, clock: FixedClock) -> None:
    ws = Workspace.open(data_dir, clock, backup=True)
    ws.keep_last_good = True
    assert ws.all(Task) == []
    with pytest.raises(ValueError), ws.transaction("half") as tx:
        tx.add(_task(clock, "never saved"))
        raise ValueError("stop")
    ws.path.write_bytes(b"garbage")
    assert ws.all(Task) == []


def test_without_keep_last_good_reads_are_refused_too(data_dir: Path, clock: FixedClock) -> None:
    ws = Workspace.open(data_dir, clock)
    ws.all(Task)
    ws.path.write_bytes(b"garbage")
    with pytest.raises(RefusedWorkspace):
        ws.all(Task)
