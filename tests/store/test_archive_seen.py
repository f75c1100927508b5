"""Archive years checked whole once are then read line by line (``vatui.store.archive_seen``):
the same tables, only the lines asked for read, each checked against the index; a file
changed in any way, a line that is not what the index says, or a kept file that is not
ours, and the year is read and checked whole again, with the refusals and the distrust of
derived tables it always had."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.helpers.ledger_shapes import make_books
from vatui.store import archive, archive_derived, archive_seen, layout
from vatui.store.files import DamagedFileError, DiskWriteError


def _years(directory: Path) -> list[Path]:
    return [archive.archive_path(directory, y) for y in archive.archive_years(directory)]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("seen") / "data"
    make_books(directory, 11).close()
    return directory


@pytest.fixture
def data(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the demo's data, whose year files count as settled."""
    directory = tmp_path / "data"
    shutil.copytree(demo, directory)
    monkeypatch.setattr(archive_seen, "SETTLED_NS", 0)
    archive._cache.clear()
    return directory


class _Reads:
    """What the archive reads of its files: whole files, and lines (offset, length)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.whole: list[str] = []
        self.lines: list[tuple[str, int]] = []
        whole, line = archive_seen.read_whole, archive_seen.read_line

        def spy_whole(path: Path, st: os.stat_result) -> tuple[bytes, bool]:
            self.whole.append(path.name)
            return whole(path, st)

        def spy_line(path: Path, st: os.stat_result, unread: archive_seen.Unread) -> Any:
            self.lines.append((unread.name, unread.length))
            return line(path, st, unread)

        monkeypatch.setattr(archive_seen, "read_whole", spy_whole)
        monkeypatch.setattr(archive_seen, "read_line", spy_line)


def _whole(path: Path) -> dict[str, Any]:
    """Every table of a year file, derived ones included, as ``orjson`` reads it."""
    tables = orjson.loads(path.read_bytes())
    del tables["meta"]
    return tables


ASKED = [None, ("tasks",), (archive_derived.MONEY, archive_derived.MINUTES), ("invoices", "payments")]


@pytest.mark.parametrize("tables", ASKED, ids=["every-record", "tasks", "sums", "invoices"])
def test_a_year_checked_whole_is_then_read_line_by_line(
    data: Path, monkeypatch: pytest.MonkeyPatch, tables: tuple[str, ...] | None
) -> None:
    paths = _years(data)
    assert len(paths) >= 2
    first = [archive.read_year(p, tables) for p in paths]  # read and checked whole: kept
    assert (data / archive_seen.NAME).is_file()
    archive._cache.clear()
    reads = _Reads(monkeypatch)
    again = [archive.read_year(p, tables) for p in paths]
    assert again == first
    assert reads.whole == []
    for path, got in zip(paths, again, strict=True):
        whole = _whole(path)
        assert got == {
            n: whole[n] for n in (tables or [n for n in whole if n not in archive.DERIVED]) if n in whole
        }
    names = {name for name, _length in reads.lines}
    assert names == set(tables or {n for p in paths for n in _whole(p) if n not in archive.DERIVED}) & {
        n for p in paths for n in _whole(p)
    }


def test_only_the_lines_asked_for_are_read(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _largest(data)
    archive.read_year(path, ("tasks",))
    archive._cache.clear()
    reads = _Reads(monkeypatch)
    sums = archive.read_year(path, (archive_derived.MONEY,))
    assert sums == {archive_derived.MONEY: _whole(path)[archive_derived.MONEY]}
    assert [name for name, _ in reads.lines] == [archive_derived.MONEY]
    assert sum(length for _, length in reads.lines) < path.stat().st_size / 10


def _largest(directory: Path) -> Path:
    return max(_years(directory), key=lambda p: p.stat().st_size)


def test_a_file_changed_in_any_way_is_read_whole_again(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _largest(data)
    archive.read_year(path)
    raw = bytearray(path.read_bytes())
    at = raw.index(b'"invoices":', raw.index(b"\n")) + 40  # inside the invoices line (not the index)
    raw[at] = ord("7") if raw[at] != ord("7") else ord("8")
    with open(path, "r+b") as handle:  # in place, same size: only the stat's times move
        handle.write(raw)
    archive._cache.clear()
    reads = _Reads(monkeypatch)
    try:
        tables = archive.read_year(path, (archive_derived.HEADS, "tasks"))
    except DamagedFileError:
        tables = None
    assert reads.whole == [path.name]
    if tables is not None:  # it still parsed: an edit by hand, its derived tables not trusted
        assert archive_derived.HEADS not in tables


def test_a_line_that_is_not_what_its_index_says_is_never_trusted(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kept identity claims a file whose line was changed without the file system's
    clock (a disk's own damage): the line read is checked, and the year read whole."""
    path = _largest(data)
    raw = bytearray(path.read_bytes())
    at = raw.index(b'"client_money":', raw.index(b"\n")) + 30  # inside its line (not the index)
    raw[at] = ord("7") if raw[at] != ord("7") else ord("8")
    path.write_bytes(bytes(raw))
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    kept = {"years": {path.name: archive_seen.identity(os.lstat(path))}}
    (data / archive_seen.NAME).write_bytes(orjson.dumps(kept))
    archive._cache.clear()
    reads = _Reads(monkeypatch)
    try:
        got = archive.read_year(path, (archive_derived.MONEY,))
    except DamagedFileError:
        got = None
    assert reads.lines == [(archive_derived.MONEY, reads.lines[0][1])]
    assert reads.whole == [path.name]  # then read whole: the line did not match
    assert not got  # parsed whole: derived tables are not trusted
    assert path.name not in orjson.loads((data / archive_seen.NAME).read_bytes())["years"]


