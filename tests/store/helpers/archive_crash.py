"""Run ``archive_old`` and die by SIGKILL between its two steps.

Usage: archive_crash.py DIR TODAY

The archive files are written (durably); the process is killed when the workspace
write that removes the archived documents begins.
"""

from __future__ import annotations

import os
import signal
import sys
from datetime import date
from typing import Any

from _common import ack, open_workspace

from vatui.store.archive import archive_old
from vatui.store.storage import AtomicJSONStorage


def _die(_self: AtomicJSONStorage, _data: dict[str, Any], _before: Any = None) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    directory, today = sys.argv[1], date.fromisoformat(sys.argv[2])
    ws = open_workspace(directory)
    ack("ready")
    AtomicJSONStorage._flush = _die  # type: ignore[method-assign]
    archive_old(ws, today)
    ack("survived")  # never reached


if __name__ == "__main__":
    main()
