"""``import_json``: merging only when no id collides, all or nothing, dry run, one undo, confidential notes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest

from vatui.domain.clients import Client, Note
from vatui.domain.clock import FixedClock
from vatui.domain.ledger import Invoice, LineItem, Payment
from vatui.domain.money import Money
from vatui.domain.tasks import Task, TimeEntry
from vatui.services.exchange.backup import export_json
from vatui.services.exchange.import_plan import ImportRefused, summary_lines
from vatui.services.exchange.imports import import_json
from vatui.store.archive import all_docs
from vatui.store.workspace import Workspace

T0 = datetime(2026, 11, 2, 9, tzinfo=UTC)


def _source(directory: Path, clock: FixedClock, *, floor: int = 0) -> Workspace:
    """A workspace whose ids start above ``floor``: a client with a confidential note, a task in a
    column the target lacks, billed time, an invoice and its payment."""
    ws = Workspace.open(directory, clock)
    with ws.transaction("seed") as tx:
        if floor:
            for table in ("clients", "tasks", "time", "contacts", "invoices", "payments", "expenses"):
                tx.raise_id_floor(table, floor)
        notes = (
            Note(text="Likes mornings", created=T0),
            Note(text="Door code 4471#", confidential=True, created=T0),
        )
        client = tx.add(
            Client(
                name="Café Olé [bold]",
                currency="EUR",
                hourly_rate=Money(4000, "EUR"),
                notes=notes,
                created=T0,
                updated=T0,
            )
        )
        task = tx.add(
            Task(
                title="Newsletter ✉️",
                client_id=client.id,
                column="Backlog",
                created=T0,
                updated=T0,
                source="trello:5f0c",
            )
        )
        entry = tx.add(TimeEntry(task_id=task.id, client_id=client.id, start=T0, end=T0, minutes=90))
        invoice = tx.add(
            Invoice(
                number="INV-2026-0042",
                client_id=client.id or 0,
                issue_date=date(2026, 11, 3),
                due_date=date(2026, 11, 17),
                currency="EUR",
                status="partial",
                sent_on=date(2026, 11, 3),
                items=(
                    LineItem(
                        description="Nov",
                        unit_price=Money(4000, "EUR"),
                        minutes=90,
                        quantity="1.5",
                        time_entry_ids=(entry.id or 0,),
                    ),
                ),
            )
        )
        tx.save(entry.with_(invoice_id=invoice.id))
        tx.add(Payment(invoice_id=invoice.id or 0, on=date(2026, 11, 10), amount=Money(2000, "EUR")))
    return ws


def _export(ws: Workspace, path: Path, *, confidential: bool = False) -> Path:
    path.write_bytes(orjson.dumps(export_json(ws, confidential=confidential), option=orjson.OPT_INDENT_2))
    return path


def _own_client(ws: Workspace) -> None:
    with ws.transaction("add client") as tx:
        tx.add(Client(name="Northwind", created=T0, updated=T0))


def test_a_merge_adds_everything_under_its_own_ids_and_keeps_the_workspace(
    ws: Workspace, tmp_path: Path, clock: FixedClock
) -> None:
    source = _source(tmp_path / "src", clock, floor=100)
    file = _export(source, tmp_path / "export.json")
    _own_client(ws)
    settings_before = ws.docs("settings")["1"]
    dry = import_json(ws, file, dry_run=True)
    assert ws.docs("clients").keys() == {"1"}
    real = import_json(ws, file)
    assert summary_lines(dry) == summary_lines(real)
    assert sorted(ws.docs("clients"), key=int) == ["1", "101"]
    assert ws.docs("time")["101"]["invoice_id"] == 101 and ws.docs("payments")["101"]["invoice_id"] == 101
    assert ws.docs("tasks")["101"]["source"] == "trello:5f0c"
    settings = ws.docs("settings")["1"]
    assert settings["columns"] == ["Inbox", "Next", "Doing", "Waiting", "Backlog", "Done"]
    assert {k: v for k, v in settings.items() if k != "columns"} == {
        k: v for k, v in settings_before.items() if k != "columns"
    }
    lines = summary_lines(real)
    assert "  + client “Café Olé [bold]” — #101" in lines
    assert "  ~ settings “board columns” — adds Backlog" in lines
    assert ws.undo() == "import JSON export export.json"
    assert sorted(ws.docs("clients")) == ["1"] and not ws.docs("invoices")
    assert ws.docs("settings")["1"] == settings_before


def test_colliding_ids_refuse_the_merge_naming_table_and_ids_and_write_nothing(
    ws: Workspace, data_dir: Path, tmp_path: Path, clock: FixedClock
) -> None:
    file = _export(_source(tmp_path / "src", clock), tmp_path / "export.json")
    _own_client(ws)
    before = (data_dir / "workspace.json").read_bytes()
    with pytest.raises(ImportRefused) as refused:
        import_json(ws, file)
    assert refused.value.problems == [
        f"{file}: clients #1: already used in this workspace (its clients ids go up to 1); a merge keeps "
        "every id, so ids must not collide: import into an empty workspace"
    ]
    assert (data_dir / "workspace.json").read_bytes() == before


def test_a_link_to_a_record_the_file_lacks_but_the_workspace_has_is_refused(
    ws: Workspace, tmp_path: Path, clock: FixedClock
) -> None:
    data = export_json(_source(tmp_path / "src", clock, floor=100))
    data["time"][0]["task_id"] = 1  # a task of the source workspace that was deleted before the export
    file = tmp_path / "export.json"
    file.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    with ws.transaction("task") as tx:
        tx.add(Task(title="Mine", created=T0, updated=T0))
    with pytest.raises(ImportRefused) as refused:
        import_json(ws, file)
    assert refused.value.problems == [
        f"{file}: time #101: its task_id #1 is not in the file, and tasks #1 is another record in this workspace"
    ]


def test_a_dangling_link_keeps_its_id_out_of_use(ws: Workspace, tmp_path: Path, clock: FixedClock) -> None:
    data = export_json(_source(tmp_path / "src", clock))
    data["time"][0]["task_id"] = 7  # a deleted task
    file = tmp_path / "export.json"
    file.write_bytes(orjson.dumps(data))
    import_json(ws, file)
    with ws.transaction("new tasks") as tx:
        ids = [tx.add(Task(title=f"n{n}", created=T0, updated=T0)).id for n in range(7)]
    assert ids == [8, 9, 10, 11, 12, 13, 14]


def test_a_broken_record_refuses_the_whole_file_with_its_line(
    ws: Workspace, data_dir: Path, tmp_path: Path, clock: FixedClock
) -> None:
    data = export_json(_source(tmp_path / "src", clock))
    data["payments"][0]["amount"]["minor"] = 20.5
    data["tasks"].append({**data["tasks"][0]})  # the same id twice
    file = tmp_path / "export.json"
    file.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    text = file.read_text().splitlines()
    before = (data_dir / "workspace.json").read_bytes()
    with pytest.raises(ImportRefused) as refused:
        import_json(ws, file, dry_run=True)
    pay_line = next(
        n
        for n, line in enumerate(text, 1)
        if line.startswith('      "id"') and n > text.index('  "payments": [')
    )
    problems = refused.value.problems
    assert problems[0].startswith(f"{file}:") and "tasks #1: the id is in the file twice" in problems[0]
    assert (
        problems[1] == f"{file}:{pay_line}: payments #1.amount: expected money as a whole number of minor "
        "units, found a decimal number"
    )
    assert (data_dir / "workspace.json").read_bytes() == before


@pytest.mark.parametrize(
    "payload",
    [
        b"{nope",
        b"[]",
        b'{"meta": {"1": {"schema": 1}}, "clients": {}}',
        b'{"schema": 99, "clients": []}',
        b'{"schema": 1, "widgets": []}',
    ],
)
def test_what_is_not_an_export_is_refused_in_one_line(
    ws: Workspace, data_dir: Path, tmp_path: Path, payload: bytes
) -> None:
    file = tmp_path / "x.json"
    file.write_bytes(payload)
    before = (data_dir / "workspace.json").read_bytes()
    with pytest.raises(ImportRefused) as refused:
        import_json(ws, file)
    assert len(refused.value.problems) == 1 and refused.value.problems[0].startswith(f"{file}:1: ")
    assert (data_dir / "workspace.json").read_bytes() == before


def test_an_export_without_confidential_notes_says_so_and_a_merge_drops_nothing(
    ws: Workspace, tmp_path: Path, clock: FixedClock
) -> None:
    source = _source(tmp_path / "src", clock, floor=100)
    plain = import_json(ws, _export(source, tmp_path / "plain.json"), dry_run=True)
    assert plain.items[-1].action == "skip" and plain.items[-1].kind == "note"
    assert "exported without --confidential" in plain.items[-1].detail
    full = import_json(ws, _export(source, tmp_path / "full.json", confidential=True))
    assert not [i for i in full.items if i.kind == "note"]
    assert [n["text"] for n in ws.docs("clients")["101"]["notes"]] == ["Likes mornings", "Door code 4471#"]


def test_the_open_archive_waits_while_an_import_is_the_newest_undo_step(
    ws: Workspace, data_dir: Path, tmp_path: Path, clock: FixedClock
) -> None:
    from vatui.services.session import open_workspace

    source = Workspace.open(tmp_path / "src", clock)
    old = datetime(2026, 3, 2, 10, tzinfo=UTC)
    with source.transaction("old") as tx:
        tx.add(Task(title="Filed last spring", column="Done", created=old, updated=old, completed=old))
    plan = import_json(ws, _export(source, tmp_path / "old.json"))
    assert [i.label for i in plan.items if i.kind == "note"] == ["archive"]
    reopened = open_workspace(data_dir, clock)
    assert list(reopened.docs("tasks")) == ["1"]  # still live: undo can take the import back
    with reopened.transaction("another change") as tx:
        tx.add(Task(title="New", created=T0, updated=T0))
    again = open_workspace(data_dir, clock)
    assert list(again.docs("tasks")) == ["2"]  # now archived
    assert all_docs(again, "tasks")["1"]["title"] == "Filed last spring"


def test_a_second_running_timer_is_refused(ws: Workspace, tmp_path: Path, clock: FixedClock) -> None:
    source = _source(tmp_path / "src", clock, floor=100)
    with source.transaction("timer") as tx:
        running = tx.add(TimeEntry(start=T0))
    with ws.transaction("timer here") as tx:
        here = tx.add(TimeEntry(start=T0))
    with pytest.raises(ImportRefused) as refused:
        import_json(ws, _export(source, tmp_path / "export.json"))
    assert refused.value.problems == [
        f"{tmp_path / 'export.json'}: time #{running.id}: its timer is running, and so is #{here.id} here; "
        "stop one of them first"
    ]


@pytest.mark.parametrize(
    ("table", "change", "words"),
    [
        (
            "time",
            lambda d: d["time"][0].update(minutes=-60),
            "time #1.minutes: the duration cannot be negative",
        ),
        (
            "payments",
            lambda d: d["payments"][0]["amount"].update(minor=-100),
            "payments #1.amount: a payment must be more than zero",
        ),
        (
            "payments",
            lambda d: d["payments"][0].update(invoice_id=9999),
            "payments #1.invoice_id: invoices #9999 is not in the file",
        ),
        ("tasks", lambda d: d["tasks"][0].update(client_id=9999), "tasks #1.client_id: clients #9999"),
        ("tasks", lambda d: d["tasks"][0].update(title="A" * 1_000_000), "tasks #1.title: too long"),
        ("invoices", lambda d: d["invoices"][0].update(tax_percent="1e9"), "invoices #1.tax_percent"),
        (
            "invoices",
            lambda d: d["invoices"][0]["items"][0].update(quantity="1e400"),
            "invoices #1.items[0].quantity",
        ),
        (
            "time",
            lambda d: d["time"][0].update(start="2026-12-01T00:00:00+00:00"),
            "time #1.end: it ends before it starts",
        ),
        ("settings", lambda d: d["settings"][0].update(columns=[]), "settings #1.columns"),
        ("settings", lambda d: d["settings"][0].update(wip_limit=-3), "settings #1.wip_limit"),
        (
            "clients",
            lambda d: d["clients"].append({**d["clients"][0], "id": 2, "name": "CAFÉ OLÉ [BOLD]"}),
            "clients #2.name: another client is named",
        ),
        (
            "invoices",
            lambda d: d["invoices"].append({**d["invoices"][0], "id": 2}),
            "invoices #2.number: invoice INV-2026-0042 is also #1",
        ),
        (
            "time",
            lambda d: d["time"].extend(
                [
                    {**d["time"][0], "id": 2, "end": None, "invoice_id": None},
                    {**d["time"][0], "id": 3, "end": None, "invoice_id": None},
                ]
            ),
            "time #3.end: a timer is running already (#2)",
        ),
    ],
)
def test_a_file_breaking_the_domains_rules_is_refused_at_its_line(
    data_dir: Path, tmp_path: Path, clock: FixedClock, table: str, change: Any, words: str
) -> None:
    data = export_json(_source(tmp_path / "src", clock))
    change(data)
    file = tmp_path / "export.json"
    file.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    text = file.read_text().splitlines()
    target = Workspace.open(tmp_path / "empty", clock)
    before = sorted((p.name, p.read_bytes()) for p in (tmp_path / "empty").iterdir() if p.is_file())
    with pytest.raises(ImportRefused) as refused:
        import_json(target, file)
    problems = refused.value.problems
    assert len(problems) == 1 and words in problems[0], problems
    broken = int(words.split("#")[1].split(".")[0].split(":")[0])
    line = next(
        n
        for n, row in enumerate(text, 1)
        if n > text.index(f'  "{table}": [') and row == f'      "id": {broken},'
    )
    assert problems[0].startswith(f"{file}:{line}: {table} #{broken}")
    assert sorted((p.name, p.read_bytes()) for p in (tmp_path / "empty").iterdir() if p.is_file()) == before


def test_a_merge_whose_invoice_number_is_taken_here_is_refused(
    ws: Workspace, data_dir: Path, tmp_path: Path, clock: FixedClock
) -> None:
    file = _export(_source(tmp_path / "src", clock, floor=100), tmp_path / "export.json")
    _own_client(ws)
    with ws.transaction("own invoice") as tx:
        tx.add(
            Invoice(
                number="INV-2026-0042",
                client_id=1,
                issue_date=date(2026, 11, 1),
                due_date=date(2026, 11, 15),
                currency="USD",
            )
        )
    before = (data_dir / "workspace.json").read_bytes()
    with pytest.raises(ImportRefused) as refused:
        import_json(ws, file)
    assert refused.value.problems == [
        f"{file}: invoices #101: invoice INV-2026-0042 is already #1 in this workspace"
    ]
    assert (data_dir / "workspace.json").read_bytes() == before