def test_a_line_that_is_not_what_its_index_says_is_read_whole_even_when_the_kept_file_cannot_change(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only folder or a full disk: the kept identity cannot be forgotten, and the
    year is still read whole (not three tries and an error)."""
    path = _largest(data)
    raw = bytearray(path.read_bytes())
    at = raw.index(b'"client_money":', raw.index(b"\n")) + 30
    raw[at] = ord("7") if raw[at] != ord("7") else ord("8")
    path.write_bytes(bytes(raw))
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    kept = {"years": {path.name: archive_seen.identity(os.lstat(path))}}
    (data / archive_seen.NAME).write_bytes(orjson.dumps(kept))

    def full(*_args: Any, **_kwargs: Any) -> None:
        raise DiskWriteError("the disk is full")

    monkeypatch.setattr(archive_seen, "atomic_write_bytes", full)
    archive._cache.clear()
    for _time in range(2):
        try:
            got = archive.read_year(path, (archive_derived.MONEY,))
        except DamagedFileError as exc:
            assert "replaced" not in str(exc)
            got = None
        assert not got
        archive._cache.clear()


def test_a_file_changed_a_moment_ago_is_not_kept(demo: Path, tmp_path: Path) -> None:
    """A file changed again within the same tick of the clock could keep its times."""
    directory = tmp_path / "data"
    shutil.copytree(demo, directory)
    path = _years(directory)[0]
    path.write_bytes(path.read_bytes())
    archive._cache.clear()
    archive.read_year(path)
    kept = directory / archive_seen.NAME
    assert not kept.exists() or path.name not in orjson.loads(kept.read_bytes())["years"]


@pytest.mark.parametrize(
    "make",
    ["garbage", "not an object", "wrong shape", "a link", "a folder", "too big"],
)
def test_a_kept_file_that_is_not_ours_is_ignored(
    data: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, make: str
) -> None:
    paths = _years(data)
    want = [archive.read_year(p) for p in paths]
    kept = data / archive_seen.NAME
    good = kept.read_bytes()
    kept.unlink()
    if make == "garbage":
        kept.write_bytes(b"\x00{not json")
    elif make == "not an object":
        kept.write_bytes(b"[1, 2]")
    elif make == "wrong shape":
        kept.write_bytes(orjson.dumps({"years": {p.name: ["a", 1, 2, 3, 4] for p in paths}}))
    elif make == "a link":
        (tmp_path / "elsewhere").write_bytes(good)
        kept.symlink_to(tmp_path / "elsewhere")
    elif make == "a folder":
        kept.mkdir()
    else:
        kept.write_bytes(good + b" " * archive_seen.MAX_BYTES)
    archive._cache.clear()
    reads = _Reads(monkeypatch)
    assert [archive.read_year(p) for p in paths] == want
    assert sorted(reads.whole) == sorted(p.name for p in paths)


def test_the_kept_file_is_private_and_outside_the_archive_folder(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "umask", os.umask)
    old = os.umask(0)
    try:
        folder = archive.archive_path(data, 2024).parent
        before = os.lstat(folder).st_mtime_ns
        for path in _years(data):
            archive.read_year(path)
        kept = data / archive_seen.NAME
        assert os.lstat(kept).st_mode & 0o777 == 0o600
        assert os.lstat(folder).st_mtime_ns == before  # the housekeeping stamp's key holds
    finally:
        os.umask(old)


def test_a_year_file_not_in_the_layout_is_never_kept(data: Path) -> None:
    path = _years(data)[0]
    tables = _whole(path)
    path.write_bytes(orjson.dumps({"meta": {"1": {"schema": 1}}, **tables}, option=orjson.OPT_INDENT_2))
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    archive._cache.clear()
    got = archive.read_year(path, (archive_derived.HEADS,))
    assert got == {}
    kept = data / archive_seen.NAME
    assert not kept.exists() or path.name not in orjson.loads(kept.read_bytes())["years"]
    assert layout.split(path.read_bytes()) is None
