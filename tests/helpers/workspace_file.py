"""What a test reads of the workspace on disk: the merged document (``workspace.json`` and
the journal of changes beside it, ``workspace.journal``), the way vatui reads it, and the
raw bytes of both files, for "nothing was changed" checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from vatui.store.journal import journal_path
from vatui.store.storage import read_document


def _base(path: Path) -> Path:
    return path / "workspace.json" if path.is_dir() else path


def read_workspace(path: Path) -> dict[str, Any]:
    """The workspace document at ``path`` (the file, or its data folder), journal applied."""
    return read_document(_base(path)) or {}


def workspace_bytes(path: Path) -> bytes:
    """The merged document as JSON bytes (what a backup or a restore holds)."""
    return orjson.dumps(read_workspace(path))


def write_workspace(path: Path, data: dict[str, Any]) -> None:
    """Replace the workspace at ``path`` by ``data`` as a hand edit done with vatui closed
    would: the journal is folded first, so only ``workspace.json`` holds the document."""
    from vatui.store.storage import write_base_file

    write_base_file(_base(path), data)


def files_state(path: Path) -> tuple[bytes, bytes | None]:
    """The raw bytes of ``workspace.json`` and of its journal (``None`` when there is none)."""
    base = _base(path)
    journal = journal_path(base)
    return base.read_bytes(), journal.read_bytes() if journal.exists() else None
