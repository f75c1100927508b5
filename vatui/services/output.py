"""The one writer of every file vatui creates outside the store: exports and documents.

``write_private(path, payload, data_dir)`` writes ``payload`` to a temporary file beside
``path`` (mode 0600 whatever the umask), fsyncs it and renames it over ``path``: a
reader never sees half a file, and a full disk leaves no empty or partial file (the
temp file is removed, ``path`` is as it was). It refuses, before writing anything, a
destination that is a symbolic link, a folder or not a regular file, and any of vatui's
own files in ``data_dir``: the workspace, the lock files, and anything in ``backups/``
or ``archive/``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from vatui.domain.errors import InputError
from vatui.domain.text import clean
from vatui.i18n import _
from vatui.paths import JOURNAL_FILE, LOCK_FILE, WORKSPACE_FILE, archive_dir, backups_dir
from vatui.store.storage import atomic_write_bytes


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _inside(folder: Path, target_dir: Path) -> bool:
    """Whether ``target_dir`` is ``folder`` or inside it (by real path and by inode)."""
    real_folder = Path(os.path.realpath(folder))
    real_target = Path(os.path.realpath(target_dir))
    if real_target.is_relative_to(real_folder):
        return True
    folder_st = _stat(folder)
    if folder_st is None:
        return False
    for parent in (real_target, *real_target.parents):
        st = _stat(parent)
        if st is not None and _same(st, folder_st):
            return True
    return False


def check_destination(path: Path, data_dir: Path | None) -> None:
    """Refuse (``InputError``) a destination vatui must not write an export or a document to."""
    shown = clean(str(path))
    try:
        info: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise InputError(_("cannot write {path}: {why}").format(path=shown, why=exc.strerror or exc)) from exc
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise InputError(
                _(
                    "{path} is a symbolic link; vatui does not write through links (name the file itself)"
                ).format(path=shown)
            )
        if stat.S_ISDIR(info.st_mode):
            raise InputError(_("{path} is a folder; name a file").format(path=shown))
        if not stat.S_ISREG(info.st_mode):
            raise InputError(_("{path} is not a regular file").format(path=shown))
    if data_dir is None:
        return
    parent = path.parent
    own = (
        WORKSPACE_FILE,
        JOURNAL_FILE,
        LOCK_FILE,
        LOCK_FILE + ".queue",
        backups_dir(data_dir).name,
        archive_dir(data_dir).name,
    )
    parent_st, data_st = _stat(parent), _stat(data_dir)
    if parent_st is not None and data_st is not None and _same(parent_st, data_st):
        if path.name in own or path.name.startswith((f".{WORKSPACE_FILE}.", f".{JOURNAL_FILE}.")):
            raise InputError(
                _("{path} is vatui's own ({name}); choose another file").format(path=shown, name=path.name)
            )
    for folder in (backups_dir(data_dir), archive_dir(data_dir)):
        if _stat(folder) is not None and _inside(folder, parent):
            raise InputError(
                _("{path} is inside vatui's {folder} folder; choose a file elsewhere").format(
                    path=shown, folder=folder.name
                )
            )


def write_private(path: Path, payload: bytes, data_dir: Path | None) -> None:
    """Check ``path`` (``check_destination``), then write ``payload`` there atomically, 0600.

    Raises ``InputError`` for a refused destination and ``DiskWriteError`` when the write
    fails (the destination is then as it was, and no temp file is left).
    """
    check_destination(path, data_dir)
    atomic_write_bytes(path, payload, mode=0o600)
