"""A change in progress (``Tx``): what ``Workspace.transaction()`` hands out.

It changes documents through the workspace's public change interface (``put_doc``,
``drop_doc``, ``next_id``) and keeps before/after images for undo.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from vatui.domain.records import Record
from vatui.domain.settings import Settings
from vatui.store.schema import SCHEMA_VERSION
from vatui.store.tables import R, VatuiTable, not_found, table_of

if TYPE_CHECKING:
    from vatui.store.workspace import Workspace

__all__ = ["R", "Tx", "VatuiTable", "not_found", "table_of"]


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
        if doc_id is None:
            new_id = self._ws.next_id(table)
        else:
            new_id = int(doc_id)
            if self.get_doc(table, new_id) is not None:
                raise ValueError(f"document with ID {new_id} already exists")
        self._ws.put_doc(table, new_id, copy.deepcopy(dict(doc)))
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
        self._ws.put_doc(table, doc_id, after)
        self._record(table, doc_id, before, after)
        return copy.deepcopy(after)

    def remove(self, table: str, doc_id: int) -> None:
        """Delete a document."""
        before = self.get_doc(table, doc_id)
        if before is None:
            raise not_found(table, doc_id)
        before = copy.deepcopy(before)
        self._ws.drop_doc(table, doc_id)  # in place, as insert: undoing a 10,000-row import
        # through TinyDB's remove took a minute
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
        base = meta if meta is not None else {"schema": SCHEMA_VERSION}
        self._ws.put_doc("meta", 1, {**base, "id_floor": floors})  # a new document: readers keep theirs

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
        doc = self.get_doc(table_of(kind), doc_id)
        if doc is None:
            raise not_found(table_of(kind), doc_id)
        return kind.from_doc(doc, doc_id)

    def all(self, kind: type[R]) -> list[R]:
        """Every record of a kind."""
        return [kind.from_doc(d, int(k)) for k, d in self.docs(table_of(kind)).items()]

    def add(self, record: R) -> R:
        """Insert a new record; returns it with its id."""
        new_id = self.insert(table_of(type(record)), record.to_doc())
        return record.with_(id=new_id)

    def save(self, record: R) -> R:
        """Write a changed record over its stored document."""
        if record.id is None:
            return self.add(record)
        self.update(table_of(type(record)), record.id, record.to_doc())
        return record

    def delete(self, kind: type[Record], doc_id: int) -> None:
        """Remove a record."""
        self.remove(table_of(kind), doc_id)

    def settings(self) -> Settings:
        """The workspace settings."""
        return self._ws.settings()
