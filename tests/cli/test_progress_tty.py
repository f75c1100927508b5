"""Long commands draw a progress bar on a terminal, and print none into a pipe."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = [
    ("demo-data", "--size", "3"),
    ("export", "csv", "CSV_DIR", "--excel"),
    ("export", "ics", "-o", "ICS_FILE"),
    ("export", "json", "-o", "JSON_FILE"),
    ("export", "hledger", "-o", "JOURNAL_FILE"),
    ("archive",),
]


def _env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ, VATUI_DATA_DIR=str(data_dir), COLUMNS="80", LINES="24", TERM="xterm")
    env.pop("NO_COLOR", None)
    return env


def _args(args: tuple[str, ...], tmp_path: Path) -> list[str]:
    swap = {
        "CSV_DIR": str(tmp_path / "csv"),
        "ICS_FILE": str(tmp_path / "work.ics"),
        "JSON_FILE": str(tmp_path / "w.json"),
        "JOURNAL_FILE": str(tmp_path / "w.journal"),
    }
    return [sys.executable, "-m", "vatui", *(swap.get(a, a) for a in args)]


def _on_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run with stdout and stderr on a pseudo-terminal; everything it drew, and the exit code."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_progress_on_a_terminal_none_in_a_pipe(tmp_path: Path) -> None:
    tty_env = _env(tmp_path / "tty")
    for args in COMMANDS:
        code, drawn = _on_terminal(_args(args, tmp_path / "t"), tty_env)
        assert code == 0, drawn
        assert "100%" in drawn, (args, drawn)
    pipe_env = _env(tmp_path / "pipe")
    for args in COMMANDS:
        done = subprocess.run(
            _args(args, tmp_path / "p"),
            capture_output=True,
            env=pipe_env,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == b""
        for mark in (b"%", b"#", b"\r", b"\x1b"):
            assert mark not in done.stdout, (args, done.stdout)


@pytest.mark.parametrize("args", [("export", "csv", "CSV_DIR"), ("demo-data", "--size", "2")])
def test_stdout_piped_but_stderr_a_terminal_still_shows_progress(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        _args(args, tmp_path),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=follower,
        env=_env(tmp_path / "data"),
    )
    os.close(follower)
    out, _err = proc.communicate(timeout=120)
    drawn = b""
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        drawn += data
    os.close(leader)
    assert proc.returncode == 0
    assert b"100%" in drawn
    assert b"%" not in out and b"\r" not in out
