"""A real terminal for tests: one tmux server (its own socket) at 80×24 running vatui.

Use the ``terminal`` fixture (tests/conftest.py); ``make test`` installs tmux, and a test
that needs it fails without it, never skips.
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

VATUI = str(Path(sys.executable).with_name("vatui"))
TIMEOUT = 20.0


class Terminal:
    """One tmux server (its own socket) running one command at 80×24."""

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"vatui-test-{uuid.uuid4().hex[:10]}"
        self.env = env

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, env=self.env, timeout=10
        )
        return result.stdout

    def start(self, command: str) -> None:
        subprocess.run(
            ["tmux", "-L", self.socket, "new-session", "-d", "-x", "80", "-y", "24", command],
            check=True,
            env=self.env,
            timeout=10,
        )

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
        subprocess.run(
            ["tmux", "-L", self.socket, "kill-server"], capture_output=True, env=self.env, timeout=10
        )


def make_terminal(tmp_path: Path) -> Iterator[Terminal]:
    """A terminal whose vatui uses a private data and config directory under ``tmp_path``."""
    assert shutil.which("tmux"), "tmux is required (make test installs it)"
    env = {
        **os.environ,
        "VATUI_DATA_DIR": str(tmp_path / "data"),
        "VATUI_CONFIG_DIR": str(tmp_path / "config"),
        "TMUX_TMPDIR": str(tmp_path),
    }
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
