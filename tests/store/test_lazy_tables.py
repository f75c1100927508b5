"""One table per line (``vatui.store.layout``): a file read lazily only when it is byte for
byte what vatui wrote, every other file read whole as before.

The layout round-trips and its index never leaves the store; a read of one table parses
only it; every damaged or hand-edited file is refused or read exactly as a whole parse
reads it (the same messages); journal records over a lazily read base are applied to the
tables they touch; a compaction or a backup after a lazy open writes every table.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.helpers.backup_files import backup_bytes
from tests.helpers.cli_inprocess import make_vatui
from tests.helpers.workspace_file import read_workspace
from vatui.domain.clock import FixedClock
from vatui.domain.ledger import Invoice, LineItem
from vatui.domain.money import Money
from vatui.domain.tasks import Task
from vatui.store import archive, backups, journal, layout
from vatui.store.errors import RefusedWorkspace
from vatui.store.files import DamagedFileError
from vatui.store.workspace import Workspace

VATUI = Path(sys.executable).with_name("vatui")
Outcome = tuple[str, Any]


def _base(directory: Path) -> Path:
    return directory / "workspace.json"


def _lines(raw: bytes) -> list[bytes]:
    assert raw.startswith(b"{") and raw.endswith(b"}")
    return raw[1:-1].split(b",\n")


def _name(line: bytes) -> str:
    name = orjson.loads(line[: line.index(b'":') + 1])
    assert isinstance(name, str)
    return name


def _join(lines: list[bytes]) -> bytes:
    return b"{" + b",\n".join(lines) + b"}"


def _line_of(lines: list[bytes], name: str) -> int:
    return [_name(line) for line in lines].index(name)


def _outcome(directory: Path, clock: FixedClock) -> Outcome:
    """What opening the workspace and reading every table gives: the tables, or the refusal."""
    try:
        ws = Workspace.open(directory, clock)
        try:
            names = list(ws.storage.read() or {}) if ws.storage else []
            return "read", {name: dict(ws.docs(name)) for name in names} | {"meta": ws.meta()}
        finally:
            ws.close()
    except RefusedWorkspace as exc:
        return "refused", str(exc)


def _as_today(directory: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> Outcome:
    """The same, with the layout never recognised: every file parsed whole, as before it."""
    with monkeypatch.context() as patch:
        patch.setattr(layout, "split", lambda raw: None)
        return _outcome(directory, clock)


# the layout round-trips; the index stays in the store ----------------------------------


def test_every_table_is_one_line_indexed_in_meta(demo: Path) -> None:
    raw = _base(demo).read_bytes()
    lines = _lines(raw)
    whole = read_workspace(demo)
    assert [_name(line) for line in lines] == list(whole)  # one line per table, in order
    meta = orjson.loads(lines[_line_of(lines, "meta")][len(b'"meta":') :])["1"]
    index = meta[layout.INDEX_KEY]
    assert list(index) == [name for name in whole if name != "meta"]
    for line in lines:
        if _name(line) != "meta":  # a grouped table's entry also places its groups
            grouped = index[_name(line)][2:] if _name(line) in layout.GROUPED else []
            assert index[_name(line)] == [zlib.crc32(line), len(line), *grouped]
    parsed = orjson.loads(raw)  # still one JSON document
    del parsed["meta"]["1"][layout.INDEX_KEY], parsed["meta"]["1"][journal.TOKEN_KEY]
    assert parsed == whole


def test_the_index_never_leaves_the_store(
    demo: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = Workspace.open(demo, clock, backup=True)
    assert storage_of(ws).read() == read_workspace(demo)
    assert ws.meta() and layout.INDEX_KEY not in ws.meta() and journal.TOKEN_KEY not in ws.meta()
    plain = storage_of(ws).document_bytes()
    assert plain == orjson.dumps(read_workspace(demo))  # the plain document, as before
    assert b'"lines"' not in plain and b'"journal"' not in plain and b"\n" not in plain
    backup = backups.newest_backup(demo)
    assert backup is not None and backup_bytes(backup) == plain
    ws.close()
    exported = make_vatui(capsys, monkeypatch, clock)("export", "json")
    assert exported.code == 0 and '"lines"' not in exported.out and '"journal"' not in exported.out


def storage_of(ws: Workspace) -> Any:
    assert ws.storage is not None
    return ws.storage


def test_an_older_file_is_read_whole_then_written_in_the_layout(demo: Path, clock: FixedClock) -> None:
    whole = read_workspace(demo)
    plain = orjson.loads(_base(demo).read_bytes())
    _base(demo).write_bytes(orjson.dumps(plain))  # as vatui wrote it before the layout
    ws = Workspace.open(demo, clock)
    assert {name: dict(ws.docs(name)) for name in whole if name != "meta"} == {
        name: table for name, table in whole.items() if name != "meta"
    }
    assert ws.compact()  # nothing in the journal, but the base is written anew in the layout
    ws.close()
    assert len(_lines(_base(demo).read_bytes())) == len(whole)
    assert read_workspace(demo) == whole


# a read of one table parses only it ----------------------------------------------------


def test_reading_one_table_parses_only_it(
    demo: Path, clock: FixedClock, parsed: list[dict[str, Any]]
) -> None:
    whole = read_workspace(demo)
    parsed.clear()
    ws = Workspace.open(demo, clock)
    assert parsed == []  # only meta at open
    assert ws.docs("invoices") == whole["invoices"]
    assert parsed == [whole["invoices"]]
    assert ws.docs("invoices") == whole["invoices"]
    assert len(parsed) == 1  # parsed once
    assert ws.docs("contacts") == whole["contacts"]
    assert parsed == [whole["invoices"], whole["contacts"]]
    assert storage_of(ws).read() == whole  # and a whole read parses the rest
    assert whole["contacts"] not in parsed[2:] and len(parsed) == len(whole) - 1
    ws.close()


def test_a_command_listing_invoices_never_parses_the_contacts(
    demo: Path,
    clock: FixedClock,
    parsed: list[dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    whole = read_workspace(demo)
    assert whole["contacts"] and whole["invoices"]
    parsed.clear()
    result = make_vatui(capsys, monkeypatch, clock)("invoice", "list")
    assert result.code == 0 and result.out.strip()
    assert whole["invoices"] in parsed
    assert whole["contacts"] not in parsed


# damage and hand edits: refused or read exactly as a whole parse ------------------------


def _edit_a_value(raw: bytes) -> bytes:
    lines = _lines(raw)
    at = _line_of(lines, "tasks")
    lines[at] = lines[at].replace(b'"title":"', b'"title":"Edited ', 1)
    return _join(lines)


def _break_json(raw: bytes) -> bytes:
    lines = _lines(raw)
    at = _line_of(lines, "contacts")
    lines[at] = lines[at].replace(b'":', b'";', 3)
    return _join(lines)


def _remove_a_line(raw: bytes) -> bytes:
    lines = _lines(raw)
    del lines[_line_of(lines, "contacts")]
    return _join(lines)


def _swap_two_lines(raw: bytes) -> bytes:
    lines = _lines(raw)
    a, b = _line_of(lines, "tasks"), _line_of(lines, "contacts")
    lines[a], lines[b] = lines[b], lines[a]
    return _join(lines)


def _pretty_print(raw: bytes) -> bytes:
    return orjson.dumps(orjson.loads(raw), option=orjson.OPT_INDENT_2)


def _duplicate_a_key(raw: bytes) -> bytes:
    return raw[:-1] + b',\n"tasks":{}}'


def _not_a_table(raw: bytes) -> bytes:
    lines = _lines(raw)
    lines[_line_of(lines, "contacts")] = b'"contacts":[1,2]'
    return _join(lines)


def _documents_not_objects(raw: bytes) -> bytes:
    lines = _lines(raw)
    lines[_line_of(lines, "contacts")] = b'"contacts":{"1":[]}'
    return _join(lines)


def _a_byte_flipped_in_a_string(raw: bytes) -> bytes:
    lines = _lines(raw)
    at = _line_of(lines, "clients")
    cut = lines[at].index(b'"name":"') + 9
    lines[at] = lines[at][:cut] + bytes([lines[at][cut] ^ 0x20]) + lines[at][cut + 1 :]
    return _join(lines)


def _trailing_newline(raw: bytes) -> bytes:
    return raw + b"\n"


EDITS: list[Callable[[bytes], bytes]] = [
    _edit_a_value,
    _break_json,
    _remove_a_line,
    _swap_two_lines,
    _pretty_print,
    _duplicate_a_key,
    _not_a_table,
    _documents_not_objects,
    _a_byte_flipped_in_a_string,
    _trailing_newline,
]


@pytest.mark.parametrize("edit", EDITS, ids=[edit.__name__.strip("_") for edit in EDITS])
def test_a_damaged_or_hand_edited_file_is_read_as_a_whole_parse_reads_it(
    demo: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, edit: Callable[[bytes], bytes]
) -> None:
    changed = edit(_base(demo).read_bytes())
    _base(demo).write_bytes(changed)
    lazy = _outcome(demo, clock)
    today = _as_today(demo, clock, monkeypatch)
    assert lazy == today
    assert _base(demo).read_bytes() == changed  # never written over
    if edit in (_break_json, _not_a_table, _documents_not_objects):
        assert lazy[0] == "refused"
    if edit is _edit_a_value:
        assert lazy[0] == "read" and any(t["title"].startswith("Edited ") for t in lazy[1]["tasks"].values())


def _faked(raw: bytes, name: str, line: bytes) -> bytes:
    """``raw`` with table ``name``'s line replaced and the index faked to match it."""
    lines = _lines(raw)
    lines[_line_of(lines, name)] = line
    at = _line_of(lines, "meta")
    meta = orjson.loads(lines[at][len(b'"meta":') :])
    meta["1"][layout.INDEX_KEY][name] = [zlib.crc32(line), len(line)]
    lines[at] = b'"meta":' + orjson.dumps(meta)
    return _join(lines)


