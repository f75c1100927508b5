"""A change in progress (``Tx``), the table class that never reuses an archived id, and
which table each record type lives in. ``Workspace.transaction()`` hands out a ``Tx``.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from tinydb.table import Document, Table

from vatui.domain.clients import Client, Contact
from vatui.domain.errors import NotFoundError
from vatui.domain.ledger import Expense, Invoice, Payment
from vatui.domain.records import Record
from vatui.domain.recurring import RecurringInvoice
from vatui.domain.settings import Settings
from vatui.domain.tasks import Task, TimeEntry
from vatui.domain.timeoff import TimeOff
from vatui.i18n import N_, _
from vatui.store.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from vatui.store.workspace import Workspace

TABLE_OF: dict[type[Record], str] = {
    Client: "clients",
    Task: "tasks",
    TimeEntry: "time",
    Contact: "contacts",
    Invoice: "invoices",
    Payment: "payments",
    Expense: "expenses",
    TimeOff: "timeoff",
    Settings: "settings",
    RecurringInvoice: "recurring_invoices",
}
"""The table each record type lives in."""

_NOT_FOUND: dict[str, str] = {
    "clients": N_("no such client #{id}"),
    "tasks": N_("no such task #{id}"),
    "time": N_("no such time entry #{id}"),
    "contacts": N_("no such contact #{id}"),
    "invoices": N_("no such invoice #{id}"),
    "payments": N_("no such payment #{id}"),
    "expenses": N_("no such expense #{id}"),
    "timeoff": N_("no such time off #{id}"),
    "recurring_invoices": N_("no such recurring invoice #{id}"),
}
"""Each table's refusal for a record that is not there: whole sentences, so that a language
can give each its own grammar ("no existe la tarea", "no existe el gasto")."""


def not_found(table: str, doc_id: int) -> NotFoundError:
    """The refusal for record ``doc_id`` of ``table`` when it is not there, in words."""
    message = _NOT_FOUND.get(table)
    if message is None:
        return NotFoundError(_("no such record: {table} #{id}").format(table=table, id=doc_id))
    return NotFoundError(_(message).format(id=doc_id))


R = TypeVar("R", bound=Record)


class VatuiTable(Table):
    """A TinyDB table whose new ids never reuse an id that moved to the archive."""

    def _get_next_id(self) -> int:
        current: int | None = self._next_id
        if current is None:
            data = self._storage.read() or {}
            floor = int(data.get("meta", {}).get("1", {}).get("id_floor", {}).get(self.name, 0))
            table = data.get(self.name, {})
            highest = max((int(k) for k in table), default=0)
            current = max(highest, floor) + 1
        self._next_id = current + 1  # type: ignore[assignment]
        return current


class Tx:
    """A change in progress. Records before/after images for undo."""

    def __init__(self, workspace: Workspace, label: str | None) -> None:
        self._ws = workspace
        self.label = label
        self.changes: list[dict[str, Any]] = []

    # raw documents -------------------------------------------------------------

    def docs(self, table: str) -> Mapping[str, dict[str, Any]]:
        """The raw documents of ``table`` by id string; do not mutate them."""
        return self._ws.docs(table)

    def get_doc(self, table: str, doc_id: int) -> dict[str, Any] | None:
        """One raw document, or ``None``."""
        return self._ws.docs(table).get(str(doc_id))

    def insert(self, table: str, doc: dict[str, Any], doc_id: int | None = None) -> int:
        """Insert ``doc`` and return its id.

        Written straight into the in-memory table (and marked for re-serialising) rather
        than through TinyDB's ``Table.insert``, which rebuilds the whole table on every
        call: at 40,000 time entries that alone took longer than the durable write.
        """
        data, docs = self._ws._table_dict(table)
        if doc_id is None:
            new_id = cast(VatuiTable, self._ws.table(table))._get_next_id()
        else:
            new_id = int(doc_id)
            if str(new_id) in docs:
                raise ValueError(f"document with ID {new_id} already exists")
        docs[str(new_id)] = copy.deepcopy(dict(doc))
        self._ws._touched(table, data)
        self._record(table, new_id, None, doc)
        return new_id

    def insert_many(self, table: str, docs: list[dict[str, Any]]) -> list[int]:
        """Insert many documents at once (bulk loads; not undoable one by one)."""
        return [int(i) for i in self._ws.table(table).insert_multiple(docs)]

    def update(self, table: str, doc_id: int, fields: dict[str, Any]) -> dict[str, Any]:
        """Change some fields of a document; returns the new document."""
        before = self.get_doc(table, doc_id)
        if before is None:
            raise not_found(table, doc_id)
        before = copy.deepcopy(before)
        after = {**before, **copy.deepcopy(fields)}
        data, docs = self._ws._table_dict(table)
        docs[str(doc_id)] = after
        self._ws._touched(table, data)
        self._record(table, doc_id, before, after)
        return copy.deepcopy(after)

    def remove(self, table: str, doc_id: int) -> None:
        """Delete a document."""
        before = self.get_doc(table, doc_id)
        if before is None:
            raise not_found(table, doc_id)
        before = copy.deepcopy(before)
        data, docs = self._ws._table_dict(table)  # in place, as insert: undoing a 10,000-row import
        del docs[str(doc_id)]  # through TinyDB's remove took a minute
        self._ws._touched(table, data)
        self._record(table, doc_id, before, None)
        if table not in ("undo", "meta"):
            self.raise_id_floor(table, doc_id)

    def raise_id_floor(self, table: str, doc_id: int) -> None:
        """Never hand out ``doc_id`` (or less) again in ``table``: it was deleted or archived.

        Records that still refer to a deleted id (time on a deleted task) must not start
        pointing at a new record that happens to get the same number.
        """
        meta = self.get_doc("meta", 1)
        floors = dict((meta or {}).get("id_floor", {}))
        if int(floors.get(table, 0)) >= doc_id:
            return
        floors[table] = int(doc_id)
        if meta is None:
            self._ws.table("meta").insert(Document({"schema": SCHEMA_VERSION, "id_floor": floors}, 1))
        else:
            self._ws.table("meta").update({"id_floor": floors}, doc_ids=[1])

    def _record(
        self, table: str, doc_id: int, before: dict[str, Any] | None, after: dict[str, Any] | None
    ) -> None:
        if self.label is not None and table not in ("undo", "meta"):
            self.changes.append(
                {"table": table, "id": int(doc_id), "before": before, "after": copy.deepcopy(after)}
            )

    # records -------------------------------------------------------------------

    def get(self, kind: type[R], doc_id: int) -> R:
        """One record, or ``NotFoundError``."""
        doc = self.get_doc(TABLE_OF[kind], doc_id)
        if doc is None:
            raise not_found(TABLE_OF[kind], doc_id)
        return kind.from_doc(doc, doc_id)

    def all(self, kind: type[R]) -> list[R]:
        """Every record of a kind."""
        return [kind.from_doc(d, int(k)) for k, d in self.docs(TABLE_OF[kind]).items()]

    def add(self, record: R) -> R:
        """Insert a new record; returns it with its id."""
        new_id = self.insert(TABLE_OF[type(record)], record.to_doc())
        return record.with_(id=new_id)

    def save(self, record: R) -> R:
        """Write a changed record over its stored document."""
        if record.id is None:
            return self.add(record)
        self.update(TABLE_OF[type(record)], record.id, record.to_doc())
        return record

    def delete(self, kind: type[Record], doc_id: int) -> None:
        """Remove a record."""
        self.remove(TABLE_OF[kind], doc_id)

    def settings(self) -> Settings:
        """The workspace settings."""
        return self._ws.settings()
