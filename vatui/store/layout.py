"""The layout of a file the store writes whole (``workspace.json``, ``archive/YYYY.json``):
one table per line, and an index that lets a reader parse only the tables it needs.

The file is ``{`` + ``,\\n``.join(``"name":<table JSON>``) + ``}``: still one JSON object,
and since orjson never writes a raw newline inside a value, each table is exactly one line.
``meta`` document 1 holds, in the file only, the index ``{table: [crc32, length]}`` of every
other table's line (``INDEX_KEY``, removed as the file is read, like the journal's token).

A file is read lazily (``split``) only when it is byte for byte what vatui wrote: the
layout, one ``meta`` line, and every other line of the name, length and crc32 the index
gives, in its order. Anything else (an older file, a file pretty-printed or edited by hand,
damage) is ``None`` here and is parsed whole by the caller, with the refusals it always had.

A table of ``GROUPED`` (the contact log, by client) is written with its documents grouped by
a field, each group one run of the line, and its index entry also gives where each group
starts and ends: a reader of one client's contacts parses that run only (``parse_group``),
checked (the run parses, every document in it is of the group); anything else is parsed
whole. The index of the groups carries its own crc32, so a run left out or moved is never
trusted. See docs/store.md, "One table per line".
"""

from __future__ import annotations

import gc
import zlib
from collections.abc import Callable, Mapping
from typing import Any

import orjson

from vatui.store.files import is_tables

INDEX_KEY = "lines"
"""The key of ``meta`` #1 that holds, in the file only, the index of the table lines."""

SEPARATOR = b",\n"
_META = b'"meta":'

GROUPED: dict[str, str] = {"contacts": "client_id"}
"""The tables written grouped, and by which field: one client's contact log is read without
parsing the whole log (the largest table: about half the file after years of contacts)."""

Groups = dict[str, list[int]]
"""Where each group of a grouped table runs in its JSON: ``{group: [start, end]}``."""

Chunk = tuple[bytes, Groups | None]
"""A table's JSON, and where its groups run in it (``None``: not a grouped table)."""


class Raw:
    """A table not parsed yet: its JSON, a slice of the one read of the file, and for a
    grouped table the index of its groups and that index's crc32 as the file gives them
    (checked when used)."""

    __slots__ = ("groups", "view")

    def __init__(self, view: memoryview, groups: Any = None) -> None:
        self.view = view
        self.groups = groups


class BadTable(Exception):
    """A table line that is not JSON, or not a table of documents (``why``: the JSON
    error, ``None`` when it parsed but has the wrong shape)."""

    def __init__(self, why: str | None) -> None:
        super().__init__(why or "not a table")
        self.why = why


def table_line(name: str, chunk: bytes) -> bytes:
    """One line of the file: the table's name and its JSON."""
    return orjson.dumps(name) + b":" + chunk


def group_key(value: Any) -> str:
    """The group of a document whose grouping field holds ``value``: an integer's digits
    (``client_id`` 7 is group ``"7"``); any other value, group ``""``, never asked for."""
    return str(value) if type(value) is int else ""


def in_group(value: Any, of: int) -> bool:
    """Whether a document whose grouping field holds ``value`` is in the group of the
    integer ``of`` (``group_key``'s rule, without making the key: for filtering a table)."""
    return type(value) is int and value == of


def table_json(name: str, table: Any) -> Chunk:
    """The JSON of table ``name``: a table of ``GROUPED`` with its documents grouped (each
    group in the order of its first document, each document in its table's order), and
    where each group runs; any other table as ``orjson.dumps`` writes it."""
    field = GROUPED.get(name)
    if field is None or not isinstance(table, dict):
        return orjson.dumps(table), None
    grouped: dict[str, dict[str, Any]] = {}
    for key, doc in table.items():
        value = doc.get(field) if isinstance(doc, dict) else None
        grouped.setdefault(group_key(value), {})[key] = doc
    parts: list[bytes] = []
    groups: Groups = {}
    at = 1
    for group, docs in grouped.items():
        body = orjson.dumps(docs)[1:-1]
        groups[group] = [at, at + len(body)]
        parts.append(body)
        at += len(body) + 1
    return b"{" + b",".join(parts) + b"}", groups


