"""Loop durable writes, acknowledging each one on stdout after its transaction returns.

Usage: writer.py DIR RUN [LIMIT] [--graceful] [--compact-at BYTES]

Each transaction adds one task titled ``RUN:SEQ``; once it has returned (the change is on
disk), the script prints ``SEQ`` and flushes. It prints ``ready`` once the workspace is open.
With ``--graceful``, SIGTERM and SIGHUP raise ``SystemExit`` wherever the loop happens to
be (as an app's shutdown handler would), instead of ending the process at once. With
``--compact-at``, the journal is folded into a new base whenever it passes BYTES.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

from _common import ack, open_workspace, task

from vatui.store import journal


def _exit(signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def main() -> None:
    argv = sys.argv[1:]
    if "--compact-at" in argv:
        at = argv.index("--compact-at")
        size = int(argv[at + 1])
        journal.compact_threshold = lambda _base: size  # type: ignore[assignment]
        del argv[at : at + 2]
    args = [a for a in argv if a != "--graceful"]
    if "--graceful" in sys.argv:
        signal.signal(signal.SIGTERM, _exit)
        signal.signal(signal.SIGHUP, _exit)
    directory, run = args[0], args[1]
    limit = int(args[2]) if len(args) > 2 else 10**9
    ws = open_workspace(directory)
    ack("ready")
    for seq in range(limit):
        with ws.transaction(None) as tx:
            tx.add(task(f"{run}:{seq}"))
        ack(str(seq))


if __name__ == "__main__":
    main()
