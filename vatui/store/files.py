"""The store's files on disk: writing one whole and atomically (temp file, fsync, rename,
folder fsync), appending to one, opening one to read it (never through a link, only a regular
file), and the errors they raise. ``vatui.store.storage`` builds the workspace's storage on them.

Every system call goes through this module's ``os`` (the fault-injection tests replace it).
"""

from __future__ import annotations

import errno
import gc
import os
import re
import threading
from pathlib import Path
from stat import S_ISREG
from typing import Any, TypeGuard

import orjson

from vatui.domain.errors import VatuiError
from vatui.i18n import _

StatKey = tuple[int, int, int]

_FULL = {errno.ENOSPC, errno.EDQUOT}
"""Errors that mean there is no room left."""

_TEMP = re.compile(r"^\..+\.\d+\.tmp$")
"""The name ``atomic_write_bytes`` gives its temp files: ``.<name>.<pid>.tmp``."""


class DamagedFileError(VatuiError):
    """The file is not a valid workspace document."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class DiskWriteError(VatuiError):
    """The change could not be written (disk full, read-only, …); the file is intact."""


def fsync_dir(directory: Path) -> None:
    """fsync a directory so a rename inside it is durable."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_path(path: Path) -> Path:
    """The temp file ``atomic_write_bytes`` writes before it replaces ``path``."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def remove_stale_temps(directory: Path, of: str | None = None) -> list[Path]:
    """Remove temp files a killed writer left in ``directory``; returns what was removed.

    ``of`` limits it to the temp files of that one file name (the data directory may hold
    the user's own exports). Only call this while holding the workspace lock: every writer
    of these files holds it, so no temp file found then belongs to a write in progress.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except FileNotFoundError:
        return removed
    for entry in entries:
        mine = entry.name.startswith(f".{of}.") if of is not None else True
        if mine and _TEMP.match(entry.name) and entry.is_file(follow_symlinks=False):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


def _create_temp(tmp: Path, mode: int) -> int:
    """Create ``tmp`` afresh (never through a link, never an existing file) with ``mode``."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(tmp, flags, mode)
    except FileExistsError:  # a stale temp file of an earlier process with our pid
        os.unlink(tmp)
        fd = os.open(tmp, flags, mode)
    try:
        os.fchmod(fd, mode)  # exactly ``mode``, whatever the umask
    except BaseException:
        os.close(fd)
        raise
    return fd


def atomic_write_bytes(path: Path, payload: bytes, mode: int = 0o600, *, durable: bool = True) -> None:
    """Write ``payload`` to ``path`` with temp file, fsync, atomic replace and dir fsync.

    The temp file is created new (``O_EXCL | O_NOFOLLOW``) with exactly ``mode``; the
    rename replaces whatever is at ``path`` (a link included: it is never followed). On
    any failure the temp file is removed and ``path`` is as it was. ``durable=False`` (a
    file kept only to save work, never data: its reader ignores anything that is not a
    whole one) skips both syncs, which cost more than the write.
    """
    tmp = temp_path(path)
    created = False
    try:
        fd = _create_temp(tmp, mode)
        created = True
        try:
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        if created:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        if exc.errno in _FULL:
            raise DiskWriteError(
                _("{path}: the disk is full; nothing was changed").format(path=path)
            ) from exc
        raise DiskWriteError(
            _("{path}: could not write ({why}); nothing was changed").format(
                path=path, why=exc.strerror or exc
            )
        ) from exc
    if not durable:
        return
    try:
        fsync_dir(path.parent)
    except OSError as exc:
        raise DiskWriteError(
            _(
                "{path} was written, but its folder could not be synced ({why}); "
                "the change may not survive a power cut"
            ).format(path=path, why=exc.strerror or exc)
        ) from exc


def lstat_key(path: Path) -> StatKey | None:
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def fstat_key(fd: int) -> StatKey:
    st = os.fstat(fd)
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def open_regular(path: Path) -> int | None:
    """A read handle on ``path`` (``None`` when there is none); never through a link, and
    only a regular file (else ``DamagedFileError``)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DamagedFileError(
                path, _("it is a symbolic link (vatui never follows links: put the file itself there)")
            ) from exc
        if exc.errno == errno.EISDIR:
            raise DamagedFileError(path, _("it is a folder, not a file")) from exc
        raise DamagedFileError(path, _("cannot open it ({why})").format(why=exc.strerror or exc)) from exc
    if not S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise DamagedFileError(path, _("it is not a regular file"))
    return fd


def write_error(path: Path, exc: OSError) -> DiskWriteError:
    if exc.errno in _FULL:
        return DiskWriteError(_("{path}: the disk is full; nothing was changed").format(path=path))
    return DiskWriteError(
        _("{path}: could not write ({why}); nothing was changed").format(path=path, why=exc.strerror or exc)
    )


def cut_back(fd: int, length: int) -> None:
    """After a failed append: the journal as it was before it (best effort: a torn end is
    ignored by readers and cut by the next writer anyway)."""
    try:
        os.ftruncate(fd, length)
        os.fsync(fd)
    except OSError:
        pass


def is_tables(data: Any) -> TypeGuard[dict[str, Any]]:
    """Whether ``data`` has TinyDB's shape: ``{table: {"<number>": {document}}}``.

    Checked table by table with C-level calls (one ``join`` of the ids, one ``map`` of
    the document types): a per-document Python loop cost 10 ms on a large workspace.
    """
    if not isinstance(data, dict):
        return False
    for table in data.values():
        if not isinstance(table, dict):
            return False
        if table:
            ids = "".join(table)
            if not (ids.isascii() and ids.isdigit()) or "" in table:
                return False
            if not set(map(type, table.values())) <= {dict}:
                return False
    return True


def parse_document(raw: bytes) -> Any:
    """Parse the workspace with the cyclic garbage collector paused.

    Building tens of thousands of small dicts triggers a collection every few hundred
    allocations, each walking the young objects: pausing it halves the load of a large
    workspace. The documents hold no reference cycles, so nothing is left uncollected.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return orjson.loads(raw)
    finally:
        if enabled:
            gc.enable()


def close_later(fd: int) -> None:
    """Close ``fd`` off the caller's path: closing the last handle of a replaced
    workspace makes the kernel free its blocks, which takes milliseconds."""
    threading.Thread(target=_close_quietly, args=(fd,), daemon=True).start()


def _close_quietly(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass


def read_fd(fd: int, offset: int = 0) -> bytes:
    size = os.fstat(fd).st_size
    chunks: list[bytes] = []
    while True:
        chunk = os.pread(fd, max(size - offset, 1 << 16), offset)
        if not chunk:
            break
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def append_line(path: Path, line: bytes, inode: int, valid: int, *, shown: Path) -> StatKey:
    """Append ``line`` to ``path`` with one write on an ``O_APPEND | O_NOFOLLOW`` descriptor,
    then fsync; returns the file's stat after it.

    ``path`` must still be the file ``inode`` (else nothing is written), its good content
    ending at ``valid``: anything after it (a write never acknowledged) is cut first. On
    failure the file is cut back to ``valid`` and ``DiskWriteError`` says, naming ``shown``
    (the workspace), that nothing was changed.
    """
    flags = os.O_WRONLY | os.O_APPEND | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise write_error(shown, exc) from exc
    try:
        st = os.fstat(fd)
        if st.st_ino != inode or not S_ISREG(st.st_mode):
            raise DiskWriteError(
                _("{path}: could not write ({why}); nothing was changed").format(
                    path=shown, why=_("it was replaced")
                )
            )
        try:
            if st.st_size != valid:  # a write that was never acknowledged
                os.ftruncate(fd, valid)
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        except OSError as exc:
            cut_back(fd, valid)
            raise write_error(shown, exc) from exc
        return fstat_key(fd)
    finally:
        os.close(fd)
