"""Read-modify-write in a loop, racing another process.

Usage: counter.py DIR NAME COUNT COUNTER_ID

Each of COUNT transactions adds a task titled ``NAME:i`` and increments the ``position``
of task COUNTER_ID by one, reading the current value inside the transaction.
"""

from __future__ import annotations

import sys

from _common import ack, open_workspace, task


def main() -> None:
    directory, name, count, counter_id = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    ws = open_workspace(directory)
    ack("ready")
    sys.stdin.readline()  # wait for the start signal so both processes race
    for i in range(count):
        with ws.transaction(None) as tx:
            tx.add(task(f"{name}:{i}"))
            doc = tx.get_doc("tasks", counter_id)
            assert doc is not None
            tx.update("tasks", counter_id, {"position": doc["position"] + 1})
    ack("done")


if __name__ == "__main__":
    main()