@pytest.mark.parametrize(
    ("line", "why"),
    [
        (b'"contacts":[1,2]', "not a workspace (expected an object of tables of objects by number)"),
        (b'"contacts":{"1":{"a":1}', "not valid JSON"),
    ],
)
def test_a_faked_index_is_refused_cleanly_when_the_table_is_read(
    demo: Path, clock: FixedClock, line: bytes, why: str
) -> None:
    _base(demo).write_bytes(_faked(_base(demo).read_bytes(), "contacts", line))
    ws = Workspace.open(demo, clock)  # only meta is read at open
    assert ws.docs("invoices")
    with pytest.raises(RefusedWorkspace, match=re.escape(why)):
        ws.docs("contacts")
    with pytest.raises(RefusedWorkspace, match=re.escape(why)):  # never served half-read
        with ws.transaction(None):
            pass
    ws.close()
    with pytest.raises(DamagedFileError, match=re.escape(why)):
        read_workspace(demo)
    shown = subprocess.run(
        [str(VATUI), "client", "show", "#1"], capture_output=True, text=True, timeout=60, check=False
    )
    assert shown.returncode == 1 and "Traceback" not in shown.stderr
    assert len(shown.stderr.strip().splitlines()) == 1 and why in shown.stderr


# the journal over a lazily read base -------------------------------------------------------


