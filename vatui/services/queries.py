"""The one place services read stored documents: every read of the store goes through here.

Two kinds of read, both named:

- **records**: a client's name, a task's title, today at home, whether the workspace is empty,
  the documents of a table live and archived: what the session and the services ask for by name.
- **raw tables** (``task_docs(ws)`` …): the measured fast paths. The Board, the Ledger view,
  Today's triage and the reports read thousands of documents per key press, and parse only
  those they show; building every record first would cost them their speed. The mappings
  returned are the store's own: never mutate them. A transaction's ``tx`` reads here too
  (it sees its own changes); a table read once is never changed afterwards (see
  ``vatui.store.storage``), so holding it is safe.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, Protocol

from vatui.domain.clock import local_today
from vatui.domain.tasks import minutes_for
from vatui.store.archive import (
    HEADS,
    MINUTES,
    MONEY,
    MONTHS,
    all_docs,
    archive_path,
    archive_years,
    read_year,
)
from vatui.store.layout import in_group
from vatui.store.workspace import Workspace

Docs = Mapping[str, dict[str, Any]]
"""A table's raw documents by id string."""


class DocSource(Protocol):
    """What the raw readers read from: a workspace, a transaction, or a view of them."""

    def docs(self, table: str) -> Docs: ...


# raw tables (the fast paths) ----------------------------------------------------------


def docs_of(source: DocSource, table: str) -> Docs:
    """The raw documents of ``table`` (by name, for code that walks several tables)."""
    return source.docs(table)


def _table_reader(table: str) -> Callable[[DocSource], Docs]:
    def read(source: DocSource) -> Docs:
        return source.docs(table)

    read.__name__ = read.__qualname__ = f"{table}_docs"
    read.__doc__ = f"The raw documents of the {table!r} table."
    return read


client_docs = _table_reader("clients")
contact_docs = _table_reader("contacts")
task_docs = _table_reader("tasks")
time_docs = _table_reader("time")
invoice_docs = _table_reader("invoices")
payment_docs = _table_reader("payments")
expense_docs = _table_reader("expenses")
timeoff_docs = _table_reader("timeoff")
recurring_invoice_docs = _table_reader("recurring_invoices")
settings_docs = _table_reader("settings")
"""The settings table (one document, ``"1"``), raw: read leniently where a bad hand edit
must be shown rather than refused."""


def client_contact_docs(ws: Workspace, client_id: int) -> Docs:
    """One client's raw contacts: only that client's part of the log is parsed when the file
    is read lazily (``Workspace.group``), else the log is read whole and filtered by the
    same rule."""
    found = ws.group("contacts", client_id)
    if found is not None:
        return found
    return {k: doc for k, doc in ws.docs("contacts").items() if in_group(doc.get("client_id"), client_id)}


def live_and_archived(ws: Workspace, table: str) -> dict[str, Mapping[str, Any]]:
    """Live and archived documents of ``table`` by id string (the live copy wins)."""
    return dict(all_docs(ws, table))


def archived_of(ws: Workspace, tables: tuple[str, ...], *, until_year: int | None = None) -> dict[str, Docs]:
    """The archived documents of ``tables`` by id string, live ids left out (as
    ``vatui.store.archive.archived_docs``), reading each ``archive/YYYY.json`` once, and
    only the years up to ``until_year`` when it is given (an archive file holds what was
    issued or completed that year)."""
    live = {table: ws.docs(table) for table in tables}
    out: dict[str, dict[str, dict[str, Any]]] = {table: {} for table in tables}
    for year in archive_years(ws.directory):
        if until_year is not None and year > until_year:
            continue
        stored = read_year(archive_path(ws.directory, year), tables)
        for table in tables:
            kept, mine = out[table], live[table]
            for key, doc in stored.get(table, {}).items():
                if key not in mine:
                    kept[key] = doc
    return dict(out)


