"""Global search: tasks, clients, invoices and contacts found by text, accents and case aside.

The command palette (and ``vatui search``) asks ``SearchIndex.find`` on every keystroke, so
the work is split: ``build_index`` reads the workspace once (when the palette opens) into
folded lines; ``find`` only scans them — about 12,000 lines at the large demo, a few
milliseconds. Every word typed must occur in a record's line (``"acme inv"`` finds Acme's
invoices); a record whose title or name starts with the first word comes first, open work
before done, newest first.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Any

from vatui.domain.fold import fold
from vatui.domain.ledger import INVOICE_STATUSES
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.services.queries import client_docs, contact_docs, invoice_docs, task_docs
from vatui.store.workspace import Workspace

KINDS = ("client", "task", "invoice", "contact")
"""What the search finds, in the order kinds are shown when the scores tie."""
OPEN_STATUSES = ("draft", "sent", "partial")
"""Invoices still to be sent or paid."""
MAX_HITS = 30
"""The most a search returns: a palette shows a screenful anyway."""


@dataclass(frozen=True, slots=True)
class Found:
    """One record found: its kind and id (to open it), what to show, and how to rank it."""

    kind: str
    """``client``, ``task``, ``invoice`` or ``contact``."""
    id: int
    """The record's id."""
    title: str
    """The line shown: a task's title, a client's name, an invoice's number, a contact's summary."""
    client: str
    """The client's name (a client's own line: empty)."""
    state: str
    """A task's column (or "done"), an invoice's status, a contact's day, "archived"."""
    open: bool
    """Open work (an open task, an unpaid invoice, a client not archived)."""
    when: str
    """An ISO date or time to order the newest first."""

    @property
    def detail(self) -> str:
        """The line under the title: ``task · Acme · Doing``."""
        return " · ".join(part for part in (_(self.kind), self.client, self.state) if part)


class SearchIndex:
    """The searchable lines of a workspace, read once: one folded line per record."""

    def __init__(self, records: list[tuple[Found, str]]) -> None:
        self._found = [found for found, _extra in records]
        self._heads = [fold(found.title) for found in self._found]
        # The detail's own words are in ``extra`` (its " · " would push every line off
        # ``fold``'s fast ASCII path).
        self._texts = [fold(f"{found.title} {extra}") for found, extra in records]
        # Where each record stands when the typed text does not decide: open work first, then
        # by kind, newest first — one sort here instead of one per keystroke.
        newest = sorted(range(len(self._found)), key=lambda i: self._found[i].when, reverse=True)
        newest.sort(key=lambda i: (not self._found[i].open, KINDS.index(self._found[i].kind)))
        self._order = [0] * len(newest)
        for place, i in enumerate(newest):
            self._order[i] = place

    def __len__(self) -> int:
        return len(self._found)

    def find(self, query: str, limit: int = MAX_HITS) -> list[Found]:
        """The records whose text holds every word of ``query`` (folded), best first."""
        words = fold(one_line(query)).split()
        if not words:
            return []
        first, rest = words[0], words[1:]
        texts, heads, found, order = self._texts, self._heads, self._found, self._order
        hits = [i for i, text in enumerate(texts) if first in text]
        if rest:
            hits = [i for i in hits if all(word in texts[i] for word in rest)]

        def rank(i: int) -> tuple[bool, bool, int]:
            head = heads[i]
            starts = head.startswith(first)
            return (not starts, not (starts or f" {first}" in head), order[i])

        return [found[i] for i in heapq.nsmallest(limit, hits, key=rank)]


def build_index(ws: Workspace) -> SearchIndex:
    """Every client, task, invoice and contact of the workspace's live file, as search lines."""
    words = {kind: _(kind) for kind in (*KINDS, "done", "archived", *INVOICE_STATUSES)}
    clients = client_docs(ws)
    names = {int(cid): str(doc.get("name", "")) for cid, doc in clients.items()}
    records = [_client_line(int(cid), doc, words) for cid, doc in clients.items()]
    records += [_task_line(int(tid), doc, names, words) for tid, doc in task_docs(ws).items()]
    records += [_invoice_line(int(iid), doc, names, words) for iid, doc in invoice_docs(ws).items()]
    records += [_contact_line(int(cid), doc, names, words) for cid, doc in contact_docs(ws).items()]
    return SearchIndex(records)


def _client_line(cid: int, doc: dict[str, Any], words: dict[str, str]) -> tuple[Found, str]:
    people: list[dict[str, Any]] = doc.get("people") or []
    state = words["archived"] if doc.get("archived") else ""
    name = str(doc.get("name", ""))
    found = Found("client", cid, name, "", state, not state, str(doc.get("updated", "")))
    people_text = " ".join(f"{p.get('name', '')} {p.get('email', '')}" for p in people)
    tags = " ".join(str(tag) for tag in doc.get("tags") or ())
    return found, f"{words['client']} {state} {doc.get('legal_name') or ''} {tags} {people_text}"


def _task_line(
    tid: int, doc: dict[str, Any], names: dict[int, str], words: dict[str, str]
) -> tuple[Found, str]:
    done = doc.get("completed") is not None
    client = names.get(doc.get("client_id") or 0, "")
    column = words["done"] if done else str(doc.get("column", ""))
    found = Found(
        "task", tid, str(doc.get("title", "")), client, column, not done, str(doc.get("updated", ""))
    )
    tags = doc.get("tags")
    return found, f"{words['task']} {client} {column} {' '.join(map(str, tags)) if tags else ''}"


def _invoice_line(
    iid: int, doc: dict[str, Any], names: dict[int, str], words: dict[str, str]
) -> tuple[Found, str]:
    number = str(doc.get("number") or "") or _("draft #{id}").format(id=iid)
    status = str(doc.get("status", ""))
    shown = words.get(status, status)
    client = names.get(int(doc.get("client_id") or 0), "")
    found = Found(
        "invoice", iid, number, client, shown, status in OPEN_STATUSES, str(doc.get("issue_date", ""))
    )
    return found, f"{words['invoice']} {client} {shown} {doc.get('notes') or ''}"


def _contact_line(
    cid: int, doc: dict[str, Any], names: dict[int, str], words: dict[str, str]
) -> tuple[Found, str]:
    at = str(doc.get("at", ""))
    client = names.get(int(doc.get("client_id") or 0), "")
    found = Found("contact", cid, str(doc.get("summary", "")), client, at[:10], False, at)
    return found, f"{words['contact']} {client}"
