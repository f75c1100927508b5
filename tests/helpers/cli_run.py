"""Run the real ``vatui`` executable in a private data directory (tests of the command line)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

VATUI = str(Path(sys.executable).with_name("vatui"))


def run_vatui(
    data: Path, *args: str, umask: int | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """``vatui ARGS`` with ``VATUI_DATA_DIR=data`` (and ``umask`` if given), output captured."""
    env = {**os.environ, "VATUI_DATA_DIR": str(data), "TZ": "UTC"}

    def set_umask() -> None:
        if umask is not None:
            os.umask(umask)

    return subprocess.run(
        [VATUI, *args], env=env, capture_output=True, text=True, timeout=timeout, preexec_fn=set_umask
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The one ``vatui: …`` line of a refused command (asserting exit 1 and no traceback)."""
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("vatui: "), result.stderr
    return lines[0]