def archived_invoices(
    ws: Workspace, *, until_year: int | None = None
) -> dict[str, tuple[Mapping[str, Any], bool]]:
    """Every archived invoice by id string, live ids left out (as ``archived_of``), only of
    the years up to ``until_year`` when given: ``(head, True)`` from a year file that holds
    trusted heads (``vatui.store.archive.invoice_head``: the year's ``invoices`` table is
    not parsed), else ``(document, False)`` (an older year file, or one edited by hand)."""
    live = ws.docs("invoices")
    out: dict[str, tuple[Mapping[str, Any], bool]] = {}
    for year in archive_years(ws.directory):
        if until_year is not None and year > until_year:
            continue
        path = archive_path(ws.directory, year)
        heads = read_year(path, (HEADS,)).get(HEADS)
        is_head = heads is not None
        docs = heads if heads is not None else read_year(path, ("invoices",)).get("invoices", {})
        for key, doc in docs.items():
            if key not in live:
                out[key] = (doc, is_head)
    return out


def client_archived_minutes(ws: Workspace, client_id: int) -> tuple[int, int]:
    """(minutes, billable minutes) of ONE client's archived time entries, as the clients
    report counts them (``ledger.data.minutes_by_client``): the client's rows of the years'
    sums, trusted by the same rule as far as this client needs (``archived_minutes``); else
    the client's archived entries themselves (``archived_of``: an entry also live is left
    out, its live copy counts) by ``tasks.minutes_for``."""
    sums = archived_minutes(ws, str(client_id))
    if sums is None:
        return minutes_for(client_id, archived_of(ws, ("time",))["time"].values())
    return sums.get(client_id, (0, 0))


def archived_minutes(ws: Workspace, client: str | None = None) -> dict[int, tuple[int, int]] | None:
    """(minutes, billable minutes) of the archived time entries per client (only ``client``'s
    when given: other clients' rows are not summed, their ids only looked up), read from each
    year's sums (``vatui.store.archive_derived.client_minutes``: the years' ``time`` tables
    are not parsed); ``None`` when they cannot be trusted: a year has none (an older year
    file, or one edited by hand), or an entry counted in a row read is also live, or counted
    in another row of any year (a run interrupted between its two steps). The caller then
    reads the entries themselves (``archived_of``), where the live copy wins. The one rule
    of the clients report and the client card."""
    found = _every_year(ws, MINUTES)
    if found is None:
        return None
    years = [tables[MINUTES] for tables in found]
    mine = [(c, row) for sums in years for c, row in sums.items() if client is None or c == client]
    ids: set[int] = set()
    counted = 0
    for _client, row in mine:
        ids.update(row["ids"])
        counted += len(row["ids"])
    if len(ids) < counted:  # counted twice among the rows read
        return None
    if ids and not ws.docs("time").keys().isdisjoint(map(str, ids)):  # also live
        return None
    if client is not None and any(
        not ids.isdisjoint(row["ids"]) for sums in years for c, row in sums.items() if c != client
    ):
        return None  # also in another client's row
    out: dict[int, tuple[int, int]] = {}
    for key, row in mine:
        every, billable = out.get(int(key), (0, 0))
        out[int(key)] = (every + int(row["every"]), billable + int(row["billable"]))
    return out


def _every_year(ws: Workspace, *derived: str) -> list[Mapping[str, Docs]] | None:
    """The ``derived`` tables of every archive year (``vatui.store.archive_derived``);
    ``None`` when a year lacks one."""
    years: list[Mapping[str, Docs]] = []
    for year in archive_years(ws.directory):
        tables = read_year(archive_path(ws.directory, year), derived)
        if any(name not in tables for name in derived):
            return None
        years.append(tables)
    return years


def archived_money(ws: Workspace, on: date) -> dict[tuple[int, str], list[int]] | None:
    """[revenue, invoiced, outstanding] of the archived invoices per (client, currency) as
    of the end of ``on``, as the clients report counts them (``reports.money_by_client``),
    read from each year's sums (``vatui.store.archive_derived.client_money``: the years'
    heads, invoices and payments are not parsed); ``None`` when they might not be the whole
    truth (``_summed_years``). The caller then reads the records."""
    years = _summed_years(ws, on)
    if years is None:
        return None
    out: dict[tuple[int, str], list[int]] = {}
    for tables in years:
        for client, by_currency in tables[MONEY].items():
            for currency, row in by_currency.items():
                mine = out.setdefault((int(client), currency), [0, 0, 0])
                mine[0] += int(row["revenue"])
                mine[1] += int(row["invoiced"])
                mine[2] += int(row["owed"])
    return out


