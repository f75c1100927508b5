"""Opening the workspace for a session: the store, then the once-per-open housekeeping."""

from __future__ import annotations

from pathlib import Path

from vatui.domain.clock import Clock
from vatui.store.errors import DiskWriteError
from vatui.store.workspace import Workspace


def open_workspace(
    directory: Path, clock: Clock | None = None, *, backup: bool = False, lenient_settings: bool = False
) -> Workspace:
    """Open the workspace and do what is due once per open, for the app and the CLI alike.

    ``lenient_settings`` (the app): a bad hand-edited setting is read as its default, to be
    named and fixed, instead of refusing every command. ``backup`` (the app at start) backs the file up first when it changed since the last
    backup. Then the recurring expenses that fell due are created, the drafts of recurring
    invoices whose periods came (exactly once, ``services.ledger.recurring``; their notices in
    ``ws.notices``), and done tasks older
    than the archive age and paid invoices of closed years move to ``archive/YYYY.json``
    (a cheap scan decides; the move itself happens once, the first time it is due) unless
    the ``auto_archive`` setting is off. In a folder that cannot be written (read-only)
    or on a full disk, the housekeeping is left for later and the workspace is still
    opened for reading.
    """
    from vatui.services.common import home_today
    from vatui.services.exchange.archive_hold import import_on_top
    from vatui.services.ledger.expenses import create_due_expenses
    from vatui.services.ledger.recurring import create_due_invoices
    from vatui.store.archive import archive_old, has_archivable

    ws = Workspace.open(directory, clock, backup=backup)
    ws.lenient_settings = lenient_settings
    if not ws.writable():  # a read-only folder: reads still work, the housekeeping waits
        return ws
    try:
        create_due_expenses(ws)
        today = home_today(ws)
        ws.notices.extend(create_due_invoices(ws, today).notices)
        if ws.settings().auto_archive and has_archivable(ws, today) and not import_on_top(ws):
            archive_old(ws, today)  # waits while an import is the newest undo step (archive_hold)
    except DiskWriteError:  # a full disk: the command itself says so if it writes
        pass
    return ws