def encode(
    data: Mapping[str, Any],
    chunk: Callable[[str, Any], Chunk],
    private: dict[str, Any] | None,
) -> bytes:
    """``data`` in the layout, each table's JSON from ``chunk(name, table)`` (``table_json``,
    or the same bytes kept from the last write).

    With ``private`` (the base file of the workspace, an archive year), ``meta`` #1 is
    written with those keys and the index of every other line; its own line is made last.
    Without (a backup, an export), the plain document: what ``orjson.dumps`` writes.
    """
    lines: dict[str, bytes] = {}
    grouping: dict[str, Groups] = {}
    meta = data.get("meta")
    indexed = private is not None and isinstance(meta, dict) and isinstance(meta.get("1"), dict)
    for name, table in data.items():
        if not (indexed and name == "meta"):
            made, groups = chunk(name, table)
            lines[name] = table_line(name, made)
            if groups is not None:
                grouping[name] = groups
    if indexed:
        assert isinstance(meta, dict) and private is not None
        index: dict[str, list[Any]] = {name: [zlib.crc32(line), len(line)] for name, line in lines.items()}
        for name, groups in grouping.items():
            index[name] += [groups, zlib.crc32(orjson.dumps(groups))]
        doc = {**meta["1"], **private, INDEX_KEY: index}
        lines["meta"] = table_line("meta", orjson.dumps({**meta, "1": doc}))
    separator = SEPARATOR if indexed else b","
    return b"{" + separator.join(lines[name] for name in data) + b"}"


def _lines(raw: bytes) -> list[tuple[int, int]] | None:
    """Where each line of the layout starts and ends in ``raw`` (``None``: not the layout)."""
    if len(raw) < 3 or raw[:1] != b"{" or raw[-1:] != b"}":
        return None
    spans: list[tuple[int, int]] = []
    start, last = 1, len(raw) - 1
    while True:  # a newline is only ever a separator (a one-byte find is a memchr: fast)
        end = raw.find(b"\n", start, last)
        if end < 0:
            spans.append((start, last))
            return spans
        if raw[end - 1 : end] != b",":
            return None
        spans.append((start, end - 1))
        start = end + 1


def _with_meta(raw: bytes) -> tuple[list[tuple[int, int]], tuple[int, int], Any] | None:
    """The lines of ``raw`` in the layout, the one ``meta`` line among them and ``meta``
    parsed; ``None`` when ``raw`` is not in the layout or has no single parsable ``meta``."""
    spans = _lines(raw)
    if spans is None:
        return None
    metas = [span for span in spans if raw.startswith(_META, span[0], span[1])]
    if len(metas) != 1:
        return None
    start, end = metas[0]
    try:
        return spans, metas[0], orjson.loads(memoryview(raw)[start + len(_META) : end])
    except orjson.JSONDecodeError:
        return None


def split(raw: bytes) -> dict[str, Any] | None:
    """The document of ``raw`` with ``meta`` parsed (its index removed) and every other
    table left as ``Raw``, in the file's order; ``None`` unless ``raw`` is exactly what
    ``encode`` wrote with an index (names, count, lengths and crc32 all checked)."""
    found = _with_meta(raw)
    if found is None:
        return None
    spans, meta_span, meta = found
    view = memoryview(raw)
    doc = meta.get("1") if isinstance(meta, dict) else None
    index = doc.get(INDEX_KEY) if isinstance(doc, dict) else None
    if not isinstance(index, dict) or len(index) != len(spans) - 1 or not _is_table(meta):
        return None
    data: dict[str, Any] = {}
    entries = iter(index.items())
    for span in spans:
        if span is meta_span:
            data["meta"] = meta
            continue
        name, entry = next(entries)
        if not _matches(raw, view, span, name, entry):
            return None
        prefix = len(orjson.dumps(name)) + 1
        data[name] = Raw(view[span[0] + prefix : span[1]], entry[2:] if len(entry) == 4 else None)
    assert isinstance(doc, dict)
    del doc[INDEX_KEY]
    return data


