"""The real ``vatui`` in a real terminal (tmux, 80×24): keys in, screen and store checked.

``make test`` installs tmux when it is missing; without it this test fails, it never skips.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from vatui.domain.tasks import Task
from vatui.services.today import triage
from vatui.store.workspace import Workspace

VATUI = str(Path(sys.executable).with_name("vatui"))
TIMEOUT = 20.0


class Terminal:
    """One tmux server (its own socket) running one command at 80×24."""

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"vatui-test-{uuid.uuid4().hex[:10]}"
        self.env = env

    def tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                                env=self.env, timeout=10)
        return result.stdout

    def start(self, command: str) -> None:
        subprocess.run(["tmux", "-L", self.socket, "new-session", "-d", "-x", "80", "-y", "24", command],
                       check=True, env=self.env, timeout=10)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p")

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", *(["-l"] if literal else []), *keys)

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, env=self.env,
                       timeout=10)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    assert shutil.which("tmux"), "tmux is required (make test installs it)"
    env = {**os.environ, "VATUI_DATA_DIR": str(tmp_path / "data"),
           "VATUI_CONFIG_DIR": str(tmp_path / "config"), "TMUX_TMPDIR": str(tmp_path)}
    env.pop("TMUX", None)
    term = Terminal(env)
    yield term
    term.close()


def wait_until(check: object, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(check) and check():
            return
        time.sleep(0.1)
    raise AssertionError("the store never showed the change")


def test_real_vatui_in_tmux(terminal: Terminal, tmp_path: Path) -> None:
    data = tmp_path / "data"
    subprocess.run([VATUI, "demo-data", "--size", "small"], env=terminal.env, check=True,
                   capture_output=True, timeout=60)
    ws = Workspace.open(data)
    items = [item for section in triage(ws).sections for item in section.items]
    assert items[1].kind == "task", items[:2]
    second = items[1]
    done_file = tmp_path / "exit-code"
    terminal.start(f"{VATUI}; echo $? > {done_file}")
    terminal.wait_for("· Today")  # the first frame, drawn before the workspace is read
    screen = terminal.wait_for("Overdue (")
    lines = screen.splitlines()
    assert len(lines) <= 24 and all(len(line) <= 80 for line in lines)

    terminal.keys("1")
    terminal.keys("j")
    terminal.keys("Space")
    wait_until(lambda: ws.get(Task, second.ref or 0).is_done)
    terminal.wait_for("Done: ")

    terminal.keys("a")
    terminal.wait_for("Quick add")
    terminal.keys("Ring the printer [asap] due:today !high", literal=True)
    terminal.wait_for("high priority")
    terminal.keys("Enter")
    wait_until(lambda: any(t.title == "Ring the printer [asap]" for t in ws.all(Task)))
    screen = terminal.wait_for("Ring the printer [asap]")
    [added] = [t for t in ws.all(Task) if t.title == "Ring the printer [asap]"]
    assert added.priority == "high" and added.due is not None

    terminal.keys("2")
    terminal.wait_for("· Board")

    terminal.keys("q")
    wait_until(done_file.exists)
    assert done_file.read_text().strip() == "0"
    ws.close()


@pytest.mark.parametrize("sig", ["HUP", "TERM"])
def test_sighup_and_sigterm_exit_cleanly(terminal: Terminal, tmp_path: Path, sig: str) -> None:
    data = tmp_path / "data"
    subprocess.run([VATUI, "demo-data", "--size", "small"], env=terminal.env, check=True,
                   capture_output=True, timeout=60)
    ws = Workspace.open(data)
    first = next(item for section in triage(ws).sections for item in section.items)
    assert first.kind == "task"
    done_file = tmp_path / "exit-code"
    terminal.start(f"{VATUI}; echo $? > {done_file}; sleep 30")
    terminal.wait_for("Overdue (")
    terminal.keys("Space")
    wait_until(lambda: ws.get(Task, first.ref or 0).is_done)
    shell = terminal.tmux("display", "-p", "#{pane_pid}").strip()
    children = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout.split()
    assert len(children) == 1, children
    subprocess.run(["kill", f"-{sig}", children[0]], check=True)
    wait_until(done_file.exists)
    assert done_file.read_text().strip() == "0"
    ws.refresh()
    assert ws.get(Task, first.ref or 0).is_done
    ws.close()
