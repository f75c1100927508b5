"""The data folder and what vatui keeps in it, checked before anything is opened.

The data folder itself may be a link the user made (to a synced folder, say). Inside it,
``workspace.lock``, ``workspace.lock.queue``, ``backups/`` and ``archive/`` must not be
links, and each must be a file or a folder as due: vatui would otherwise write through
a link, change the mode of what it points to, or fail half-way with a traceback. Each
problem is refused with one line (``UnusableDataDir``) naming the path.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from vatui.i18n import _
from vatui.paths import LOCK_FILE, archive_dir, backups_dir, ensure_private_dir
from vatui.store.errors import UnusableDataDir


def _why(exc: OSError) -> str:
    return str(exc.strerror or exc)


def check_data_dir(directory: Path) -> None:
    """Create ``directory`` (0700) if it is missing; refuse it or its contents if unusable."""
    try:
        info: os.stat_result | None = os.stat(directory)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise UnusableDataDir(
            _("cannot use the data folder {path}: {why}").format(path=directory, why=_why(exc))
        ) from exc
    if info is None:
        try:
            ensure_private_dir(directory)
        except OSError as exc:
            raise UnusableDataDir(
                _("cannot create the data folder {path}: {why}").format(path=directory, why=_why(exc))
            ) from exc
    elif not stat.S_ISDIR(info.st_mode):
        raise UnusableDataDir(_("the data folder {path} is not a folder").format(path=directory))
    lock = directory / LOCK_FILE
    for path, folder in (
        (lock, False),
        (lock.with_name(lock.name + ".queue"), False),
        (backups_dir(directory), True),
        (archive_dir(directory), True),
    ):
        check_entry(path, folder=folder)


def check_entry(path: Path, *, folder: bool) -> None:
    """Refuse ``path`` if it is a link, or not a folder (``folder``) or not a file; absent is fine."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UnusableDataDir(_("cannot use {path}: {why}").format(path=path, why=_why(exc))) from exc
    if stat.S_ISLNK(info.st_mode):
        raise UnusableDataDir(
            _(
                "{path} is a symbolic link; vatui never follows links in its data folder "
                "(put the real {what} there)"
            ).format(path=path, what=_("folder") if folder else _("file"))
        )
    if folder and not stat.S_ISDIR(info.st_mode):
        raise UnusableDataDir(_("{path} should be a folder, but it is not").format(path=path))
    if not folder and not stat.S_ISREG(info.st_mode):
        raise UnusableDataDir(_("{path} should be a file, but it is not").format(path=path))
