"""Loop durable writes, acknowledging each one on stdout after its transaction returns.

Usage: writer.py DIR RUN [LIMIT]

Each transaction adds one task titled ``RUN:SEQ``; once it has returned (the change is on
disk), the script prints ``SEQ`` and flushes. It prints ``ready`` once the workspace is open.
"""

from __future__ import annotations

import sys

from _common import ack, open_workspace, task


def main() -> None:
    directory, run = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 10**9
    ws = open_workspace(directory)
    ack("ready")
    for seq in range(limit):
        with ws.transaction(None) as tx:
            tx.add(task(f"{run}:{seq}"))
        ack(str(seq))


if __name__ == "__main__":
    main()
