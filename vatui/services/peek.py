"""Reading the workspace's document without opening it (no lock, no housekeeping, no write):
for the command line's early look at the language setting. The store merges the base file
and its journal (``vatui.store.storage.read_document``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vatui.store.storage import read_document, read_document_tables


def peek_document(path: Path, tables: tuple[str, ...] | None = None) -> dict[str, Any] | None:
    """The workspace file ``path`` as one document (only its ``tables`` when given: only
    those are parsed), or ``None``; ``VatuiError`` when damaged."""
    return read_document(path) if tables is None else read_document_tables(path, tables)
