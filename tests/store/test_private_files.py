"""Files vatui writes are private, atomic and never follow a link (issue 8, item 6).

The one writer of exports and documents (``vatui.services.output.write_private``) and
the store's own files: 0600 whatever the umask, a temp file renamed into place, no
partial or empty file on a full disk, a link or a folder as destination refused, vatui's
own files refused as destinations, and no chmod of (or write through) a link.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.helpers.mounts import tmpfs
from vatui.domain.clock import FixedClock
from vatui.domain.errors import InputError
from vatui.domain.tasks import Task
from vatui.services.output import write_private
from vatui.services.tasks.manage import add_task
from vatui.store import files, storage
from vatui.store.errors import DiskWriteError, RefusedWorkspace, UnusableDataDir
from vatui.store.workspace import Workspace


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def no_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


# -- the writer of exports and documents ------------------------------------------------


def test_written_0600_under_umask_000_and_replacing_a_0644_file(tmp_path: Path, no_umask: None) -> None:
    new = tmp_path / "report.md"
    write_private(new, b"confidential", None)
    assert new.read_bytes() == b"confidential" and _mode(new) == 0o600
    old = tmp_path / "old.md"
    old.write_bytes(b"before")
    os.chmod(old, 0o644)
    write_private(old, b"after", None)
    assert old.read_bytes() == b"after" and _mode(old) == 0o600
    assert _leftovers(tmp_path) == []


def test_a_link_a_folder_or_a_device_is_refused(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    os.chmod(victim, 0o644)
    link = tmp_path / "out.md"
    link.symlink_to(victim)
    with pytest.raises(InputError, match="symbolic link"):
        write_private(link, b"x", None)
    assert link.is_symlink() and victim.read_bytes() == b"precious" and _mode(victim) == 0o644
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "would-be-created.md")
    with pytest.raises(InputError, match="symbolic link"):
        write_private(dangling, b"x", None)
    assert not (tmp_path / "would-be-created.md").exists()
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(InputError, match="folder"):
        write_private(folder, b"x", None)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        write_private(fifo, b"x", None)
    assert _leftovers(tmp_path) == []


def test_a_planted_temp_link_is_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    target = tmp_path / "out.md"
    storage.temp_path(target).symlink_to(victim)  # the temp name this process will use
    write_private(target, b"export", None)
    assert target.read_bytes() == b"export" and not target.is_symlink()
    assert victim.read_bytes() == b"precious"


class _FaultyOs:
    def __init__(self, real: ModuleType, faults: dict[str, Callable[..., Any]]) -> None:
        self._real, self._faults = real, faults

    def __getattr__(self, name: str) -> Any:
        return self._faults.get(name) or getattr(self._real, name)


def _enospc(*_args: Any) -> Any:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _half_then_enospc() -> Callable[..., int]:
    calls = [0]

    def write(fd: int, data: Any) -> int:
        calls[0] += 1
        if calls[0] == 1:
            return os.write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return write


@pytest.mark.parametrize("fault", ["write", "partial", "fsync"])
def test_a_full_disk_leaves_no_partial_or_empty_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    existing = tmp_path / "existing.json"
    existing.write_bytes(b"old export")
    faults = {
        "write": {"write": _enospc},
        "partial": {"write": _half_then_enospc()},
        "fsync": {"fsync": _enospc},
    }[fault]
    monkeypatch.setattr(files, "os", _FaultyOs(os, faults))
    for target in (tmp_path / "new.json", existing):
        with pytest.raises(DiskWriteError, match="disk is full"):
            write_private(target, b"y" * 100_000, None)
    monkeypatch.undo()
    assert not (tmp_path / "new.json").exists()
    assert existing.read_bytes() == b"old export"
    assert _leftovers(tmp_path) == []


def test_a_really_full_small_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mount = tmp_path / "small"
    with tmpfs(mount, 64 * 1024) as mounted:
        if not mounted:  # no mount here: the same calls fail as the kernel would
            monkeypatch.setattr(files, "os", _FaultyOs(os, {"write": _half_then_enospc()}))
        with pytest.raises(DiskWriteError, match="disk is full"):
            write_private(mount / "big.json", b"z" * (256 * 1024), None)
        assert sorted(p.name for p in mount.iterdir()) == []
        monkeypatch.undo()
        write_private(mount / "small.json", b"fits", None)
        assert (mount / "small.json").read_bytes() == b"fits"


def test_vatuis_own_files_are_refused_as_destinations(data_dir: Path, clock: FixedClock) -> None:
    ws = Workspace.open(data_dir, clock)
    add_task(ws, "x")
    from vatui.services.exchange.backup import backup_now

    backup = backup_now(ws)
    assert backup is not None
    (data_dir / "archive").mkdir()
    (data_dir / "archive" / "2025.json").write_bytes(b"{}")
    ws.close()
    (data_dir.parent / "alias").symlink_to(data_dir)  # the data folder under another name
    snapshot = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    for target in (
        data_dir / "workspace.json",
        data_dir / "workspace.lock",
        data_dir / "workspace.lock.queue",
        data_dir / ".workspace.json.1.tmp",
        backup,
        data_dir / "backups" / "new.json",
        data_dir / "archive" / "2025.json",
        data_dir / "archive" / "x" / "y.json",
        data_dir / "backups" / ".." / "workspace.json",
        data_dir.parent / "alias" / "workspace.json",
        data_dir.parent / "alias" / "backups" / "n.json",
    ):
        with pytest.raises(InputError, match=r"vatui's (own|backups|archive)"):
            write_private(target, b"export", data_dir)
    assert {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()} == snapshot
    write_private(data_dir / "export.json", b"beside is fine", data_dir)


def test_the_names_of_vatuis_folders_are_refused_before_they_exist(data_dir: Path, clock: FixedClock) -> None:
    Workspace.open(data_dir, clock).close()
    assert not (data_dir / "backups").exists() and not (data_dir / "archive").exists()
    for name in ("backups", "archive"):  # a file there would make the data folder unusable
        with pytest.raises(InputError, match="vatui's own"):
            write_private(data_dir / name, b"export", data_dir)
        assert not (data_dir / name).exists()


# -- the store's own files ------------------------------------------------------------


def test_a_symlinked_workspace_is_refused_and_its_target_left_alone(
    tmp_path: Path, clock: FixedClock
) -> None:
    real = tmp_path / "real"
    ws = Workspace.open(real, clock)
    add_task(ws, "Mine")
    ws.close()
    target = real / "workspace.json"
    os.chmod(target, 0o644)
    before = target.read_bytes()
    data = tmp_path / "data"
    data.mkdir()
    (data / "workspace.json").symlink_to(target)
    with pytest.raises(RefusedWorkspace, match="symbolic link"):
        Workspace.open(data, clock)
    assert (data / "workspace.json").is_symlink()
    assert target.read_bytes() == before and _mode(target) == 0o644


@pytest.mark.parametrize("name", ["backups", "archive"])
def test_a_symlinked_backups_or_archive_folder_is_refused(
    data_dir: Path, tmp_path: Path, clock: FixedClock, name: str
) -> None:
    Workspace.open(data_dir, clock).close()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o755)
    os.chmod(elsewhere, 0o755)
    (data_dir / name).symlink_to(elsewhere)
    with pytest.raises(UnusableDataDir, match="symbolic link"):
        Workspace.open(data_dir, clock, backup=True)
    assert _mode(elsewhere) == 0o755 and list(elsewhere.iterdir()) == []


def test_a_symlinked_lock_is_refused(data_dir: Path, tmp_path: Path, clock: FixedClock) -> None:
    Workspace.open(data_dir, clock).close()
    victim = tmp_path / "victim"
    victim.write_bytes(b"")
    os.chmod(victim, 0o644)
    (data_dir / "workspace.lock").unlink()
    (data_dir / "workspace.lock").symlink_to(victim)
    with pytest.raises(UnusableDataDir, match="symbolic link"):
        Workspace.open(data_dir, clock)
    assert _mode(victim) == 0o644


def test_a_link_put_in_place_while_open_is_refused_not_replaced(
    data_dir: Path, tmp_path: Path, clock: FixedClock
) -> None:
    ws = Workspace.open(data_dir, clock)
    add_task(ws, "Mine")
    copy = tmp_path / "copy.json"
    copy.write_bytes((data_dir / "workspace.json").read_bytes())
    (data_dir / "workspace.json").unlink()
    (data_dir / "workspace.json").symlink_to(copy)
    with pytest.raises(RefusedWorkspace, match="symbolic link"):
        add_task(ws, "Through the link")
    assert (data_dir / "workspace.json").is_symlink()
    assert b"Through the link" not in copy.read_bytes()
    ws.close()


def test_the_store_never_chmods_a_file_it_did_not_create(data_dir: Path, clock: FixedClock) -> None:
    Workspace.open(data_dir, clock).close()
    os.chmod(data_dir / "workspace.json", 0o644)
    ws = Workspace.open(data_dir, clock)
    ws.all(Task)
    assert _mode(data_dir / "workspace.json") == 0o644  # read, not touched
    add_task(ws, "A write appends to the journal")
    assert _mode(data_dir / "workspace.json") == 0o644  # still not touched
    assert _mode(data_dir / "workspace.journal") == 0o600
    assert ws.compact()  # a compaction writes a new base
    assert _mode(data_dir / "workspace.json") == 0o600  # the new file is vatui's own
    ws.close()
    os.chmod(data_dir, 0o755)
    Workspace.open(data_dir, clock).close()
    assert _mode(data_dir) == 0o755  # an existing data folder is the user's: left as it is


def test_the_store_creates_0600_and_0700_under_umask_000(
    data_dir: Path, clock: FixedClock, no_umask: None
) -> None:
    ws = Workspace.open(data_dir, clock, backup=True)
    add_task(ws, "x")
    ws.close()
    Workspace.open(data_dir, clock, backup=True).close()
    assert _mode(data_dir) == 0o700 and _mode(data_dir / "backups") == 0o700
    for path in (data_dir / "workspace.json", data_dir / "workspace.lock", *(data_dir / "backups").iterdir()):
        assert _mode(path) == 0o600, path


@pytest.mark.parametrize("kind", ["link", "fifo"])
def test_an_archive_year_that_is_a_link_or_a_fifo_is_refused_not_followed(
    data_dir: Path, tmp_path: Path, clock: FixedClock, kind: str
) -> None:
    Workspace.open(data_dir, clock).close()
    (data_dir / "archive").mkdir()
    year = data_dir / "archive" / "2024.json"
    if kind == "link":
        elsewhere = tmp_path / "elsewhere.json"
        elsewhere.write_text('{"tasks": {}}')
        year.symlink_to(elsewhere)
    else:
        os.mkfifo(year)  # reading it would hang every reader
    from vatui.store.archive import all_docs
    from vatui.store.storage import DamagedFileError

    ws = Workspace.open(data_dir, clock)
    with pytest.raises(DamagedFileError, match="not a regular file"):
        all_docs(ws, "tasks")
    ws.close()
