"""``vatui export json`` → ``vatui import json`` into an empty workspace: every report reads the same."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from tests.helpers.cli_inprocess import Vatui
from vatui.domain.clients import Client
from vatui.domain.clock import FixedClock
from vatui.domain.ledger import Invoice, LineItem, Payment
from vatui.domain.money import Money
from vatui.domain.tasks import Task, TimeEntry
from vatui.store.archive import archive_old, archive_years
from vatui.store.workspace import Workspace

REPORTS = [
    ("report", "aging", "--json"),
    ("report", "pnl", "--json"),
    ("report", "clients", "--json"),
    ("today", "--json"),
    ("task", "list", "--all", "--json"),
    ("task", "list", "--archived", "--json"),
    ("invoice", "list", "--json"),
    ("invoice", "list", "--archived", "--json"),
    ("time", "list", "--from", "2020-01-01", "--json"),
    ("time", "list", "--from", "2020-01-01", "--archived", "--json"),
    ("expense", "list", "--json"),
    ("payment", "list", "--json"),
    ("payment", "list", "--archived", "--json"),
    ("payment", "list", "--deleted", "--json"),
    ("client", "list", "--all", "--json"),
]


def _ok(vatui: Vatui, where: Path, *args: str) -> str:
    result = vatui("--data-dir", str(where), *args)
    assert result.code == 0, (args, result.err)
    return result.out


def _reports(vatui: Vatui, where: Path) -> dict[str, str]:
    out = {" ".join(args): _ok(vatui, where, *args) for args in REPORTS}
    for row in vatui("--data-dir", str(where), "client", "list", "--all", "--json").json():
        args = ("client", "show", f"#{row['id']}", "--json", "--confidential")
        out[" ".join(args)] = _ok(vatui, where, *args)
    return out


def _add_a_closed_year(directory: Path, clock: FixedClock) -> None:
    """A client with a paid 2025 invoice, its payment and billed time, and an old done task, archived."""
    ws = Workspace.open(directory, clock)
    try:
        with ws.transaction("old year") as tx:
            client = tx.add(
                Client(
                    name="Old Co ☕",
                    currency="EUR",
                    hourly_rate=Money(4000, "EUR"),
                    created=datetime(2025, 1, 1, tzinfo=UTC),
                    updated=datetime(2025, 1, 1, tzinfo=UTC),
                )
            )
            entry = tx.add(
                TimeEntry(
                    client_id=client.id,
                    start=datetime(2025, 3, 1, 9, tzinfo=UTC),
                    end=datetime(2025, 3, 1, 10, tzinfo=UTC),
                    minutes=60,
                )
            )
            invoice = tx.add(
                Invoice(
                    number="INV-2025-0001",
                    client_id=client.id or 0,
                    issue_date=date(2025, 3, 31),
                    due_date=date(2025, 4, 30),
                    currency="EUR",
                    status="paid",
                    sent_on=date(2025, 3, 31),
                    items=(
                        LineItem(
                            description="March",
                            unit_price=Money(4000, "EUR"),
                            minutes=60,
                            quantity="1",
                            time_entry_ids=(entry.id or 0,),
                        ),
                    ),
                )
            )
            tx.save(entry.with_(invoice_id=invoice.id))
            tx.add(Payment(invoice_id=invoice.id or 0, on=date(2025, 4, 10), amount=Money(4000, "EUR")))
            tx.add(
                Task(
                    title="Old task",
                    client_id=client.id,
                    created=datetime(2025, 1, 1, tzinfo=UTC),
                    updated=datetime(2025, 2, 1, tzinfo=UTC),
                    column="Done",
                    completed=datetime(2025, 2, 1, tzinfo=UTC),
                )
            )
        moved = archive_old(ws, date(2026, 11, 27))
        assert moved == {"tasks": 1, "invoices": 1, "payments": 1, "time": 1}
    finally:
        ws.close()


def _round_trip(vatui: Vatui, source: Path, target: Path, tmp_path: Path) -> tuple[Path, str]:
    exported = tmp_path / "export.json"
    _ok(vatui, source, "export", "json", "--confidential", "-o", str(exported))
    imported = vatui("--data-dir", str(target), "import", "json", str(exported))
    assert imported.code == 0, imported.err
    assert imported.out.startswith(f"Imported {exported} ")
    return exported, imported.out


def test_the_small_demo_round_trips_exactly(vatui: Vatui, data_dir: Path, tmp_path: Path) -> None:
    _ok(vatui, data_dir, "demo-data", "--size", "small")
    before = _reports(vatui, data_dir)
    target = tmp_path / "empty"
    exported, _out = _round_trip(vatui, data_dir, target, tmp_path)
    assert _reports(vatui, target) == before
    assert _ok(vatui, target, "export", "json", "--confidential") == exported.read_text() + "\n"
    assert "Undone: import JSON export export.json" in _ok(vatui, target, "undo")
    assert _ok(vatui, target, "client", "list", "--all", "--json").strip() == "[]"


def test_archived_records_come_back_live_undoable_then_archive_into_the_same_years(
    vatui: Vatui, data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    _ok(vatui, data_dir, "demo-data", "--size", "small")
    _add_a_closed_year(data_dir, clock)
    before = _reports(vatui, data_dir)
    assert "INV-2025-0001" not in before["invoice list --json"]
    target = tmp_path / "empty"
    exported, out = _round_trip(vatui, data_dir, target, tmp_path)
    assert "  = note “archive” — some are old enough for the archive: they stay live" in out
    # back live, and they stay live while the import is the newest undo step: undo still works
    live = vatui("--data-dir", str(target), "invoice", "list", "--json").json()["invoices"]
    assert "INV-2025-0001" in [row["number"] for row in live]
    assert archive_years(target) == []
    assert "Undone: import JSON export export.json" in _ok(vatui, target, "undo")
    assert _ok(vatui, target, "invoice", "list", "--archived", "--json").count("INV-") == 0
    _round_trip(vatui, data_dir, target, tmp_path)
    _ok(vatui, target, "archive")
    assert archive_years(target) == [2025]
    assert _reports(vatui, target) == before
    assert _ok(vatui, target, "export", "json", "--confidential") == exported.read_text() + "\n"


def test_the_dry_run_prints_what_the_import_then_prints_and_a_refusal_writes_nothing(
    vatui: Vatui, data_dir: Path, tmp_path: Path
) -> None:
    _ok(vatui, data_dir, "client", "add", "Café Olé", "--confidential-note", "Door code 4471#")
    exported = tmp_path / "export.json"
    _ok(vatui, data_dir, "export", "json", "-o", str(exported))
    target = tmp_path / "empty"
    dry = _ok(vatui, target, "import", "json", str(exported), "--dry-run").splitlines()
    assert dry[0] == f"Dry run of {exported}: nothing was written."
    real = _ok(vatui, target, "import", "json", str(exported)).splitlines()
    assert real[1:] == dry[1:]
    assert "  + client “Café Olé” — #1" in real
    assert any(
        line.startswith("  = note “confidential notes” — exported without --confidential") for line in real
    )
    before = (target / "workspace.json").read_bytes()
    again = vatui("--data-dir", str(target), "import", "json", str(exported))
    assert again.code == 1 and again.out == ""
    assert again.err.splitlines() == [
        f"vatui: {exported}: clients #1: already used in this workspace (its clients ids go up to 1); a merge "
        "keeps every id, so ids must not collide: import into an empty workspace",
        "vatui: nothing was imported.",
    ]
    assert (target / "workspace.json").read_bytes() == before


def test_a_seeded_demo_round_trips_and_a_file_breaking_a_rule_is_refused_at_its_line(
    vatui: Vatui, data_dir: Path, tmp_path: Path
) -> None:
    _ok(vatui, data_dir, "demo-data", "--size", "3", "--seed", "7")
    exported, _out = _round_trip(vatui, data_dir, tmp_path / "first", tmp_path)
    lines = exported.read_text().splitlines()
    start = lines.index('  "time": [')
    minutes = next(n for n in range(start, len(lines)) if lines[n].startswith('      "minutes": '))
    entry = next(n for n in range(minutes, start, -1) if lines[n].startswith('      "id": '))
    lines[minutes] = '      "minutes": -60,'
    bad = tmp_path / "bad.json"
    bad.write_text("\n".join(lines))
    target = tmp_path / "empty"
    _ok(vatui, target, "client", "list")
    before = (target / "workspace.json").read_bytes()
    refused = vatui("--data-dir", str(target), "import", "json", str(bad))
    assert refused.code == 1 and refused.out == ""
    ident = lines[entry].split(": ")[1].rstrip(",")
    assert refused.err.splitlines() == [
        f"vatui: {bad}:{entry + 1}: time #{ident}.minutes: the duration cannot be negative",
        "vatui: nothing was imported.",
    ]
    assert (target / "workspace.json").read_bytes() == before
