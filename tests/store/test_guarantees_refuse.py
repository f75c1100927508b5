"""Guarantee 3: a damaged file, or one from a newer vatui, is refused and never written over.

Refused at open (``Workspace.open`` and the command line), and refused when the file is
damaged or replaced by another process while a session has it open.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from tests.helpers.backup_files import backup_bytes
from vatui.domain.clock import FixedClock
from vatui.domain.tasks import Task
from vatui.store import backups
from vatui.store.errors import RefusedWorkspace
from vatui.store.schema import SCHEMA_VERSION
from vatui.store.workspace import Workspace

VATUI = Path(sys.executable).parent / "vatui"


def _task(clock: FixedClock, title: str) -> Task:
    return Task(title=title, created=clock.now(), updated=clock.now())


def _good_workspace(directory: Path, clock: FixedClock) -> tuple[bytes, Path]:
    """A workspace with one task, and a backup of it; returns its bytes and the backup."""
    ws = Workspace.open(directory, clock)
    with ws.transaction("add") as tx:
        tx.add(_task(clock, "Invoice Acme [draft]"))
    backup = backups.make_backup(directory, ws.path, clock.now())
    assert backup is not None
    ws.close()
    return ws.path.read_bytes(), backup


def _newer(good: bytes, schema: object) -> bytes:
    data = orjson.loads(good)
    data["meta"]["1"]["schema"] = schema
    data["meta"]["1"]["written_by"] = "vatui 9"
    return orjson.dumps(data)


DAMAGE = {
    "truncated": lambda good: good[: len(good) // 2],
    "empty": lambda good: b"",
    "binary-garbage": lambda good: b"\x00\xff\xfe\x89PNG\r\n\x1a\n" + bytes(range(256)),
    "a-list": lambda good: b"[1, 2, 3]",
    "a-number": lambda good: b"42",
    "tables-not-objects": lambda good: b'{"tasks": [1, 2], "meta": {"1": {"schema": 1}}}',
    "documents-not-objects": lambda good: b'{"tasks": {"1": "Invoice Acme"}}',
    "ids-not-numbers": lambda good: b'{"tasks": {"first": {"title": "x"}}}',
    "schema-999": lambda good: _newer(good, 999),
    "schema-not-a-number": lambda good: _newer(good, "two"),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_open_refuses_and_leaves_the_bytes(data_dir: Path, clock: FixedClock, kind: str) -> None:
    good, backup = _good_workspace(data_dir, clock)
    path = data_dir / "workspace.json"
    damaged = DAMAGE[kind](good)
    path.write_bytes(damaged)
    with pytest.raises(RefusedWorkspace) as info:
        Workspace.open(data_dir, clock, backup=True)
    message = str(info.value)
    assert str(path) in message and str(backup) in message
    if kind == "schema-999":
        assert "newer vatui" in message
    assert path.read_bytes() == damaged
    assert backups.list_backups(data_dir) == [backup], "no backup of the damaged file replaced it"

    # the command line says the same in one line, exits 1, and writes nothing
    done = subprocess.run(
        [str(VATUI), "--data-dir", str(data_dir), "today"], capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 1, done.stderr.decode()
    err = done.stderr.decode()
    assert err.count("\n") == 1 and err.startswith("vatui: ")
    assert str(path) in err and str(backup) in err
    assert "Traceback" not in err and done.stdout == b""
    assert path.read_bytes() == damaged
    assert sorted(p.name for p in data_dir.iterdir()) == [
        "backups",
        "workspace.journal",
        "workspace.json",
        "workspace.lock",
    ]


def test_refusal_without_a_backup_says_so(data_dir: Path, clock: FixedClock) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "workspace.json"
    path.write_bytes(b'{"tasks": {"1": {"title": "x"')
    with pytest.raises(RefusedWorkspace, match="no backup found"):
        Workspace.open(data_dir, clock)
    assert path.read_bytes() == b'{"tasks": {"1": {"title": "x"'


def _other_process_writes(path: Path, payload: bytes, *, in_place: bool) -> None:
    """Another process changes the file: in place (same inode) or by rename."""
    code = (
        "import os, sys\n"
        "path, payload, in_place = sys.argv[1], bytes.fromhex(sys.argv[2]), sys.argv[3] == '1'\n"
        "if in_place:\n"
        "    with open(path, 'r+b') as f:\n"
        "        f.write(payload); f.truncate()\n"
        "else:\n"
        "    with open(path + '.new', 'wb') as f:\n"
        "        f.write(payload)\n"
        "    os.replace(path + '.new', path)\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(path), payload.hex(), "1" if in_place else "0"],
        check=True,
        timeout=60,
    )


@pytest.mark.parametrize("in_place", [True, False], ids=["in-place", "renamed-over"])
@pytest.mark.parametrize("kind", ["truncated", "binary-garbage", "a-list", "schema-999"])
def test_file_damaged_while_a_session_is_open(
    data_dir: Path, clock: FixedClock, kind: str, in_place: bool
) -> None:
    good, backup = _good_workspace(data_dir, clock)
    ws = Workspace.open(data_dir, clock)
    assert [t.title for t in ws.all(Task)] == ["Invoice Acme [draft]"]
    damaged = DAMAGE[kind](good) + b" " * 7  # never the same size as before
    _other_process_writes(ws.path, damaged, in_place=in_place)

    with pytest.raises(RefusedWorkspace) as info, ws.transaction("add") as tx:
        tx.add(_task(clock, "must not be written"))
    assert str(ws.path) in str(info.value) and str(backup) in str(info.value)
    assert ws.path.read_bytes() == damaged
    for read in (ws.refresh, lambda: ws.docs("tasks"), ws.undo):
        with pytest.raises(RefusedWorkspace):
            read()
    assert ws.path.read_bytes() == damaged

    # put the good file back: the same session works again, and all-or-nothing still holds
    _other_process_writes(ws.path, good, in_place=False)
    with pytest.raises(ValueError), ws.transaction("half") as tx:
        tx.add(_task(clock, "half a change"))
        raise ValueError("stop")
    assert ws.path.read_bytes() == good
    with ws.transaction("add") as tx:
        tx.add(_task(clock, "after the repair"))
    titles = {t.title for t in Workspace.open(data_dir, clock).all(Task)}
    assert titles == {"Invoice Acme [draft]", "after the repair"}


def test_file_removed_while_a_session_is_open_is_not_recreated(data_dir: Path, clock: FixedClock) -> None:
    _good_workspace(data_dir, clock)
    ws = Workspace.open(data_dir, clock)
    ws.path.unlink()
    with pytest.raises(RefusedWorkspace, match="missing"), ws.transaction("add") as tx:
        tx.add(_task(clock, "nowhere to go"))
    assert not ws.path.exists()


def test_older_schema_replacing_an_open_file_is_migrated_after_a_backup(
    data_dir: Path, clock: FixedClock
) -> None:
    _good_workspace(data_dir, clock)
    ws = Workspace.open(data_dir, clock)
    old = orjson.dumps({"tasks": {"7": _task(clock, "from an old vatui").to_doc()}})
    _other_process_writes(ws.path, old, in_place=False)
    with ws.transaction("add") as tx:
        added = tx.add(_task(clock, "mine"))
    assert added.id == 8
    data = orjson.loads(ws.path.read_bytes())
    assert data["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert sorted(d["title"] for d in data["tasks"].values()) == ["from an old vatui", "mine"]
    premigration = [p for p in backups.list_backups(data_dir) if p.name.endswith("-premigration.json.gz")]
    assert [backup_bytes(p) for p in premigration] == [old]
