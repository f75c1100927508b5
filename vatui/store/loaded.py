"""What the workspace's storage has loaded: the base file (``workspace.json``) and its
journal (``workspace.journal``), kept open and compared by (inode, size, mtime_ns) with what
is at the paths now, and the document they make (``vatui.store.document``: lazily parsed
when the base is in the store's layout). ``vatui.store.storage.AtomicJSONStorage`` adds the
writes and the batches on top of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vatui.i18n import _
from vatui.store import document, files, journal, layout
from vatui.store.files import DamagedFileError, StatKey


class LoadedFiles:
    """The files loaded and the document they make; every read reuses it while both files
    are the ones loaded, applies only the journal's new records when it merely grew, and
    reads both again otherwise."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.journal_path = journal.journal_path(self.path)
        self._data: dict[str, Any] | None = None
        self._stat: StatKey | None = None
        self._handle: int | None = None
        self._laid_out = False
        """Whether the base loaded is in the store's layout (else a compaction writes it so)."""
        self._token: str | None = None
        """The token of the base loaded (``None``: it has none, every write rewrites it)."""
        self._jstat: StatKey | None = None
        """The journal's (inode, size, mtime) when last read (``None``: there was none)."""
        self._jhandle: int | None = None
        self._jvalid = 0
        """Where the journal's good records end (0 when it does not extend the base)."""
        self._chunks: dict[str, tuple[object, layout.Chunk]] = {}
        """Each table's JSON as last written, with the table object it was made from."""
        self._touched: set[str] = set()
        """Tables changed in place since the last write (their cached JSON is stale)."""
        self.generation = 0
        """Bumped every time the in-memory data is replaced from disk (not when a table of
        the same file is parsed)."""

    def _current_stat(self) -> StatKey | None:
        return files.lstat_key(self.path)  # a link put in the file's place is a change: refused on read

    def current_key(self) -> tuple[StatKey | None, StatKey | None]:
        """What is at the base's and the journal's paths now (one ``lstat`` each)."""
        return self._current_stat(), files.lstat_key(self.journal_path)

    def _hold(self) -> None:
        """Keep the file we loaded open so its inode number is not recycled."""
        if self._handle is not None:
            files.close_later(self._handle)
            self._handle = None
        try:
            self._handle = files.open_regular(self.path)
        except DamagedFileError:
            self._data, self._stat = None, None
            raise

    def changed_on_disk(self) -> bool:
        """Whether the files at the paths are not the ones held in memory."""
        return self._data is None or self.current_key() != (self._stat, self._jstat)

    def _whole(self) -> dict[str, Any] | None:
        """Under the mutex: the document loaded, every table parsed."""
        data = self._load()
        return data if data is None else self._parse(data, document.pending(data))

    def _parsed(self, names: tuple[str, ...]) -> dict[str, Any] | None:
        """Under the mutex: the document loaded, with the tables ``names`` parsed."""
        data = self._load()
        return data if data is None else self._parse(data, names)

    def _group(self, name: str, group: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        """Under the mutex: the document loaded, and one group of table ``name`` when it is
        still raw and stored grouped (``None`` otherwise: the caller parses it whole)."""
        data = self._load()
        table = None if data is None else data.get(name)
        if not isinstance(table, layout.Raw):
            return data, None
        return data, layout.parse_group(table, name, group)

    def _raw(self, name: str) -> memoryview | None:
        """Under the mutex: table ``name``'s JSON as the base file holds it (checked against
        the index when the file was read), while it is not parsed yet (so no journal record
        changed it); ``None`` otherwise."""
        data = self._load()
        table = None if data is None else data.get(name)
        return table.view if isinstance(table, layout.Raw) else None

    def _parse(self, data: dict[str, Any], names: list[str] | tuple[str, ...]) -> dict[str, Any]:
        """The document ``data`` just loaded with the tables ``names`` parsed: in a new
        top-level dict, so no reader's dict changes (``generation`` stays: same file)."""
        if not any(isinstance(data.get(name), layout.Raw) for name in names):
            return data
        try:
            self._data = document.materialized(data, names, self.path)
        except DamagedFileError:
            self._forget()
            raise
        return self._data

    def _load(self) -> dict[str, Any] | None:
        """The document: the one in memory while the files are the ones loaded; only the
        journal's new records when it merely grew; else both read again."""
        stat, jstat = self.current_key()
        if self._data is not None and stat == self._stat:
            if jstat == self._jstat:
                return self._data
            if jstat is not None and self._grew(jstat):
                return self._read_tail(jstat)
        if stat is None:
            self._forget()
            return None
        for _attempt in range(20):
            loaded = self._load_whole()
            if loaded is not _MOVED:
                return loaded  # type: ignore[return-value]
        raise DamagedFileError(self.path, _("it keeps being replaced while it is read"))

    def _grew(self, jstat: StatKey) -> bool:
        """Whether the journal is the one loaded, only appended to since (the cheap refresh):
        the same file, longer than it was, or than its good records when it ended in a torn
        write (which the next writer cut before appending). Anything else (the same size with
        a new mtime: an edit in place) reads both files again."""
        if self._token is None or self._jhandle is None or self._jvalid == 0 or self._jstat is None:
            return False
        if jstat[0] != self._jstat[0]:
            return False
        torn = self._jstat[1] > self._jvalid
        return jstat[1] > self._jstat[1] or (torn and jstat[1] > self._jvalid)

    def _read_tail(self, jstat: StatKey) -> dict[str, Any] | None:
        """Apply the records another session appended since the last read, to copies."""
        assert self._jhandle is not None and self._data is not None
        raw = files.read_fd(self._jhandle, self._jvalid)
        try:
            records, end = journal.read_records(raw, 0)
        except journal.JournalDamage as exc:
            self._forget()
            raise DamagedFileError(self.journal_path, exc.reason) from exc
        if records:
            try:
                data = document.materialized(self._data, document.touched_by(records), self.path)
            except DamagedFileError:
                self._forget()
                raise
            journal.apply_records(data, records, copy=True)
            self._data = data
            self.generation += 1
        self._jvalid += end
        self._jstat = jstat
        return self._data

    def _load_whole(self) -> dict[str, Any] | object | None:
        """Read the base and its journal; ``_MOVED`` when a writer replaced the base meanwhile."""
        self._hold()
        if self._handle is None:  # it vanished since the stat
            self._forget()
            return None
        raw = files.read_fd(self._handle)
        stat = files.fstat_key(self._handle)
        if not raw.strip():
            self._data, self._stat, self._token = None, stat, None
            self._jstat, self._jvalid = files.lstat_key(self.journal_path), 0
            self.generation += 1
            return None
        try:
            data = document.parse_base(raw, self.path)
            laid_out = any(isinstance(table, layout.Raw) for table in data.values())
            token = document.take_token(data)
            records, jstat, valid, extends = self._read_journal(token)
            if token is not None and not extends and self._current_stat() != stat:
                return _MOVED  # a compaction replaced the base after we opened it
            if records:  # the tables they change are parsed first; the others may stay raw
                data = document.materialized(data, document.touched_by(records), self.path)
                journal.apply_records(data, records, copy=False)
        except DamagedFileError:
            self._data = None
            raise
        self._data, self._stat, self._token = data, stat, token
        self._laid_out = laid_out
        self._jstat, self._jvalid = jstat, (valid if extends else 0)
        self._chunks, self._touched = {}, set()
        self.generation += 1
        return data

    def _read_journal(self, token: str | None) -> tuple[journal.Records, StatKey | None, int, bool]:
        """The journal's records over the base of ``token``, its stat, where its good records
        end, and whether it extends that base (else it is stale, or missing)."""
        if self._jhandle is not None:
            files.close_later(self._jhandle)
            self._jhandle = None
        try:
            self._jhandle = files.open_regular(self.journal_path)
        except DamagedFileError:
            self._data = None
            raise
        if self._jhandle is None:
            return [], None, 0, False
        jstat = files.fstat_key(self._jhandle)
        raw = files.read_fd(self._jhandle)
        try:
            found, start = journal.read_header(raw)
            if found is None or found != token:
                return [], jstat, 0, False
            records, valid = journal.read_records(raw, start)
        except journal.JournalDamage as exc:
            self._data = None
            raise DamagedFileError(self.journal_path, exc.reason) from exc
        return records, jstat, valid, True

    def _forget(self) -> None:
        self._data, self._stat, self._token = None, None, None
        self._jstat, self._jvalid = None, 0
        self._chunks, self._touched = {}, set()


_MOVED = object()
"""``_load_whole``'s answer when the base was replaced while it read it."""
