"""The archive's minutes per client: what the clients report needs of a year's time entries,
derived when a year file is written (``vatui.store.archive_derived.client_minutes``).

``minutes_by_client`` reads the same figures from them as from every archived time entry,
without parsing the years' ``time`` tables; a time entry both live and archived (a run
interrupted between its two steps) still counts once, as its live copy; the sums are
trusted only from a file byte for byte as vatui wrote it, and never show up as records.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.helpers.ledger_shapes import NOW, make_books
from vatui.domain.clock import FixedClock
from vatui.domain.tasks import counted_minutes
from vatui.services.exchange.backup import export_json
from vatui.services.ledger.data import minutes_by_client
from vatui.services.queries import archived_of, time_docs
from vatui.store import archive, archive_derived
from vatui.store.workspace import Workspace


def _years(directory: Path) -> list[Path]:
    return [archive.archive_path(directory, y) for y in archive.archive_years(directory)]


def _slow_minutes(ws: Workspace) -> tuple[dict[int, int], dict[int, int]]:
    """Every finished entry of a client, live and archived (live ids left out), one by one;
    both figures for every client with time (its billable minutes may be 0)."""
    every: dict[int, int] = {}
    billable: dict[int, int] = {}
    for docs in (time_docs(ws), archived_of(ws, ("time",))["time"]):
        for doc in docs.values():
            if doc.get("client_id") is None or doc.get("end") is None:
                continue
            minutes = int(doc.get("minutes") or 0)
            client = doc["client_id"]
            every[client] = every.get(client, 0) + minutes
            billable[client] = billable.get(client, 0) + (minutes if doc.get("billable", True) else 0)
    return every, billable


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo business of eleven clients after its first archive (three closed years)."""
    directory = tmp_path_factory.mktemp("minutes")
    make_books(directory, 11).close()
    return directory


def test_each_year_file_holds_the_minutes_of_its_time_entries(demo: Path) -> None:
    seen = 0
    for path in _years(demo):
        whole = orjson.loads(path.read_bytes())
        sums: dict[str, dict[str, Any]] = {}
        for key, doc in whole.get("time", {}).items():
            counted = counted_minutes(doc)
            if counted is None:
                continue
            client, minutes, billable = counted
            row = sums.setdefault(str(client), {"every": 0, "billable": 0, "ids": []})
            row["every"] += minutes
            row["billable"] += billable
            row["ids"].append(int(key))
            seen += 1
        assert whole[archive_derived.MINUTES] == sums, path
    assert seen > 100


def test_the_clients_report_reads_them_instead_of_every_archived_entry(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = Workspace.open(demo, FixedClock(NOW))
    want = _slow_minutes(ws)
    asked: list[tuple[str, ...] | None] = []
    real = archive.read_year

    def spy(path: Path, tables: tuple[str, ...] | None = None) -> archive.Year:
        asked.append(tables)
        return real(path, tables)

    monkeypatch.setattr("vatui.services.queries.read_year", spy)
    assert minutes_by_client(ws) == want
    assert asked and all(tables is not None and "time" not in tables for tables in asked)
    ws.close()


def test_an_entry_both_live_and_archived_counts_once(demo: Path, tmp_path: Path) -> None:
    """A run killed between writing the year and dropping the live copies: both are there."""
    import shutil

    directory = tmp_path / "data"
    shutil.copytree(demo, directory)
    entries = [orjson.loads(path.read_bytes()).get("time", {}) for path in _years(directory)]
    key, doc = next(iter(next(e for e in entries if e).items()))
    ws = Workspace.open(directory, FixedClock(NOW))
    with ws.transaction(None):
        ws.put_doc("time", int(key), {**doc, "minutes": int(doc.get("minutes") or 0) + 7})
    archive._cache.clear()
    assert minutes_by_client(ws) == _slow_minutes(ws)
    ws.close()


def test_minutes_of_a_file_edited_by_hand_are_not_trusted(demo: Path, tmp_path: Path) -> None:
    import shutil

    directory = tmp_path / "data"
    shutil.copytree(demo, directory)
    for path in _years(directory):  # lies in the sums: a hand edit (the file is parsed whole)
        whole = orjson.loads(path.read_bytes())
        for row in whole.get(archive_derived.MINUTES, {}).values():
            row.update(every=1, billable=1)
        path.write_bytes(orjson.dumps(whole, option=orjson.OPT_INDENT_2))
    archive._cache.clear()
    ws = Workspace.open(directory, FixedClock(NOW))
    assert minutes_by_client(ws) == _slow_minutes(ws)
    ws.close()


def test_minutes_never_show_up_as_records(demo: Path) -> None:
    ws = Workspace.open(demo, FixedClock(NOW))
    for path in _years(demo):
        assert archive_derived.MINUTES not in archive.read_year(path)
    assert archive_derived.MINUTES not in archive.archive_tables(demo)
    assert archive_derived.MINUTES not in json.dumps(export_json(ws))
    ws.close()


def test_a_client_id_that_is_not_a_number_leaves_the_year_without_sums() -> None:
    """A document edited by hand into another shape: the year is read by its entries."""
    tables = {"time": {"1": {"client_id": "7", "end": "2025-01-01T10:00:00+00:00", "minutes": 5}}}
    assert archive_derived.client_minutes(tables) is None
