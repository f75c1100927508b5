"""Make another session's change land between a service's reads and its transaction.

``before_next_transaction`` patches ``Workspace.transaction`` so that the next transaction
any session opens first lets a second session (its own ``Workspace`` on the same
directory) make ``change`` and commit it. Whatever the service read before its
transaction is then out of date: a service that decides on those reads, or writes back a
record it read there, loses the other session's change; one that reads inside the lock
keeps both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from vatui.domain.clock import Clock
from vatui.store.workspace import Tx, Workspace


def before_next_transaction(
    monkeypatch: pytest.MonkeyPatch, directory: Path, clock: Clock, change: Callable[[Workspace], Any]
) -> list[Any]:
    """Run ``change`` in another session just before the next transaction; returns [its result] once run."""
    original = Workspace.transaction
    ran: list[Any] = []

    @contextmanager
    def transaction(self: Workspace, label: str | None = None) -> Iterator[Tx]:
        if not ran:
            ran.append(None)
            other = Workspace.open(directory, clock)
            try:
                ran[0] = change(other)
            finally:
                other.close()
        with original(self, label) as tx:
            yield tx

    monkeypatch.setattr(Workspace, "transaction", transaction)
    return ran
