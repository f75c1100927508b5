"""The workspace document as the storage holds it: read from its base file lazily when the
file is in the store's layout (``vatui.store.layout``: one table per line, with an index),
whole otherwise.

A lazily read document holds ``meta`` parsed and every other table as ``layout.Raw`` until
it is asked for. Nothing outside the storage ever sees a ``Raw``: ``materialized`` parses
the tables asked for into a new top-level dict (a dict a reader holds never changes).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson

from vatui.i18n import _
from vatui.store import files, journal, layout
from vatui.store.files import DamagedFileError, is_tables


def not_a_workspace() -> str:
    """Why a document without the workspace's shape is refused."""
    return _("not a workspace (expected an object of tables of objects by number)")


def parse_base(raw: bytes, path: Path) -> dict[str, Any]:
    """The document of the base file ``path`` holding ``raw`` (not empty): lazily when it is
    byte for byte what vatui wrote, else parsed and checked whole (``DamagedFileError``)."""
    data = layout.split(raw)
    if data is not None:
        return data
    try:
        whole = files.parse_document(raw)
    except orjson.JSONDecodeError as exc:
        raise DamagedFileError(path, _("not valid JSON ({why})").format(why=exc)) from exc
    if not is_tables(whole):
        raise DamagedFileError(path, not_a_workspace())
    doc = whole.get("meta", {}).get("1")
    if isinstance(doc, dict):  # a file vatui wrote, then edited by hand: its index is stale
        doc.pop(layout.INDEX_KEY, None)
    return whole


def take_token(data: dict[str, Any]) -> str | None:
    """Remove the journal's token from a freshly read base; return it."""
    doc = data.get("meta", {}).get("1")
    if not isinstance(doc, dict) or journal.TOKEN_KEY not in doc:
        return None
    token = doc.pop(journal.TOKEN_KEY)
    return token if isinstance(token, str) else None


def pending(data: dict[str, Any]) -> list[str]:
    """The tables of ``data`` not parsed yet."""
    return [name for name, table in data.items() if isinstance(table, layout.Raw)]


def materialized(
    data: dict[str, Any], names: Iterable[str], path: Path, shape: str | None = None
) -> dict[str, Any]:
    """A new document: ``data`` with the tables ``names`` parsed (those already parsed, or
    absent, as they are). A table that is not JSON or not a table of documents raises
    ``DamagedFileError`` naming ``path`` (``shape``: why the second is refused)."""
    out = dict(data)
    for name in names:
        table = out.get(name)
        if isinstance(table, layout.Raw):
            try:
                out[name] = layout.parse(table)
            except layout.BadTable as exc:
                if exc.why is None:
                    raise DamagedFileError(path, shape or not_a_workspace()) from exc
                raise DamagedFileError(path, _("not valid JSON ({why})").format(why=exc.why)) from exc
    return out


def touched_by(records: journal.Records) -> set[str]:
    """The tables journal ``records`` change in place (put into or drop from)."""
    names: set[str] = set()
    for record in records:
        names.update(record.get("put", {}))
        names.update(record.get("drop", {}))
    return names
