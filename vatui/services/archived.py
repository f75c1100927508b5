"""Finding archived records: which year's archive holds a record, and refusing to change it.

Archived records (see ``vatui.store.archive``) are read-only: they left the live
workspace with their closed year. Lists show them on request and ``show`` finds them,
saying where they are; a change is refused with a message that says why.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from vatui.domain.errors import NotFoundError, RuleError
from vatui.domain.ledger import Invoice
from vatui.domain.settings import Settings
from vatui.domain.tasks import Task, TimeEntry
from vatui.domain.text import one_line
from vatui.i18n import N_, _
from vatui.services.queries import docs_of
from vatui.store.archive import archive_old as archive_old  # the move itself, run by `vatui archive`
from vatui.store.archive import archive_path, archive_years, read_year
from vatui.store.tables import table_of
from vatui.store.transaction import R, not_found
from vatui.store.workspace import Tx, Workspace

_WHAT = {"tasks": N_("task"), "invoices": N_("invoice"), "payments": N_("payment"), "time": N_("time entry")}


def archived_with_year(ws: Workspace, table: str) -> dict[str, tuple[int, dict[str, Any]]]:
    """Every archived document of ``table`` by id string, with its archive year (live ids left out)."""
    live = docs_of(ws, table)
    out: dict[str, tuple[int, dict[str, Any]]] = {}
    for year in archive_years(ws.directory):
        for key, doc in read_year(archive_path(ws.directory, year), (table,)).get(table, {}).items():
            if key not in live:
                out[key] = (year, doc)
    return out


def archived_year(ws: Workspace, table: str, doc_id: int) -> int | None:
    """The year whose archive holds record ``doc_id`` of ``table``, or ``None`` (live, or unknown)."""
    if str(doc_id) in docs_of(ws, table):
        return None
    for year in archive_years(ws.directory):
        if str(doc_id) in read_year(archive_path(ws.directory, year), (table,)).get(table, {}):
            return year
    return None


class ArchivedError(RuleError):
    """A record asked for by a lookup lives in the archive: read-only. Readers that show
    archived records catch it and use ``doc``; everything else reports the refusal."""

    def __init__(self, table: str, doc_id: int, year: int, doc: dict[str, Any] | None = None) -> None:
        number = (doc or {}).get("number") if table == "invoices" else None
        if isinstance(number, str) and number:  # an invoice is known by its number, not its id
            message = _("{number} is archived in {year}: archived records are read-only").format(
                number=one_line(number, 40), year=year
            )
        else:
            message = _("{what} #{id} is archived in {year}: archived records are read-only").format(
                what=_(_WHAT.get(table, table)), id=doc_id, year=year
            )
        super().__init__(message)
        self.table = table
        self.doc_id = doc_id
        self.year = year
        self.doc = doc


def read_only_error(table: str, doc_id: int, year: int, ws: Workspace | None = None) -> ArchivedError:
    """The refusal for a change to an archived record (with ``ws``, it names an invoice by
    its number, read from the archive)."""
    doc = (
        read_year(archive_path(ws.directory, year), (table,)).get(table, {}).get(str(doc_id)) if ws else None
    )
    return ArchivedError(table, doc_id, year, doc if isinstance(doc, dict) else None)


def live_doc(ws: Workspace, source: Tx | Workspace, table: str, doc_id: int) -> dict[str, Any]:
    """The live document (read through ``source``, a transaction inside the lock), or a
    refusal when it is archived, or ``NotFoundError``."""
    doc = docs_of(source, table).get(str(doc_id))
    if doc is not None:
        return doc
    year = archived_year(ws, table, doc_id)
    if year is not None:
        raise read_only_error(table, doc_id, year, ws)
    raise NotFoundError(_("no {what} #{id}").format(what=_(_WHAT.get(table, table)), id=doc_id))


def check_live(ws: Workspace, table: str, doc_id: int) -> None:
    """Refuse (before a change) a record that only lives in the archive."""
    year = archived_year(ws, table, doc_id)
    if year is not None:
        raise read_only_error(table, doc_id, year, ws)


def refuse_archived_task(ws: Workspace, ref: str) -> None:
    """For a task lookup that found nothing live: raise ``ArchivedError`` if it is archived."""
    found = find_archived_task(ws, ref)
    if found is not None:
        raise ArchivedError("tasks", found[0].id or 0, found[1], found[0].to_doc())


def refuse_archived_invoice(ws: Workspace, ref: str) -> None:
    """For an invoice lookup that found nothing live: raise ``ArchivedError`` if it is archived."""
    found = find_archived_invoice(ws, ref)
    if found is not None:
        raise ArchivedError("invoices", found[0].id or 0, found[1], found[0].to_doc())


def find_archived_task(ws: Workspace, ref: str) -> tuple[Task, int] | None:
    """An archived task by id (``12`` or ``#12``), with its archive year."""
    text = str(ref).strip().lstrip("#")
    if not text.isdigit():
        return None
    found = archived_with_year(ws, "tasks").get(str(int(text)))
    if found is None:
        return None
    return Task.from_doc(found[1], int(text)), found[0]


def find_archived_invoice(ws: Workspace, ref: str) -> tuple[Invoice, int] | None:
    """An archived invoice by number (any case) or ``#id``, with its archive year."""
    text = str(ref).strip()
    docs = archived_with_year(ws, "invoices")
    if text.startswith("#") and text[1:].isdigit():
        found = docs.get(str(int(text[1:])))
        return (Invoice.from_doc(found[1], int(text[1:])), found[0]) if found else None
    wanted = text.upper()
    for key, (year, doc) in docs.items():
        if str(doc.get("number", "")).upper() == wanted:
            return Invoice.from_doc(doc, int(key)), year
    return None


class WithArchive:
    """A read-only view of a workspace in which archived records read as if they were live.

    Renderers written for live records (``ledger_docs.render``) show an archived one through
    it. Only reading is offered: it has no ``transaction``.
    """

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws
        self.directory = ws.directory
        self.path = ws.path
        self.clock = ws.clock

    def docs(self, table: str) -> dict[str, dict[str, Any]]:
        """Live and archived documents of ``table`` (the live copy wins)."""
        old = {k: d for k, (_y, d) in archived_with_year(self._ws, table).items()}
        return {**old, **docs_of(self._ws, table)}

    def get(self, kind: type[R], doc_id: int) -> R:
        """One record, live or archived."""
        doc = self.docs(table_of(kind)).get(str(doc_id))
        if doc is None:
            raise not_found(table_of(kind), doc_id)
        return kind.from_doc(doc, doc_id)

    def all(self, kind: type[R]) -> list[R]:
        """Every record of a kind, live and archived."""
        return [kind.from_doc(d, int(k)) for k, d in self.docs(table_of(kind)).items()]

    def settings(self) -> Settings:
        """The workspace settings."""
        return self._ws.settings()

    def meta(self) -> dict[str, Any]:
        """The meta document."""
        return self._ws.meta()


def with_archive(ws: Workspace) -> Workspace:
    """``WithArchive(ws)``, typed as the workspace readers expect."""
    return cast(Workspace, WithArchive(ws))


def archived_time(ws: Workspace, first: date, last: date) -> tuple[list[TimeEntry], dict[int, int]]:
    """Archived time entries started on a home-time day from ``first`` to ``last``, and their years."""
    tz = ZoneInfo(ws.settings().home_timezone)
    lo = datetime.combine(first, time(0), tzinfo=tz).astimezone(UTC).isoformat()
    hi = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC).isoformat()
    entries: list[TimeEntry] = []
    years: dict[int, int] = {}
    for key, (year, doc) in archived_with_year(ws, "time").items():
        if lo <= str(doc.get("start", "")) < hi:
            entries.append(TimeEntry.from_doc(doc, int(key)))
            years[int(key)] = year
    return entries, years


