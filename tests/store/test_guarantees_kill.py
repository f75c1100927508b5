"""Guarantee 1 under kill -9: the file always loads and holds every acknowledged write.

A writer subprocess (``helpers/writer.py``) loops durable transactions and prints each
sequence number once its transaction has returned. The test kills it with SIGKILL at
random moments, many times, and after every kill opens the workspace and checks it.
``helpers/crash_at.py`` kills a writer at each exact step of the durable write.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.workspace_file import files_state, read_workspace
from vatui.domain.clock import FixedClock
from vatui.domain.tasks import Task
from vatui.store.workspace import Workspace

HELPERS = Path(__file__).parent / "helpers"
KILLS = 32
COMPACT_AT = 6 * 1024
"""The writers fold their journal into a new base past this size: every few changes, so that
kills land in appends and in compactions alike."""


def _spawn(script: str, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(HELPERS / script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )


def _finish(proc: subprocess.Popen[bytes]) -> tuple[bytes, bytes]:
    """Wait for ``proc`` and return all it wrote, including what ``readline`` had buffered
    (``communicate`` reads the pipes' descriptors and would miss it)."""
    assert proc.stdout is not None and proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.wait(timeout=60)
    return out, err


def _acknowledged(out: bytes) -> list[int]:
    """Sequence numbers the writer acknowledged (whole lines only)."""
    lines = out.split(b"\n")[:-1]  # a line without its newline was never acknowledged
    return [int(line) for line in lines if line.strip().isdigit()]


def _torn_journal(directory: Path) -> bool:
    """Whether a killed writer left half a record at the end of the journal."""
    journal = directory / "workspace.journal"
    return journal.exists() and not journal.read_bytes().endswith(b"\n")


def _temp_files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def _seed(directory: Path, clock: FixedClock) -> None:
    """A workspace of a few hundred kilobytes, so each write takes long enough to be hit."""
    ws = Workspace.open(directory, clock)
    with ws.transaction(None) as tx:
        for i in range(400):
            tx.add(Task(title=f"seed:{i}", notes="padding " * 100, created=clock.now(), updated=clock.now()))
    ws.close()


def _check(directory: Path, clock: FixedClock, acked: dict[int, list[int]]) -> None:
    """The file loads; every acknowledged write is there; each run wrote a gapless prefix."""
    ws = Workspace.open(directory, clock)
    try:
        by_run: dict[int, set[int]] = {}
        for doc in ws.docs("tasks").values():
            run, _, seq = doc["title"].partition(":")
            if run != "seed":
                by_run.setdefault(int(run), set()).add(int(seq))
        assert len(ws.all(Task)) == len(ws.docs("tasks"))
        for run, seqs in acked.items():
            stored = by_run.get(run, set())
            missing = set(seqs) - stored
            assert not missing, f"run {run}: acknowledged writes lost: {sorted(missing)}"
            # nothing out of order: what is stored is 0..k, with at most one unacknowledged
            assert stored == set(range(len(stored))), f"run {run}: gaps in {sorted(stored)}"
            assert len(stored) <= len(seqs) + 1
    finally:
        ws.close()


@pytest.mark.slow
def test_kill_9_at_random_moments_never_loses_an_acknowledged_write(
    data_dir: Path, clock: FixedClock
) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    _seed(data_dir, clock)
    acked: dict[int, list[int]] = {}
    killed_mid_write = 0
    for run in range(KILLS):
        proc = _spawn("writer.py", str(data_dir), str(run), "--compact-at", str(COMPACT_AT))
        assert proc.stdout is not None
        if rng.random() < 0.15:
            # sometimes while it is still starting up and opening the workspace
            time.sleep(rng.uniform(0.0, 0.12))
        else:
            assert proc.stdout.readline() == b"ready\n", proc.stderr.read() if proc.stderr else b""
            time.sleep(rng.uniform(0.002, 0.25))
        proc.send_signal(signal.SIGKILL)
        out, err = _finish(proc)
        assert proc.returncode == -signal.SIGKILL, f"seed {seed}: writer ended by itself: {err.decode()}"
        acked[run] = _acknowledged(out)
        assert acked[run] == list(range(len(acked[run]))), f"seed {seed}: acknowledgements out of order"
        killed_mid_write += bool(_temp_files(data_dir)) or _torn_journal(data_dir)
        _check(data_dir, clock, acked)
        assert _temp_files(data_dir) == [], "opening the workspace leaves no stray temp file"
    assert sum(len(s) for s in acked.values()) > KILLS, f"seed {seed}: the writers barely wrote"
    assert killed_mid_write > 0, f"seed {seed}: no kill landed inside a write (no temp file, no torn record)"


@pytest.mark.parametrize(
    "point",
    [
        "mid-append",
        "before-append-fsync",
        "mid-write",
        "before-fsync",
        "before-replace",
        "before-dir-fsync",
        "before-journal-replace",
    ],
)
def test_kill_9_at_each_step_of_the_durable_write(data_dir: Path, clock: FixedClock, point: str) -> None:
    ws = Workspace.open(data_dir, clock)
    with ws.transaction("add") as tx:
        tx.add(Task(title="acknowledged", created=clock.now(), updated=clock.now()))
    ws.close()
    base_before, journal_before = files_state(ws.path)
    assert journal_before is not None and b"acknowledged" in journal_before  # appended, not rewritten
    proc = _spawn("crash_at.py", str(data_dir), point, "in flight")
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, err.decode()
    assert out == b"ready\n"
    base_after, journal_after = files_state(ws.path)
    if point in ("mid-append", "before-append-fsync"):
        # the base is untouched; the journal kept its records and gained (part of) one
        assert base_after == base_before and journal_after is not None
        assert journal_after.startswith(journal_before) and len(journal_after) > len(journal_before)
        assert journal_after.endswith(b"\n") is (point == "before-append-fsync")
        assert _temp_files(data_dir) == []
    elif point in ("before-dir-fsync", "before-journal-replace"):
        # renamed already: the new base is the workspace (it was never acknowledged, and
        # either outcome keeps every acknowledged write); the old journal is now stale
        assert base_after != base_before and journal_after == journal_before
    else:
        assert (base_after, journal_after) == (base_before, journal_before)
        assert _temp_files(data_dir), "the killed writer left its temp file behind"
    reopened = Workspace.open(data_dir, clock)
    titles = {t.title for t in reopened.all(Task)}
    assert "acknowledged" in titles
    assert titles <= {"acknowledged", "in flight"}
    assert _temp_files(data_dir) == []
    with reopened.transaction("next") as tx:
        tx.add(Task(title="after the crash", created=clock.now(), updated=clock.now()))
    assert "after the crash" in {t.title for t in Workspace.open(data_dir, clock).all(Task)}
    assert {d["title"] for d in read_workspace(data_dir)["tasks"].values()} == titles | {"after the crash"}


def test_open_removes_only_temp_files_of_its_own(data_dir: Path, clock: FixedClock) -> None:
    Workspace.open(data_dir, clock).close()
    (data_dir / "backups").mkdir()
    (data_dir / "archive").mkdir()
    stale = [
        data_dir / ".workspace.json.99999.tmp",
        data_dir / "backups" / ".workspace-x.json.1.tmp",
        data_dir / "archive" / ".2025.json.42.tmp",
    ]
    foreign = [data_dir / ".my-export.csv.123.tmp", data_dir / "notes.tmp"]
    for path in stale + foreign:
        path.write_bytes(b"half")
    Workspace.open(data_dir, clock).close()
    assert [p.exists() for p in stale] == [False, False, False]
    assert [p.exists() for p in foreign] == [True, True]
