"""Finding archived records: which year's archive holds a record, and refusing to change it.

Archived records (see ``vatui.store.archive``) are read-only: they left the live
workspace with their closed year. Lists show them on request and ``show`` finds them,
saying where they are; a change is refused with a message that says why.
"""

from __future__ import annotations

from typing import Any

from vatui.domain.errors import NotFoundError, RuleError
from vatui.domain.ledger import Invoice
from vatui.domain.tasks import Task
from vatui.i18n import _
from vatui.store.archive import archive_path, archive_years, read_year
from vatui.store.workspace import Tx, Workspace

_WHAT = {"tasks": "task", "invoices": "invoice", "payments": "payment", "time": "time entry"}


def archived_with_year(ws: Workspace, table: str) -> dict[str, tuple[int, dict[str, Any]]]:
    """Every archived document of ``table`` by id string, with its archive year (live ids left out)."""
    live = ws.docs(table)
    out: dict[str, tuple[int, dict[str, Any]]] = {}
    for year in archive_years(ws.directory):
        for key, doc in read_year(archive_path(ws.directory, year)).get(table, {}).items():
            if key not in live:
                out[key] = (year, doc)
    return out


def archived_year(ws: Workspace, table: str, doc_id: int) -> int | None:
    """The year whose archive holds record ``doc_id`` of ``table``, or ``None`` (live, or unknown)."""
    if str(doc_id) in ws.docs(table):
        return None
    for year in archive_years(ws.directory):
        if str(doc_id) in read_year(archive_path(ws.directory, year)).get(table, {}):
            return year
    return None


def read_only_error(table: str, doc_id: int, year: int) -> RuleError:
    """The refusal for a change to an archived record."""
    return RuleError(_("{what} #{id} is archived in {year}: archived records are read-only").format(
        what=_(_WHAT.get(table, table)), id=doc_id, year=year))


def live_doc(ws: Workspace, source: Tx | Workspace, table: str, doc_id: int) -> dict[str, Any]:
    """The live document (read through ``source``, a transaction inside the lock), or a
    refusal when it is archived, or ``NotFoundError``."""
    doc = source.docs(table).get(str(doc_id))
    if doc is not None:
        return doc
    year = archived_year(ws, table, doc_id)
    if year is not None:
        raise read_only_error(table, doc_id, year)
    raise NotFoundError(_("no {what} #{id}").format(what=_(_WHAT.get(table, table)), id=doc_id))


def check_live(ws: Workspace, table: str, doc_id: int) -> None:
    """Refuse (before a change) a record that only lives in the archive."""
    year = archived_year(ws, table, doc_id)
    if year is not None:
        raise read_only_error(table, doc_id, year)


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
