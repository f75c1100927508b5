"""Backup, restore and the JSON export."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import orjson

from vatui.domain.errors import InputError
from vatui.i18n import _
from vatui.store import backups
from vatui.store.schema import SCHEMA_VERSION, version_of
from vatui.store.storage import atomic_write_bytes
from vatui.store.workspace import Workspace


def backup_now(ws: Workspace) -> Path | None:
    """Back the workspace up now; ``None`` when the newest backup is already identical."""
    with ws.transaction():
        return backups.make_backup(ws.directory, ws.path, ws.clock.now(), reason="manual")


def restore(ws: Workspace, source: Path) -> Path | None:
    """Replace the workspace with ``source`` (checked first); the current file is backed up."""
    try:
        raw = Path(source).read_bytes()
    except OSError as exc:
        raise InputError(_("cannot read {path}: {why}").format(path=source, why=exc.strerror)) from exc
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise InputError(_("{path} is not a vatui workspace (not valid JSON)").format(path=source)) from exc
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise InputError(_("{path} is not a vatui workspace").format(path=source))
    version = version_of(data)
    if version > SCHEMA_VERSION or version < 0:
        raise InputError(_("{path} was written by a newer vatui").format(path=source))
    with ws.transaction():
        saved = backups.make_backup(ws.directory, ws.path, ws.clock.now(), reason="prerestore", force=True)
        atomic_write_bytes(ws.path, raw)
    if ws.storage is not None:
        ws.storage.invalidate()
    ws.refresh()
    # A backup from before an archive run holds archived records again and lacks the id
    # floors: archiving once more moves them back out and restores the floors.
    from vatui.services.common import home_today
    from vatui.store.archive import archive_old

    archive_old(ws, home_today(ws))
    return saved


def export_json(ws: Workspace, *, confidential: bool = False) -> dict[str, Any]:
    """Every table, archived years included; confidential notes left out unless asked for."""
    from vatui.store.archive import all_docs

    ws.refresh()
    out: dict[str, Any] = {}
    for table in ("settings", "clients", "tasks", "time", "contacts", "invoices", "payments", "expenses"):
        docs = all_docs(ws, table)
        rows = []
        for key, doc in sorted(docs.items(), key=lambda kv: int(kv[0])):
            row = {"id": int(key), **copy.deepcopy(doc)}
            if table == "clients" and not confidential:
                row["notes"] = [n for n in row.get("notes", []) if not n.get("confidential")]
            rows.append(row)
        out[table] = rows
    out["schema"] = SCHEMA_VERSION
    return out
