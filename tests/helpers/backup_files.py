"""Reading the backups vatui writes (gzip-compressed ``.json.gz``, or old ``.json``) in tests."""

from __future__ import annotations

import gzip
from pathlib import Path


def backup_bytes(path: Path) -> bytes:
    """The workspace bytes a backup holds, whether it is compressed or not."""
    raw = path.read_bytes()
    return gzip.decompress(raw) if path.name.endswith(".gz") else raw


def tree_bytes(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory`` by relative path, to prove nothing changed."""
    return {
        str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()
    }
