"""Which table each record type lives in, and the TinyDB classes vatui opens them with: a
table that never reuses an archived id, and the database that uses it (``VatuiDB``; TinyDB's
own class is left as it is, so other users of TinyDB in the process are not affected).
"""

from __future__ import annotations

from typing import TypeVar

from tinydb import TinyDB
from tinydb.table import Table

from vatui.domain.errors import NotFoundError
from vatui.domain.records import Record
from vatui.i18n import N_, _

TABLES: dict[str, str] = {
    "vatui.domain.clients.Client": "clients",
    "vatui.domain.tasks.Task": "tasks",
    "vatui.domain.tasks.TimeEntry": "time",
    "vatui.domain.clients.Contact": "contacts",
    "vatui.domain.ledger.Invoice": "invoices",
    "vatui.domain.ledger.Payment": "payments",
    "vatui.domain.ledger.Expense": "expenses",
    "vatui.domain.timeoff.TimeOff": "timeoff",
    "vatui.domain.settings.Settings": "settings",
    "vatui.domain.recurring.RecurringInvoice": "recurring_invoices",
}
"""The table each record type lives in, by the type's dotted name: a command imports only the
record types it uses (each module of them costs milliseconds to import: ``class_of``)."""


def table_of(kind: type[Record]) -> str:
    """The table records of ``kind`` live in (``KeyError`` for a type that is not stored)."""
    return TABLES[f"{kind.__module__}.{kind.__qualname__}"]


def class_of() -> dict[str, type[Record]]:
    """The record type of each record table (importing every one of them)."""
    from importlib import import_module

    out: dict[str, type[Record]] = {}
    for dotted, table in TABLES.items():
        module, _dot, name = dotted.rpartition(".")
        out[table] = getattr(import_module(module), name)
    return out


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

    def take_id(self) -> int:
        """Hand out the next id (TinyDB's own counter, floored by the archived ids)."""
        return self._get_next_id()

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


class VatuiDB(TinyDB):
    """TinyDB whose tables are ``VatuiTable``s (set on this subclass, not on TinyDB itself)."""

    table_class = VatuiTable
