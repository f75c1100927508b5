"""Workspaces the benchmarks share: the large demo, made once per run.

``large_workspace_dir()`` generates the large demo workspace (40 clients, over 50,000
records, dated relative to the real clock) in a temporary directory the first time it is
called, and returns the same directory afterwards; it is deleted when the run ends.
Benchmarks that write take ``copy_of_large()`` so they never change what the others read.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

SEED = 7
"""The demo's seed: every run measures the same workspace (up to the date)."""

_root: Path | None = None
_large: Path | None = None
_huge: Path | None = None

HUGE_CLIENTS = 500
"""``demo-data --size 500``: the issue's "years of history" workspace (over 130,000 records)."""


def _scratch() -> Path:
    global _root
    if _root is None:
        _root = Path(tempfile.mkdtemp(prefix="vatui-bench-"))
        atexit.register(shutil.rmtree, _root, True)
    return _root


def large_workspace_dir() -> Path:
    """The data directory of the large demo workspace (created on first use, then reused)."""
    global _large
    if _large is None:
        from vatui.demo.workspace import SIZES, generate
        from vatui.store.workspace import Workspace

        directory = _scratch() / "large"
        ws = Workspace.open(directory)
        generate(ws, clients=SIZES["large"], seed=SEED)
        # The worst case: nothing archived. vatui archives old records when a workspace
        # opens; this one keeps all 50,000+ records live (``archived_copy_of_large`` is
        # what a user's workspace looks like after its first open).
        with ws.transaction(None) as tx:
            tx.update("settings", 1, {"auto_archive": False})
        ws.close()
        _large = directory
    return _large


def huge_workspace_dir() -> Path:
    """The data directory of ``demo-data --size 500`` (made on first use, nothing archived)."""
    global _huge
    if _huge is None:
        from vatui.demo.workspace import generate
        from vatui.store.workspace import Workspace

        directory = _scratch() / "huge"
        ws = Workspace.open(directory)
        generate(ws, clients=HUGE_CLIENTS, seed=SEED)
        with ws.transaction(None) as tx:
            tx.update("settings", 1, {"auto_archive": False})
        ws.close()
        _huge = directory
    return _huge


def copy_of_large(name: str, source: Path | None = None) -> Path:
    """A private copy of a workspace's data directory (the large one unless ``source``
    is given), for benchmarks that write."""
    source = source or large_workspace_dir()
    target = _scratch() / name
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(mode=0o700)
    for name in ("workspace.json", "workspace.journal"):  # the base and the changes since
        if (source / name).exists():
            shutil.copy2(source / name, target / name)
    return target


def archived_copy_of_large(name: str, source: Path | None = None) -> Path:
    """A copy of the large workspace after ``vatui.store.archive.archive_old`` ran on it.

    Done tasks older than the archive age and paid invoices of closed years (with their
    payments and time) move to ``archive/YYYY.json``: the steady state of a workspace
    used for years, against the worst case of ``large_workspace_dir()``.
    """
    from vatui.services.common import home_today
    from vatui.store.archive import archive_old
    from vatui.store.workspace import Workspace

    directory = copy_of_large(name, source)
    ws = Workspace.open(directory)
    archive_old(ws, home_today(ws))
    with ws.transaction(None) as tx:
        tx.update("settings", 1, {"auto_archive": True})
    ws.close()
    return directory


def archived_copy_of_huge(name: str) -> Path:
    """``archived_copy_of_large`` of the size-500 workspace (19 MB hot, against 34 MB)."""
    return archived_copy_of_large(name, huge_workspace_dir())


def records_in(directory: Path) -> int:
    """How many documents the workspace in ``directory`` holds, over every table."""
    from vatui.store.storage import read_document

    data = read_document(directory / "workspace.json") or {}
    return sum(len(table) for table in data.values())
