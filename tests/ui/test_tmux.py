"""The real ``vatui`` in a real terminal (tmux, 80×24): keys in, screen and store checked.

``make test`` installs tmux when it is missing; without it this test fails, it never skips.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers.terminal import VATUI, Terminal, wait_until
from vatui.domain.tasks import Task
from vatui.services.today.triage import triage
from vatui.store.workspace import Workspace


def test_real_vatui_in_tmux(terminal: Terminal, tmp_path: Path) -> None:
    data = tmp_path / "data"
    subprocess.run(
        [VATUI, "demo-data", "--size", "small"], env=terminal.env, check=True, capture_output=True, timeout=60
    )
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
    subprocess.run(
        [VATUI, "demo-data", "--size", "small"], env=terminal.env, check=True, capture_output=True, timeout=60
    )
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
