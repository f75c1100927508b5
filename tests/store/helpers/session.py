"""A session: open the workspace, make one change, acknowledge it, then wait to be signalled.

Usage: session.py DIR TITLE
"""

from __future__ import annotations

import signal
import sys

from _common import ack, open_workspace, task


def main() -> None:
    directory, title = sys.argv[1], sys.argv[2]
    ws = open_workspace(directory)
    with ws.transaction("add") as tx:
        added = tx.add(task(title))
    ack(f"saved {added.id}")
    while True:
        signal.pause()


if __name__ == "__main__":
    main()
