"""Small helpers every service uses: today's date at home, client lookups (read through
``vatui.services.queries``, where ``home_today`` and ``client_names`` live)."""

from __future__ import annotations

from vatui.services.queries import client_docs, client_names, docs_of, home_today
from vatui.store.workspace import Workspace

__all__ = ["client_names", "client_of", "client_refs", "home_today"]


def client_refs(ws: Workspace, *, include_archived: bool = False) -> list[tuple[int, str]]:
    """(id, name) of every client, for parsers that match ``@prefix``."""
    return [
        (int(k), str(d["name"]))
        for k, d in client_docs(ws).items()
        if include_archived or not d.get("archived")
    ]


_TABLE_OF_KIND = {"client": "clients", "contact": "contacts", "task": "tasks", "invoice": "invoices"}


def client_of(ws: Workspace, kind: str, ref: int | None) -> int | None:
    """The client a record belongs to (a client, contact, task or invoice), if any."""
    table = _TABLE_OF_KIND.get(kind)
    if ref is None or table is None:
        return None
    doc = docs_of(ws, table).get(str(ref))
    if doc is None:
        return None
    if kind == "client":
        return ref
    value = doc.get("client_id")
    return value if isinstance(value, int) else None
