"""The archive: what moves, where to, ids never reused, and a crash between the two steps."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import orjson
import pytest

from vatui.domain.clock import FixedClock
from vatui.domain.ledger import Invoice, LineItem, Payment
from vatui.domain.money import Money
from vatui.domain.tasks import Task, TimeEntry
from vatui.store.archive import all_docs, archive_old, archive_path, archive_years, archived_docs
from vatui.store.storage import DamagedFileError
from vatui.store.workspace import Workspace

HELPERS = Path(__file__).parent / "helpers"
TODAY = date(2026, 11, 27)  # the fixed clock's day; 90 days before is 2026-08-29
CREATED = datetime(2024, 1, 2, 9, 0, tzinfo=UTC)


def _task(title: str, completed: datetime | None = None) -> Task:
    return Task(title=title, created=CREATED, updated=CREATED, completed=completed)


def _at(day: str, hour: int = 12) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


def _invoice(number: str, issued: date, status: str, entries: tuple[int, ...] = ()) -> Invoice:
    item = LineItem(description="Admin support", unit_price=Money(4000, "EUR"), time_entry_ids=entries)
    return Invoice(
        number=number,
        client_id=1,
        issue_date=issued,
        due_date=issued,
        currency="EUR",
        items=(item,),
        status=status,
    )


def _titles(docs: dict[str, dict[str, object]] | object) -> set[str]:
    assert isinstance(docs, dict)
    return {str(d["title"]) for d in docs.values()}


def test_done_tasks_older_than_the_setting_move_to_their_year(ws: Workspace) -> None:
    with ws.transaction("seed") as tx:
        for title, done in [
            ("old 2026", _at("2026-08-01")),
            ("91 days", _at("2026-08-28")),
            ("90 days", _at("2026-08-29")),
            ("recent", _at("2026-11-20")),
            ("old 2024", _at("2024-03-05")),
            ("open for ages", None),
        ]:
            tx.add(_task(title, done))
    counts = archive_old(ws, TODAY)
    assert counts == {"tasks": 3, "invoices": 0, "payments": 0, "time": 0}
    assert _titles(ws.docs("tasks")) == {"90 days", "recent", "open for ages"}
    assert archive_years(ws.directory) == [2024, 2026]
    y2026 = orjson.loads(archive_path(ws.directory, 2026).read_bytes())
    assert _titles(y2026["tasks"]) == {"old 2026", "91 days"}
    assert _titles(archived_docs(ws, "tasks")) == {"old 2026", "91 days", "old 2024"}
    assert len(all_docs(ws, "tasks")) == 6
    assert archive_old(ws, TODAY) == dict.fromkeys(("tasks", "invoices", "payments", "time"), 0)


def test_the_year_is_the_year_at_home(ws: Workspace, clock: FixedClock) -> None:
    with ws.transaction("tz") as tx:
        tx.save(ws.settings().with_(home_timezone="Pacific/Auckland", archive_after_days=30))
        tx.add(_task("new year's eve in UTC, new year at home", _at("2025-12-31", hour=20)))
    archive_old(ws, TODAY)
    assert archive_years(ws.directory) == [2026]


def test_paid_invoices_of_closed_years_move_with_payments_and_billed_time(ws: Workspace) -> None:
    with ws.transaction("seed") as tx:
        billed = [
            tx.add(TimeEntry(client_id=1, start=_at("2025-03-0" + str(i)), minutes=60)) for i in (1, 2, 3)
        ]
        unbilled = tx.add(TimeEntry(client_id=1, start=_at("2025-03-09"), minutes=30))
        paid = tx.add(_invoice("INV-2025-0001", date(2025, 3, 31), "paid", (billed[2].id or 0,)))
        for entry in billed[:2]:  # two linked by invoice_id, one only through the line item
            tx.save(entry.with_(invoice_id=paid.id))
        pays = [
            tx.add(Payment(invoice_id=paid.id or 0, on=date(2025, 4, d), amount=Money(6000, "EUR")))
            for d in (10, 20)
        ]
        this_year = tx.add(_invoice("INV-2026-0001", date(2026, 1, 15), "paid"))
        unpaid = tx.add(_invoice("INV-2024-0003", date(2024, 6, 1), "partial"))
        partial = tx.add(Payment(invoice_id=unpaid.id or 0, on=date(2024, 7, 1), amount=Money(100, "EUR")))
    counts = archive_old(ws, TODAY)
    assert counts == {"tasks": 0, "invoices": 1, "payments": 2, "time": 3}
    assert set(ws.docs("invoices")) == {str(this_year.id), str(unpaid.id)}
    assert set(ws.docs("payments")) == {str(partial.id)}
    assert set(ws.docs("time")) == {str(unbilled.id)}
    archived = orjson.loads(archive_path(ws.directory, 2025).read_bytes())
    assert set(archived["invoices"]) == {str(paid.id)}
    assert set(archived["payments"]) == {str(p.id) for p in pays}
    assert set(archived["time"]) == {str(e.id) for e in billed}
    assert archived["meta"]["1"]["schema"] >= 1
    # reports still read them: live + archived is everything, once
    assert len(all_docs(ws, "time")) == 4 and len(all_docs(ws, "payments")) == 3
    assert Invoice.from_doc(all_docs(ws, "invoices")[str(paid.id)], paid.id) == paid


def test_a_later_run_merges_into_the_year_file(ws: Workspace) -> None:
    with ws.transaction("one") as tx:
        tx.add(_task("first", _at("2026-02-01")))
    archive_old(ws, TODAY)
    with ws.transaction("two") as tx:
        tx.add(_task("second", _at("2026-03-01")))
    archive_old(ws, TODAY)
    assert _titles(orjson.loads(archive_path(ws.directory, 2026).read_bytes())["tasks"]) == {
        "first",
        "second",
    }


def test_archived_ids_are_never_handed_out_again(ws: Workspace, data_dir: Path, clock: FixedClock) -> None:
    with ws.transaction("seed") as tx:
        tx.add(_task("keep"))
        old = tx.add(_task("archived, highest id", _at("2026-01-01")))
    archive_old(ws, TODAY)
    assert ws.meta()["id_floor"]["tasks"] == old.id
    with ws.transaction("new") as tx:
        new = tx.add(_task("new"))
    assert (new.id or 0) > (old.id or 0)
    # a workspace restored from before the archive run lost its floor: the next run restores it
    with ws.transaction(None) as tx:
        tx.update("meta", 1, {"id_floor": {}})
    archive_old(ws, TODAY)
    assert ws.meta()["id_floor"]["tasks"] == old.id


def test_nothing_old_writes_nothing(ws: Workspace) -> None:
    with ws.transaction("seed") as tx:
        tx.add(_task("recent", _at("2026-11-01")))
    before = ws.path.read_bytes()
    assert sum(archive_old(ws, TODAY).values()) == 0
    assert ws.path.read_bytes() == before
    assert not (ws.directory / "archive").exists()


def test_archive_files_are_private_and_not_undoable(ws: Workspace) -> None:
    with ws.transaction("add old") as tx:
        tx.add(_task("old", _at("2025-01-01")))
    archive_old(ws, TODAY)
    assert stat.S_IMODE(os.stat(ws.directory / "archive").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(archive_path(ws.directory, 2025)).st_mode) == 0o600
    assert ws.undo_label() == "add old"  # the archive run itself is not in the undo history


def test_killed_between_the_two_steps_then_rerun(ws: Workspace, data_dir: Path, clock: FixedClock) -> None:
    with ws.transaction("seed") as tx:
        tx.add(_task("old a", _at("2025-05-01")))
        tx.add(_task("old b", _at("2025-06-01")))
        tx.add(_task("live"))
    before = ws.path.read_bytes()
    proc = subprocess.run(
        [sys.executable, str(HELPERS / "archive_crash.py"), str(data_dir), TODAY.isoformat()],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert proc.stdout == b"ready\n"
    # step one happened, step two did not: both copies exist, readers count each once
    assert ws.path.read_bytes() == before
    assert _titles(orjson.loads(archive_path(data_dir, 2025).read_bytes())["tasks"]) == {"old a", "old b"}
    assert archived_docs(ws, "tasks") == {}
    assert _titles(all_docs(ws, "tasks")) == {"old a", "old b", "live"}
    assert len(all_docs(ws, "tasks")) == 3
    # the rerun finishes the move without duplicating anything
    reopened = Workspace.open(data_dir, clock)
    assert archive_old(reopened, TODAY)["tasks"] == 2
    year = orjson.loads(archive_path(data_dir, 2025).read_bytes())
    assert sorted(d["title"] for d in year["tasks"].values()) == ["old a", "old b"]
    assert _titles(reopened.docs("tasks")) == {"live"}
    assert len(all_docs(reopened, "tasks")) == 3
    assert list((data_dir / "archive").iterdir()) == [archive_path(data_dir, 2025)]


def test_a_stale_copy_in_another_year_is_replaced(ws: Workspace) -> None:
    with ws.transaction("seed") as tx:
        task = tx.add(_task("completed again later", _at("2026-01-10")))
    # an interrupted run had archived an earlier state of it into 2025
    folder = ws.directory / "archive"
    folder.mkdir()
    stale = _task("completed again later", _at("2025-12-01")).to_doc()
    archive_path(ws.directory, 2025).write_bytes(orjson.dumps({"tasks": {str(task.id): stale}}))
    assert archive_old(ws, TODAY)["tasks"] == 1
    assert orjson.loads(archive_path(ws.directory, 2025).read_bytes()).get("tasks") == {}
    moved = orjson.loads(archive_path(ws.directory, 2026).read_bytes())["tasks"]
    assert list(moved) == [str(task.id)] and moved[str(task.id)]["completed"].startswith("2026-01-10")
    assert len(all_docs(ws, "tasks")) == 1


@pytest.mark.parametrize("payload", [b"{not json", b"[1]", b'{"meta": {"1": {"schema": 999}}}'])
def test_a_damaged_archive_file_is_refused_and_kept(ws: Workspace, payload: bytes) -> None:
    with ws.transaction("seed") as tx:
        tx.add(_task("old", _at("2025-02-01")))
    (ws.directory / "archive").mkdir()
    path = archive_path(ws.directory, 2025)
    path.write_bytes(payload)
    before = ws.path.read_bytes()
    with pytest.raises(DamagedFileError) as info:
        archive_old(ws, TODAY)
    assert str(path) in str(info.value)
    assert path.read_bytes() == payload and ws.path.read_bytes() == before
    with pytest.raises(DamagedFileError):
        archived_docs(ws, "tasks")


def test_another_session_sees_the_archive_run(ws: Workspace, data_dir: Path, clock: FixedClock) -> None:
    other = Workspace.open(data_dir, clock)
    with ws.transaction("seed") as tx:
        tx.add(_task("old", _at("2025-02-01")))
    assert len(other.docs("tasks")) == 1
    archive_old(ws, TODAY)
    assert other.refresh()
    assert other.docs("tasks") == {}
    assert _titles(all_docs(other, "tasks")) == {"old"}
