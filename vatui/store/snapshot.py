"""A workspace frozen at one moment, for the app's worker threads (``Workspace.snapshot``).

A worker (the Plan's bars, Today's early warning) reads for tens of milliseconds while the
VA keeps typing: reading the live workspace, it could see one table before a change and the
next one after it. A snapshot holds the document of one moment instead; the store never
changes a table or document in place once handed out, so holding them is enough.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vatui.store.storage import AtomicJSONStorage, StatKey


class FrozenStorage(AtomicJSONStorage):
    """A storage that serves one fixed document and refuses every write."""

    frozen = True

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        super().__init__(path, access_mode="r")
        self._fixed = data
        self.generation = 1

    def read(self) -> dict[str, Any] | None:
        return self._fixed

    def read_tables(self, names: tuple[str, ...]) -> dict[str, Any] | None:
        return {name: self._fixed[name] for name in names if name in self._fixed}

    def write(self, data: dict[str, Any]) -> None:
        raise RuntimeError("a snapshot of the workspace cannot be changed")

    def changed_on_disk(self) -> bool:
        return False

    def _current_stat(self) -> StatKey | None:
        return None
