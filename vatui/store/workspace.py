"""The workspace: one TinyDB document on disk, locked, versioned, undoable.

Every change happens inside ``Workspace.transaction()``: it takes the inter-process lock,
reloads the file if another session changed it, resets TinyDB's per-table caches, runs
the change in memory, and ends with one durable write (or none, if anything failed).
The last 50 transactions keep before/after images of what they touched, so they can be
undone from any session.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb.table import Table

from vatui.domain.clock import Clock, SystemClock
from vatui.domain.errors import NotFoundError, VatuiError
from vatui.domain.settings import Settings
from vatui.i18n import _
from vatui.paths import LOCK_FILE, archive_dir, backups_dir, workspace_path
from vatui.store import backups, layout
from vatui.store import undo as undo_steps
from vatui.store.errors import DiskWriteError, RefusedWorkspace, WorkspaceBusy
from vatui.store.folders import check_data_dir
from vatui.store.journal import journal_path
from vatui.store.lock import InterProcessLock, LockTimeout
from vatui.store.schema import SCHEMA_VERSION, migrate, version_of
from vatui.store.storage import (
    AtomicJSONStorage,
    DamagedFileError,
    remove_stale_temps,
    write_base_file,
)
from vatui.store.tables import R, VatuiDB, VatuiTable, not_found, table_of
from vatui.store.transaction import Tx
from vatui.store.undo import UNDO_DEPTH

__all__ = ["UNDO_DEPTH", "Tx", "VatuiTable", "Workspace", "table_of"]

LOCK_TIMEOUT = 10.0
LOCK_POLL = 0.002
"""Seconds between tries while another session holds the lock."""


class Workspace:
    """An open workspace file."""

    def __init__(self, directory: Path, clock: Clock | None = None) -> None:
        self.directory = Path(directory)
        self.path = workspace_path(self.directory)
        self.clock: Clock = clock or SystemClock()
        self._lock = InterProcessLock(self.directory / LOCK_FILE, timeout=LOCK_TIMEOUT, poll=LOCK_POLL)
        self.storage: AtomicJSONStorage | None = None
        self.db: VatuiDB | None = None
        self._generation = -1
        self._verified = -1
        """The storage generation whose schema version was last checked."""
        self.keep_last_good = False
        """A long session (the app): reads survive a file damaged while open (see ``docs``)."""
        self.refusal: RefusedWorkspace | None = None
        """Why reads show what was last read whole, while ``keep_last_good`` serves it."""
        self._last_good: dict[str, Any] | None = None
        self._refused_stat: object = None
        self.lenient_settings = False
        self.notices: list[str] = []
        """One-line notices from the housekeeping done at open (recurring drafts skipped),
        for the app or the command to show once."""
        """Read a bad hand-edited setting as its default (the app, which names it and lets the
        VA fix it) instead of refusing (the CLI)."""

    # opening -------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        directory: Path,
        clock: Clock | None = None,
        *,
        create: bool = True,
        backup: bool = False,
    ) -> Workspace:
        """Open (and if needed create, migrate, back up) the workspace in ``directory``."""
        ws = cls(directory, clock)
        if not ws.path.exists() and not create:
            raise NotFoundError(_("no workspace at {path}").format(path=ws.path))
        ws.prepare_directory()
        with ws.locked():
            ws._load_checked()
            if backup and ws.writable():
                storage, _db = ws._require()
                if backups.make_backup(ws.directory, storage.document_bytes(), ws.clock.now()):
                    try:
                        storage.compact()  # a new backup: fold the journal in too (docs/store.md)
                    except DiskWriteError:
                        pass  # the journal still holds every change; the next fold will do

        return ws

    def writable(self) -> bool:
        """Whether the data folder can be written (not read-only, not another user's)."""
        return os.access(self.directory, os.W_OK)

    @classmethod
    def exists(cls, directory: Path) -> bool:
        """Whether a workspace file exists in ``directory``."""
        path = workspace_path(Path(directory))
        return path.exists() and path.stat().st_size > 0

    def prepare_directory(self) -> None:
        """Create the data folder if needed; refuse what vatui must not use (``UnusableDataDir``).

        The data folder may be a link the user made; inside it, the workspace, the lock
        files, ``backups/`` and ``archive/`` may not be links (vatui would write through
        them or change their target's mode), and each must be a file or a folder as due.
        """
        check_data_dir(self.directory)
        if self.path.is_symlink():
            raise self._refuse(
                _("it is a symbolic link (vatui never follows links: put the file itself there)")
            )
        if self.path.exists() and not self.path.is_file():
            raise self._refuse(_("it is not a regular file"))
        journal = journal_path(self.path)
        if journal.is_symlink() or (journal.exists() and not journal.is_file()):
            reason = _("it is a symbolic link (vatui never follows links: put the file itself there)")
            reason = reason if journal.is_symlink() else _("it is not a regular file")
            raise RefusedWorkspace(journal, reason, backups.newest_backup(self.directory))

    def _refuse(self, reason: str) -> RefusedWorkspace:
        return RefusedWorkspace(self.path, reason, backups.newest_backup(self.directory))

    def _refuse_file(self, exc: DamagedFileError) -> RefusedWorkspace:
        """The refusal of the damaged file ``exc`` names (the workspace or its journal)."""
        return RefusedWorkspace(exc.path, exc.reason, backups.newest_backup(self.directory))

    def _load_checked(self) -> None:
        # temp files of writers killed mid-write; we hold the lock, so none is in progress
        remove_stale_temps(self.directory, of=self.path.name)
        remove_stale_temps(self.directory, of=journal_path(self.path).name)
        remove_stale_temps(backups_dir(self.directory))
        remove_stale_temps(archive_dir(self.directory))
        if not self.path.exists():
            # written whole, never as an empty file first: an empty workspace is damage
            write_base_file(self.path, _fresh())
        try:
            self.storage = AtomicJSONStorage(self.path)
            data = self.storage.read_tables(("meta",))  # the other tables when first read
        except DamagedFileError as exc:
            raise self._refuse_file(exc) from exc
        self.db = VatuiDB(storage=_StorageHandle(self.storage))
        if data is None:
            if backups.newest_backup(self.directory) is not None:
                raise self._refuse(_("the file is empty"))
            self.storage.write(_fresh())
            return
        self._check_version(data)
        if version_of(data) < SCHEMA_VERSION:
            try:
                whole = self.storage.read()
            except DamagedFileError as exc:
                raise self._refuse_file(exc) from exc
            self._migrate(whole or {})
        self._verified = self.storage.generation

    def _check_version(self, data: dict[str, Any]) -> None:
        """Refuse a file whose schema this vatui cannot read (newer, or not a number)."""
        version = version_of(data)
        if version > SCHEMA_VERSION:
            raise self._refuse(
                _("it was written by a newer vatui (schema {found}, this one reads up to {ours})").format(
                    found=version, ours=SCHEMA_VERSION
                )
            )
        if version < 0:
            raise self._refuse(_("its schema version is not a number"))

    def _migrate(self, data: dict[str, Any]) -> None:
        """Back the older-schema file up, then write it migrated (inside a batch: with it)."""
        storage, _db = self._require()
        backups.make_backup(
            self.directory, orjson.dumps(data), self.clock.now(), reason="premigration", force=True
        )
        migrated = migrate(copy.deepcopy(data))
        migrated.setdefault("settings", {}).setdefault("1", Settings().to_doc())
        storage.write(migrated)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the inter-process lock (``WorkspaceBusy`` after the timeout): every writer does."""
        try:
            with self._lock:
                yield
        except LockTimeout as exc:
            raise WorkspaceBusy(
                _("the workspace {path} is locked by another vatui; try again").format(path=self.path)
            ) from exc

    def hold_for_exit(self, timeout: float) -> bool:
        """Before the process ends at once (a hangup): let a transaction in progress finish
        (up to ``timeout`` seconds) and start no new one. Returns whether none was left."""
        return self._lock.hold_for_exit(timeout)

    def close(self) -> None:
        """Release the file handles."""
        if self.storage is not None:
            self.storage.close()

    def compact(self) -> bool:
        """Fold the journal into a new ``workspace.json`` (the app does it as it ends, so the
        file can be edited by hand once vatui is closed), also writing a base that is not in
        the store's layout anew; whether it wrote. A file of another schema than this vatui's
        (a newer vatui replaced it meanwhile) is never written over."""
        storage, _db = self._require()
        if storage.frozen or self._lock.ending or not self.writable():
            return False
        with self.locked():
            try:
                meta = storage.read_tables(("meta",))
                if meta is None or version_of(meta) != SCHEMA_VERSION:
                    return False
                return storage.compact()
            except DamagedFileError as exc:
                raise self._refuse_file(exc) from exc

    # reading -------------------------------------------------------------------

    def _require(self) -> tuple[AtomicJSONStorage, VatuiDB]:
        if self.storage is None or self.db is None:
            raise RuntimeError("workspace is not open")
        return self.storage, self.db

    def refresh(self) -> bool:
        """Reload if another session changed the file; returns whether it did.

        A damaged or newer file raises ``RefusedWorkspace``; with ``keep_last_good`` it
        returns ``False`` instead and sets ``refusal``.
        """
        storage, _db = self._require()
        if not self.keep_last_good:
            self._read_tables_checked(storage, ())
        elif self._read_or_keep(storage) is None:  # kept what it read: nothing to reload
            return False
        changed = storage.generation != self._generation
        if changed:
            self._generation = storage.generation
            self._reset_tables()
        return changed

    def changed_on_disk(self) -> bool:
        """Cheap check (one stat) whether another session wrote the file."""
        storage, _db = self._require()
        return storage.changed_on_disk()

    def _reset_tables(self) -> None:
        _storage, db = self._require()
        for table in db._tables.values():
            table._next_id = None
            table.clear_cache()

    def table(self, name: str) -> Table:
        """The TinyDB table ``name`` (no query cache: the file may change under us)."""
        _storage, db = self._require()
        return db.table(name, cache_size=0)

    def docs(self, table: str) -> Mapping[str, dict[str, Any]]:
        """Raw documents of a table by id string; callers must not mutate them.

        With ``keep_last_good``, a file damaged, replaced by a newer vatui's or gone since
        it was last read whole is not read again until it changes: reads return what was
        last read (``refusal`` says why); every write is still refused.
        """
        if self.keep_last_good:  # the app: it reads every pane anyway, and keeps it whole
            kept: Mapping[str, dict[str, Any]] = self._document().get(table, {})
            return kept
        storage, _db = self._require()
        docs: Mapping[str, dict[str, Any]] = self._read_tables_checked(storage, (table,)).get(table, {})
        return docs

    def group(self, table: str, value: int) -> Mapping[str, dict[str, Any]] | None:
        """The raw documents of ``table`` whose grouping field is ``value`` (one client's
        contacts: ``vatui.store.layout.GROUPED``), parsing only those; ``None`` when the table
        is not read that way now (the app, a table already parsed or stored otherwise): the
        caller then filters ``docs(table)``, which is the same rule read whole."""
        if self.keep_last_good:
            return None
        storage, _db = self._require()
        try:
            data, found = storage.read_group(table, layout.group_key(value))
        except DamagedFileError as exc:
            raise self._refuse_file(exc) from exc
        self._check_loaded(data)
        return found

    def raw(self, table: str) -> memoryview | None:
        """``table``'s JSON exactly as vatui wrote it in the file (``vatui.store.layout``),
        while it is not parsed: for a scan of the bytes that would cost less than parsing the
        documents (``archive.has_archivable``). ``None`` when it is not kept that way now (the
        app, a table parsed or changed by the journal, a file read whole): the caller reads
        ``docs(table)``. Never mutate it."""
        if self.keep_last_good:
            return None
        storage, _db = self._require()
        try:
            return storage.read_raw(table)
        except DamagedFileError as exc:
            raise self._refuse_file(exc) from exc

    def _read_tables_checked(self, storage: AtomicJSONStorage, names: tuple[str, ...]) -> dict[str, Any]:
        """The tables ``names`` as read now, parsing only those (and ``meta``, for the schema
        check of a file another session replaced); a refusal raises."""
        try:
            data = storage.read_tables((*names, "meta"))
        except DamagedFileError as exc:
            raise self._refuse_file(exc) from exc
        self._check_loaded(data)
        return data or {}

    def _document(self) -> dict[str, Any]:
        """The whole document as this thread may read it now (see ``docs``)."""
        storage, _db = self._require()
        if self.refusal is not None and self._last_good is not None:
            if storage.current_key() == self._refused_stat:
                return self._last_good
        data = self._read_or_keep(storage)
        return data if data is not None else (self._last_good or {})

    def _read_or_keep(self, storage: AtomicJSONStorage) -> dict[str, Any] | None:
        """The document as read now; ``None`` when it is refused and ``keep_last_good`` keeps
        what was last read whole (``refusal`` says why). Otherwise a refusal raises."""
        try:
            data = self._read_checked(storage)
        except RefusedWorkspace as refusal:
            if not self.keep_last_good or self._last_good is None:
                raise
            self.refusal, self._refused_stat = refusal, storage.current_key()
            return None
        self.refusal = None
        if self.keep_last_good:
            self._last_good = data
        return data

    def snapshot(self) -> Workspace:
        """A read-only workspace frozen as it is now: for a worker thread.

        Every table it reads is the one of this moment, whatever transactions run meanwhile
        (they change copies, see ``AtomicJSONStorage``); it never reloads, and refuses to
        start a transaction.
        """
        from vatui.store.snapshot import FrozenStorage

        frozen = Workspace(self.directory, self.clock)
        frozen.storage = FrozenStorage(self.path, dict(self._document()))
        frozen.db = VatuiDB(storage=_StorageHandle(frozen.storage))
        frozen._generation = frozen._verified = frozen.storage.generation
        frozen.lenient_settings = self.lenient_settings
        frozen.refusal = self.refusal
        return frozen

    def _read_checked(self, storage: AtomicJSONStorage) -> dict[str, Any]:
        try:
            data = storage.read()
        except DamagedFileError as exc:
            raise self._refuse_file(exc) from exc
        self._check_loaded(data)
        if data is None and self.keep_last_good and self._last_good is not None:
            raise self._refuse(_("the file is missing or empty"))
        return data or {}

    def _check_loaded(self, data: dict[str, Any] | None) -> None:
        """After another session replaced the file: refuse it if it is of a newer schema."""
        storage, _db = self._require()
        if data and storage.generation != self._verified:
            self._check_version(data)
            self._verified = storage.generation

    def all(self, kind: type[R]) -> list[R]:
        """Every record of a kind."""
        return [kind.from_doc(d, int(k)) for k, d in self.docs(table_of(kind)).items()]

    def get(self, kind: type[R], doc_id: int) -> R:
        """One record, or ``NotFoundError``."""
        doc = self.docs(table_of(kind)).get(str(doc_id))
        if doc is None:
            raise not_found(table_of(kind), doc_id)
        return kind.from_doc(doc, doc_id)

    def settings(self) -> Settings:
        """The workspace settings (defaults when none are stored)."""
        from vatui.domain.settings_load import load_settings, read_settings

        doc = self.docs("settings").get("1")
        return read_settings(doc)[0] if self.lenient_settings else load_settings(doc)

    def settings_problems(self) -> list[str]:
        """One line per bad value in the stored settings (a hand edit), by name."""
        from vatui.domain.settings_load import read_settings

        return read_settings(self.docs("settings").get("1"))[1]

    def meta(self) -> dict[str, Any]:
        """The meta document (schema version, id floors)."""
        return dict(self.docs("meta").get("1", {}))

    # changing ------------------------------------------------------------------
    # ``put_doc``, ``drop_doc`` and ``next_id`` are what ``Tx`` changes documents with.

    def put_doc(self, table: str, doc_id: int, doc: dict[str, Any]) -> None:
        """Inside a transaction: store ``doc`` (owned by the store from now on) as ``doc_id``."""
        storage, _db = self._require()
        storage.put(table, str(doc_id), doc)

    def drop_doc(self, table: str, doc_id: int) -> None:
        """Inside a transaction: remove document ``doc_id`` of ``table`` (it must be there)."""
        storage, _db = self._require()
        storage.drop(table, str(doc_id))

    def next_id(self, table: str) -> int:
        """Inside a transaction: the id the next new document of ``table`` gets (never reused)."""
        vatui_table = self.table(table)
        assert isinstance(vatui_table, VatuiTable)
        return vatui_table.take_id()

    @contextmanager
    def transaction(self, label: str | None = None) -> Iterator[Tx]:
        """Run a change under the lock and write it durably once; undoable when labelled."""
        storage, _db = self._require()
        if storage.frozen:
            raise RuntimeError("a snapshot of the workspace cannot be changed")
        with self.locked():
            try:
                storage.begin_batch()  # reads what another session changed (its journal tail)
            except DamagedFileError as exc:
                # no batch was started; nothing is written over the damaged file
                raise self._refuse_file(exc) from exc
            try:
                self._check_current(storage.read())
            except BaseException:
                storage.end_batch(commit=False)
                raise
            self._reset_tables()
            tx = Tx(self, label)
            ok = False
            try:
                yield tx
                if tx.changes:
                    undo_steps.push(self, tx)
                ok = True
            finally:
                try:
                    storage.end_batch(commit=ok)
                finally:
                    self._generation = storage.generation
                    self._reset_tables()
                    if self._last_good is not None and self._last_good is not storage._data:
                        self._forget_uncommitted()

    def _forget_uncommitted(self) -> None:
        """A change failed after it touched the document ``keep_last_good`` holds: read it again."""
        self._last_good = None
        try:
            self.docs("meta")
        except VatuiError:
            pass

    def _check_current(self, data: dict[str, Any] | None) -> None:
        """Inside the lock, before a change: the file must be there and of a schema we write."""
        if data is None:
            raise self._refuse(_("the file is missing or empty"))
        self._check_version(data)
        if version_of(data) < SCHEMA_VERSION:  # an older vatui (or a restore) replaced it
            self._migrate(data)
        self._verified = self._require()[0].generation

    def undo_label(self) -> str | None:
        """What ``undo`` would undo, or ``None``."""
        return undo_steps.label(self)

    def undo(self) -> str:
        """Undo the newest undoable change; returns its label."""
        return undo_steps.undo(self)


def _fresh() -> dict[str, Any]:
    """The document of a new, empty workspace."""
    fresh = migrate({})
    fresh["settings"]["1"] = Settings().to_doc()
    return fresh


class _StorageHandle:
    """Lets TinyDB share our one storage instance (TinyDB wants a storage class)."""

    def __init__(self, storage: AtomicJSONStorage) -> None:
        self._storage = storage

    def __call__(self) -> AtomicJSONStorage:
        return self._storage
