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


def _lie_in_sums(directory: Path) -> None:
    """Lies in every year's sums, as a hand edit makes them (the file is then parsed whole)."""
    for path in _years(directory):
        whole = orjson.loads(path.read_bytes())
        for row in whole.get(archive_derived.MINUTES, {}).values():
            row.update(every=1, billable=1)
        path.write_bytes(orjson.dumps(whole, option=orjson.OPT_INDENT_2))
    archive._cache.clear()


def test_minutes_of_a_file_edited_by_hand_are_not_trusted(demo: Path, tmp_path: Path) -> None:
    import shutil

    directory = tmp_path / "data"
    shutil.copytree(demo, directory)
    _lie_in_sums(directory)
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


def test_the_client_card_counts_the_same_hours_as_the_clients_report(demo: Path) -> None:
    """One rule for a client's hours: the card's "logged" and effective rate, after an
    archive, count the archived time as the clients report does (not only the live time)."""
    from vatui.services.clients.card import client_detail
    from vatui.services.ledger.reports import clients_report

    ws = Workspace.open(demo, FixedClock(NOW))
    every, _billable = minutes_by_client(ws)
    rows = {row.client_id: row for row in clients_report(ws, NOW.date())}
    archived_hours = archive_derived.client_minutes({"time": archived_of(ws, ("time",))["time"]})
    assert archived_hours  # the demo has archived time: the case this is about
    for client in (int(k) for k in archived_hours):
        card = client_detail(ws, client, NOW.date())
        assert card.minutes_logged == every[client] == rows[client].minutes
    ws.close()


def _card_against_report(ws: Workspace) -> int:
    """Every client's card against its row of ``vatui report clients`` (the row in the
    client's own currency, the one that carries the hours): the same hours, the same rate;
    how many clients have hours."""
    from vatui.domain.money import Money
    from vatui.services.clients.card import client_detail
    from vatui.services.ledger.reports import clients_report
    from vatui.services.queries import client_docs

    rows = {(row.client_id, row.currency): row for row in clients_report(ws, NOW.date())}
    with_hours = 0
    for key, doc in client_docs(ws).items():
        client, currency = int(key), str(doc["currency"])
        card = client_detail(ws, client, NOW.date())
        row = rows.get((client, currency))
        assert card.minutes_logged == (row.minutes if row else 0), doc["name"]
        zero = Money.zero(currency)
        rate = row.effective_rate if row else None
        assert card.effective_rate.get(currency, zero) == (rate or zero), doc["name"]
        with_hours += card.minutes_logged > 0
    return with_hours


def test_every_client_card_shows_the_hours_and_rate_of_the_clients_report(demo: Path) -> None:
    ws = Workspace.open(demo, FixedClock(NOW))
    assert _card_against_report(ws) >= 5  # most of the demo clients have time
    ws.close()


def test_the_card_reads_its_archived_hours_from_the_sums(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One card parses no year's archived time entries (the years' ``client_minutes``)."""
    from vatui.services.clients.card import client_detail

    ws = Workspace.open(demo, FixedClock(NOW))
    client = int(
        next(iter(archive_derived.client_minutes({"time": archived_of(ws, ("time",))["time"]}) or {}))
    )
    want = client_detail(ws, client, NOW.date()).minutes_logged
    asked: list[tuple[str, ...] | None] = []
    real = archive.read_year

    def spy(path: Path, tables: tuple[str, ...] | None = None) -> archive.Year:
        asked.append(tables)
        return real(path, tables)

    archive._cache.clear()
    monkeypatch.setattr("vatui.services.queries.read_year", spy)
    assert client_detail(ws, client, NOW.date()).minutes_logged == want
    assert any(tables == (archive_derived.MINUTES,) for tables in asked)
    assert all(tables is not None and "time" not in tables for tables in asked)
    ws.close()


def test_the_card_counts_an_entry_both_live_and_archived_once(demo: Path, tmp_path: Path) -> None:
    """A run killed between writing the year and dropping the live copies: the card, as
    the report, counts the live copy (read from the entries, not the sums)."""
    import shutil

    directory = tmp_path / "data"
    shutil.copytree(demo, directory)
    entries = [orjson.loads(path.read_bytes()).get("time", {}) for path in _years(directory)]
    key, doc = next((k, d) for e in entries for k, d in e.items() if counted_minutes(d) is not None)
    ws = Workspace.open(directory, FixedClock(NOW))
    from vatui.services.clients.card import client_detail

    before = client_detail(ws, int(doc["client_id"]), NOW.date()).minutes_logged
    with ws.transaction(None):
        ws.put_doc("time", int(key), {**doc, "minutes": int(doc.get("minutes") or 0) + 7})
    archive._cache.clear()
    assert client_detail(ws, int(doc["client_id"]), NOW.date()).minutes_logged == before + 7
    assert _card_against_report(ws) >= 5  # most of the demo clients have time
    ws.close()


def test_a_card_over_sums_edited_by_hand_reads_the_entries(demo: Path, tmp_path: Path) -> None:
    import shutil

    directory = tmp_path / "data"
    shutil.copytree(demo, directory)
    ws = Workspace.open(directory, FixedClock(NOW))
    from vatui.services.clients.card import client_detail

    want = {int(k): client_detail(ws, int(k), NOW.date()).minutes_logged for k in ws.docs("clients")}
    _lie_in_sums(directory)
    assert {c: client_detail(ws, c, NOW.date()).minutes_logged for c in want} == want
    assert _card_against_report(ws) >= 5  # most of the demo clients have time
    ws.close()


@pytest.mark.parametrize("moved", [True, False], ids=["to another client", "same client"])
def test_an_entry_in_two_years_is_read_from_the_entries(demo: Path, tmp_path: Path, moved: bool) -> None:
    """An entry of one client's sums also in a later year's file (for another client, or
    the same): the later copy counts, once, as the report reads it (from the entries); the
    cards of the clients concerned read them too, other clients' cards still their sums."""
    import shutil

    directory = tmp_path / "data"
    shutil.copytree(demo, directory)
    years = archive.archive_years(directory)
    last = years[-1]
    key, doc = next(
        (k, d)
        for year in years[:-1]
        for k, d in archive.read_year(archive.archive_path(directory, year), ("time",))
        .get("time", {})
        .items()
        if counted_minutes(d) is not None
    )
    ws = Workspace.open(directory, FixedClock(NOW))
    other = next(int(k) for k in ws.docs("clients") if int(k) != doc["client_id"])
    ws.close()
    tables = {
        name: dict(docs) for name, docs in archive.read_year(archive.archive_path(directory, last)).items()
    }
    tables.setdefault("time", {})[key] = {**doc, "client_id": other if moved else doc["client_id"]}
    archive._write_years(directory, {}, {last: tables}, {name: set() for name in archive.ARCHIVED_TABLES})
    archive._cache.clear()
    ws = Workspace.open(directory, FixedClock(NOW))
    assert archive_derived.MINUTES in archive.read_year(
        archive.archive_path(directory, last), (archive_derived.MINUTES,)
    )
    assert _card_against_report(ws) >= 5  # most of the demo clients have time
    ws.close()
