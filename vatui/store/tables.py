"""Which table each record type lives in, and the TinyDB classes vatui opens them with: a
table that never reuses an archived id, and the database that uses it (``VatuiDB``; TinyDB's
own class is left as it is, so other users of TinyDB in the process are not affected).
"""

from __future__ import annotations

from typing import TypeVar

from tinydb import TinyDB
from tinydb.table import Table

from vatui.domain.clients import Client, Contact
from vatui.domain.errors import NotFoundError
from vatui.domain.ledger import Expense, Invoice, Payment
from vatui.domain.records import Record
from vatui.domain.recurring import RecurringInvoice
from vatui.domain.settings import Settings
from vatui.domain.tasks import Task, TimeEntry
from vatui.domain.timeoff import TimeOff
from vatui.i18n import N_, _

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
