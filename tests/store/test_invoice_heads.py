"""The archive's invoice heads: what the reports need of each archived invoice, derived when
a year file is written (``vatui.store.archive.invoice_head``).

The reports read the same figures from the heads as from the invoices (every command byte
for byte against the same workspace whose year files have no heads, as an older vatui
wrote them); aging skips what was paid in full by its day without building it; the heads
are trusted only from a file byte for byte as vatui wrote it, and never show up as records.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.helpers.cli_inprocess import Vatui, make_vatui
from tests.helpers.ledger_shapes import DAYS, NOW, make_books
from vatui.domain.clock import FixedClock
from vatui.domain.invoicing import plain_total
from vatui.services import queries
from vatui.services.exchange.backup import export_json
from vatui.services.ledger import books as books_module
from vatui.services.ledger.reports import aging_report, clients_report, pnl_report
from vatui.store import archive, layout
from vatui.store.workspace import Workspace


def _years(directory: Path) -> list[Path]:
    return [archive.archive_path(directory, y) for y in archive.archive_years(directory)]


def _without_heads(directory: Path) -> None:
    """Rewrite every year file as an older vatui wrote it: the layout, no heads."""
    for path in _years(directory):
        tables = dict(archive.read_year(path))
        payload = {
            "meta": {"1": {"schema": orjson.loads(path.read_bytes())["meta"]["1"]["schema"]}},
            **tables,
        }
        path.write_bytes(layout.encode(payload, layout.table_json, {}))
    archive._cache.clear()


@pytest.fixture(scope="module", params=[0, 11], ids=["every-shape", "demo"])
def pair(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, Path]]:
    """The same workspace twice: with heads (as written now) and without (older files)."""
    root = tmp_path_factory.mktemp("heads")
    ws = make_books(root / "with", request.param)
    ws.close()
    shutil.copytree(root / "with", root / "without")
    _without_heads(root / "without")
    yield root / "with", root / "without"


def test_every_invoice_of_a_year_has_its_head(pair: tuple[Path, Path]) -> None:
    with_heads, _ = pair
    seen = 0
    for path in _years(with_heads):
        whole = orjson.loads(path.read_bytes())
        invoices, heads = whole.get("invoices", {}), whole.get(archive.HEADS, {})
        assert heads.keys() == invoices.keys(), path
        for key, doc in invoices.items():
            seen += 1
            head = heads[key]
            assert head["total"] == plain_total(doc)
            assert (head["client_id"], head["currency"], head["status"]) == (
                doc["client_id"],
                doc["currency"],
                doc["status"],
            )
            assert head.get("invoice") == (doc if head["total"] is None else None)
    assert seen


def test_settled_on_is_the_day_the_payments_complete_the_total(tmp_path: Path) -> None:
    ws = make_books(tmp_path)
    heads = {
        k: d
        for p in _years(tmp_path)
        for k, d in archive.read_year(p, (archive.HEADS,))[archive.HEADS].items()
    }
    invoices = archive.archived_docs(ws, "invoices")
    by_issue = {invoices[k]["issue_date"]: h for k, h in heads.items()}
    assert by_issue["2024-03-01"]["settled_on"] == "2024-03-20"  # paid at once
    assert by_issue["2024-06-01"]["settled_on"] == "2024-08-02"  # in two
    assert by_issue["2025-11-15"]["settled_on"] == "2027-01-10"  # by a payment dated ahead
    assert by_issue["2025-09-01"]["total"] is None and by_issue["2025-09-01"]["settled_on"] == "2025-09-30"
    ws.close()


def _run(vatui: Vatui, directory: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.setenv("VATUI_DATA_DIR", str(directory))
    result = vatui(*args)
    return result.code, result.out, result.err


COMMANDS = [
    ("report", "aging"),
    ("report", "aging", "--json"),
    *(("report", "aging", "--on", day.isoformat()) for day in DAYS[1:]),
    ("report", "aging", "--on", DAYS[3].isoformat(), "--json"),
    ("report", "pnl"),
    ("report", "pnl", "--json"),
    ("report", "pnl", "--on", DAYS[3].isoformat()),
    ("report", "clients"),
    ("report", "clients", "--json"),
    ("report", "clients", "--on", DAYS[3].isoformat()),
]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_reports_and_cards_are_byte_for_byte_those_of_the_invoices(
    pair: tuple[Path, Path],
    language: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VATUI_CONFIG_DIR", str(tmp_path / "config"))
    vatui = make_vatui(capsys, monkeypatch, FixedClock(NOW))
    copies = []
    for source in pair:  # private copies: setting the language writes
        copy = tmp_path / source.name
        shutil.copytree(source, copy)
        if language == "es":
            assert _run(vatui, copy, monkeypatch, "settings", "set", "language", "es")[0] == 0
        copies.append(copy)
    archive._cache.clear()
    ws = Workspace.open(copies[0], FixedClock(NOW))
    clients = sorted(ws.docs("clients"), key=int)
    assert any(is_head for _doc, is_head in queries.archived_invoices(ws).values())
    ws.close()
    shows = [("client", "show", f"#{c}", *extra) for c in clients for extra in ((), ("--json",))]
    shows += [("client", "show", f"#{clients[0]}", "--on", DAYS[3].isoformat())]
    for args in [*COMMANDS, *shows]:
        got, want = (_run(vatui, copy, monkeypatch, *args) for copy in copies)
        assert got == want, args
        assert got[0] == 0 and got[1], args
    for path in _years(copies[0]):  # nothing rewrote the heads away
        assert archive.HEADS in orjson.loads(path.read_bytes()) or b'"invoices"' not in path.read_bytes()


def test_aging_skips_what_was_paid_in_full_by_its_day(
    pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    with_heads, _ = pair
    ws = Workspace.open(with_heads, FixedClock(NOW))
    built: list[str] = []
    original = books_module.plain_settled

    def spy(key: str, *args: Any) -> Any:
        built.append(key)
        return original(key, *args)

    monkeypatch.setattr(books_module, "plain_settled", spy)
    parsed: list[tuple[str, ...] | None] = []
    read = queries.read_year

    def spy_read(path: Path, tables: tuple[str, ...] | None = None) -> Any:
        parsed.append(tables)
        return read(path, tables)

    monkeypatch.setattr(queries, "read_year", spy_read)
    heads = queries.archived_invoices(ws)
    for day in DAYS:
        built.clear()
        parsed.clear()
        aging_report(ws, day)
        done = {
            k
            for k, (h, _) in heads.items()
            if h["settled_on"] is not None and h["settled_on"] <= day.isoformat()
        }
        assert not done & set(built), day
        assert ("invoices",) not in parsed, day  # no year's invoices table read
    assert any(h["settled_on"] is not None for h, _ in heads.values())
    owed = {
        k for k, (h, _) in heads.items() if h["settled_on"] is None or h["settled_on"] > DAYS[0].isoformat()
    }
    if len(heads) < 10:  # every shape: the invoice paid ahead is owed today, and read
        assert owed
    ws.close()


def test_heads_of_a_file_edited_by_hand_are_not_trusted(tmp_path: Path) -> None:
    ws = make_books(tmp_path)
    want = (aging_report(ws, DAYS[0]), pnl_report(ws), clients_report(ws, DAYS[0]))
    for path in _years(tmp_path):  # lies in the heads: a hand edit (the file is parsed whole)
        whole = orjson.loads(path.read_bytes())
        for head in whole.get(archive.HEADS, {}).values():
            head.update(total=1, settled_on="1970-01-01")
        path.write_bytes(orjson.dumps(whole, option=orjson.OPT_INDENT_2))
    archive._cache.clear()
    assert not any(is_head for _d, is_head in queries.archived_invoices(ws).values())
    assert (aging_report(ws, DAYS[0]), pnl_report(ws), clients_report(ws, DAYS[0])) == want
    ws.close()


def test_heads_never_show_up_as_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vatui.services.archived import archived_with_year
    from vatui.services.exchange.backup import restore
    from vatui.store.backups import make_backup

    ws = make_books(tmp_path / "data", 11)  # the demo: the shapes of every-shape no restore takes
    for path in _years(ws.directory):
        assert archive.HEADS not in archive.read_year(path)
    assert archive.HEADS not in archive.archive_tables(ws.directory)
    assert all("settled_on" not in d for _y, d in archived_with_year(ws, "invoices").values())
    exported = json.dumps(export_json(ws))
    assert "settled_on" not in exported and archive.HEADS not in exported
    backup = make_backup(ws.directory, ws.path, ws.clock.now(), reason="test", force=True)
    assert backup is not None and b"settled_on" not in _plain_bytes(backup)
    want = (aging_report(ws, DAYS[0]), pnl_report(ws))
    ws.close()
    restore(tmp_path / "data", backup, FixedClock(NOW))
    archive._cache.clear()
    ws = Workspace.open(tmp_path / "data", FixedClock(NOW))
    assert (aging_report(ws, DAYS[0]), pnl_report(ws)) == want
    assert any(is_head for _d, is_head in queries.archived_invoices(ws).values())
    ws.close()


def _plain_bytes(path: Path) -> bytes:
    import gzip

    raw = path.read_bytes()
    return gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw


def test_an_older_year_file_is_read_by_its_invoices(tmp_path: Path) -> None:
    """A year file without heads (an older vatui's) is read as before: no migration."""
    ws = make_books(tmp_path)
    want = aging_report(ws, DAYS[0])
    ws.close()
    _without_heads(tmp_path)
    ws = Workspace.open(tmp_path, FixedClock(NOW))
    assert not any(is_head for _d, is_head in queries.archived_invoices(ws).values())
    assert aging_report(ws, DAYS[0]) == want
    ws.close()


@pytest.mark.parametrize("day", [*DAYS, date(2027, 2, 1)])
def test_a_head_counts_as_its_invoice_in_every_report(pair: tuple[Path, Path], day: date) -> None:
    got = []
    for directory in pair:
        ws = Workspace.open(directory, FixedClock(NOW))
        got.append((aging_report(ws, day), clients_report(ws, day), pnl_report(ws, None, day)))
        ws.close()
    assert got[0] == got[1]


def test_a_year_with_an_invoice_no_head_can_be_made_of_has_no_heads() -> None:
    good = {
        "client_id": 1,
        "currency": "EUR",
        "status": "paid",
        "issue_date": "2024-01-02",
        "due_date": "2024-01-09",
        "taxes": [],
        "items": [{"unit_price": {"minor": 1000, "currency": "EUR"}, "quantity": "2"}],
    }
    payment = {"invoice_id": 1, "on": "2024-01-05", "amount": {"minor": 2000, "currency": "EUR"}}
    heads = archive.invoice_heads({"invoices": {"1": good}, "payments": {"1": payment}})
    assert heads == {
        "1": {
            "client_id": 1,
            "currency": "EUR",
            "kind": "standard",
            "status": "paid",
            "issue_date": "2024-01-02",
            "due_date": "2024-01-09",
            "total": 2000,
            "settled_on": "2024-01-05",
        }
    }
    broken = {k: v for k, v in good.items() if k != "due_date"}
    assert archive.invoice_heads({"invoices": {"1": good, "2": broken}}) is None