def archived_tasks(ws: Workspace, client_id: int | None, columns: list[str]) -> list[tuple[Task, int]]:
    """Archived tasks (of one client, or all) in ``columns``, with their years, oldest done first."""
    old = [(Task.from_doc(doc, int(k)), year) for k, (year, doc) in archived_with_year(ws, "tasks").items()]
    old = [(t, y) for t, y in old if (client_id is None or t.client_id == client_id) and t.column in columns]
    old.sort(key=lambda ty: (ty[0].completed or ty[0].created, ty[0].id or 0))
    return old


TaskFinder = Callable[[Workspace, str], Task]
"""How a command finds a live task from what was typed (``services.tasks.manage.find_task``)."""


def live_task(ws: Workspace, ref: str, find: TaskFinder) -> Task:
    """``find(ws, ref)``; a task that is only in the archive is refused as read-only."""
    try:
        return find(ws, ref)
    except NotFoundError:
        old = find_archived_task(ws, ref)
        if old is None:
            raise
        raise read_only_error("tasks", old[0].id or 0, old[1]) from None


def find_shown_task(ws: Workspace, ref: str, find: TaskFinder) -> tuple[Task, int | None]:
    """(task, archive year or ``None``): ``task show`` finds an archived task too."""
    try:
        return find(ws, ref), None
    except ArchivedError as exc:
        if exc.table != "tasks" or exc.doc is None:
            raise
        return Task.from_doc(exc.doc, exc.doc_id), exc.year
