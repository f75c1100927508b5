"""A session that opens the workspace the way the app and every command do, on command.

Usage: opener.py DIR

Prints ``ready``; then for each line ``YYYY-MM-DD`` read from stdin, opens the workspace
through ``services.session.open_workspace`` with the clock on that day (the open drafts
the recurring invoices due) and prints ``opened DATE``. Ends at end of input.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from _common import ack

from vatui.domain.clock import FixedClock
from vatui.services.session import open_workspace


def main() -> None:
    directory = Path(sys.argv[1])
    ack("ready")
    for line in sys.stdin:
        day = line.strip()
        if not day:
            continue
        clock = FixedClock(datetime.fromisoformat(day + "T12:00:00").replace(tzinfo=UTC))
        ws = open_workspace(directory, clock)
        ws.close()
        ack(f"opened {day}")


if __name__ == "__main__":
    main()
