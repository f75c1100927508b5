"""The journal of changes beside the workspace (``workspace.journal``, vatui.store.journal).

A change appends one line with what it changed and leaves ``workspace.json`` alone; a torn
last line is an unacknowledged write (ignored, then cut); a damaged line with changes after
it is refused; a journal over another base (a restore, a compaction) is never replayed; the
journal is never followed through a link and is private whatever the umask.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from tests.helpers.backup_files import backup_bytes
from tests.helpers.workspace_file import files_state, read_workspace, workspace_bytes
from vatui.domain.clock import FixedClock
from vatui.domain.tasks import Task
from vatui.services.exchange.backup import backup_now, restore
from vatui.services.session import Session
from vatui.store import backups, files, journal
from vatui.store.errors import RefusedWorkspace
from vatui.store.workspace import Workspace

VATUI = Path(sys.executable).with_name("vatui")


def _task(clock: FixedClock, title: str, notes: str = "") -> Task:
    return Task(title=title, notes=notes, created=clock.now(), updated=clock.now())


def _titles(directory: Path, clock: FixedClock) -> list[str]:
    ws = Workspace.open(directory, clock)
    try:
        return sorted(t.title for t in ws.all(Task))
    finally:
        ws.close()


def _journal(directory: Path) -> Path:
    return directory / "workspace.journal"


@pytest.fixture
def heavy(data_dir: Path, clock: FixedClock) -> Workspace:
    """A workspace of about 400 KB (400 padded tasks), every one in its base file."""
    ws = Workspace.open(data_dir, clock)
    with ws.transaction(None) as tx:
        for i in range(400):
            tx.add(_task(clock, f"seed {i}", notes="padding " * 120))
    ws.compact()
    return ws


def test_a_change_appends_one_line_of_what_it_changed(heavy: Workspace, clock: FixedClock) -> None:
    base, log = files_state(heavy.path)
    assert log is not None and len(base) > 350_000
    with heavy.transaction("add") as tx:
        tx.add(_task(clock, "one more"))
    base_after, log_after = files_state(heavy.path)
    assert base_after == base  # the history is not rewritten
    assert log_after is not None and log_after.startswith(log)
    added = log_after[len(log) :]
    assert added.count(b"\n") == 1 and added.endswith(b"\n")
    assert len(added) < 2_000  # the task, its undo step, nothing of the 400 others
    assert b"one more" in added and b"seed 1" not in added
    assert len(Workspace.open(heavy.directory, clock).all(Task)) == 401
    assert "one more" in {d["title"] for d in read_workspace(heavy.path)["tasks"].values()}


def test_fifty_undo_steps_are_not_journaled_again_by_each_change(heavy: Workspace, clock: FixedClock) -> None:
    for i in range(60):
        with heavy.transaction(f"add {i}") as tx:
            tx.add(_task(clock, f"undoable {i}"))
    log = _journal(heavy.directory).read_bytes()
    last = log.rstrip(b"\n").rsplit(b"\n", 1)[1]
    assert len(last) < 2_000 and b"undoable 59" in last and b"undoable 58" not in last
    assert heavy.undo() == "add 59"
    assert Workspace.open(heavy.directory, clock).undo_label() == "add 58"


def test_a_torn_last_line_is_ignored_then_cut_by_the_next_writer(
    heavy: Workspace, data_dir: Path, clock: FixedClock
) -> None:
    with heavy.transaction("add") as tx:
        tx.add(_task(clock, "acknowledged"))
    log = _journal(data_dir).read_bytes()
    torn = log + b'0badcafe {"put": {"tasks": {"999": {"title": "never acknowled'
    _journal(data_dir).write_bytes(torn)
    assert "acknowledged" in _titles(data_dir, clock)
    assert "never acknowled" not in str(_titles(data_dir, clock))
    other = Workspace.open(data_dir, clock)
    with other.transaction("add") as tx:
        tx.add(_task(clock, "after"))
    after = _journal(data_dir).read_bytes()
    assert after.startswith(log) and b"never" not in after and after.endswith(b"\n")
    assert {"acknowledged", "after"} <= set(_titles(data_dir, clock))


def test_a_bad_checksum_on_the_last_line_is_a_torn_write_too(heavy: Workspace, clock: FixedClock) -> None:
    with heavy.transaction("add") as tx:
        tx.add(_task(clock, "kept"))
    with heavy.transaction("add") as tx:
        tx.add(_task(clock, "half on disk"))
    path = _journal(heavy.directory)
    raw = path.read_bytes()
    path.write_bytes(raw[:-20] + b"X" * 19 + b"\n")  # a complete line whose bytes are wrong
    titles = _titles(heavy.directory, clock)
    assert "kept" in titles and "half on disk" not in titles


def test_a_damaged_line_in_the_middle_is_refused_naming_the_journal(
    heavy: Workspace, data_dir: Path, clock: FixedClock
) -> None:
    for title in ("first", "second", "third"):
        with heavy.transaction("add") as tx:
            tx.add(_task(clock, title))
    path = _journal(data_dir)
    lines = path.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b"second", b"secXnd")  # the checksum no longer matches
    damaged = b"\n".join(lines)
    path.write_bytes(damaged)
    with pytest.raises(RefusedWorkspace) as info:
        Workspace.open(data_dir, clock)
    assert str(path) in str(info.value) and "damaged" in str(info.value)
    # the running session refuses to write over it too, and nothing is changed
    with pytest.raises(RefusedWorkspace), heavy.transaction("add") as tx:
        tx.add(_task(clock, "must not be written"))
    assert path.read_bytes() == damaged
    done = subprocess.run(
        [str(VATUI), "--data-dir", str(data_dir), "today"], capture_output=True, timeout=60, check=False
    )
    err = done.stderr.decode()
    assert done.returncode == 1 and err.count("\n") == 1 and str(path) in err and "Traceback" not in err
    assert path.read_bytes() == damaged


def test_a_journal_left_from_before_a_restore_is_never_replayed(
    heavy: Workspace, data_dir: Path, clock: FixedClock
) -> None:
    made = backup_now(heavy)
    assert made is not None
    with heavy.transaction("add") as tx:
        tx.add(_task(clock, "after the backup"))
    old_journal = _journal(data_dir).read_bytes()
    assert b"after the backup" in old_journal
    restore(data_dir, made, clock)
    assert "after the backup" not in _titles(data_dir, clock)
    _journal(data_dir).write_bytes(old_journal)  # the old journal put back over the restored base
    assert "after the backup" not in _titles(data_dir, clock)
    with Workspace.open(data_dir, clock).transaction("add") as tx:
        tx.add(_task(clock, "next"))
    titles = _titles(data_dir, clock)
    assert "next" in titles and "after the backup" not in titles


def test_another_session_reads_only_the_new_records_and_keeps_what_it_handed_out(
    heavy: Workspace, data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = Workspace.open(data_dir, clock)
    held = reader.docs("tasks")
    count = len(held)
    with heavy.transaction("add") as tx:
        tx.add(_task(clock, "from the other session"))

    def no_parse(_raw: bytes) -> object:
        raise AssertionError("the base was parsed again")

    monkeypatch.setattr(files, "parse_document", no_parse)
    assert reader.changed_on_disk()
    assert reader.refresh() is True
    assert "from the other session" in {d["title"] for d in reader.docs("tasks").values()}
    assert len(held) == count  # what it handed out before did not change
    assert reader.docs("settings") is not None


def test_compaction_writes_a_new_base_and_an_empty_journal(heavy: Workspace, clock: FixedClock) -> None:
    with heavy.transaction("add") as tx:
        tx.add(_task(clock, "in the journal"))
    before = read_workspace(heavy.path)
    header_len = len(journal.header("x" * 24))
    assert _journal(heavy.directory).stat().st_size > header_len
    assert heavy.compact() is True
    assert _journal(heavy.directory).stat().st_size == header_len
    assert read_workspace(heavy.path) == before
    assert heavy.compact() is False  # nothing left to fold


def test_the_journal_is_folded_once_it_passes_its_threshold(
    ws: Workspace, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal, "compact_threshold", lambda _size: 4096)
    for i in range(20):
        with ws.transaction("add") as tx:
            tx.add(_task(clock, f"task {i}", notes="x" * 300))
        assert _journal(ws.directory).stat().st_size <= 4096
    assert b"task 0" in ws.path.read_bytes()  # folded into a new base
    assert len(read_workspace(ws.path)["tasks"]) == 20


def test_the_app_folds_the_journal_as_it_ends(data_dir: Path, clock: FixedClock) -> None:
    session = Session(Workspace.open(data_dir, clock))
    ws = Workspace.open(data_dir, clock)
    with ws.transaction("add") as tx:
        tx.add(_task(clock, "hand-editable"))
    session.close(compact=True)
    assert b"hand-editable" in (data_dir / "workspace.json").read_bytes()
    assert b"hand-editable" not in _journal(data_dir).read_bytes()


def test_a_link_in_the_journals_place_is_refused_and_never_followed(
    ws: Workspace, data_dir: Path, tmp_path: Path, clock: FixedClock
) -> None:
    target = tmp_path / "elsewhere.journal"
    target.write_bytes(_journal(data_dir).read_bytes())
    _journal(data_dir).unlink()
    _journal(data_dir).symlink_to(target)
    with pytest.raises(RefusedWorkspace, match="symbolic link"):
        Workspace.open(data_dir, clock)
    with pytest.raises(RefusedWorkspace, match="symbolic link"), ws.transaction("add") as tx:
        tx.add(_task(clock, "through the link"))
    assert b"through the link" not in target.read_bytes()
    assert _journal(data_dir).is_symlink()


def test_a_journal_that_is_not_a_regular_file_is_refused(data_dir: Path, clock: FixedClock) -> None:
    Workspace.open(data_dir, clock).close()
    _journal(data_dir).unlink()
    os.mkfifo(_journal(data_dir))
    with pytest.raises(RefusedWorkspace, match="not a regular file"):
        Workspace.open(data_dir, clock)


def test_the_journal_is_private_whatever_the_umask(data_dir: Path, clock: FixedClock) -> None:
    old = os.umask(0)
    try:
        ws = Workspace.open(data_dir, clock)
        with ws.transaction("add") as tx:
            tx.add(_task(clock, "private"))
        ws.compact()
        with ws.transaction("add") as tx:
            tx.add(_task(clock, "still private"))
    finally:
        os.umask(old)
    for name in ("workspace.json", "workspace.journal"):
        assert stat.S_IMODE(os.stat(data_dir / name).st_mode) == 0o600, name


def test_a_missing_journal_is_recreated_by_the_next_change(ws: Workspace, clock: FixedClock) -> None:
    with ws.transaction("add") as tx:
        tx.add(_task(clock, "before"))
    ws.compact()
    _journal(ws.directory).unlink()
    again = Workspace.open(ws.directory, clock)
    with again.transaction("add") as tx:
        tx.add(_task(clock, "after"))
    assert _titles(ws.directory, clock) == ["after", "before"]
    assert _journal(ws.directory).exists()


def test_a_backup_holds_the_merged_document_without_the_token(data_dir: Path, clock: FixedClock) -> None:
    ws = Workspace.open(data_dir, clock)
    with ws.transaction("add") as tx:
        tx.add(_task(clock, "in the journal"))
    assert _journal(data_dir).stat().st_size > len(journal.header("x" * 24))
    Workspace.open(data_dir, clock, backup=True).close()  # the journal holds records
    first = backups.newest_backup(data_dir)
    assert first is not None and backup_bytes(first) == workspace_bytes(data_dir)
    assert b"in the journal" in backup_bytes(first) and b'"journal"' not in backup_bytes(first)
    assert _journal(data_dir).stat().st_size == len(journal.header("x" * 24))  # and it was folded
    ws = Workspace.open(data_dir, clock)
    with ws.transaction("add") as tx:
        tx.add(_task(clock, "folded before the backup"))
    ws.compact()  # an empty journal: the backup is the base file, less its token
    Workspace.open(data_dir, FixedClock(clock.now() + timedelta(minutes=1)), backup=True).close()
    second = backups.newest_backup(data_dir)
    assert second is not None and second != first
    assert backup_bytes(second) == workspace_bytes(data_dir)
    assert b"folded before the backup" in backup_bytes(second) and b'"journal"' not in backup_bytes(second)
