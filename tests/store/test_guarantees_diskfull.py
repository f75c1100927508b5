"""Guarantee 1 on a full disk: a clear error, the file byte-identical, nothing half-written.

Failures are injected into the storage module's view of ``os`` (``ENOSPC`` on write, part
of a write then ``ENOSPC``, ``ENOSPC`` on fsync, ``EIO`` on rename, ``EROFS`` on create),
and one test fills a real small filesystem: a 256 KiB tmpfs when this process may mount
one (root in CI), otherwise a byte budget enforced on the same injected ``os``.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.helpers.workspace_file import files_state, read_workspace
from vatui.domain.clock import FixedClock
from vatui.domain.tasks import Task
from vatui.store import files, journal
from vatui.store.errors import DiskWriteError
from vatui.store.workspace import Workspace

SMALL_FS = 256 * 1024


class FaultyOs:
    """Stands in for ``os`` inside ``vatui.store.files``; everything else passes through."""

    def __init__(self, real: ModuleType) -> None:
        self._real = real
        self.faults: dict[str, Callable[..., Any]] = {}

    def __getattr__(self, name: str) -> Any:
        return self.faults.get(name) or getattr(self._real, name)


def _error(code: int) -> OSError:
    return OSError(code, os.strerror(code))


@pytest.fixture
def faulty_os(monkeypatch: pytest.MonkeyPatch) -> FaultyOs:
    fake = FaultyOs(os)
    monkeypatch.setattr(files, "os", fake)
    return fake


def _task(clock: FixedClock, title: str, notes: str = "") -> Task:
    return Task(title=title, notes=notes, created=clock.now(), updated=clock.now())


def _temps(directory: Path) -> list[Path]:
    return [p for p in directory.rglob("*") if p.name.endswith(".tmp")]


def _full_on_write(fake: FaultyOs) -> None:
    def write(_fd: int, _data: bytes) -> int:
        raise _error(errno.ENOSPC)

    fake.faults["write"] = write


def _full_after_part(fake: FaultyOs) -> None:
    calls = {"n": 0}

    def write(fd: int, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] == 1:
            return os.write(fd, bytes(data[: max(len(data) // 3, 1)]))
        raise _error(errno.ENOSPC)

    fake.faults["write"] = write


def _full_on_fsync(fake: FaultyOs) -> None:
    def fsync(_fd: int) -> None:
        raise _error(errno.ENOSPC)

    fake.faults["fsync"] = fsync


def _io_error_on_rename(fake: FaultyOs) -> None:
    def replace(_src: Any, _dst: Any) -> None:
        raise _error(errno.EIO)

    fake.faults["replace"] = replace


def _read_only_on_create(fake: FaultyOs) -> None:
    def open_(path: Any, flags: int, mode: int = 0o777) -> int:
        if flags & os.O_CREAT:
            raise _error(errno.EROFS)
        return os.open(path, flags, mode)

    fake.faults["open"] = open_


APPEND_FAULTS = [
    pytest.param(_full_on_write, "disk is full", id="ENOSPC-on-write"),
    pytest.param(_full_after_part, "disk is full", id="ENOSPC-after-partial-write"),
    pytest.param(_full_on_fsync, "disk is full", id="ENOSPC-on-fsync"),
]
FAULTS = [
    *APPEND_FAULTS,
    pytest.param(_io_error_on_rename, os.strerror(errno.EIO), id="EIO-on-rename"),
    pytest.param(_read_only_on_create, os.strerror(errno.EROFS), id="EROFS-on-create"),
]


def _compact_every_change(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every change writes a new base (a compaction) instead of appending to the journal."""
    monkeypatch.setattr(journal, "compact_threshold", lambda _size: 0)


@pytest.mark.parametrize(("inject", "says"), APPEND_FAULTS)
def test_failed_append_is_clear_and_leaves_the_files_as_they_were(
    ws: Workspace,
    data_dir: Path,
    clock: FixedClock,
    faulty_os: FaultyOs,
    inject: Callable[[FaultyOs], None],
    says: str,
) -> None:
    _check_failed_write(ws, data_dir, clock, faulty_os, inject, says)


