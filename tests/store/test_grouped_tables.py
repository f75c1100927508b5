"""A grouped table (``vatui.store.layout.GROUPED``: the contact log, by client) in the store's
layout: one client's contacts are read without parsing the whole log.

The line holds each client's contacts as one run, and the index places every run; a reader of
one client parses only its run and gets exactly what filtering the whole log gives. Anything
that makes a run untrustworthy (a journal record over the log, a faked or stale index, a run
holding another client's contact) falls back to the whole log, read by the same rule.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.helpers.cli_inprocess import make_vatui
from tests.helpers.workspace_file import read_workspace
from vatui.domain.clock import FixedClock
from vatui.services.clients.contacts import list_contacts
from vatui.services.queries import client_contact_docs
from vatui.store import layout
from vatui.store.workspace import Workspace


def _clients(whole: dict[str, Any]) -> list[int]:
    return sorted({doc["client_id"] for doc in whole["contacts"].values()})


def _of(whole: dict[str, Any], client_id: int) -> dict[str, Any]:
    return {k: d for k, d in whole["contacts"].items() if d["client_id"] == client_id}


def _index(directory: Path) -> dict[str, Any]:
    raw = (directory / "workspace.json").read_bytes()
    meta = next(line for line in raw[1:-1].split(b",\n") if line.startswith(b'"meta":'))
    index = orjson.loads(meta[len(b'"meta":') :])["1"][layout.INDEX_KEY]
    assert isinstance(index, dict)
    return index


def _rewrite_groups(directory: Path, change: Any, *, forged: bool = False) -> None:
    """Rewrite the contact log's group index in place (the lines stay byte for byte); with
    ``forged``, its crc32 made again to match (a deliberate forgery, caught by each run's
    own checks)."""
    base = directory / "workspace.json"
    raw = base.read_bytes()
    lines = raw[1:-1].split(b",\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(b'"meta":'))
    meta = orjson.loads(lines[at][len(b'"meta":') :])
    entry = meta["1"][layout.INDEX_KEY]["contacts"]
    change(entry[2])
    if forged:
        entry[3] = zlib.crc32(orjson.dumps(entry[2]))
    lines[at] = b'"meta":' + orjson.dumps(meta)
    base.write_bytes(b"{" + b",\n".join(lines) + b"}")


def test_each_clients_contacts_are_one_run_of_the_line(demo: Path) -> None:
    whole = read_workspace(demo)
    groups, crc = _index(demo)["contacts"][2:]
    assert crc == zlib.crc32(orjson.dumps(groups))
    assert sorted(groups, key=int) == [str(c) for c in _clients(whole)]  # every client placed
    raw = (demo / "workspace.json").read_bytes()
    line = next(line for line in raw[1:-1].split(b",\n") if line.startswith(b'"contacts":'))
    table = line[len(b'"contacts":') :]
    for group, (start, end) in groups.items():
        assert orjson.loads(b"{" + table[start:end] + b"}") == _of(whole, int(group))
    assert whole["contacts"] == orjson.loads(table)  # still the whole table, one JSON value


def test_one_clients_contacts_parse_only_their_run(
    demo: Path, clock: FixedClock, parsed: list[dict[str, Any]]
) -> None:
    whole = read_workspace(demo)
    parsed.clear()
    ws = Workspace.open(demo, clock)
    for client_id in _clients(whole):
        assert client_contact_docs(ws, client_id) == _of(whole, client_id)
    assert client_contact_docs(ws, 999) == {}  # a client without contacts
    assert parsed == []  # the log was never parsed whole
    ws.close()


def test_the_client_card_never_parses_the_whole_log(
    demo: Path,
    clock: FixedClock,
    parsed: list[dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    whole = read_workspace(demo)
    vatui = make_vatui(capsys, monkeypatch, clock)
    ref = f"#{_clients(whole)[0]}"
    parsed.clear()
    shown = vatui("client", "show", ref)
    assert shown.code == 0 and "contacts (" in shown.out
    assert whole["contacts"] not in parsed
    with monkeypatch.context() as patch:  # the same card from the log read whole
        patch.setattr(layout, "parse_group", lambda raw, name, group: None)
        assert vatui("client", "show", ref).out == shown.out


def test_a_journal_record_over_the_log_is_read(demo: Path, clock: FixedClock) -> None:
    writer = Workspace.open(demo, clock)
    first = dict(writer.docs("contacts")["1"])
    moved_to = next(c for c in _clients(read_workspace(demo)) if c != first["client_id"])
    with writer.transaction(None):  # the contact moves to another client, in the journal
        writer.put_doc("contacts", 1, {**first, "client_id": moved_to, "summary": "moved"})
    writer.close()
    reader = Workspace.open(demo, clock)
    assert "1" not in client_contact_docs(reader, first["client_id"])
    assert client_contact_docs(reader, moved_to)["1"]["summary"] == "moved"
    assert reader.compact()  # folded into the base: the runs are made again
    reader.close()
    fresh = Workspace.open(demo, clock)
    assert client_contact_docs(fresh, moved_to)["1"]["summary"] == "moved"
    assert "1" not in client_contact_docs(fresh, first["client_id"])
    fresh.close()


def test_another_sessions_new_contact_is_read(demo: Path, clock: FixedClock) -> None:
    reader = Workspace.open(demo, clock)
    client_id = _clients(read_workspace(demo))[0]
    before = dict(client_contact_docs(reader, client_id))
    writer = Workspace.open(demo, clock)
    new_id = writer.next_id("contacts")
    with writer.transaction(None):
        writer.put_doc("contacts", new_id, {**next(iter(before.values())), "summary": "new"})
    assert client_contact_docs(reader, client_id) == {
        **before,
        str(new_id): client_contact_docs(writer, client_id)[str(new_id)],
    }
    writer.close()
    reader.close()


_RUN_CHECKS = [
    pytest.param(lambda groups: groups.update({"1": groups["2"]}), id="a run of another client"),
    pytest.param(lambda groups: groups.update({"1": [0, 5]}), id="a run not at a document"),
    pytest.param(lambda groups: groups.update({"1": [1, 10**9]}), id="a run past the line"),
    pytest.param(lambda groups: groups.update({"1": "x"}), id="not a run"),
]
"""Index changes each run's own checks catch, even with the index's crc32 made to match."""

_LEFT_OUT = [
    pytest.param(lambda groups: groups.pop("1"), id="a client left out"),
    pytest.param(lambda groups: groups.clear(), id="no runs"),
]
"""Index changes only its crc32 catches (a client absent from the index has no contacts)."""


def _read_as_whole(directory: Path, clock: FixedClock, whole: dict[str, Any]) -> None:
    ws = Workspace.open(directory, clock)
    for client_id in _clients(whole):
        assert client_contact_docs(ws, client_id) == _of(whole, client_id)
        assert [c.id for c in list_contacts(ws, client_id)] == sorted(
            (int(k) for k in _of(whole, client_id)),
            key=lambda k: (whole["contacts"][str(k)]["at"], k),
            reverse=True,
        )
    ws.close()


@pytest.mark.parametrize("change", _RUN_CHECKS + _LEFT_OUT)
def test_a_damaged_group_index_reads_as_the_whole_log(demo: Path, clock: FixedClock, change: Any) -> None:
    whole = read_workspace(demo)
    _rewrite_groups(demo, change)
    _read_as_whole(demo, clock, whole)


@pytest.mark.parametrize("change", _RUN_CHECKS)
def test_a_forged_group_index_reads_as_the_whole_log(demo: Path, clock: FixedClock, change: Any) -> None:
    whole = read_workspace(demo)
    _rewrite_groups(demo, change, forged=True)
    _read_as_whole(demo, clock, whole)


@pytest.mark.parametrize("value", [1, 2, 0, -1, True, False, None, "1", 1.0, [1], {"1": 1}])
@pytest.mark.parametrize("of", [1, 0, 2])
def test_the_filter_and_the_groups_are_one_rule(value: Any, of: int) -> None:
    assert layout.in_group(value, of) == (layout.group_key(value) == layout.group_key(of))
