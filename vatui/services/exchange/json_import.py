"""``vatui import json``: bring back what ``vatui export json`` wrote, ids and all.

Every record keeps its id, so everything that points at another record (a time entry's
task, an invoice's billed time, a payment's invoice) still points at the same one and
every report reads as it did. That is only safe when no id of the file is used in the
workspace: by a live or archived record, or named by one (a deleted task that time still
points at). An import into an empty workspace always is (also after an undone import); a merge into a non-empty one is refused
otherwise, naming the table and the ids. A merge only ever adds records: nothing in the
workspace is changed or dropped (its own settings are kept; the file's board columns that
it lacks are added to them).

Archived records come back live (an export holds them with the rest, unmarked). While
the import is the newest undo step they stay live, so ``vatui undo`` can take it back
(``archive_hold``); then ``vatui archive``, or the next open after another change (with
``auto_archive`` on), moves them to the archive again, into the same years. Ids that the file's records point at but that are not in the file (a
deleted task's time, a deleted payment) are never handed out afterwards (the id floors).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from vatui.domain.clock import local_today
from vatui.domain.money import Money
from vatui.domain.settings import Settings
from vatui.i18n import _
from vatui.services.exchange.import_plan import ImportPlan, ImportRefused, Progress, Reader, fold
from vatui.services.exchange.json_read import RECORD_TABLES, JsonExport, read_export
from vatui.services.queries import client_docs, docs_of, invoice_docs, settings_docs, time_docs
from vatui.store.archive import ARCHIVED_TABLES, archived_docs, has_archivable
from vatui.store.workspace import Tx, Workspace

KIND_OF = {
    "clients": "client",
    "tasks": "task",
    "time": "time",
    "contacts": "contact",
    "invoices": "invoice",
    "payments": "payment",
    "expenses": "expense",
    "recurring_invoices": "recurring invoice",
    "timeoff": "timeoff",
}
"""The summary's kind of a record of each table."""

SHOWN_IDS = 8
"""How many colliding ids a refusal names before saying how many more there are."""


@dataclass
class JsonPlan(ImportPlan):
    """An import plan whose records keep the ids they have in the file."""

    rows: dict[str, dict[int, dict[str, Any]]] = field(default_factory=dict)
    settings_doc: dict[str, Any] | None = None
    """Written over the workspace's settings, when they change."""
    floors: dict[str, int] = field(default_factory=dict)
    """Ids the file points at but does not hold: never to be handed out."""


