"""Backups of the workspace file: one at start when it changed, the last 30 and one a month kept."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path

from vatui.paths import backups_dir, ensure_private_dir
from vatui.store.storage import atomic_write_bytes

KEEP_LAST = 30
_NAME = re.compile(r"^workspace-(\d{8}T\d{6}(?:\d{6})?Z)-([0-9a-f]{12})(?:-[a-z]+)?\.json$")


def _digest(payload: bytes) -> str:
    import hashlib  # only when backing up: the command line's reads should not pay for it

    return hashlib.blake2b(payload, digest_size=6).hexdigest()


def list_backups(directory: Path) -> list[Path]:
    """Backups of the workspace in ``directory``, oldest first."""
    folder = backups_dir(directory)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if _NAME.match(p.name)]
    return sorted(found, key=lambda p: p.name)


def newest_backup(directory: Path) -> Path | None:
    """The most recent backup, if any."""
    backups = list_backups(directory)
    return backups[-1] if backups else None


def make_backup(
    directory: Path, source: Path, now: datetime, *, reason: str = "", force: bool = False
) -> Path | None:
    """Copy ``source`` into ``backups/`` unless the newest backup has the same bytes.

    Returns the new backup, or ``None`` when nothing needed saving.
    """
    try:
        payload = source.read_bytes()
    except FileNotFoundError:
        return None
    if not payload.strip():
        return None
    digest = _digest(payload)
    latest = newest_backup(directory)
    if not force and latest is not None:
        match = _NAME.match(latest.name)
        if match and match.group(2) == digest:
            return None
    folder = ensure_private_dir(backups_dir(directory))
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    suffix = f"-{reason}" if reason else ""
    target = folder / f"workspace-{stamp}-{digest}{suffix}.json"
    atomic_write_bytes(target, payload)
    prune(directory)
    return target


def prune(directory: Path) -> list[Path]:
    """Keep the last ``KEEP_LAST`` backups and the newest one of every month; remove the rest."""
    backups = list_backups(directory)
    keep = set(backups[-KEEP_LAST:])
    newest_per_month: dict[str, Path] = {}
    for path in backups:
        newest_per_month[path.name[10:16]] = path
    keep.update(newest_per_month.values())
    removed = []
    for path in backups:
        if path not in keep:
            try:
                os.remove(path)
                removed.append(path)
            except OSError:
                pass
    return removed