def _contact_edit(ws: Workspace, text: str) -> None:
    with ws.transaction(None):
        first = dict(ws.docs("contacts")["1"])
        ws.put_doc("contacts", 1, {**first, "summary": text})


def test_journal_records_at_load_reach_the_pending_tables(
    demo: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = Workspace.open(demo, clock)
    _contact_edit(writer, "from the journal")
    writer.close()
    reader = Workspace.open(demo, clock)
    assert reader.docs("contacts")["1"]["summary"] == "from the journal"
    assert storage_of(reader).read() == read_workspace(demo)
    reader.close()
    assert _outcome(demo, clock) == _as_today(demo, clock, monkeypatch)


def test_another_sessions_tail_reaches_a_pending_table(
    demo: Path, clock: FixedClock, parsed: list[dict[str, Any]]
) -> None:
    reader = Workspace.open(demo, clock)
    invoices = reader.docs("invoices")
    writer = Workspace.open(demo, clock)
    _contact_edit(writer, "another session")
    parsed.clear()
    assert reader.docs("contacts")["1"]["summary"] == "another session"
    assert reader.docs("invoices") is invoices  # the tables it handed out do not change
    assert storage_of(reader).read() == storage_of(writer).read() == read_workspace(demo)
    writer.close()
    reader.close()


def test_a_compaction_after_a_lazy_open_writes_every_table(demo: Path, clock: FixedClock) -> None:
    writer = Workspace.open(demo, clock)
    _contact_edit(writer, "folded")
    writer.close()
    expected = read_workspace(demo)
    lazy = Workspace.open(demo, clock)
    assert lazy.docs("invoices") == expected["invoices"]
    assert lazy.compact()
    lazy.close()
    assert journal.read_header(journal.journal_path(_base(demo)).read_bytes())[0] is not None
    assert [_name(line) for line in _lines(_base(demo).read_bytes())] == list(expected)
    assert read_workspace(demo) == expected


def test_a_backup_after_a_lazy_open_holds_every_table(demo: Path, clock: FixedClock) -> None:
    expected = orjson.dumps(read_workspace(demo))
    Workspace.open(demo, clock, backup=True).close()
    newest = backups.newest_backup(demo)
    assert newest is not None and backup_bytes(newest) == expected


def test_a_change_after_a_lazy_open_keeps_every_table(demo: Path, clock: FixedClock) -> None:
    before = read_workspace(demo)
    ws = Workspace.open(demo, clock)
    assert ws.docs("settings")
    _contact_edit(ws, "changed")
    ws.compact()
    ws.close()
    after = read_workspace(demo)
    assert after["contacts"]["1"]["summary"] == "changed"
    assert {k: v for k, v in after.items() if k not in ("contacts", "undo", "meta")} == {
        k: v for k, v in before.items() if k not in ("contacts", "undo", "meta")
    }


# archive years ----------------------------------------------------------------------------


@pytest.fixture
def archived(demo: Path, clock: FixedClock) -> Path:
    """An archive year holding a done task and a paid invoice."""
    ws = Workspace.open(demo, clock)
    old = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)
    item = LineItem(description="Admin support", unit_price=Money(4000, "EUR"))
    with ws.transaction(None) as tx:
        tx.add(Task(title="old", created=old, updated=old, completed=old))
        tx.add(
            Invoice(
                number="INV-OLD-1",
                client_id=1,
                issue_date=old.date(),
                due_date=old.date(),
                currency="EUR",
                items=(item,),
                status="paid",
            )
        )
    moved = archive.archive_old(ws, clock.now().date())
    ws.close()
    assert moved["invoices"] and archive.archive_years(demo)
    archive._cache.clear()
    return archive.archive_path(demo, archive.archive_years(demo)[0])


