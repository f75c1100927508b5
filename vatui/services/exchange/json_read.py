"""Reading what ``vatui export json`` wrote, checked whole before anything is planned.

An export is ``{"settings": [...], "clients": [...], …, "schema": N}``: each table a list
of rows, each row the stored document with its ``"id"``. Every row is checked through its
record class by the store's own checks (``vatui.domain.doc_check.check_doc``), then the
file as a whole workspace (``vatui.store.restore.check_workspace``: the schema version,
payments in their invoice's currency), then through the domain's rules
(``vatui.domain.workspace_rules.check_semantics``: caps, amounts, references, one running
timer, unique invoice numbers and client names). Problems are ``FILE:LINE: table #id: reason``; the
line is found in an indented export (``export json`` indents), else it is line 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from vatui.domain.doc_check import BadDocument, check_doc
from vatui.domain.workspace_rules import check_semantics
from vatui.i18n import _
from vatui.store.restore import CLASS_OF, check_workspace, read_candidate
from vatui.store.schema import SCHEMA_VERSION

RECORD_TABLES = (
    "clients",
    "recurring_invoices",
    "tasks",
    "time",
    "contacts",
    "invoices",
    "payments",
    "expenses",
    "timeoff",
)
"""The tables of records an export holds (and an import adds), in the order they are written."""

_ROW = re.compile(r'^      "id": (\d+)')
_TABLE = re.compile(r'^  "(\w+)": ')


@dataclass
class JsonExport:
    """A checked export: rows by table and id (the documents without their ``id``)."""

    rows: dict[str, dict[int, dict[str, Any]]] = field(default_factory=dict)
    settings: dict[str, Any] | None = None
    confidential: bool | None = None
    """Whether confidential notes were exported (``None``: the file does not say)."""


@dataclass
class ReadResult:
    """The export, or the problems that stop it (``FILE:LINE: reason``)."""

    export: JsonExport
    problems: list[str]


def _lines(raw: bytes) -> dict[tuple[str, int], int]:
    """(table, id) → the line of that row's ``"id"`` in an indented export."""
    out: dict[tuple[str, int], int] = {}
    table = ""
    for number, line in enumerate(raw.decode("utf-8", "replace").splitlines(), start=1):
        head = _TABLE.match(line)
        if head:
            table = head.group(1)
            continue
        row = _ROW.match(line)
        if row:
            out.setdefault((table, int(row.group(1))), number)
    return out


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def read_export(path: Path, file: str) -> ReadResult:
    """Read and check the export at ``path`` (named ``file`` in problems)."""
    raw = read_candidate(path)
    export = JsonExport()
    problems: list[str] = []
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        return ReadResult(
            export, [f"{file}:{exc.lineno}: " + _("not valid JSON ({why})").format(why=exc.msg)]
        )
    where = _lines(raw)

    def problem(table: str, doc_id: int | None, reason: str) -> None:
        line = where.get((table, doc_id), 1) if doc_id is not None else 1
        problems.append(f"{file}:{line}: {reason}")

    if not isinstance(data, dict) or "schema" not in data:
        if isinstance(data, dict) and isinstance(data.get("meta"), dict):
            reason = _("this is a workspace file or a backup, not an export: use vatui restore")
        else:
            reason = _("not a vatui export (expected what vatui export json writes)")
        return ReadResult(export, [f"{file}:1: {reason}"])
    schema = data["schema"]
    if not isinstance(schema, int) or isinstance(schema, bool) or not 1 <= schema <= SCHEMA_VERSION:
        return ReadResult(
            export,
            [
                f"{file}:1: "
                + _("schema {found!r}: this vatui reads exports of schema 1 to {ours}").format(
                    found=schema, ours=SCHEMA_VERSION
                )
            ],
        )
    flag = data.get("confidential")
    export.confidential = flag if isinstance(flag, bool) else None
    for key in sorted(set(data) - {"schema", "confidential", "settings", *RECORD_TABLES}):
        problem("", None, _("unknown table {name!r}").format(name=str(key)[:40]))
    for table in ("settings", *RECORD_TABLES):
        rows = data.get(table, [])
        if not isinstance(rows, list):
            problem(table, None, _("{table}: expected a list of records").format(table=table))
            continue
        docs: dict[int, dict[str, Any]] = {}
        for n, row in enumerate(rows):
            doc_id = row.get("id") if isinstance(row, dict) else None
            if not _is_id(doc_id):
                problem(
                    table,
                    None,
                    _("{table}[{n}]: expected a record with a whole-number id").format(table=table, n=n),
                )
                continue
            assert isinstance(row, dict) and isinstance(doc_id, int)
            if doc_id in docs:
                problem(
                    table,
                    doc_id,
                    _("{table} #{id}: the id is in the file twice").format(table=table, id=doc_id),
                )
                continue
            doc = {k: v for k, v in row.items() if k != "id"}
            try:
                check_doc(CLASS_OF[table], doc, doc_id, f"{table} #{doc_id}")
            except BadDocument as exc:
                problem(table, doc_id, str(exc))
                continue
            docs[doc_id] = doc
        if table == "settings":
            if set(docs) - {1}:
                problem(table, None, _("settings: expected one record, #1"))
            export.settings = docs.get(1)
        else:
            export.rows[table] = docs
    if not problems:
        tables = as_workspace(export)
        try:
            check_workspace(tables, semantics=False)
        except BadDocument as exc:
            problem("", None, str(exc))
    if not problems:
        for broken in check_semantics(tables):
            problem(broken.table, broken.id, str(broken))
    return ReadResult(export, problems)


def as_workspace(export: JsonExport) -> dict[str, Any]:
    """The export in the workspace file's shape (``{table: {"<id>": document}}``)."""
    tables: dict[str, Any] = {
        t: {str(k): d for k, d in export.rows.get(t, {}).items()} for t in RECORD_TABLES
    }
    tables["settings"] = {"1": export.settings} if export.settings is not None else {}
    tables["meta"] = {"1": {"schema": SCHEMA_VERSION}}
    return tables
