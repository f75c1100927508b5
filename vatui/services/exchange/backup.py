"""Backup, restore and the JSON export."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from vatui.domain.clock import Clock
from vatui.store import backups
from vatui.store.schema import SCHEMA_VERSION
from vatui.store.workspace import Workspace


def backup_now(ws: Workspace) -> Path | None:
    """Back the workspace up now; ``None`` when the newest backup is already identical. The
    journal of changes is folded into ``workspace.json`` too (a backup is a compaction point):
    after ``vatui backup`` the file holds everything, for a copy or a hand edit."""
    with ws.transaction():
        made = backups.make_backup(ws.directory, ws.path, ws.clock.now(), reason="manual")
    ws.compact()
    return made


def list_backups(directory: Path) -> list[backups.BackupFile]:
    """The backups in ``directory`` with their sizes, oldest first (the workspace is not opened:
    a damaged one can still list the backups to restore)."""
    return backups.describe_backups(Path(directory))


def backup_before(ws: Workspace, reason: str) -> Path | None:
    """A fresh backup (``-<reason>``) before the workspace is replaced; ``None`` if there is no file."""
    with ws.transaction():
        return backups.make_backup(ws.directory, ws.path, ws.clock.now(), reason=reason, force=True)


def restore(directory: Path, source: Path, clock: Clock | None = None) -> Path | None:
    """Replace the workspace in ``directory`` with ``source``; returns the backup of the old one.

    ``source`` is read (a regular file of at most ``MAX_RESTORE_BYTES``) and checked whole
    (``vatui.store.restore.check_workspace``) before anything is written: a refused file
    leaves the workspace byte-identical. The live workspace is not opened first, so a
    damaged one can be restored over (it is backed up as it is, ``-prerestore``).
    """
    from vatui.services.common import home_today
    from vatui.store.archive import archive_old, archive_tables
    from vatui.store.restore import parse_candidate, read_candidate, replace_workspace

    raw = read_candidate(Path(source))
    parse_candidate(Path(source), raw, archive_tables(Path(directory)))
    saved = replace_workspace(Path(directory), raw, clock)
    opened = Workspace.open(Path(directory), clock)
    try:
        # A backup from before an archive run holds archived records again and lacks the
        # id floors: archiving once more moves them back out and restores the floors.
        archive_old(opened, home_today(opened))
    finally:
        opened.close()
    return saved


def export_json(ws: Workspace, *, confidential: bool = False) -> dict[str, Any]:
    """Every table, archived years included; confidential notes left out unless asked for."""
    from vatui.store.archive import all_docs

    ws.refresh()
    out: dict[str, Any] = {}
    tables = ("settings", "clients", "tasks", "time", "contacts", "invoices", "payments", "expenses")
    for table in (*tables, "recurring_invoices", "timeoff"):
        docs = all_docs(ws, table)
        rows = []
        for key, doc in sorted(docs.items(), key=lambda kv: int(kv[0])):
            row = {"id": int(key), **copy.deepcopy(doc)}
            if table == "clients" and not confidential:
                row["notes"] = [n for n in row.get("notes", []) if not n.get("confidential")]
            rows.append(row)
        out[table] = rows
    out["schema"] = SCHEMA_VERSION
    out["confidential"] = confidential  # so an import can say that confidential notes were left out
    return out
