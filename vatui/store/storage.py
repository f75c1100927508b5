"""A TinyDB storage that never leaves a half-written file.

Every write goes to a temporary file in the same directory, is fsynced, atomically
replaces the workspace, and the directory is fsynced too. The parsed data is kept in
memory and reused while the file on disk is the very file we loaded: we keep that file
open, so its inode number cannot be recycled, and compare (inode, size, mtime_ns) with
what is at the path now. When another process replaced it, the next read reloads.

Writes can be batched (``begin_batch``/``end_batch``): inside a batch, ``write`` only
updates memory, and the batch ends with one durable write, or none if it failed.

A batch changes a copy, never what readers hold: it works on a shallow copy of the document,
and a table is copied the first time the batch changes it in place (``writable_table``).
Other threads reading while a batch is open get the document as it was before it (the
committed one); a table or document once handed out is never changed afterwards.
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
from tinydb.storages import Storage

from vatui.domain.errors import InputError, VatuiError
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


def atomic_write_bytes(path: Path, payload: bytes, mode: int = 0o600) -> None:
    """Write ``payload`` to ``path`` with temp file, fsync, atomic replace and dir fsync.

    The temp file is created new (``O_EXCL | O_NOFOLLOW``) with exactly ``mode``; the
    rename replaces whatever is at ``path`` (a link included: it is never followed). On
    any failure the temp file is removed and ``path`` is as it was.
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
    try:
        fsync_dir(path.parent)
    except OSError as exc:
        raise DiskWriteError(
            _(
                "{path} was written, but its folder could not be synced ({why}); "
                "the change may not survive a power cut"
            ).format(path=path, why=exc.strerror or exc)
        ) from exc


