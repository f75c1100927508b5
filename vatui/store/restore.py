"""Replacing the workspace with a file from outside (``vatui restore``), checked first.

``read_candidate`` reads the file only if it is a regular file of at most
``MAX_RESTORE_BYTES``, inflating a gzip (a backup; old backups are plain JSON) to at most
``MAX_RESTORE_BYTES`` too, a little at a time, so a gzip bomb is refused without being
inflated whole; ``check_workspace`` refuses anything this vatui would not have
written: the shape (tables of objects by canonical number), the tables' names, the schema
version, the ``meta`` and ``undo`` documents, and every record of every table through its
record class (``vatui.domain.doc_check``: every field of its type, money in whole minor
units, then ``from_doc``), then the whole file through the domain's rules
(``vatui.domain.workspace_rules.check_semantics``: caps, amounts, references within the
file and the archive, one running timer, unique invoice numbers and client names). Only then does ``replace_workspace`` take the lock, back the
current file up (``-prerestore``, whatever it holds, even if it is damaged) and replace
it atomically. A refused file leaves the workspace and the backups untouched.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import orjson

from vatui.domain.clock import Clock
from vatui.domain.doc_check import BadDocument, check_doc
from vatui.domain.errors import InputError
from vatui.domain.records import Record
from vatui.domain.workspace_rules import Tables, check_semantics
from vatui.i18n import _
from vatui.store import backups
from vatui.store.journal import journal_path
from vatui.store.schema import SCHEMA_VERSION, TABLES, version_of
from vatui.store.storage import DamagedFileError, is_tables, read_document, write_base_file
from vatui.store.tables import class_of
from vatui.store.workspace import Workspace

MAX_RESTORE_BYTES = 512 * 1024 * 1024
"""The largest file ``restore`` reads (512 MiB; the large demo workspace is about 25 MB)."""

MAX_PROBLEMS = 5
"""How many broken rules a refused restore names."""

CLASS_OF: dict[str, type[Record]] = class_of()
"""The record class of each record table."""


GZIP_MAGIC = b"\x1f\x8b"
"""How a gzip file starts (JSON never does)."""


def read_candidate(source: Path, limit: int = MAX_RESTORE_BYTES) -> bytes:
    """The bytes of ``source``: a regular file no bigger than ``limit`` (else ``InputError``);
    a gzip file (a backup) is inflated, to at most ``limit`` bytes."""
    raw = _read_bounded(source, limit)
    if raw.startswith(GZIP_MAGIC):
        return _inflate(source, raw, limit)
    if journal_path(source).exists() and journal_path(source) != source:
        # another data folder's workspace.json: its journal holds its latest changes
        try:
            merged = read_document(source)
        except DamagedFileError as exc:
            raise InputError(str(exc)) from exc
        return orjson.dumps(merged) if merged is not None else raw
    return raw


def _inflate(source: Path, raw: bytes, limit: int) -> bytes:
    """The content of the gzip ``raw``: refused when damaged, cut short, or over ``limit``
    bytes (inflated a megabyte at a time, so a bomb stops at the limit)."""
    import gzip
    import io
    import zlib

    def too_large() -> InputError:
        return InputError(
            _("{path} holds more than {limit} MB: too large to be a vatui workspace").format(
                path=source, limit=limit // 2**20
            )
        )

    claimed = int.from_bytes(raw[-4:], "little") if len(raw) >= 18 else 0
    # The trailer says how much is inside (modulo 4 GiB, and it may lie): over the limit, the
    # file is counted through without keeping a byte, to say "too large" or "damaged" rightly.
    passes = (False, True) if claimed > limit else (True,)
    chunks: list[bytes] = []
    for keep in passes:
        total = 0
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(raw), mode="rb") as packed:
                while chunk := packed.read(1 << 20):
                    total += len(chunk)
                    if total > limit:
                        raise too_large()
                    if keep:
                        chunks.append(chunk)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(_("{path} is a damaged or incomplete gzip file").format(path=source)) from exc
    return b"".join(chunks)


def _read_bounded(source: Path, limit: int) -> bytes:
    """The bytes of the regular file ``source``, refused if over ``limit``."""
    try:
        fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as exc:
        raise InputError(_("cannot read {path}: {why}").format(path=source, why=exc.strerror or exc)) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(_("{path} is not a regular file").format(path=source))
        if info.st_size > limit:
            raise InputError(
                _("{path} is too large to be a vatui workspace ({size} MB; the limit is {limit} MB)").format(
                    path=source, size=info.st_size // 2**20, limit=limit // 2**20
                )
            )
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:  # it grew while we read
                raise InputError(_("{path} is too large to be a vatui workspace").format(path=source))
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(_("cannot read {path}: {why}").format(path=source, why=exc.strerror or exc)) from exc
    finally:
        os.close(fd)


def check_workspace(data: Any, archived: Tables | None = None, *, semantics: bool = True) -> None:
    """Refuse (``BadDocument``) a document that is not a workspace this vatui can read whole,
    or (``semantics``) whose records break the domain's rules (``check_semantics``; references
    may resolve in ``archived``, the archive's documents)."""
    if not is_tables(data):
        raise BadDocument(_("not a workspace (expected an object of tables of objects by number)"))
    unknown = sorted(set(data) - set(TABLES))
    if unknown:
        raise BadDocument(_("unknown table {name!r}").format(name=unknown[0][:40]))
    for table, docs in data.items():
        for key in docs:
            if key != str(int(key)) or int(key) < 1:
                raise BadDocument(
                    _("{table}: {id!r} is not a record number").format(table=table, id=key[:20])
                )
    version = version_of(data)
    if version < 0:
        raise BadDocument(_("its schema version is not a number"))
    if version > SCHEMA_VERSION:
        raise BadDocument(
            _("it was written by a newer vatui (schema {found}, this one reads up to {ours})").format(
                found=version, ours=SCHEMA_VERSION
            )
        )
    _check_meta(data.get("meta", {}))
    for table, kind in CLASS_OF.items():
        for key, doc in data.get(table, {}).items():
            check_doc(kind, doc, int(key), f"{table} #{key}")
    for key, entry in data.get("undo", {}).items():
        _check_undo(entry, f"undo #{key}")
    invoices = data.get("invoices", {})
    for key, doc in data.get("payments", {}).items():
        invoice = invoices.get(str(doc["invoice_id"]))
        if invoice is not None and doc["amount"]["currency"] != invoice["currency"]:
            raise BadDocument(
                _("payments #{id}: {found} paid on an invoice in {currency}").format(
                    id=key, found=doc["amount"]["currency"], currency=invoice["currency"]
                )
            )
    if semantics:
        meta = data.get("meta", {}).get("1") or {}
        floors = meta.get("id_floor", {}) if version == SCHEMA_VERSION else None
        problems = check_semantics(data, archived, floors)
        if problems:
            more = len(problems) - MAX_PROBLEMS
            text = "; ".join(str(p) for p in problems[:MAX_PROBLEMS])
            raise BadDocument(
                text if more <= 0 else _("{problems}; and {n} more").format(problems=text, n=more)
            )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_meta(meta: dict[str, Any]) -> None:
    doc = meta.get("1")
    if doc is None:
        return
    floors = doc.get("id_floor", {})
    if not isinstance(floors, dict) or not all(
        table in CLASS_OF and _is_int(floor) and floor >= 0 for table, floor in floors.items()
    ):
        raise BadDocument(_("meta #1: id_floor must map record tables to whole numbers"))


