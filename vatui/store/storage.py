"""A TinyDB storage that never leaves a half-written file, and whose changes cost what they change.

The document is a base file (``workspace.json``), written whole only now and then (temp file,
fsync, atomic rename, folder fsync: ``vatui.store.files``), and the journal beside it
(``workspace.journal``, ``vatui.store.journal``): a durable change appends one line with what
it changed and fsyncs it. The parsed document is kept in memory and reused while both files
are the ones loaded (``vatui.store.loaded``): we keep them open, so their inode numbers cannot
be recycled, and compare (inode, size, mtime_ns) with what is at the paths now. When another
process only appended to the journal, the next read applies its new lines; when it replaced
a file, the next read loads both again.

Writes can be batched (``begin_batch``/``end_batch``): inside a batch, ``write`` only
updates memory, and the batch ends with one durable write, or none if it failed.

A batch changes a copy, never what readers hold: it works on a shallow copy of the document,
and a table is copied the first time the batch changes it in place (``writable_table``).
Other threads reading while a batch is open get the document as it was before it (the
committed one); a table or document once handed out is never changed afterwards.

A base file in the store's layout (``vatui.store.layout``) is read lazily: only ``meta`` is
parsed at load, every other table when it is first asked for (``read_tables``). ``read``,
what TinyDB and every whole-document user gets, parses every table first
(``vatui.store.document``).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from vatui.domain.errors import InputError
from vatui.i18n import _
from vatui.store import files, journal, layout
from vatui.store.files import (
    DamagedFileError,
    DiskWriteError,
    StatKey,
    atomic_write_bytes,
    fsync_dir,
    is_tables,
    remove_stale_temps,
    temp_path,
)
from vatui.store.loaded import LoadedFiles

__all__ = [
    "AtomicJSONStorage",
    "DamagedFileError",
    "DiskWriteError",
    "StatKey",
    "atomic_write_bytes",
    "fsync_dir",
    "is_tables",
    "read_document",
    "read_document_tables",
    "remove_stale_temps",
    "temp_path",
    "write_base_file",
]


class AtomicJSONStorage(LoadedFiles, Storage):
    """TinyDB storage: orjson, a base file written whole and atomically, an append-only
    journal of the changes since (``vatui.store.journal``), an in-memory copy reused while
    both files are the ones loaded."""

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
        LoadedFiles.__init__(self, Path(path))
        self._readonly = access_mode == "r"
        if create_dirs:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not self._readonly and not self.path.exists():
            files.atomic_write_bytes(self.path, b"")
        self._batch = 0
        self._dirty = False
        self._committed: dict[str, Any] | None = None
        """During a batch: the document as it was before it, for the other threads' reads."""
        self._owner: int | None = None
        """During a batch: the thread running it (the only one that reads the working copy)."""
        self._copied: set[str] = set()
        """Tables the batch already copied (changed in place from then on)."""
        self._tracked: dict[str, tuple[object, set[str]]] = {}
        """During a batch: per table, the copy it made and the ids it changed in it."""
        self._mutex = threading.RLock()
        """Serialises reloading and ending a batch between the app's threads."""

    # -- reading ----------------------------------------------------------------
    def read(self) -> dict[str, Any] | None:
        """The whole document, every table parsed."""
        if self._batch and self._data is not None:
            return self._batch_view()
        with self._mutex:  # decided again inside: a batch may have begun meanwhile
            if self._batch and self._data is not None:
                return self._batch_view()
            return self._whole()

    def read_tables(self, names: tuple[str, ...]) -> dict[str, Any] | None:
        """The tables ``names`` of the document as read now (those it has), parsing only
        those; ``None`` when there is no document (as ``read``)."""
        if self._batch and self._data is not None:
            view = self._batch_view()
        else:
            with self._mutex:
                if self._batch and self._data is not None:
                    view = self._batch_view()
                else:
                    view = self._parsed(names)
        if view is None:
            return None
        return {name: view[name] for name in names if name in view}

    def read_group(self, name: str, group: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        """The document as read now (its ``meta`` parsed) and the documents of one group of
        the grouped table ``name`` (``vatui.store.layout.GROUPED``), parsing only that group;
        the second is ``None`` when that cannot be done (the table is parsed already, or
        changed by the journal, or not stored grouped): the caller reads the table whole."""
        if self._batch and self._data is not None:
            return self._batch_view(), None
        with self._mutex:
            if self._batch and self._data is not None:
                return self._batch_view(), None
            return self._group(name, group)

    def read_raw(self, name: str) -> memoryview | None:
        """Table ``name``'s JSON as the base file holds it while it is not parsed (nor changed
        by the journal, nor in a batch); ``None`` otherwise: the caller reads its documents."""
        if self._batch:
            return None
        with self._mutex:
            return None if self._batch else self._raw(name)

    def _batch_view(self) -> dict[str, Any] | None:
        """During a batch: its working copy for the thread running it, else what it began from."""
        if self._owner == threading.get_ident() or self._committed is None:
            return self._data
        return self._committed

    # -- writing ----------------------------------------------------------------

    def write(self, data: dict[str, Any]) -> None:
        if self._readonly:
            raise DiskWriteError(_("{path}: opened read-only").format(path=self.path))
        if self._batch:
            self._data = data
            self._dirty = True
            return
        self._flush(data, None)

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
            self._tracked[name] = (self._data[name], set())
        self._touched.add(name)
        table: dict[str, Any] = self._data[name]
        return table

    def put(self, name: str, key: str, doc: dict[str, Any]) -> None:
        """Inside a batch: store ``doc`` as ``key`` of table ``name`` (journaled alone)."""
        self.writable_table(name)[key] = doc
        self._mark(name, key)

    def drop(self, name: str, key: str) -> None:
        """Inside a batch: remove document ``key`` of table ``name`` (it must be there)."""
        del self.writable_table(name)[key]
        self._mark(name, key)

    def _mark(self, name: str, key: str) -> None:
        mark = self._tracked.get(name)
        if mark is not None:
            mark[1].add(key)
        assert self._data is not None
        self.write(self._data)

    def _serialize(
        self, data: dict[str, Any], token: str | None
    ) -> tuple[bytes, dict[str, tuple[object, layout.Chunk]]]:
        """The whole document in the store's layout (``vatui.store.layout``; with ``token``,
        it and the index of the lines in ``meta`` #1), remaking only the tables that changed.

        TinyDB replaces a table's dict on every change, and in-place changes are
        ``touch``-ed, so a table whose dict is the very object last written, and not
        touched since, still has the same JSON.
        """
        chunks: dict[str, tuple[object, layout.Chunk]] = {}

        def chunk(name: str, table: Any) -> layout.Chunk:
            hit = self._chunks.get(name)
            made = hit[1] if hit is not None and hit[0] is table and name not in self._touched else None
            made = layout.table_json(name, table) if made is None else made
            chunks[name] = (table, made)
            return made

        private = None if token is None else {journal.TOKEN_KEY: token}
        return layout.encode(data, chunk, private), chunks

    def _flush(self, data: dict[str, Any], before: dict[str, Any] | None) -> None:
        """Make ``data`` durable: one journal record of what changed since ``before``, or the
        whole document as a new base (no ``before``, no journal, or the journal is full)."""
        try:
            try:
                line = self._record_line(data, before)
            except orjson.JSONEncodeError as exc:  # e.g. text with lone surrogates from argv
                raise InputError(
                    _("cannot save this change ({why}); nothing was changed").format(why=exc)
                ) from exc
            if line is None:
                self._write_base(data)
            elif line:
                self._append(line)
        except Exception:
            self._forget()
            raise
        self._data = data

    def _record_line(self, data: dict[str, Any], before: dict[str, Any] | None) -> bytes | None:
        """The journal line of this change, ``b""`` when nothing changed, ``None`` for a new base."""
        if before is None or self._token is None or self._jvalid == 0 or self._stat is None:
            return None
        record = journal.diff(before, data, self._tracked)
        if record is None:
            return b""
        line = journal.encode_line(record)
        if self._jvalid + len(line) > journal.compact_threshold(self._stat[1]):
            return None
        return line

    def _append(self, line: bytes) -> None:
        """Append ``line`` to the journal, durably (``files.append_line``)."""
        inode = self._jstat[0] if self._jstat is not None else -1
        self._jstat = files.append_line(self.journal_path, line, inode, self._jvalid, shown=self.path)
        self._jvalid += len(line)

    def _write_base(self, data: dict[str, Any]) -> None:
        """Write ``data`` whole as a new base with a new token, then reset the journal."""
        has_meta = isinstance(data.get("meta", {}).get("1"), dict)
        token = journal.new_token() if has_meta else None
        payload, chunks = self._serialize(data, token)
        files.atomic_write_bytes(self.path, payload)
        self._data, self._token = data, token
        self._laid_out = token is not None
        self._chunks, self._touched = chunks, set()
        self._hold()
        self._stat = files.fstat_key(self._handle) if self._handle is not None else None
        self._jvalid = 0
        if token is not None:
            try:
                files.atomic_write_bytes(self.journal_path, journal.header(token))
            except DiskWriteError:  # the change is in the base; the old journal is now stale
                self._jstat = files.lstat_key(self.journal_path)
                return
            if self._jhandle is not None:
                files.close_later(self._jhandle)
            self._jhandle = files.open_regular(self.journal_path)
            if self._jhandle is not None:
                self._jstat, self._jvalid = files.fstat_key(self._jhandle), len(journal.header(token))
        else:
            self._jstat = files.lstat_key(self.journal_path)

    def compact(self) -> bool:
        """Fold the journal into a new base (the caller holds the lock); whether it did."""
        with self._mutex:
            data = self._whole()
            if data is None or self._batch or self._readonly:
                return False
            folded = self._jvalid <= len(journal.header(self._token)) if self._token is not None else False
            if folded and self._laid_out:
                return False
            try:
                self._write_base(data)
            except Exception:
                self._forget()
                raise
            return True

    def journal_bytes(self) -> int:
        """How many bytes of records the journal holds over the base (0: none)."""
        if self._token is None or self._jvalid == 0:
            return 0
        return self._jvalid - len(journal.header(self._token))

    def document_bytes(self) -> bytes:
        """The document as read now (base and journal merged), as JSON, without the token.

        With no record in the journal that is the base file as written, less its token and
        index, one line each no more (read back, ``meta``'s line made again: ≈ 10 ms at 19 MB,
        where serialising the document anew takes ≈ 40 ms); the bytes are the same either
        way (``_serialize`` without a token writes the lines ``encode`` writes, on one line).
        """
        with self._mutex:
            data = self.read()
            if data is None:
                return b""
            token, handle = self._token, self._handle
            if not self._batch and token is not None and handle is not None and self.journal_bytes() == 0:
                plain = layout.plain(files.read_fd(handle), (journal.TOKEN_KEY,))
                if plain is not None:
                    return plain
            payload, chunks = self._serialize(data, None)
            if not self._batch:  # what a compaction would write next, but for the token
                self._chunks, self._touched = chunks, set()
            return payload

    def begin_batch(self) -> None:
        """Start collecting writes in memory; the caller holds the workspace lock.

        If reading the file fails (it is damaged), no batch was started: the error
        propagates and the caller must not call ``end_batch``.
        """
        if self._batch == 0:
            with self._mutex:
                self._dirty = False
                self._whole()
                self._committed = self._data
                self._data = dict(self._data) if self._data is not None else None
                self._owner, self._copied, self._tracked = threading.get_ident(), set(), {}
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
            try:
                if not dirty:  # nothing written: keep the very document readers hold
                    self._data = committed if committed is not None else self._data
                    return
                if commit and self._data is not None:
                    self._flush(self._data, committed)
                else:
                    self._forget()
            finally:
                self._tracked = {}

    def invalidate(self) -> None:
        """Forget the in-memory copy; the next read loads the files."""
        with self._mutex:
            self._forget()

    def close(self) -> None:
        for handle in (self._handle, self._jhandle):
            if handle is not None:
                os.close(handle)
        self._handle = self._jhandle = None


def read_document(path: Path) -> dict[str, Any] | None:
    """The merged document of the workspace file ``path`` (base and journal), read-only,
    without the store's token: what ``backup``, ``export``, ``restore`` and anything that
    would read ``workspace.json`` itself must read. ``DamagedFileError`` if it is damaged."""
    storage = AtomicJSONStorage(path, access_mode="r")
    try:
        return storage.read()
    finally:
        storage.close()


def read_document_tables(path: Path, names: tuple[str, ...]) -> dict[str, Any] | None:
    """The tables ``names`` of the merged document of ``path`` (those it has), read-only,
    parsing only those when the base is in the store's layout (``read_document`` otherwise)."""
    storage = AtomicJSONStorage(path, access_mode="r")
    try:
        return storage.read_tables(names)
    finally:
        storage.close()


def write_base_file(path: Path, data: dict[str, Any]) -> None:
    """Replace the workspace file ``path`` with ``data`` as a new base (a new token, an
    empty journal): the one way for restore, creation and migration to write it whole, so
    that no journal is ever replayed over a document it was not written for."""
    storage = AtomicJSONStorage(path, access_mode="r")  # "r": never creates an empty file first
    try:
        storage._write_base(data)
    finally:
        storage.close()
