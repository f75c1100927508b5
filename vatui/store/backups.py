"""Backups of the workspace file: one at start when it changed, the last 30 and one a month kept.

A backup is the workspace's bytes gzip-compressed (``workspace-<stamp>-<digest>[-reason].json.gz``,
about 12x smaller); older vatuis wrote them uncompressed (``.json``): both kinds are listed,
counted by the rotation and restored (``vatui.store.restore.read_candidate`` inflates a gzip,
bounded by the restore cap). The digest in the name is of the uncompressed bytes.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import orjson

from vatui.paths import backups_dir, ensure_private_dir
from vatui.store.storage import DamagedFileError, atomic_write_bytes, read_document

KEEP_LAST = 30
_NAME = re.compile(r"^workspace-(\d{8}T\d{6}(?:\d{6})?Z)-([0-9a-f]{12})(?:-([a-z]+))?\.json(\.gz)?$")
COMPRESS_LEVEL = 1
"""gzip's level for backups. The app backs the workspace up while it opens, before Today is
shown, so the fastest level: a 35 MB workspace compresses in ≈ 0.11 s to about an eighth
(level 6: ≈ 0.33 s for a twelfth)."""


@dataclass(frozen=True)
class BackupFile:
    """One backup on disk, for ``vatui backup --list``."""

    path: Path
    size: int
    at: str
    """The moment it was made, UTC, as ``YYYY-MM-DDTHH:MM:SSZ``."""
    reason: str
    compressed: bool


def is_backup_name(name: str) -> bool:
    """Whether ``name`` is the name of a backup (compressed or not)."""
    return _NAME.match(name) is not None


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


def describe_backups(directory: Path) -> list[BackupFile]:
    """Every backup in ``directory`` with its size, oldest first (one removed meanwhile is left out)."""
    found = []
    for path in list_backups(directory):
        match = _NAME.match(path.name)
        assert match is not None
        try:
            size = path.stat().st_size
        except OSError:
            continue
        stamp = match.group(1)
        at = f"{stamp[0:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[9:11]}:{stamp[11:13]}:{stamp[13:15]}Z"
        found.append(BackupFile(path, size, at, match.group(3) or "", bool(match.group(4))))
    return found


def newest_backup(directory: Path) -> Path | None:
    """The most recent backup, if any."""
    backups = list_backups(directory)
    return backups[-1] if backups else None


def make_backup(
    directory: Path, source: Path | bytes, now: datetime, *, reason: str = "", force: bool = False
) -> Path | None:
    """Copy ``source`` (the workspace file, read with its journal, or the document's bytes),
    gzip-compressed, into ``backups/`` unless the newest backup has the same bytes.

    Returns the new backup, or ``None`` when nothing needed saving.
    """
    payload = source if isinstance(source, bytes) else document_or_raw(source)
    if payload is None:
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
    target = folder / f"workspace-{stamp}-{digest}{suffix}.json.gz"
    atomic_write_bytes(target, _compress(payload))
    prune(directory)
    return target


def document_or_raw(path: Path) -> bytes | None:
    """The workspace file ``path`` as one document (base and journal merged, the store's
    token left out); its raw bytes when it is damaged (a backup keeps whatever it holds);
    ``None`` when there is none."""
    try:
        data = read_document(path)
    except DamagedFileError:
        try:
            return path.read_bytes()
        except OSError:
            return None
    if data is None:
        try:
            return path.read_bytes()
        except FileNotFoundError:
            return None
    return orjson.dumps(data)


def _compress(payload: bytes) -> bytes:
    import gzip  # only when backing up, like the digest

    return gzip.compress(payload, compresslevel=COMPRESS_LEVEL, mtime=0)


def prune(directory: Path) -> list[Path]:
    """Keep the last ``KEEP_LAST`` backups and the newest one of every month; remove the rest
    (compressed and old uncompressed backups alike: they count together)."""
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
