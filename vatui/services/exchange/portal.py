"""One door for the app's "Import…" and "Export…": a kind, a path, the right service.

``export_to`` writes any export format to a path. ``import_from`` runs an import as a dry
run (the summary lines, nothing written) or for real (one undoable transaction), through
``vatui.services.exchange.imports``.
"""

from __future__ import annotations

from pathlib import Path

from vatui.domain.errors import InputError
from vatui.i18n import _
from vatui.store.workspace import Workspace

EXPORT_KINDS: dict[str, str] = {
    "json": "everything, as JSON",
    "csv": "one CSV file per table, into a folder",
    "csv-excel": "CSV for Excel: BOM, your separator and decimals",
    "hledger": "the books as an hledger journal",
    "ics": "a calendar: due dates, follow-ups, calls, invoices",
}
"""Export kinds and what each writes."""

DEFAULT_EXPORT_PATHS: dict[str, str] = {
    "json": "~/vatui-export.json",
    "csv": "~/vatui-csv",
    "csv-excel": "~/vatui-csv",
    "hledger": "~/vatui.journal",
    "ics": "~/vatui.ics",
}

IMPORT_KINDS: dict[str, str] = {
    "trello": "a Trello board export (.json)",
    "csv-clients": "clients from a CSV file",
    "csv-tasks": "tasks from a CSV file",
    "csv-time": "time from a CSV file (Toggl, Clockify reports)",
    "csv-tasks+clients": "tasks, adding the clients the file names",
    "csv-time+clients": "time, adding the clients the file names",
    "json": "what vatui export json wrote",
}
"""Import kinds and what each reads."""


def check_kind(kind: str, kinds: dict[str, str]) -> str:
    """``kind`` if known, else one clear line."""
    if kind not in kinds:
        raise InputError(_("unknown kind {kind!r}: try {kinds}").format(kind=kind, kinds=", ".join(kinds)))
    return kind


def resolve_path(text: str) -> Path:
    """A typed path (``~`` expanded); an empty one is refused."""
    raw = text.strip()
    if not raw:
        raise InputError(_("type a path"))
    return Path(raw).expanduser()


def export_to(ws: Workspace, kind: str, path: Path, *, confidential: bool = False) -> str:
    """Write the ``kind`` export to ``path``; returns one line saying what was written."""
    check_kind(kind, EXPORT_KINDS)
    try:
        return _export(ws, kind, path, confidential)
    except OSError as exc:
        raise InputError(
            _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from None


def _export(ws: Workspace, kind: str, path: Path, confidential: bool) -> str:
    if kind in ("csv", "csv-excel"):
        from vatui.services.exchange.csv_export import export_csv

        if path.exists() and not path.is_dir():
            raise InputError(_("{path} is a file: CSV export needs a folder").format(path=path))
        files = export_csv(ws, path, excel=kind == "csv-excel")
        return _("Wrote {n} files to {dir}").format(n=len(files), dir=path)
    if path.is_dir():
        raise InputError(_("{path} is a folder: type a file name").format(path=path))
    from vatui.services.output import check_destination, write_private

    check_destination(path, ws.directory)  # before the export is built
    write_private(path, _payload(ws, kind, confidential), ws.directory)
    return _("Exported to {path}").format(path=path)


def _payload(ws: Workspace, kind: str, confidential: bool) -> bytes:
    if kind == "json":
        import orjson

        from vatui.domain.text import inert_json
        from vatui.services.exchange.backup import export_json

        return inert_json(
            orjson.dumps(export_json(ws, confidential=confidential), option=orjson.OPT_INDENT_2)
        )
    if kind == "hledger":
        from vatui.services.exchange.hledger import export_journal

        return export_journal(ws).encode("utf-8")
    from vatui.services.exchange.ics import export_ics

    return export_ics(ws).encode("utf-8")


def import_from(ws: Workspace, kind: str, path: Path, *, dry_run: bool) -> list[str]:
    """Run the ``kind`` import of ``path`` (a dry run writes nothing); returns the summary lines.

    A refused file raises ``InputError`` whose ``problems`` (when present) list ``FILE:LINE: reason``.
    """
    from vatui.services.exchange import imports
    from vatui.services.exchange.import_plan import summary_lines

    check_kind(kind, IMPORT_KINDS)
    if kind == "trello":
        plan = imports.import_trello(ws, path, dry_run=dry_run)
    elif kind.startswith("csv-"):
        what, plus, _rest = kind.removeprefix("csv-").partition("+")
        plan = imports.import_csv(ws, path, what, create_clients=bool(plus), dry_run=dry_run)
    else:
        plan = imports.import_json(ws, path, dry_run=dry_run)
    return summary_lines(plan)
