"""The archive years already checked whole (``archive.kept``): a year file's lines are read
only when asked for while it is, to the byte, the file that was checked.

A year file is trusted lazily (``layout.split``) only when every line matches its index
(name, length, crc32): the derived tables (``archive_derived``) hold only for the records
vatui wrote beside them. That check reads the whole file, 17 MB over three closed years at
`demo-data --size 500`, though a report reads a few small tables of it, and a closed year
never changes. So once a year file was read and checked whole, its identity is kept:

- ``device``, ``inode``, ``size``, ``mtime_ns`` and ``ctime_ns`` (``lstat``): any write to
  the file moves its ``ctime`` (which no one can set back), and vatui replaces a year file
  by renaming a new one over it (a new inode);
- only for a file last changed more than ``SETTLED_NS`` before it was checked: a file
  changed again within the same tick of the file system's clock could keep its ``mtime``
  and ``ctime`` (git's "racily clean" entries), so a file that young is checked whole again
  next time.

While the key holds, ``read_year`` reads the file's first line (``meta``, with the index)
and then only the lines asked for, each checked against the index as it is read (name,
length, crc32); any mismatch, or a file whose stat moved, is read and checked whole again.
The kept file is ``archive.kept`` beside ``workspace.json`` (not in ``archive/``: the
folder's ``mtime`` keys the housekeeping stamp). One that is not a regular file of
``MAX_BYTES`` at most, does not parse or has another shape is ignored; one that cannot be
written is not. Never an error: at worst every year is read whole, as before.
"""

from __future__ import annotations

import os
import stat
import time
import zlib
from pathlib import Path
from typing import Any

import orjson

from vatui.store import layout
from vatui.store.files import DiskWriteError, atomic_write_bytes, is_tables

NAME = "archive.kept"
MAX_BYTES = 16384
"""A few lines per year: anything bigger is not ours."""
SETTLED_NS = 2_000_000_000
"""How long before its check a file must have last changed to be kept (two seconds: far
more than any file system's timestamp tick)."""
_FIRST = 1 << 16
"""The first read of a year file: its ``meta`` line is a few hundred bytes."""

Identity = list[int]
"""(device, inode, size, mtime_ns, ctime_ns) of a year file."""


class Unread:
    """A table line of a year file checked whole before, not read yet: where it is, and
    what its index says it holds (``read_line`` reads and checks it)."""

    __slots__ = ("crc", "groups", "length", "name", "offset")

    def __init__(self, name: str, offset: int, length: int, crc: int, groups: Any) -> None:
        self.name = name
        self.offset = offset
        self.length = length
        self.crc = crc
        self.groups = groups


def kept_path(archive_file: Path) -> Path:
    """Where the identities of the checked year files of ``archive_file``'s workspace are kept."""
    return archive_file.parent.parent / NAME


def identity(st: os.stat_result) -> Identity:
    """A year file's identity from its ``lstat``."""
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def is_seen(path: Path, st: os.stat_result) -> bool:
    """Whether the year file at ``path``, of ``lstat`` ``st``, is the one kept as checked."""
    return _kept(kept_path(path)).get(path.name) == identity(st)


def remember(path: Path, st: os.stat_result) -> None:
    """Keep the year file at ``path`` (``lstat`` ``st`` taken before it was read and checked
    whole) as checked, if it had settled (``SETTLED_NS``) and is not kept already."""
    if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < SETTLED_NS:
        return
    where = kept_path(path)
    kept = _kept(where)
    if kept.get(path.name) == identity(st):
        return
    kept[path.name] = identity(st)
    _save(where, kept)


def forget(path: Path) -> None:
    """Stop keeping the year file at ``path`` as checked (it is not what was checked)."""
    where = kept_path(path)
    kept = _kept(where)
    if kept.pop(path.name, None) is not None:
        _save(where, kept)


