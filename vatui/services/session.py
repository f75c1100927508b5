"""Opening the workspace for a session: the store, then the once-per-open housekeeping."""

from __future__ import annotations

from pathlib import Path

from vatui.domain.clock import Clock
from vatui.store.workspace import Workspace


def open_workspace(
    directory: Path, clock: Clock | None = None, *, backup: bool = False, archive: bool = False
) -> Workspace:
    """Open the workspace and create the recurring expenses that fell due since last time.

    ``backup`` (the app at start) backs the file up first when it changed since the last
    backup; ``archive`` (the app at start) moves old done tasks and paid invoices of closed
    years to ``archive/YYYY.json``.
    """
    from vatui.services.common import home_today
    from vatui.services.ledger_expenses import create_due_expenses

    ws = Workspace.open(directory, clock, backup=backup)
    create_due_expenses(ws)
    if archive:
        from vatui.store.archive import archive_old

        archive_old(ws, home_today(ws))
    return ws