@pytest.mark.parametrize(("inject", "says"), FAULTS)
def test_failed_compaction_is_clear_and_leaves_the_files_as_they_were(
    ws: Workspace,
    data_dir: Path,
    clock: FixedClock,
    faulty_os: FaultyOs,
    inject: Callable[[FaultyOs], None],
    says: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _compact_every_change(monkeypatch)
    _check_failed_write(ws, data_dir, clock, faulty_os, inject, says)


def _check_failed_write(
    ws: Workspace,
    data_dir: Path,
    clock: FixedClock,
    faulty_os: FaultyOs,
    inject: Callable[[FaultyOs], None],
    says: str,
) -> None:
    with ws.transaction("add kept") as tx:
        kept = tx.add(_task(clock, "kept"))
    before = files_state(ws.path)
    inject(faulty_os)
    with pytest.raises(DiskWriteError) as info, ws.transaction("add lost") as tx:
        tx.add(_task(clock, "lost"))
        tx.save(kept.with_(title="renamed, lost"))
    message = str(info.value)
    assert str(ws.path) in message and says in message and "nothing was changed" in message
    assert "\n" not in message
    assert files_state(ws.path) == before
    assert _temps(data_dir) == []
    # the session's memory was reloaded from the file: the failed change is gone
    assert [t.title for t in ws.all(Task)] == ["kept"]
    assert ws.undo_label() == "add kept"
    faulty_os.faults.clear()  # room again
    with ws.transaction("add later") as tx:
        tx.add(_task(clock, "later"))
    on_disk = read_workspace(ws.path)
    assert sorted(d["title"] for d in on_disk["tasks"].values()) == ["kept", "later"]
    assert [u["label"] for u in on_disk["undo"].values()] == ["add kept", "add later"]


def test_new_workspace_on_a_full_disk_is_refused_without_leaving_anything(
    data_dir: Path, clock: FixedClock, faulty_os: FaultyOs
) -> None:
    _full_after_part(faulty_os)
    with pytest.raises(DiskWriteError, match="disk is full"):
        Workspace.open(data_dir, clock)
    assert not (data_dir / "workspace.json").exists()
    assert _temps(data_dir) == []
    faulty_os.faults.clear()
    assert Workspace.open(data_dir, clock).all(Task) == []


def test_folder_sync_failure_says_the_change_was_written(
    ws: Workspace, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _compact_every_change(monkeypatch)  # an append to the journal syncs no folder

    def fsync_dir(_directory: Path) -> None:
        raise _error(errno.EIO)

    monkeypatch.setattr(files, "fsync_dir", fsync_dir)
    with (
        pytest.raises(DiskWriteError, match="was written, but its folder could not be synced"),
        ws.transaction("add") as tx,
    ):
        tx.add(_task(clock, "written"))
    monkeypatch.undo()
    assert [t.title for t in ws.all(Task)] == ["written"]


# -- a real small filesystem ------------------------------------------------------


class BudgetOs(FaultyOs):
    """A filesystem of ``capacity`` bytes, emulated where no tmpfs can be mounted."""

    def __init__(self, real: ModuleType, root: Path, capacity: int) -> None:
        super().__init__(real)
        self.root, self.capacity = root, capacity
        self.faults["write"] = self._write

    def _used(self) -> int:
        return sum(p.stat().st_size for p in self.root.rglob("*") if p.is_file())

    def _write(self, fd: int, data: bytes) -> int:
        room = self.capacity - self._used()
        if room <= 0:
            raise _error(errno.ENOSPC)
        return int(os.write(fd, bytes(data[:room])))


@pytest.fixture
def small_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, str]]:
    """A directory on a 256 KiB filesystem: a real tmpfs if mountable, else emulated."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    try:
        mounted = (
            subprocess.run(
                ["mount", "-t", "tmpfs", "-o", f"size={SMALL_FS},mode=0700", "tmpfs", str(mount_point)],
                capture_output=True,
                check=False,
            ).returncode
            == 0
        )
    except OSError:  # no mount(8) here
        mounted = False
    if mounted:
        try:
            yield mount_point, "tmpfs"
        finally:
            subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, check=False)
    else:
        monkeypatch.setattr(files, "os", BudgetOs(os, mount_point, SMALL_FS))
        yield mount_point, "emulated"


def test_filling_a_small_disk(small_disk: tuple[Path, str], clock: FixedClock) -> None:
    root, kind = small_disk
    directory = root / "data"
    ws = Workspace.open(directory, clock)
    titles: list[str] = []
    failure: DiskWriteError | None = None
    for i in range(200):
        before = files_state(ws.path)
        try:
            with ws.transaction(f"add {i}") as tx:
                tx.add(_task(clock, f"task {i}", notes="x" * 3000))
        except DiskWriteError as exc:
            failure = exc
            break
        titles.append(f"task {i}")
    assert failure is not None, f"{kind}: the disk never filled up"
    assert "disk is full" in str(failure) and str(ws.path) in str(failure)
    assert files_state(ws.path) == before
    assert _temps(root) == []
    assert len(titles) > 5
    assert [t.title for t in ws.all(Task)] == titles
    # make room by deleting most tasks: the smaller file fits, without the failed task
    with ws.transaction(None) as tx:
        for task in tx.all(Task)[2:]:
            tx.delete(Task, task.id or 0)
    reopened = Workspace.open(directory, clock)
    assert [t.title for t in reopened.all(Task)] == titles[:2]
    assert _temps(root) == []
