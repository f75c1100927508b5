"""Guarantee 1 under SIGHUP (a dropped SSH session) and SIGTERM.

``helpers/session.py`` stands for an open session: it makes one change, acknowledges it and
waits. ``helpers/writer.py`` loops durable writes; it is stopped mid-loop by the signal,
either dying at once (the default action) or, with ``--graceful``, turning the signal into
``SystemExit`` wherever it lands (as a shutdown handler would), unwinding through the store.
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

from vatui.domain.clock import FixedClock
from vatui.domain.tasks import Task
from vatui.store.workspace import Workspace

HELPERS = Path(__file__).parent / "helpers"
SIGNALS = [pytest.param(signal.SIGHUP, id="SIGHUP"), pytest.param(signal.SIGTERM, id="SIGTERM")]


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


def _titles(directory: Path, clock: FixedClock) -> list[str]:
    ws = Workspace.open(directory, clock)
    try:
        return [t.title for t in ws.all(Task)]
    finally:
        ws.close()


@pytest.mark.parametrize("signum", SIGNALS)
def test_open_session_signalled_keeps_its_acknowledged_change(
    data_dir: Path, clock: FixedClock, signum: signal.Signals
) -> None:
    proc = _spawn("session.py", str(data_dir), "typed before the line dropped")
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.startswith(b"saved "), proc.stderr.read() if proc.stderr else b""
    proc.send_signal(signum)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == -signum, err.decode()
    assert _titles(data_dir, clock) == ["typed before the line dropped"]
    ws = Workspace.open(data_dir, clock)
    assert ws.undo_label() == "add", "the session's undo history is on disk too"
    assert not [p for p in data_dir.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("graceful", [False, True], ids=["default-action", "graceful-exit"])
@pytest.mark.parametrize("signum", SIGNALS)
def test_writer_signalled_mid_loop_keeps_every_acknowledged_write(
    data_dir: Path, clock: FixedClock, signum: signal.Signals, graceful: bool
) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    acked: dict[int, set[int]] = {}
    for run in range(5):
        proc = _spawn("writer.py", str(data_dir), str(run), *(["--graceful"] if graceful else []))
        assert proc.stdout is not None
        assert proc.stdout.readline() == b"ready\n", proc.stderr.read() if proc.stderr else b""
        time.sleep(rng.uniform(0.005, 0.15))
        proc.send_signal(signum)
        out, err = _finish(proc)
        expected = 128 + signum if graceful else -signum
        assert proc.returncode == expected, f"seed {seed}: {err.decode()}"
        acked[run] = {int(x) for x in out.split(b"\n")[:-1] if x.isdigit()}
        stored: dict[int, set[int]] = {}
        for title in _titles(data_dir, clock):
            r, _, s = title.partition(":")
            stored.setdefault(int(r), set()).add(int(s))
        for r, seqs in acked.items():
            assert seqs <= stored.get(r, set()), f"seed {seed}: run {r} lost {sorted(seqs - stored[r])}"
            assert stored.get(r, set()) == set(range(len(stored.get(r, set()))))
    assert sum(len(s) for s in acked.values()) >= 5