def _save(where: Path, kept: dict[str, Identity]) -> None:
    """Write the identities kept; not at all when that fails (a folder in its place, a full
    disk: the years are read whole next time)."""
    try:
        atomic_write_bytes(where, orjson.dumps({"years": kept}), durable=False)
    except (OSError, DiskWriteError):
        pass


def _kept(where: Path) -> dict[str, Identity]:
    """The identities kept (``{}`` when there is no kept file of ours): read through one
    handle that follows no link, of a regular file of this user's, ``MAX_BYTES`` at most."""
    try:
        fd = os.open(where, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return {}
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES or st.st_uid != os.getuid():
            return {}
        data = orjson.loads(os.pread(fd, MAX_BYTES + 1, 0))
    except (OSError, orjson.JSONDecodeError):
        return {}
    finally:
        os.close(fd)
    years = data.get("years") if isinstance(data, dict) else None
    if not isinstance(years, dict):
        return {}
    return {
        name: value
        for name, value in years.items()
        if isinstance(value, list) and len(value) == 5 and all(type(v) is int for v in value)
    }


def read_whole(path: Path, st: os.stat_result) -> tuple[bytes, bool]:
    """The whole year file at ``path``, and whether it is the file ``st`` describes (read
    through one handle: a file renamed over it meanwhile is not kept as checked)."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    try:
        same = identity(os.fstat(fd)) == identity(st)
        chunks = []
        while chunk := os.read(fd, max(st.st_size + 1, 1 << 16)):
            chunks.append(chunk)
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    return raw, same and len(raw) == st.st_size


def read_index(path: Path, st: os.stat_result) -> dict[str, Any] | None:
    """The tables of the year file at ``path`` (``lstat`` ``st``, kept as checked): ``meta``
    parsed (its index removed), every other table ``Unread``, in the file's order; ``None``
    when the file is not what the index says (read it whole)."""
    head = _pread(path, st, _FIRST, 0)
    end = -1 if head is None else head.find(b"\n")
    prefix = b'{"meta":'
    if head is None or end < 0 or not head.startswith(prefix) or head[end - 1 : end] != b",":
        return None
    try:
        meta = orjson.loads(head[len(prefix) : end - 1])
        doc = meta["1"]
        index = doc.pop(layout.INDEX_KEY)
    except (orjson.JSONDecodeError, KeyError, TypeError):
        return None
    if not isinstance(index, dict) or not is_tables({"meta": meta}):
        return None
    data: dict[str, Any] = {"meta": meta}
    at = end + 1
    for name, entry in index.items():
        if not (isinstance(entry, list) and len(entry) in (2, 4) and all(type(v) is int for v in entry[:2])):
            return None
        crc, length = entry[:2]
        data[name] = Unread(name, at, length, crc, entry[2:] if len(entry) == 4 else None)
        at += length + 2  # the line, then ",\n" (or the closing "}")
    return data if at - 1 == st.st_size else None


def read_line(path: Path, st: os.stat_result, unread: Unread) -> layout.Raw | None:
    """The table line ``unread`` of the year file at ``path`` (still ``st``), checked against
    its index entry (name, length, crc32); ``None`` when it is not that (read it whole)."""
    line = _pread(path, st, unread.length, unread.offset)
    name = orjson.dumps(unread.name) + b":"
    if (
        line is None
        or len(line) != unread.length
        or not line.startswith(name)
        or zlib.crc32(line) != unread.crc
    ):
        return None
    return layout.Raw(memoryview(line)[len(name) :], unread.groups)


def _pread(path: Path, st: os.stat_result, length: int, offset: int) -> bytes | None:
    """``length`` bytes at ``offset`` of the year file at ``path``, if it is still the file of
    ``lstat`` ``st`` (through one handle that follows no link); ``None`` otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        return os.pread(fd, length, offset) if identity(os.fstat(fd)) == identity(st) else None
    except OSError:
        return None
    finally:
        os.close(fd)
