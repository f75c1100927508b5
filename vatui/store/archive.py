"""The archive: old done tasks and paid invoices of closed years move to ``archive/YYYY.json``.

An archive file has the workspace's shape, ``{table: {"<id>": document}}``, plus a
``meta`` table holding its schema version. A task goes to the year it was completed (at
home); a paid invoice goes to the year it was issued, together with its payments and the
time entries it billed.

``archive_old`` is crash-safe without a lock on two files: under the workspace lock it
first writes every archive file durably, then removes the same documents from the
workspace in one transaction. Killed in between, the documents are in both places;
readers let the live copy win (``archived_docs`` leaves out ids that are live), and the
next run writes them into the archive again over their own ids, never twice. Archived
ids are recorded as the workspace's id floors, so they are never handed out again.

Each year file also holds tables derived from its records when it is written, for the
reports (``vatui.store.archive_derived``: the invoice heads, the minutes per client). They
are not tables of records: ``read_year`` hands them out only when asked for by name, and
only from a file read lazily (byte for byte what vatui wrote); a file parsed whole (older,
edited by hand) has them dropped, and readers read its records.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import orjson

from vatui.domain.dates import clamp_moment, first_day_holding
from vatui.i18n import _
from vatui.paths import archive_dir, ensure_private_dir
from vatui.store import archive_seen, document, layout
from vatui.store.archive_derived import (
    DERIVED,
    HEADS,
    MINUTES,
    MONEY,
    MONTHS,
    derived_tables,
    invoice_head,
    invoice_heads,
)
from vatui.store.schema import SCHEMA_VERSION
from vatui.store.storage import DamagedFileError, StatKey, atomic_write_bytes, is_tables
from vatui.store.workspace import Tx, Workspace

ARCHIVED_TABLES = ("tasks", "invoices", "payments", "time")
"""The tables whose documents can move to the archive."""

Docs = dict[str, dict[str, Any]]
Year = dict[str, Docs]

_cache: dict[Path, tuple[StatKey, dict[str, Any]]] = {}
"""Each archive file read, by its stat: its tables, those not asked for yet left raw
(``vatui.store.layout``); a table parsed is kept."""


def archive_path(directory: Path, year: int) -> Path:
    """The archive file of ``year`` for the workspace in ``directory``."""
    return archive_dir(directory) / f"{year:04d}.json"


def archive_years(directory: Path) -> list[int]:
    """The years that have an archive file, oldest first."""
    folder = archive_dir(directory)
    if not folder.is_dir():
        return []
    return sorted(
        int(p.stem) for p in folder.iterdir() if p.suffix == ".json" and p.stem.isdigit() and len(p.stem) == 4
    )


def read_year(path: Path, tables: tuple[str, ...] | None = None) -> Year:
    """The tables of one archive file (empty if there is none), or only those of ``tables``
    it has (only those are parsed when the file is in the store's layout, and only those
    are read when it is a year file checked whole before: ``archive_seen``); never mutate
    the result. The derived tables (``DERIVED``) are never among every table, and are there
    when asked for only if the file was read lazily (``_read_file``)."""
    whole = False  # read and check the file whole, whatever ``archive.kept`` says
    for _attempt in range(3):
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            return {}
        if not stat.S_ISREG(st.st_mode):  # a link, a folder, a FIFO (which would hang the read)
            raise DamagedFileError(path, _("it is not a regular file (vatui never follows links)"))
        key = (st.st_ino, st.st_size, st.st_mtime_ns)
        cached = _cache.get(path)
        stored = cached[1] if cached is not None and cached[0] == key else _read_file(path, key, st, whole)
        names = [n for n in stored if n != "meta" and n not in DERIVED] if tables is None else tables
        if any(isinstance(stored.get(name), archive_seen.Unread) for name in names):
            read = _read_lines(path, st, stored, names)
            if read is None:  # not the file checked before: read and check it whole
                _cache.pop(path, None)
                archive_seen.forget(path)  # may fail (a read-only folder): ``whole`` still holds
                whole = True
                continue
            stored = read
        if any(isinstance(stored.get(name), layout.Raw) for name in names):
            stored = document.materialized(stored, names, path, _not_an_archive())
            _cache[path] = (key, stored)  # a new dict: what another thread holds never changes
        return {name: stored[name] for name in names if name in stored}
    raise DamagedFileError(path, _("it keeps being replaced while it is read"))


def _read_lines(
    path: Path, st: os.stat_result, stored: dict[str, Any], names: list[str] | tuple[str, ...]
) -> dict[str, Any] | None:
    """``stored`` with the lines ``names`` read and checked (``archive_seen.read_line``), in
    a new dict; ``None`` when one is not what the index says."""
    out = dict(stored)
    for name in names:
        unread = out.get(name)
        if isinstance(unread, archive_seen.Unread):
            line = archive_seen.read_line(path, st, unread)
            if line is None:
                return None
            out[name] = line
    return out


def _read_file(path: Path, key: StatKey, st: os.stat_result, whole: bool = False) -> dict[str, Any]:
    """An archive file's tables (``meta`` parsed, the others left raw when the file is in
    the store's layout, else parsed and checked whole); ``DamagedFileError`` if damaged. A
    year file checked whole before (``archive_seen``) has only its ``meta`` line read, unless
    ``whole``: its other tables are ``archive_seen.Unread`` until asked for."""
    seen = not whole and archive_seen.is_seen(path, st)
    data = archive_seen.read_index(path, st) if seen else None
    if data is None:
        raw, same = archive_seen.read_whole(path, st)  # an OSError is the caller's, as before
        data = layout.split(raw)
        if data is None:
            try:
                data = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                raise DamagedFileError(path, _("not valid JSON ({why})").format(why=exc)) from exc
            if not is_tables(data):
                raise DamagedFileError(path, _not_an_archive())
            for name in DERIVED:  # derived data is trusted only in a file byte for byte as written
                data.pop(name, None)
        elif same:  # what was checked is the file ``st`` describes
            archive_seen.remember(path, st)
    schema = data.get("meta", {}).get("1", {}).get("schema", SCHEMA_VERSION)
    if not isinstance(schema, int) or schema > SCHEMA_VERSION:
        raise DamagedFileError(
            path, _("it was written by a newer vatui (schema {found})").format(found=schema)
        )
    _cache[path] = (key, data)
    return data


def _not_an_archive() -> str:
    return _("not an archive (expected an object of tables of objects by number)")


def archive_tables(directory: Path) -> Year:
    """Every archived document of the workspace in ``directory``, by table (all years;
    an archive file that cannot be read counts as empty)."""
    out: Year = {}
    for year in archive_years(directory):
        try:
            tables = read_year(archive_path(directory, year))
        except (DamagedFileError, OSError):
            continue
        for table, docs in tables.items():
            out.setdefault(table, {}).update(docs)
    return out


def archived_docs(ws: Workspace, table: str) -> Docs:
    """Every archived document of ``table`` by id string, all years, live ids left out.

    A document that is both live and archived (a run interrupted between its two steps)
    counts once, as its live copy, so live + archived never double counts.
    """
    live = ws.docs(table)
    out: Docs = {}
    for year in archive_years(ws.directory):
        for key, doc in read_year(archive_path(ws.directory, year), (table,)).get(table, {}).items():
            if key not in live:
                out[key] = doc
    return out


def all_docs(ws: Workspace, table: str) -> Docs:
    """Live and archived documents of ``table`` by id string (the live copy wins)."""
    return {**archived_docs(ws, table), **ws.docs(table)}


def archive_old(
    ws: Workspace, today: date, progress: Callable[[int, int], None] | None = None
) -> dict[str, int]:
    """Move what is old enough into ``archive/YYYY.json``; returns how many moved per table.

    ``progress`` is called with (steps done, 4): picked, archive written, removed, saved.

    Done tasks completed more than ``settings.archive_after_days`` days before ``today``,
    and paid invoices issued before ``today``'s year with their payments and billed time.
    Not undoable (the undo history would hold every archived document).
    """
    counts = dict.fromkeys(ARCHIVED_TABLES, 0)
    with ws.transaction(None) as tx:
        picked = _pick(tx, ws, today)
        years = {year: read_year(archive_path(ws.directory, year)) for year in archive_years(ws.directory)}
        moving = {
            table: {key for tables in picked.values() for key in tables.get(table, {})}
            for table in ARCHIVED_TABLES
        }
        if progress:
            progress(1, 4)
        if any(moving.values()):
            _write_years(ws.directory, years, picked, moving)
            if progress:
                progress(2, 4)
            for table, keys in moving.items():
                if keys:
                    ws.table(table).remove(doc_ids=[int(k) for k in keys])
                    counts[table] = len(keys)
        for table in ARCHIVED_TABLES:
            highest = max((int(k) for year in years.values() for k in year.get(table, {})), default=0)
            highest = max([highest, *(int(k) for k in moving[table])])
            if highest:
                tx.raise_id_floor(table, highest)
        if progress:
            progress(3, 4)
    if any(counts.values()):
        ws.compact()  # the hot file shrinks only when it is written anew (not a journal of drops)
    if progress:
        progress(4, 4)
    return counts


def has_archivable(ws: Workspace, today: date) -> bool:
    """Cheap check (no lock, no parsing of moments) whether ``archive_old`` would move anything.

    Conservative: a task completed within a day of the cutoff waits for the next day, so
    a ``True`` here always means there is work, and most opens cost one scan of raw strings.
    """
    cutoff = (today - timedelta(days=ws.settings().archive_after_days + 1)).isoformat()
    if _completed_before(ws, cutoff):
        return True
    year = str(today.year)
    for doc in ws.docs("invoices").values():
        issued = doc.get("issue_date")
        if doc.get("status") == "paid" and isinstance(issued, str) and issued[:4] < year:
            return True
    return False


_COMPLETED = re.compile(rb'"completed":"([^"\\]{0,10})')
"""A ``completed`` key's string in the tasks table's JSON as vatui writes it (orjson: no
spaces; a quote or backslash inside a string is escaped, so this never matches inside a
title): its first ten characters, up to an escape. A task's own, or one deeper in a field
an import kept: only a "none before the cutoff" is answered from it."""


def _completed_before(ws: Workspace, cutoff: str) -> bool:
    """Whether a task's ``completed`` moment is a string whose first ten characters come
    before ``cutoff``. While the table is not parsed, a bytes scan of its JSON (a tenth of a
    parse of a few thousand tasks) answers "no" when no ``completed`` string anywhere comes
    before it, the usual answer; anything else is asked of the documents, the rule itself."""
    raw = ws.raw("tasks")
    if raw is not None:
        found = _COMPLETED.findall(raw)
        limit = cutoff.encode()
        if all(len(head) == 10 and head >= limit for head in found):
            return False  # no moment before the cutoff anywhere in the table
        # else one may be (or an escape hides it): the documents say whether it is a task's
        # own ``completed`` (an imported task may carry the word deeper, in a field it kept)
    for doc in ws.docs("tasks").values():
        done = doc.get("completed")
        if isinstance(done, str) and done[:10] < cutoff:
            return True
    return False


def first_archivable(ws: Workspace, first: date, last: date) -> date | None:
    """The first day from ``first`` to ``last`` on which ``has_archivable`` says yes (``None``:
    none in the range): the same rule, asked day by day (a kept Today summary is served only
    before that day). The ``auto_archive`` setting is the caller's to weigh. The cutoff
    only moves on with the day, so ``last`` is asked first: most opens stop there."""
    return first_day_holding(first, last, lambda day: has_archivable(ws, day))


def _pick(tx: Tx, ws: Workspace, today: date) -> dict[int, Year]:
    """What to archive, by year and table."""
    settings = ws.settings()
    try:
        zone: Any = ZoneInfo(settings.home_timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = UTC
    cutoff = today - timedelta(days=settings.archive_after_days)
    picked: dict[int, Year] = {}

    def put(year: int, table: str, key: str, doc: dict[str, Any]) -> None:
        picked.setdefault(year, {}).setdefault(table, {})[key] = doc

    for key, doc in tx.docs("tasks").items():
        done = _moment(doc.get("completed"))
        if done is not None:
            day = done.astimezone(zone).date()
            if day < cutoff:
                put(day.year, "tasks", key, doc)

    paid: dict[int, int] = {}
    billed: dict[int, int] = {}
    for key, doc in tx.docs("invoices").items():
        issued = _day(doc.get("issue_date"))
        if doc.get("status") == "paid" and issued is not None and issued.year < today.year:
            put(issued.year, "invoices", key, doc)
            paid[int(key)] = issued.year
            for item in doc.get("items") or ():
                for entry_id in (item.get("time_entry_ids") or ()) if isinstance(item, dict) else ():
                    billed.setdefault(_int(entry_id), issued.year)
    for key, doc in tx.docs("payments").items():
        year = paid.get(_int(doc.get("invoice_id")))
        if year is not None:
            put(year, "payments", key, doc)
    for key, doc in tx.docs("time").items():
        year = paid.get(_int(doc.get("invoice_id")))
        year = billed.get(int(key)) if year is None else year
        if year is not None:
            put(year, "time", key, doc)
    return picked


def _write_years(
    directory: Path, years: dict[int, Year], picked: dict[int, Year], moving: dict[str, set[str]]
) -> None:
    """Write every archive file that changes, durably, before the workspace changes."""
    ensure_private_dir(archive_dir(directory))
    changed: dict[int, Year] = {}
    for year, tables in years.items():  # a copy left in another year by an interrupted run
        if year in picked or any(moving[t] & tables.get(t, {}).keys() for t in ARCHIVED_TABLES):
            changed[year] = {
                name: {k: d for k, d in docs.items() if k not in moving.get(name, ())}
                for name, docs in tables.items()
            }
    for year, tables in picked.items():
        target = changed.setdefault(year, {})
        for name, docs in tables.items():
            target.setdefault(name, {}).update(docs)
    for year in sorted(changed):
        payload = {"meta": {"1": {"schema": SCHEMA_VERSION}}, **changed[year]}
        payload.update(derived_tables(changed[year]))
        encoded = layout.encode(payload, layout.table_json, {})
        atomic_write_bytes(archive_path(directory, year), encoded)


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return clamp_moment(moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC))


def _day(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _int(value: Any) -> int:
    """An id from a document, or -1 (no document has it) when it is not a number."""
    return value if isinstance(value, int) and not isinstance(value, bool) else -1


__all__ = [
    "ARCHIVED_TABLES",
    "DERIVED",
    "HEADS",
    "MINUTES",
    "MONEY",
    "MONTHS",
    "all_docs",
    "archive_old",
    "archive_path",
    "archive_years",
    "archived_docs",
    "invoice_head",
    "invoice_heads",
    "read_year",
]
