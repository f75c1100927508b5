"""Small helpers every service uses: today's date at home, client lookups."""

from __future__ import annotations

from datetime import date

from vatui.domain.clock import local_today
from vatui.store.workspace import Workspace


def home_today(ws: Workspace) -> date:
    """Today's date in the workspace's home timezone."""
    return local_today(ws.clock, ws.settings().home_timezone)


def client_refs(ws: Workspace, *, include_archived: bool = False) -> list[tuple[int, str]]:
    """(id, name) of every client, for parsers that match ``@prefix``."""
    return [
        (int(k), str(d["name"]))
        for k, d in ws.docs("clients").items()
        if include_archived or not d.get("archived")
    ]


def client_names(ws: Workspace) -> dict[int, str]:
    """Client names by id, archived ones included (history still names them)."""
    return {int(k): str(d["name"]) for k, d in ws.docs("clients").items()}


_TABLE_OF_KIND = {"client": "clients", "contact": "contacts", "task": "tasks", "invoice": "invoices"}


def client_of(ws: Workspace, kind: str, ref: int | None) -> int | None:
    """The client a record belongs to (a client, contact, task or invoice), if any."""
    table = _TABLE_OF_KIND.get(kind)
    if ref is None or table is None:
        return None
    doc = ws.docs(table).get(str(ref))
    if doc is None:
        return None
    if kind == "client":
        return ref
    value = doc.get("client_id")
    return value if isinstance(value, int) else None