def archived_income(
    ws: Workspace, start: date | None, end: date | None
) -> dict[tuple[str, str], tuple[int, int]] | None:
    """(net, withheld) income of the archived invoices per (``YYYY-MM``, currency) from
    ``start`` to ``end`` (each optional), as the profit and loss counts it
    (``reports.income_of``), read from each year's sums
    (``vatui.store.archive_derived.month_income``); ``None`` when they might not be the
    whole truth (``_summed_years`` as of ``end``), or ``start`` is not the first of a month
    (the sums are by month). The caller then reads the records."""
    if start is not None and start.day != 1:
        return None
    years = _summed_years(ws, end, MONTHS)
    if years is None:
        return None
    first = "" if start is None else f"{start.year:04d}{start.month:02d}"
    out: dict[tuple[str, str], tuple[int, int]] = {}
    for tables in years:
        for month, by_currency in tables[MONTHS].items():
            if month < first:
                continue
            for currency, sums in by_currency.items():
                key = (f"{month[:4]}-{month[4:]}", currency)
                net, withheld = out.get(key, (0, 0))
                out[key] = (net + int(sums["net"]), withheld + int(sums["withheld"]))
    return out


def _summed_years(ws: Workspace, on: date | None, *also: str) -> list[Mapping[str, Docs]] | None:
    """Each archive year's money per client (``client_money``) and the derived tables
    ``also``, when their sums are the whole truth as of the end of ``on`` (``None``: every
    day). ``None`` when they might not be: a year has them not (an older year file, one
    edited by hand, or one with a payment of an invoice it does not sum), ``on`` is before
    the last day a row counts, an invoice or a payment summed is also live or summed twice
    (a run interrupted between its two steps), or a live payment is of an invoice summed.
    The one trust rule of the archive's money sums."""
    years = _every_year(ws, MONEY, *also)
    if years is None:
        return None
    day = None if on is None else on.isoformat()
    ids: set[str] = set()
    paid: set[str] = set()
    summed = paid_summed = 0
    for summed_year in years:
        for by_currency in summed_year[MONEY].values():
            for row in by_currency.values():
                if day is not None and row["last"] > day:
                    return None
                ids.update(map(str, row["ids"]))
                paid.update(map(str, row["paid"]))
                summed += len(row["ids"])
                paid_summed += len(row["paid"])
    if len(ids) < summed or len(paid) < paid_summed:
        return None
    payments = ws.docs("payments")
    if not ws.docs("invoices").keys().isdisjoint(ids) or not payments.keys().isdisjoint(paid):
        return None
    if ids and any(str(doc.get("invoice_id")) in ids for doc in payments.values()):
        return None
    return years


# named reads --------------------------------------------------------------------------


def home_today(ws: Workspace) -> date:
    """Today's date in the workspace's home timezone."""
    return local_today(ws.clock, ws.settings().home_timezone)


def client_names(source: DocSource) -> dict[int, str]:
    """Client names by id, archived clients included (history still names them)."""
    return {int(k): str(d["name"]) for k, d in client_docs(source).items()}


def client_name(source: DocSource, client_id: int) -> str | None:
    """One client's name (``None``: no such client)."""
    doc = client_docs(source).get(str(client_id))
    return None if doc is None else str(doc["name"])


def task_title(source: DocSource, task_id: int) -> str | None:
    """One live task's title (``None``: no such task)."""
    doc = task_docs(source).get(str(task_id))
    return None if doc is None else str(doc["title"])


def task_titles(source: DocSource) -> dict[int, str]:
    """Every live task's title by id."""
    return {int(k): str(d["title"]) for k, d in task_docs(source).items()}


def is_empty(source: DocSource) -> bool:
    """Whether the workspace holds neither a task nor a client."""
    return not task_docs(source) and not client_docs(source)
