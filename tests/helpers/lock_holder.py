"""Another vatui session holding the workspace lock, in a child process
(``python -m tests.helpers.lock_holder DIR``): it prints ``held`` once it holds the lock,
then reads lines from stdin: ``add TEXT`` quick-adds a task (still holding the lock, as a
long write would), ``release`` lets the lock go and ends.

While it holds the lock, an app starting on ``DIR`` cannot open the workspace (the open
waits for the lock): what the app shows meanwhile was drawn before the workspace was open.
"""

from __future__ import annotations

import sys
from pathlib import Path

from vatui.services.session import Session
from vatui.services.tasks.manage import quick_add
from vatui.store.workspace import Workspace


def main() -> None:
    ws = Workspace.open(Path(sys.argv[1]))
    with ws.locked():
        print("held", flush=True)
        for line in sys.stdin:
            command, _, rest = line.strip().partition(" ")
            if command == "add":
                Session(ws).run(quick_add, rest)
                print("added", flush=True)
            elif command == "release":
                break
    ws.close()
    print("released", flush=True)


if __name__ == "__main__":
    main()