class AtomicJSONStorage(Storage):
    """TinyDB storage: orjson, atomic durable writes, an in-memory copy reused while valid."""

    frozen = False
    """Whether this storage only serves a fixed document (``vatui.store.snapshot``)."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        create_dirs: bool = False,
        encoding: str | None = None,
        access_mode: str = "r+",
        **_kwargs: Any,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self._readonly = access_mode == "r"
        if create_dirs:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not self._readonly and not self.path.exists():
            atomic_write_bytes(self.path, b"")
        self._data: dict[str, Any] | None = None
        self._stat: StatKey | None = None
        self._handle: int | None = None
        self._batch = 0
        self._dirty = False
        self._chunks: dict[str, tuple[object, bytes]] = {}
        """Each table's JSON as last written, with the table object it was made from."""
        self._touched: set[str] = set()
        """Tables changed in place since the last write (their cached JSON is stale)."""
        self.generation = 0
        """Bumped every time the in-memory data is replaced from disk."""
        self._committed: dict[str, Any] | None = None
        """During a batch: the document as it was before it, for the other threads' reads."""
        self._owner: int | None = None
        """During a batch: the thread running it (the only one that reads the working copy)."""
        self._copied: set[str] = set()
        """Tables the batch already copied (changed in place from then on)."""
        self._mutex = threading.RLock()
        """Serialises reloading and ending a batch between the app's threads."""

    # -- reading ----------------------------------------------------------------

    def _current_stat(self) -> StatKey | None:
        try:
            st = os.lstat(self.path)  # a link put in the file's place is a change: refused on read
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _hold(self) -> None:
        """Keep the file we loaded open so its inode number is not recycled."""
        if self._handle is not None:
            _close_later(self._handle)
            self._handle = None
        try:
            self._handle = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            self._handle = None
        except OSError as exc:
            self._data, self._stat = None, None
            if exc.errno == errno.ELOOP:
                raise DamagedFileError(
                    self.path,
                    _("it is a symbolic link (vatui never follows links: put the file itself there)"),
                ) from exc
            if exc.errno == errno.EISDIR:
                raise DamagedFileError(self.path, _("it is a folder, not a file")) from exc
            raise DamagedFileError(
                self.path, _("cannot open it ({why})").format(why=exc.strerror or exc)
            ) from exc
        if self._handle is not None and not S_ISREG(os.fstat(self._handle).st_mode):
            os.close(self._handle)
            self._handle, self._data, self._stat = None, None, None
            raise DamagedFileError(self.path, _("it is not a regular file"))

    def changed_on_disk(self) -> bool:
        """Whether the file at the path is not the one held in memory."""
        return self._data is None or self._current_stat() != self._stat

    def read(self) -> dict[str, Any] | None:
        if self._batch and self._data is not None:
            return self._batch_view()
        with self._mutex:  # decided again inside: a batch may have begun meanwhile
            if self._batch and self._data is not None:
                return self._batch_view()
            return self._load()

    def _batch_view(self) -> dict[str, Any] | None:
        """During a batch: its working copy for the thread running it, else what it began from."""
        if self._owner == threading.get_ident() or self._committed is None:
            return self._data
        return self._committed

    def _load(self) -> dict[str, Any] | None:
        """The document: the one in memory while the file is the one loaded, else read again."""
        stat = self._current_stat()
        if self._data is not None and stat == self._stat:
            return self._data
        if stat is None:
            self._data, self._stat = None, None
            return None
        self._hold()
        if self._handle is None:  # it vanished since the stat
            self._data, self._stat = None, None
            return None
        raw = _read_fd(self._handle)
        stat = self._stat_of_handle() or stat
        if not raw.strip():
            self._data, self._stat = None, stat
            self.generation += 1
            return None
        try:
            data = _parse(raw)
        except orjson.JSONDecodeError as exc:
            self._data = None
            raise DamagedFileError(self.path, _("not valid JSON ({why})").format(why=exc)) from exc
        if not is_tables(data):
            self._data = None
            raise DamagedFileError(
                self.path, _("not a workspace (expected an object of tables of objects by number)")
            )
        self._data, self._stat = data, stat
        self._chunks, self._touched = {}, set()
        self.generation += 1
        return data

    def _stat_of_handle(self) -> StatKey | None:
        if self._handle is None:
            return None
        st = os.fstat(self._handle)
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    # -- writing ----------------------------------------------------------------

    def write(self, data: dict[str, Any]) -> None:
        if self._readonly:
            raise DiskWriteError(_("{path}: opened read-only").format(path=self.path))
        if self._batch:
            self._data = data
            self._dirty = True
            return
        self._flush(data)

    def touch(self, table: str) -> None:
        """Say that ``table`` was changed in place (its cached JSON must be remade)."""
        self._touched.add(table)

    def writable_table(self, name: str) -> dict[str, Any]:
        """Table ``name`` of the batch's document, to change in place (then ``write``).

        The first call in a batch copies the table, so a reader holding the table as it was
        never sees it change (the copy costs far less than TinyDB rebuilding it per insert).
        """
        if not self._batch or self._data is None:
            raise RuntimeError("tables are changed in place only inside a batch")
        if name not in self._copied:
            self._data[name] = dict(self._data.get(name, {}))
            self._copied.add(name)
        self._touched.add(name)
        table: dict[str, Any] = self._data[name]
        return table

    def _serialize(self, data: dict[str, Any]) -> tuple[bytes, dict[str, tuple[object, bytes]]]:
        """The whole document as JSON, remaking only the tables that changed.

        TinyDB replaces a table's dict on every change, and in-place changes are
        ``touch``-ed, so a table whose dict is the very object last written, and not
        touched since, still has the same JSON.
        """
        chunks: dict[str, tuple[object, bytes]] = {}
        parts: list[bytes] = []
        for name, table in data.items():
            hit = self._chunks.get(name)
            if hit is not None and hit[0] is table and name not in self._touched:
                chunk = hit[1]
            else:
                chunk = orjson.dumps(table)
            chunks[name] = (table, chunk)
            parts.append(orjson.dumps(name) + b":" + chunk)
        return b"{" + b",".join(parts) + b"}", chunks

    def _flush(self, data: dict[str, Any]) -> None:
        try:
            try:
                payload, chunks = self._serialize(data)
            except orjson.JSONEncodeError as exc:  # e.g. text with lone surrogates from argv
                raise InputError(
                    _("cannot save this change ({why}); nothing was changed").format(why=exc)
                ) from exc
            atomic_write_bytes(self.path, payload)
        except Exception:
            self._data, self._stat = None, None
            self._chunks, self._touched = {}, set()
            raise
        self._data = data
        self._chunks, self._touched = chunks, set()
        self._hold()
        self._stat = self._stat_of_handle()

    def begin_batch(self) -> None:
        """Start collecting writes in memory; the caller holds the workspace lock.

        If reading the file fails (it is damaged), no batch was started: the error
        propagates and the caller must not call ``end_batch``.
        """
        if self._batch == 0:
            with self._mutex:
                self._dirty = False
                self._load()
                self._committed = self._data
                self._data = dict(self._data) if self._data is not None else None
                self._owner, self._copied = threading.get_ident(), set()
                self._batch = 1
            return
        self._batch += 1

    def end_batch(self, commit: bool) -> None:
        """Finish a batch: write once if it changed anything and ``commit``; else forget it."""
        if self._batch > 1:
            self._batch -= 1
            return
        with self._mutex:
            self._batch = 0
            committed, self._committed, self._owner = self._committed, None, None
            dirty, self._dirty = self._dirty, False
            if not dirty:  # nothing written: keep the very document readers hold
                self._data = committed if committed is not None else self._data
                return
            if commit and self._data is not None:
                self._flush(self._data)
            else:
                self._data, self._stat = None, None
                self._chunks, self._touched = {}, set()

    def invalidate(self) -> None:
        """Forget the in-memory copy; the next read loads the file."""
        with self._mutex:
            self._data, self._stat = None, None
            self._chunks, self._touched = {}, set()

    def close(self) -> None:
        if self._handle is not None:
            os.close(self._handle)
            self._handle = None


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


def _parse(raw: bytes) -> Any:
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


def _close_later(fd: int) -> None:
    """Close ``fd`` off the caller's path: closing the last handle of a replaced
    workspace makes the kernel free its blocks, which takes milliseconds."""
    threading.Thread(target=_close_quietly, args=(fd,), daemon=True).start()


def _close_quietly(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass


def _read_fd(fd: int) -> bytes:
    size = os.fstat(fd).st_size
    chunks: list[bytes] = []
    offset = 0
    while True:
        chunk = os.pread(fd, max(size - offset, 1 << 16), offset)
        if not chunk:
            break
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)