def _refs(table: str, doc: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """(field, table it points into, id) for every link from ``doc`` to another record."""
    links = {
        "tasks": (("client_id", "clients"),),
        "time": (("task_id", "tasks"), ("client_id", "clients"), ("invoice_id", "invoices")),
        "contacts": (("client_id", "clients"),),
        "invoices": (("client_id", "clients"), ("recurring_id", "recurring_invoices")),
        "payments": (("invoice_id", "invoices"),),
        "expenses": (("template_id", "expenses"), ("client_id", "clients"), ("invoice_id", "invoices")),
        "recurring_invoices": (("client_id", "clients"),),
    }
    for name, target in links.get(table, ()):
        yield name, target, doc.get(name)
    if table == "invoices":
        for item in doc.get("items") or ():
            for entry in item.get("time_entry_ids") or ():
                yield "items.time_entry_ids", "time", entry
            for expense in item.get("expense_ids") or ():
                yield "items.expense_ids", "expenses", expense
            yield "items.late_fee_for", "invoices", item.get("late_fee_for")


def _pointed_at(ws: Workspace, reader: Reader) -> dict[str, set[int]]:
    """The ids the workspace's records (live and archived) point at, by table: a deleted
    record's id that something still names is taken as surely as a live one."""
    out: dict[str, set[int]] = {}
    for table in RECORD_TABLES:
        docs = {**(archived_docs(ws, table) if table in ARCHIVED_TABLES else {}), **docs_of(reader, table)}
        for doc in docs.values():
            for _name, target, ref in _refs(table, doc):
                if isinstance(ref, int) and not isinstance(ref, bool):
                    out.setdefault(target, set()).add(ref)
            for removal in doc.get("removed_payments") or () if table == "invoices" else ():
                out.setdefault("payments", set()).add(removal.get("payment_id"))
    return out


def _label(table: str, doc: dict[str, Any]) -> str:
    """A record as the summary shows it."""
    if table == "clients":
        return str(doc.get("name", ""))
    if table == "tasks":
        return str(doc.get("title", ""))
    if table == "invoices":
        return str(doc.get("number", ""))
    if table == "contacts":
        return f"{str(doc.get('at', ''))[:10]} {doc.get('summary', '')}"
    if table == "recurring_invoices":
        return _("client #{id}, every month on day {day}").format(id=doc.get("client_id"), day=doc.get("day"))
    if table == "time":
        return f"{str(doc.get('start', ''))[:16].replace('T', ' ')} {doc.get('minutes', 0)} min {doc.get('note', '')}"
    if table == "timeoff":
        return f"{doc.get('start', '')} – {doc.get('end', '')} {doc.get('note', '')}".rstrip()
    amount = doc.get("amount") or {}
    money = Money(int(amount.get("minor", 0)), str(amount.get("currency", "XXX"))).format()
    if table == "payments":
        return f"{doc.get('on', '')} {money}"
    return f"{doc.get('on', '')} {money} {doc.get('vendor', '')}".rstrip()


def _ids(ids: list[int]) -> str:
    shown = ", ".join(f"#{n}" for n in ids[:SHOWN_IDS])
    more = len(ids) - SHOWN_IDS
    return shown if more <= 0 else _("{ids} and {n} more").format(ids=shown, n=more)


def plan_json_import(ws: Workspace, reader: Reader, file: str, export: JsonExport) -> JsonPlan:
    """What importing ``export`` into the workspace (as read through ``reader``) would do."""
    plan = JsonPlan(file=file, label=_("import JSON export {name}").format(name=Path(file).name))
    plan.rows = export.rows
    live = {t: {int(k) for k in docs_of(reader, t)} for t in RECORD_TABLES}
    archived = {
        t: {int(k) for k in archived_docs(ws, t)} if t in ARCHIVED_TABLES else set() for t in RECORD_TABLES
    }
    pointed = _pointed_at(ws, reader)
    empty = not any(live[t] or archived[t] for t in RECORD_TABLES)

    for table in RECORD_TABLES:
        taken = live[table] | archived[table] | pointed.get(table, set())
        clash = sorted(n for n in export.rows.get(table, {}) if n in taken)
        if clash:
            plan.problems.append(
                f"{file}: "
                + _(
                    "{table} {ids}: already used in this workspace (its {table} ids go up to {top}); "
                    "a merge keeps every id, so ids must not collide: import into an empty workspace"
                ).format(table=table, ids=_ids(clash), top=max(taken))
            )
    numbers = {
        str(d.get("number")): int(k)
        for k, d in {**archived_docs(ws, "invoices"), **invoice_docs(reader)}.items()
    }
    for doc_id, doc in sorted(export.rows.get("invoices", {}).items()):
        if doc.get("number") and doc.get("number") in numbers:
            plan.problems.append(
                f"{file}: "
                + _("invoices #{id}: invoice {number} is already #{here} in this workspace").format(
                    id=doc_id, number=doc["number"], here=numbers[doc["number"]]
                )
            )
    if plan.problems:
        return plan

    for table in RECORD_TABLES:
        for doc_id, doc in export.rows.get(table, {}).items():
            for name, target, ref in _refs(table, doc):
                if not isinstance(ref, int) or isinstance(ref, bool) or ref in export.rows.get(target, {}):
                    continue
                if ref in live[target] or ref in archived[target]:
                    plan.problems.append(
                        f"{file}: "
                        + _(
                            "{table} #{id}: its {field} #{ref} is not in the file, and {target} #{ref} is "
                            "another record in this workspace"
                        ).format(table=table, id=doc_id, field=name, ref=ref, target=target)
                    )
                else:
                    plan.floors[target] = max(plan.floors.get(target, 0), ref)
        if table == "invoices":
            for doc in export.rows.get(table, {}).values():
                for removal in doc.get("removed_payments") or ():
                    ref = removal.get("payment_id")
                    if isinstance(ref, int) and ref not in export.rows.get("payments", {}):
                        plan.floors["payments"] = max(plan.floors.get("payments", 0), ref)
    running_here = [k for k, d in time_docs(reader).items() if d.get("end") is None]
    running_there = [n for n, d in export.rows.get("time", {}).items() if d.get("end") is None]
    if running_here and running_there:
        plan.problems.append(
            f"{file}: "
            + _("time #{id}: its timer is running, and so is #{here} here; stop one of them first").format(
                id=running_there[0], here=running_here[0]
            )
        )
    if plan.problems:
        return plan

    _plan_settings(plan, reader, export, empty)
    names = {fold(str(d.get("name", ""))): int(k) for k, d in client_docs(reader).items()}
    for table in RECORD_TABLES:
        for doc_id, doc in sorted(export.rows.get(table, {}).items()):
            detail = f"#{doc_id}"
            if table == "clients" and fold(str(doc.get("name", ""))) in names:
                detail += " — " + _(
                    "another client of this name is #{id} here: this one is added beside it"
                ).format(id=names[fold(str(doc.get("name", "")))])
            plan.add("add", KIND_OF[table], _label(table, doc), detail)
    if _archivable(ws, export, plan.settings_doc or settings_docs(reader).get("1")):
        plan.add(
            "skip",
            "note",
            _("archive"),
            _(
                "some are old enough for the archive: they stay live until vatui archive or your next change, "
                "so undo works"
            ),
        )
    if export.confidential is False and export.rows.get("clients"):
        plan.add(
            "skip",
            "note",
            _("confidential notes"),
            _("exported without --confidential: any confidential client notes are not in the file"),
        )
    return plan


class _FileView:
    """The file's records, read as a workspace is (for the archive's own cheap test)."""

    def __init__(self, export: JsonExport, settings: Settings) -> None:
        self._export = export
        self._settings = settings

    def docs(self, table: str) -> dict[str, dict[str, Any]]:
        return {str(k): d for k, d in self._export.rows.get(table, {}).items()}

    def raw(self, table: str) -> None:
        """No table's JSON is kept (``Workspace.raw``): the test reads ``docs``."""
        return None

    def settings(self) -> Settings:
        return self._settings


def _archivable(ws: Workspace, export: JsonExport, settings_doc: dict[str, Any] | None) -> bool:
    """Whether records of the file are old enough for the archive, with the settings the import leaves."""
    settings = Settings.from_doc(settings_doc, 1) if settings_doc else ws.settings()
    if not settings.auto_archive:
        return False
    today = local_today(ws.clock, settings.home_timezone)
    return has_archivable(cast(Workspace, _FileView(export, settings)), today)


def _plan_settings(plan: JsonPlan, reader: Reader, export: JsonExport, empty: bool) -> None:
    """An empty workspace takes the file's settings; a merge keeps its own, adding missing columns."""
    current = settings_docs(reader).get("1") or reader.settings().to_doc()
    if export.settings is None:
        return
    if empty:
        if export.settings != current:
            plan.settings_doc = dict(export.settings)
            plan.add(
                "update", "settings", _("settings"), _("the file's settings (this workspace had no records)")
            )
        return
    columns = list(current.get("columns") or [])
    wanted = [str(d.get("column")) for d in export.rows.get("tasks", {}).values()]
    missing = [c for c in dict.fromkeys(wanted) if c not in columns]
    if missing:
        done = current.get("done_column")
        at = columns.index(done) if done in columns else len(columns)
        plan.settings_doc = {**current, "columns": columns[:at] + missing + columns[at:]}
        plan.add("update", "settings", _("board columns"), _("adds {names}").format(names=", ".join(missing)))
    plan.add("skip", "settings", _("settings"), _("this workspace keeps its own settings"))


def apply_json(tx: Tx, plan: JsonPlan, progress: Progress | None = None) -> None:
    """Write a checked plan inside ``tx``: every record under its own id."""
    plan.refuse_if_broken()
    if plan.settings_doc is not None:
        if tx.get_doc("settings", 1) is None:
            tx.insert("settings", plan.settings_doc, 1)
        else:
            tx.update("settings", 1, plan.settings_doc)
    total = sum(len(rows) for rows in plan.rows.values()) or 1
    done = 0
    for table in RECORD_TABLES:
        for doc_id, doc in sorted(plan.rows.get(table, {}).items()):
            tx.insert(table, doc, doc_id)
            done += 1
            if progress is not None and done % 500 == 0:
                progress(0.5 + done / total / 2)
    for table, floor in plan.floors.items():
        tx.raise_id_floor(table, floor)
    if progress is not None:
        progress(1.0)


def import_json(
    ws: Workspace, path: Path, *, dry_run: bool = False, progress: Progress | None = None
) -> JsonPlan:
    """Import an export of ``vatui export json``; all or nothing, one undo step."""
    read = read_export(Path(path), str(path))
    if read.problems:
        raise ImportRefused(read.problems)
    if progress is not None:
        progress(0.5)
    if dry_run:
        plan = plan_json_import(ws, ws, str(path), read.export)
        plan.refuse_if_broken()
        if progress is not None:
            progress(1.0)
        return plan
    with ws.transaction(_("import")) as tx:
        plan = plan_json_import(ws, tx, str(path), read.export)
        plan.refuse_if_broken()
        tx.label = plan.label
        apply_json(tx, plan, progress)
    return plan


__all__ = ["JsonPlan", "apply_json", "import_json", "plan_json_import"]
