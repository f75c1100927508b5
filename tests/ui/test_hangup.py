"""A dropped session always ends (issue 8, item 10).

A real vatui in a real terminal (tmux) is hung up at random moments of start-up (the
workspace opens about 0.6 s in) and of pane switching (a pane's first mount): every time
the process must be gone within 2 seconds, the lock free and the workspace readable.
"""

from __future__ import annotations

import fcntl
import os
import random
import signal
import subprocess
import time
from pathlib import Path

from tests.helpers.terminal import VATUI, Terminal
from vatui.domain.tasks import Task
from vatui.store.workspace import Workspace

TRIALS = 18
GONE_WITHIN = 2.0
MOMENTS = ("start-up", "panes", "modal or write")


def _alive(pid: int) -> bool:
    """Whether ``pid`` still runs (a zombie waiting for its parent counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def _lock_free(data: Path) -> bool:
    fd = os.open(data / "workspace.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True
    finally:
        os.close(fd)


def _vatui_pid(terminal: Terminal) -> int:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        pid = terminal.tmux("display", "-p", "#{pane_pid}").strip()
        if pid.isdigit():
            return int(pid)
        time.sleep(0.01)
    raise AssertionError("tmux never started vatui")


def test_hangup_at_random_moments_never_leaves_vatui_running(terminal: Terminal, tmp_path: Path) -> None:
    data = tmp_path / "data"
    subprocess.run(
        [VATUI, "demo-data", "--size", "small"], env=terminal.env, check=True, capture_output=True, timeout=60
    )
    ws = Workspace.open(data)
    tasks = len(ws.all(Task))
    ws.close()
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    started = time.monotonic()
    for trial in range(TRIALS):
        # a tmux server of its own each time: one that is just exiting refuses a new session
        term = Terminal(terminal.env)
        try:
            _trial(term, data, tasks, rng, f"trial {trial} (seed {seed})", moment=MOMENTS[trial % 3])
        finally:
            term.close()
    assert time.monotonic() - started < 60


def _trial(terminal: Terminal, data: Path, tasks: int, rng: random.Random, context: str, moment: str) -> None:
    terminal.start(f"exec {VATUI}")
    pid = _vatui_pid(terminal)
    how = rng.choice(["HUP", "HUP", "TERM", "kill-server"])
    if moment == "start-up":  # the workspace opens ~0.6 s in
        time.sleep(rng.uniform(0.0, 1.2))
    elif moment == "panes":  # a pane's first mount
        time.sleep(rng.uniform(0.5, 1.0))
        for key in rng.sample(["2", "3", "4"], 3):
            terminal.keys(key)
            time.sleep(rng.uniform(0.0, 0.15))
    else:  # a modal open with typed text, or a write (space ticks a task on Today)
        time.sleep(rng.uniform(0.6, 1.0))
        terminal.keys(rng.choice(["a", "Space"]))
        terminal.keys("half typed", literal=True)
        time.sleep(rng.uniform(0.0, 0.2))
    sent = time.monotonic()
    if how == "kill-server":
        terminal.close()  # the terminal goes away: tmux hangs up its pane
    else:
        os.kill(pid, getattr(signal, f"SIG{how}"))
    while _alive(pid) and time.monotonic() - sent < GONE_WITHIN:
        time.sleep(0.02)
    context = f"{context}, {how} during {moment}"
    if _alive(pid):
        os.kill(pid, signal.SIGKILL)
        raise AssertionError(f"vatui still ran {GONE_WITHIN} s after the hangup: {context}")
    terminal.close()
    assert _lock_free(data), f"the lock is still held: {context}"
    ws = Workspace.open(data)
    assert len(ws.all(Task)) == tasks, context  # nothing lost (nothing was added either)
    ws.close()


def test_hangup_of_the_demo_leaves_no_sample_behind(terminal: Terminal, tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**terminal.env, "TMPDIR": str(temp)}
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    for delay in (0.3, 0.45, 0.55, 0.7, rng.uniform(0.2, 0.9), rng.uniform(0.8, 1.5)):
        term = Terminal(env)
        try:
            term.start(f"exec {VATUI} --demo")
            pid = _vatui_pid(term)
            time.sleep(delay)
            os.kill(pid, signal.SIGHUP)
            sent = time.monotonic()
            while _alive(pid) and time.monotonic() - sent < GONE_WITHIN:
                time.sleep(0.02)
            assert not _alive(pid), f"vatui --demo still ran after the hangup at {delay:.2f} s"
        finally:
            term.close()
        leftovers = [p.name for p in temp.iterdir() if p.name.startswith("vatui-")]
        assert leftovers == [], f"hangup at {delay:.2f} s left {leftovers}"


def test_hangup_on_the_first_run_question_and_the_refusal_screen(terminal: Terminal, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for screen, delay in (("first run", 0.3), ("first run", 1.0), ("refused", 0.3), ("refused", 1.0)):
        if screen == "refused":
            (data / "workspace.json").write_bytes(b"damaged")
        term = Terminal(terminal.env)
        try:
            term.start(f"exec {VATUI}")
            pid = _vatui_pid(term)
            time.sleep(delay)
            os.kill(pid, signal.SIGHUP)
            sent = time.monotonic()
            while _alive(pid) and time.monotonic() - sent < GONE_WITHIN:
                time.sleep(0.02)
            assert not _alive(pid), f"vatui still ran after a hangup on the {screen} screen at {delay} s"
        finally:
            term.close()
        assert _lock_free(data)
    assert (data / "workspace.json").read_bytes() == b"damaged"