def _matches(raw: bytes, view: memoryview, span: tuple[int, int], name: Any, entry: Any) -> bool:
    """Whether the line at ``span`` is table ``name`` of the length and crc32 ``entry`` gives."""
    if not isinstance(name, str) or not isinstance(entry, list) or len(entry) not in (2, 4):
        return False
    crc, length = entry[:2]
    start, end = span
    if length != end - start or not raw.startswith(orjson.dumps(name) + b":", start, end):
        return False
    return bool(crc == zlib.crc32(view[start:end]))


def parse(raw: Raw) -> dict[str, Any]:
    """Parse a table left raw by ``split`` (the cyclic collector paused, as for a whole
    file); ``BadTable`` when it is not JSON or not a table of documents by number."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        table = orjson.loads(raw.view)
    except orjson.JSONDecodeError as exc:
        raise BadTable(str(exc)) from exc
    finally:
        if enabled:
            gc.enable()
    if not _is_table(table):
        raise BadTable(None)
    assert isinstance(table, dict)
    return table


def parse_group(raw: Raw, name: str, group: str) -> dict[str, Any] | None:
    """The documents of one group of the grouped table ``name`` left raw by ``split``,
    parsing only its run; ``None`` when that cannot be trusted (not a grouped table, no
    index of its groups, a run that is not where a group can be, does not parse, or holds a
    document of another group): the caller then parses the table whole."""
    field = GROUPED.get(name)
    if field is None or not isinstance(raw.groups, list):
        return None
    groups, crc = raw.groups
    if not isinstance(groups, dict) or crc != zlib.crc32(orjson.dumps(groups)):
        return None
    span = groups.get(group)
    if span is None:
        return {}  # the index lists every group the table has
    view = raw.view
    if not (isinstance(span, list) and len(span) == 2 and all(type(at) is int for at in span)):
        return None
    start, end = span
    if not (0 < start <= end < len(view)) or view[start - 1] not in _OPENERS or view[end] not in _CLOSERS:
        return None
    try:
        docs = orjson.loads(b"{" + view[start:end] + b"}")
    except orjson.JSONDecodeError:
        return None
    if not _is_table(docs) or not docs:
        return None
    if any(group_key(doc.get(field)) != group for doc in docs.values()):
        return None
    return dict(docs)


_OPENERS = frozenset(b"{,")
_CLOSERS = frozenset(b",}")


def _is_table(table: Any) -> bool:
    """``files.is_tables``' rule for one table."""
    return is_tables({"": table})


def plain(raw: bytes, keys: tuple[str, ...]) -> bytes | None:
    """The plain document of ``raw`` (a file in the layout, with its index), as ``encode``
    without ``private`` writes it: no newlines, and neither the index nor ``keys`` in
    ``meta`` #1. ``None`` when ``raw`` is not in the layout (the caller serialises the
    document instead)."""
    found = _with_meta(raw)
    if found is None:
        return None
    spans, meta_span, meta = found
    view = memoryview(raw)
    doc = meta.get("1") if isinstance(meta, dict) else None
    if not isinstance(doc, dict) or INDEX_KEY not in doc:
        return None
    kept = {k: v for k, v in doc.items() if k != INDEX_KEY and k not in keys}
    meta_line = table_line("meta", orjson.dumps({**meta, "1": kept}))
    parts = [meta_line if span is meta_span else view[span[0] : span[1]] for span in spans]
    return b"{" + b",".join(parts) + b"}"