def _check_undo(entry: dict[str, Any], where: str) -> None:
    label, at, changes = entry.get("label"), entry.get("at"), entry.get("changes")
    if not (label is None or isinstance(label, str)) or not isinstance(at, str):
        raise BadDocument(_("{where}: expected a label and a moment").format(where=where))
    if not isinstance(changes, list):
        raise BadDocument(_("{where}: expected a list of changes").format(where=where))
    for n, change in enumerate(changes):
        here = f"{where}.changes[{n}]"
        if (
            not isinstance(change, dict)
            or change.get("table") not in CLASS_OF
            or not _is_int(change.get("id"))
        ):
            raise BadDocument(_("{where}: expected a change of a record table").format(where=here))
        kind = CLASS_OF[change["table"]]
        for side in ("before", "after"):
            if change.get(side) is not None:
                check_doc(kind, change[side], change["id"], f"{here}.{side}")


def parse_candidate(source: Path, raw: bytes, archived: Tables | None = None) -> dict[str, Any]:
    """``raw`` (read from ``source``) parsed and checked, or ``InputError`` saying why not
    (references may resolve in ``archived``, the archive's documents)."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise InputError(_("{path} is not a vatui workspace (not valid JSON)").format(path=source)) from exc
    try:
        check_workspace(data, archived)
    except BadDocument as exc:
        raise InputError(
            _("{path} is not a vatui workspace this vatui can restore: {why}").format(path=source, why=exc)
        ) from exc
    assert isinstance(data, dict)
    return data


def replace_workspace(directory: Path, payload: bytes, clock: Clock | None = None) -> Path | None:
    """Under the lock, back up the workspace in ``directory`` (force) and replace it with ``payload``.

    The live file is not opened (it may be damaged): it is copied as it is. Returns that
    backup (``None`` when there was no workspace yet). ``payload`` must have been checked.
    """
    ws = Workspace(directory, clock)
    ws.prepare_directory()
    with ws.locked():
        saved = backups.make_backup(ws.directory, ws.path, ws.clock.now(), reason="prerestore", force=True)
        write_base_file(ws.path, orjson.loads(payload))  # a new token: no journal replayed over it
    return saved
