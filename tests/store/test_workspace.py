"""The store on its own: durability, caching, undo, schema, refusal."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest

from tests.helpers.backup_files import backup_bytes
from tests.helpers.workspace_file import files_state, read_workspace
from vatui.domain.clock import FixedClock
from vatui.domain.errors import RuleError
from vatui.domain.tasks import Task
from vatui.store import backups
from vatui.store.errors import RefusedWorkspace
from vatui.store.schema import SCHEMA_VERSION
from vatui.store.workspace import UNDO_DEPTH, Workspace

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)


def _task(title: str) -> Task:
    return Task(title=title, created=NOW, updated=NOW)


def test_new_workspace_is_private_and_versioned(ws: Workspace, data_dir: Path) -> None:
    assert stat.S_IMODE(os.stat(data_dir).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(ws.path).st_mode) == 0o600
    data = orjson.loads(ws.path.read_bytes())
    assert data["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert data["settings"]["1"]["columns"] == ["Inbox", "Next", "Doing", "Waiting", "Done"]


def test_change_is_on_disk_when_transaction_ends(ws: Workspace) -> None:
    with ws.transaction("add") as tx:
        added = tx.add(_task("Send invoice [draft]"))
    on_disk = read_workspace(ws.path)
    assert on_disk["tasks"][str(added.id)]["title"] == "Send invoice [draft]"


def test_failed_transaction_writes_nothing(ws: Workspace) -> None:
    before = files_state(ws.path)
    with pytest.raises(ValueError), ws.transaction("add") as tx:
        tx.add(_task("half"))
        raise ValueError("boom")
    assert files_state(ws.path) == before
    assert ws.all(Task) == []


def test_other_session_changes_are_seen(ws: Workspace, data_dir: Path, clock: FixedClock) -> None:
    other = Workspace.open(data_dir, clock)
    assert ws.all(Task) == []
    with other.transaction("add") as tx:
        tx.add(_task("from the other session"))
    assert [t.title for t in ws.all(Task)] == ["from the other session"]
    with ws.transaction("add") as tx:
        tx.add(_task("mine"))
    assert sorted(t.title for t in other.all(Task)) == ["from the other session", "mine"]
    assert len({t.id for t in other.all(Task)}) == 2


def test_undo_restores_and_refuses_when_changed_since(
    ws: Workspace, data_dir: Path, clock: FixedClock
) -> None:
    with ws.transaction("add") as tx:
        task = tx.add(_task("a"))
    with ws.transaction("rename") as tx:
        tx.save(task.with_(title="b"))
    assert ws.undo_label() == "rename"
    assert ws.undo() == "rename"
    assert ws.get(Task, task.id or 0).title == "a"
    other = Workspace.open(data_dir, clock)
    with other.transaction(None) as tx:
        tx.save(task.with_(title="changed elsewhere"))
    with pytest.raises(RuleError):
        ws.undo()
    assert ws.get(Task, task.id or 0).title == "changed elsewhere"


def test_undo_keeps_the_last_fifty(ws: Workspace) -> None:
    for i in range(UNDO_DEPTH + 5):
        with ws.transaction(f"add {i}") as tx:
            tx.add(_task(str(i)))
    assert len(ws.docs("undo")) == UNDO_DEPTH
    for _ in range(UNDO_DEPTH):
        ws.undo()
    with pytest.raises(RuleError):
        ws.undo()
    assert len(ws.all(Task)) == 5


def test_damaged_file_is_refused_untouched(data_dir: Path, clock: FixedClock) -> None:
    ws = Workspace.open(data_dir, clock)
    backups.make_backup(data_dir, ws.path, NOW)
    ws.path.write_bytes(b'{"tasks": {"1": {"title": "x"')
    damaged = ws.path.read_bytes()
    with pytest.raises(RefusedWorkspace) as info:
        Workspace.open(data_dir, clock)
    message = str(info.value)
    assert str(ws.path) in message
    assert "backups/workspace-" in message
    assert ws.path.read_bytes() == damaged


def test_newer_schema_is_refused_untouched(data_dir: Path, clock: FixedClock) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "workspace.json"
    payload = orjson.dumps({"meta": {"1": {"schema": SCHEMA_VERSION + 1}}, "tasks": {}})
    path.write_bytes(payload)
    with pytest.raises(RefusedWorkspace, match="newer vatui"):
        Workspace.open(data_dir, clock)
    assert path.read_bytes() == payload


def test_older_schema_is_backed_up_then_migrated(data_dir: Path, clock: FixedClock) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "workspace.json"
    old = orjson.dumps({"tasks": {"1": _task("old").to_doc()}})
    path.write_bytes(old)
    ws = Workspace.open(data_dir, clock)
    assert [t.title for t in ws.all(Task)] == ["old"]
    assert ws.meta()["schema"] == SCHEMA_VERSION
    saved = backups.list_backups(data_dir)
    assert len(saved) == 1 and backup_bytes(saved[0]) == old


def test_backups_only_when_changed_and_pruned(data_dir: Path, clock: FixedClock) -> None:
    ws = Workspace.open(data_dir, clock, backup=True)
    assert len(backups.list_backups(data_dir)) == 1
    Workspace.open(data_dir, clock, backup=True)
    assert len(backups.list_backups(data_dir)) == 1
    for month in range(1, 13):
        for day in range(1, 5):
            clock.moment = datetime(2025, month, day, tzinfo=UTC)
            with ws.transaction("x") as tx:
                tx.add(_task(f"{month}-{day}"))
            backups.make_backup(data_dir, ws.path, clock.moment)
    kept = backups.list_backups(data_dir)
    months = {p.name[10:16] for p in kept}
    assert len(kept) <= backups.KEEP_LAST + 12
    assert {f"2025{m:02d}" for m in range(1, 13)} <= months
