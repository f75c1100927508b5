"""The app's "save to file" in a real terminal (tmux, 80×24), under umask 000: the status
report lands 0600, and a link or vatui's own workspace as destination is refused on screen
with nothing written (issue 8, item 6)."""

from __future__ import annotations

import os
import stat
import subprocess
import time
from pathlib import Path

from tests.helpers.terminal import VATUI, Terminal, wait_until
from tests.helpers.workspace_file import workspace_bytes


def _flat(screen: str) -> str:
    """The screen's text with the modal's borders and line breaks taken out (messages wrap)."""
    return " ".join(line.strip().strip("│").strip() for line in screen.splitlines())


def test_save_to_file_is_private_and_refuses_links_and_the_workspace(
    terminal: Terminal, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    subprocess.run(
        [VATUI, "client", "add", "Acme", "--confidential-note", "Merger in March"],
        env=terminal.env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (tmp_path / "link.md").symlink_to(victim)
    workspace = workspace_bytes(data)
    terminal.start(f"umask 000; {VATUI}; sleep 30")
    terminal.wait_for("Overdue (")  # the workspace is read
    terminal.keys("3")
    terminal.wait_for("Acme")
    terminal.keys("r")
    terminal.wait_for("s save")
    terminal.keys("s")
    terminal.wait_for("~/vatui-status-report")  # the path prompt, with its default
    time.sleep(0.5)  # let it take the focus before typing
    for target, expect in (
        (tmp_path / "link.md", "is a symbolic link"),
        (data / "workspace.json", "is vatui's own (workspace.json)"),
        (tmp_path / "report.md", "Saved to"),
    ):
        terminal.keys("C-u")  # the path prompt stays open after a refusal
        time.sleep(0.3)
        terminal.keys(str(target), literal=True)
        terminal.wait_for(f"{target.parent.name}/{target.name}")
        terminal.keys("Enter")
        try:
            wait_until(lambda expect=expect: expect in _flat(terminal.screen()))
        except AssertionError:
            raise AssertionError(f"{expect!r} never shown:\n{terminal.screen()}") from None
    saved = tmp_path / "report.md"
    wait_until(saved.exists)
    assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
    assert "Acme" in saved.read_text()
    assert victim.read_text() == "precious" and (tmp_path / "link.md").is_symlink()
    assert workspace_bytes(data) == workspace
