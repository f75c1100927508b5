"""The workspace's append-only journal (``workspace.journal``, beside ``workspace.json``).

A durable change appends ONE line to the journal, with what it changed, instead of
rewriting the whole workspace: a change costs what it changes, not what the history weighs.
The base file (``workspace.json``) names its journal by a random token (``meta`` #1's
``journal`` key, never seen above the store); the journal's first line carries the token of
the base it extends. A journal whose token is not the base's is stale (the base was written
whole since: a compaction, a restore) and is ignored.

Each line is ``<crc32 as 8 hex digits> <JSON>\\n``. The first is the header
``{"journal": 1, "base": TOKEN}``; each following one a record
``{"put": {table: {id: document}}, "drop": {table: [id, ...]}, "gone": [table, ...]}``
(``gone``: tables removed whole), applied in order over the base.

A last line without its newline, or bad lines with no good line after them, are a write
that was never acknowledged (the writer was killed): readers ignore them, the next writer
truncates them away under the lock. A bad line followed by a good one is damage: refused.
See docs/store.md.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import Any

import orjson

from vatui.i18n import _

JOURNAL_VERSION = 1
TOKEN_KEY = "journal"
"""The key of ``meta`` #1 that holds, in the base file only, the token of its journal."""

COMPACT_MIN = 64 * 1024
COMPACT_MAX = 1024 * 1024
"""The journal is folded into a new base once it is larger than the base, but never before
64 KiB and always past 1 MiB (docs/store.md: what each costs)."""

Records = list[dict[str, Any]]


class JournalDamage(Exception):
    """A journal line that is not a record, followed by good ones (not a torn last write)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def journal_path(base: Path) -> Path:
    """The journal of the base file ``base`` (``workspace.json`` → ``workspace.journal``)."""
    return base.with_suffix(".journal")


def new_token() -> str:
    """A token no other base will carry (a counter would repeat after a restore): 96 bits
    from the system's randomness, as ``secrets.token_hex(12)`` (whose import pulls in
    ``hmac``, ``hashlib`` and ``random``: ≈ 7 ms on every command)."""
    return os.urandom(12).hex()


def encode_line(entry: dict[str, Any]) -> bytes:
    """One journal line: checksum, JSON, newline."""
    body = orjson.dumps(entry)
    return b"%08x %s\n" % (zlib.crc32(body), body)


def header(token: str) -> bytes:
    """The first line of the journal that extends the base of ``token``."""
    return encode_line({"journal": JOURNAL_VERSION, "base": token})


def compact_threshold(base_size: int) -> int:
    """The journal size past which it is folded into a new base."""
    return min(COMPACT_MAX, max(COMPACT_MIN, base_size))


def _decode(line: bytes) -> dict[str, Any] | None:
    """The entry of one complete line (without its newline), or ``None`` when it is bad."""
    if len(line) < 10 or line[8:9] != b" ":
        return None
    body = line[9:]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        entry = orjson.loads(body)
    except (ValueError, orjson.JSONDecodeError):
        return None
    return entry if isinstance(entry, dict) else None


def read_header(raw: bytes) -> tuple[str | None, int]:
    """The token in the journal's header and the header's length; ``(None, 0)`` when the
    journal has no complete header (a journal being created is written whole, so this is
    damage unless the file is empty)."""
    end = raw.find(b"\n")
    if end < 0:
        if raw:
            raise JournalDamage(_("its first line is cut short"))
        return None, 0
    entry = _decode(raw[:end])
    if entry is None or entry.get("journal") != JOURNAL_VERSION or not isinstance(entry.get("base"), str):
        raise JournalDamage(_("its first line is not a vatui journal header"))
    return entry["base"], end + 1


def read_records(raw: bytes, start: int) -> tuple[Records, int]:
    """The records in ``raw`` from offset ``start``, and the offset where the good ones end.

    A torn end (see the module) is left out; a bad line before a good one raises
    ``JournalDamage``.
    """
    records: Records = []
    offset = start
    bad_at: int | None = None
    while True:
        end = raw.find(b"\n", offset)
        if end < 0:
            break
        entry = _decode(raw[offset:end])
        if entry is None or not _is_record(entry):
            if bad_at is None:
                bad_at = offset
        elif bad_at is not None:
            raise JournalDamage(
                _("line at byte {offset} is damaged and changes follow it").format(offset=bad_at)
            )
        else:
            records.append(entry)
            start = end + 1
        offset = end + 1
    return records, start


def _is_record(entry: dict[str, Any]) -> bool:
    put, drop, gone = entry.get("put", {}), entry.get("drop", {}), entry.get("gone", [])
    if not isinstance(put, dict) or not isinstance(drop, dict) or not isinstance(gone, list):
        return False
    for docs in put.values():
        if not isinstance(docs, dict) or not all(isinstance(d, dict) for d in docs.values()):
            return False
        if docs and (not _ids("".join(docs)) or "" in docs):
            return False
    for ids in drop.values():
        if not isinstance(ids, list) or not all(isinstance(i, str) and _ids(i) for i in ids):
            return False
    return all(isinstance(t, str) for t in gone)


def _ids(text: str) -> bool:
    return text.isascii() and text.isdigit()


def apply_records(data: dict[str, Any], records: Records, *, copy: bool) -> None:
    """Apply ``records`` to ``data`` in order. With ``copy``, a table is replaced by a changed
    copy, never changed in place (readers may hold it)."""
    copied: set[str] = set()
    for record in records:
        for name in record.get("gone", ()):
            data.pop(name, None)
            copied.discard(name)
        for name, docs in record.get("put", {}).items():
            table = _table(data, name, copied, copy)
            table.update(docs)
        for name, ids in record.get("drop", {}).items():
            table = _table(data, name, copied, copy)
            for doc_id in ids:
                table.pop(str(doc_id), None)


def _table(data: dict[str, Any], name: str, copied: set[str], copy: bool) -> dict[str, Any]:
    table = data.get(name)
    if table is None:
        table = data[name] = {}
        copied.add(name)
    elif copy and name not in copied:
        table = data[name] = dict(table)
        copied.add(name)
    assert isinstance(table, dict)
    return table


def diff(
    before: dict[str, Any], after: dict[str, Any], tracked: dict[str, tuple[object, set[str]]]
) -> dict[str, Any] | None:
    """The record that turns ``before`` into ``after``, or ``None`` when they are the same.

    A table whose dict is the very one of ``before`` is unchanged (the store never changes a
    table in place once handed out). ``tracked`` names, per table, the dict a batch copied
    and the ids it changed in it: only those are looked at; any other changed table
    (TinyDB replaces a table's dict when it inserts or removes) is compared document by
    document, by identity.
    """
    put: dict[str, dict[str, Any]] = {}
    drop: dict[str, list[str]] = {}
    for name, table in after.items():
        old = before.get(name)
        if table is old:
            continue
        if old is None:
            put[name] = dict(table)
            continue
        mark = tracked.get(name)
        if mark is not None and mark[0] is after[name]:
            changed = {k: table[k] for k in mark[1] if k in table}
            dropped = [k for k in mark[1] if k not in table and k in old]
        else:
            changed = {k: d for k, d in table.items() if old.get(k) is not d}
            dropped = [k for k in old if k not in table]
        if changed:
            put[name] = changed
        if dropped:
            drop[name] = dropped
    gone = [name for name in before if name not in after]
    if not put and not drop and not gone:
        return None
    record: dict[str, Any] = {"put": put}
    if drop:
        record["drop"] = drop
    if gone:
        record["gone"] = gone
    return record
