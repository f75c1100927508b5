"""Where vatui keeps its files. Nothing is created at import time."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "vatui"
WORKSPACE_FILE = "workspace.json"
LOCK_FILE = "workspace.lock"
JOURNAL_FILE = "workspace.journal"
"""The journal of changes beside ``workspace.json`` (``vatui.store.journal``)."""


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: ``override``, else ``$VATUI_DATA_DIR``, else the platform's."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("VATUI_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The config directory (key bindings), ``$VATUI_CONFIG_DIR`` or the platform's."""
    env = os.environ.get("VATUI_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def workspace_path(directory: Path) -> Path:
    """The workspace file inside ``directory``."""
    return directory / WORKSPACE_FILE


def backups_dir(directory: Path) -> Path:
    """Where backups go."""
    return directory / "backups"


def archive_dir(directory: Path) -> Path:
    """Where archived years go."""
    return directory / "archive"


def ensure_private_dir(directory: Path) -> Path:
    """Create ``directory`` (0700, whatever the umask) if needed and return it.

    A directory that already exists is left as it is: vatui never changes the mode of
    something it did not create (nor of what a link points to).
    """
    if not directory.is_dir():
        directory.parent.mkdir(parents=True, exist_ok=True)
        try:
            directory.mkdir(mode=0o700)
        except FileExistsError:
            return directory
        try:
            os.chmod(directory, 0o700)
        except OSError:
            pass
    return directory
