"""The real vatui survives its workspace being damaged while it is open (issue 8, item 7).

In tmux at 80×24: the file is overwritten with garbage (or by a newer vatui's) while the
app runs; ``a`` and a write are refused in place, the app keeps running and showing what
it had, nothing of the file reaches the terminal, and ``q`` still leaves with exit code 0.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from tests.helpers.terminal import VATUI, Terminal


@pytest.mark.parametrize("damage", ["garbage", "newer"])
def test_damaged_while_open_the_app_refuses_in_place_and_stays(
    terminal: Terminal, tmp_path: Path, damage: str
) -> None:
    data = tmp_path / "data"
    subprocess.run(
        [VATUI, "demo-data", "--size", "small"], env=terminal.env, check=True, capture_output=True, timeout=60
    )
    done = tmp_path / "exit-code"
    terminal.start(f"{VATUI}; echo $? > {done}; sleep 30")
    before = terminal.wait_for("Overdue (")
    path = data / "workspace.json"
    if damage == "garbage":
        path.write_bytes(b"SECRETBYTES" * 50)
    else:
        doc = json.loads(path.read_bytes())
        doc["meta"]["1"]["schema"] = 999
        path.write_text(json.dumps(doc))
    damaged = path.read_bytes()
    terminal.wait_for("refusing to open")  # the app noticed by itself within a second
    assert "READ-ONLY" in terminal.wait_for("READ-ONLY").splitlines()[0]
    terminal.keys("a")
    terminal.wait_for("Quick add")
    terminal.keys("Call the bank", literal=True)
    terminal.keys("Enter")
    screen = terminal.wait_for("✗ refusing")
    assert "Quick add" in screen and "Call the bank" in screen  # the form and the text stay
    terminal.keys("C-q")  # quitting asks too, and "n" goes back to the form
    terminal.wait_for("Discard what you typed?")
    terminal.keys("n")
    time.sleep(0.3)
    terminal.keys("Escape")
    terminal.wait_for("Discard what you typed?")
    terminal.keys("y")
    time.sleep(0.3)
    terminal.keys("Space")  # a write on Today: refused with the message
    time.sleep(0.5)
    screen = terminal.screen()
    assert "Overdue (" in screen and before.splitlines()[3][:30] in screen  # what it had is still shown
    assert "SECRETBYTES" not in screen
    assert not done.exists(), "the app ended"
    terminal.keys("q")
    deadline = time.monotonic() + 10
    while not done.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert done.read_text().strip() == "0"
    after = terminal.screen()  # what vatui left in the terminal (Textual writes to stderr)
    assert "Traceback" not in after and "SECRETBYTES" not in after
    assert path.read_bytes() == damaged