def test_an_archive_year_reads_only_the_tables_asked_for(
    archived: Path, parsed: list[dict[str, Any]]
) -> None:
    whole = orjson.loads(archived.read_bytes())
    assert len(_lines(archived.read_bytes())) == len(whole)
    del whole["meta"]
    heads = whole.pop(archive.HEADS)  # derived, not a table of records (tests/store/test_invoice_heads.py)
    assert heads.keys() == whole["invoices"].keys()
    whole.pop(archive.MINUTES)  # derived too (tests/store/test_client_minutes.py)
    whole.pop(archive.MONEY)  # and these (tests/store/test_client_money.py)
    whole.pop(archive.MONTHS)
    parsed.clear()
    assert archive.read_year(archived, ("invoices",)) == {"invoices": whole["invoices"]}
    assert parsed == [whole["invoices"]]
    assert archive.read_year(archived) == whole  # the rest when asked, invoices not again
    assert len(parsed) == len(whole)


def test_an_older_or_edited_archive_year_is_read_whole(archived: Path) -> None:
    whole = orjson.loads(archived.read_bytes())
    del whole["meta"]["1"][layout.INDEX_KEY]
    archived.write_bytes(orjson.dumps(whole))
    del whole["meta"]
    assert archive.read_year(archived, ("invoices",)) == {"invoices": whole["invoices"]}
    lines = _lines(layout.encode({"meta": {"1": {}}, **whole}, layout.table_json, {}))
    lines[_line_of(lines, "invoices")] = b'"invoices":{"1":'
    archived.write_bytes(_join(lines))
    with pytest.raises(DamagedFileError, match="not valid JSON"):
        archive.read_year(archived, ("payments",))


def test_the_language_peek_parses_only_the_settings(demo: Path, parsed: list[dict[str, Any]]) -> None:
    from vatui.cli.language import peek_language

    whole = read_workspace(demo)
    parsed.clear()
    assert peek_language(str(demo)) == whole["settings"]["1"].get("language", "")
    assert parsed == [whole["settings"]]


def test_a_file_of_a_newer_vatui_is_never_rewritten_in_the_layout(demo: Path, clock: FixedClock) -> None:
    ws = Workspace.open(demo, clock)
    assert ws.docs("tasks")
    newer = orjson.loads(_base(demo).read_bytes())
    newer["meta"]["1"]["schema"] = 999
    _base(demo).write_bytes(orjson.dumps(newer))  # a newer vatui replaced it meanwhile
    written = _base(demo).read_bytes()
    assert not ws.compact()
    ws.close()
    assert _base(demo).read_bytes() == written
