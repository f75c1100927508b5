"""Errors the store reports, each naming the file concerned."""

from __future__ import annotations

from pathlib import Path

from vatui.domain.errors import VatuiError
from vatui.i18n import _
from vatui.store.storage import DamagedFileError, DiskWriteError

__all__ = ["DamagedFileError", "DiskWriteError", "RefusedWorkspace", "UnusableDataDir", "WorkspaceBusy"]


class RefusedWorkspace(VatuiError):
    """vatui will not open this workspace (damaged, or from a newer version)."""

    def __init__(self, path: Path, reason: str, newest_backup: Path | None) -> None:
        backup = (
            _("newest backup: {path}").format(path=newest_backup) if newest_backup else _("no backup found")
        )
        super().__init__(
            _("refusing to open {path}: {reason}; it was left untouched ({backup})").format(
                path=path, reason=reason, backup=backup
            )
        )
        self.path = path
        self.reason = reason
        self.newest_backup = newest_backup


class WorkspaceBusy(VatuiError):
    """Another vatui held the workspace lock for too long."""


class UnusableDataDir(VatuiError):
    """The data folder, or a file or folder vatui keeps in it, cannot be used as it is."""
