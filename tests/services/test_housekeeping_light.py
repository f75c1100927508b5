"""The housekeeping at open asks its cheap questions first: with nothing due it imports none
of the services that do the work, and whether a done task is old enough to archive is read
from the tasks table's JSON without parsing it, with the answers of the documents."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from vatui.domain.clock import FixedClock
from vatui.domain.ledger import Expense
from vatui.domain.money import Money
from vatui.domain.tasks import Task
from vatui.services.session import open_workspace
from vatui.store import archive
from vatui.store.workspace import Workspace

NOON = datetime(2026, 11, 14, 12, 0, tzinfo=UTC)


def _tasks(data_dir: Path, done: list[Any]) -> None:
    """A workspace with a task completed at each of ``done`` (a moment, or a stored value)
    and an open one, written whole (the tables are then read lazily)."""
    ws = Workspace.open(data_dir, FixedClock(NOON))
    with ws.transaction(None) as tx:
        tx.add(Task(title='Open "quoted" task \\ "completed":"1999-01-01"', created=NOON, updated=NOON))
        for value in done:
            if isinstance(value, datetime):
                tx.add(Task(title="Done", created=NOON, updated=NOON, completed=value))
            else:
                tx.insert(
                    "tasks", {**Task(title="Odd", created=NOON, updated=NOON).to_doc(), "completed": value}
                )
    ws.compact()
    ws.close()


def _by_documents(ws: Workspace, today: date) -> bool:
    """``has_archivable``'s task rule over the parsed documents."""
    cutoff = (today - timedelta(days=ws.settings().archive_after_days + 1)).isoformat()
    return any(
        isinstance(d.get("completed"), str) and d["completed"][:10] < cutoff
        for d in ws.docs("tasks").values()
    )


DAYS = [date(2026, 11, 14) + timedelta(days=n) for n in (-120, -1, 0, 1, 88, 89, 90, 91, 92, 400)]


@pytest.mark.parametrize(
    "done",
    [
        [],
        [NOON - timedelta(days=10)],
        [NOON - timedelta(days=91), NOON - timedelta(days=3)],
        [datetime(2026, 8, 16, 23, 59, tzinfo=UTC)],
        ["2026"],  # shorter than a day: read from the documents
        ['2026-0"-01'],  # an escape in the first ten characters: read from the documents
        ["ñandú-2026-01-01"],
        [None],
        [{"completed": "2000-01-01T00:00:00+00:00"}],
        [{"completed": "2000-01-01T00:00:00+00:00"}, NOON - timedelta(days=200)],
    ],
    ids=[
        "none",
        "recent",
        "old-and-recent",
        "near-the-cutoff",
        "short",
        "escaped",
        "not-ascii",
        "null",
        "nested",
        "nested-and-old",
    ],
)
def test_tasks_read_from_their_json_answer_as_their_documents(data_dir: Path, done: list[Any]) -> None:
    _tasks(data_dir, done)
    ws = Workspace.open(data_dir, FixedClock(NOON))
    try:
        assert ws.raw("tasks") is not None  # read lazily, not parsed yet
        got = [archive._completed_before(ws, (d - timedelta(days=91)).isoformat()) for d in DAYS]
        if not any(got) and all(isinstance(v, datetime) for v in done):
            assert ws.raw("tasks") is not None, "the tasks were parsed to answer no"
        assert got == [_by_documents(ws, d) for d in DAYS]
    finally:
        ws.close()


def test_tasks_changed_by_the_journal_are_read_from_their_documents(data_dir: Path) -> None:
    _tasks(data_dir, [NOON - timedelta(days=10)])
    ws = Workspace.open(data_dir, FixedClock(NOON))
    with ws.transaction(None) as tx:  # appended to the journal: the table is parsed to apply it
        tx.add(Task(title="Old", created=NOON, updated=NOON, completed=NOON - timedelta(days=200)))
    ws.close()
    ws = Workspace.open(data_dir, FixedClock(NOON))
    try:
        assert ws.raw("tasks") is None
        assert archive.has_archivable(ws, NOON.date())
    finally:
        ws.close()


def _imported_by_an_open(data_dir: Path) -> set[str]:
    code = (
        "import sys; from vatui.services.session import open_workspace; "
        f"open_workspace(__import__('pathlib').Path({str(data_dir)!r})).close(); "
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('vatui.'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


WORKERS = {
    "vatui.services.ledger.expenses",
    "vatui.services.ledger.recurring",
    "vatui.services.exchange.archive_hold",
}


def test_an_open_with_nothing_due_imports_none_of_the_services_that_do_the_work(data_dir: Path) -> None:
    today = datetime.now(UTC)
    ws = Workspace.open(data_dir)
    with ws.transaction(None) as tx:  # a monthly expense whose occurrences are all made
        tx.add(Expense(on=today.date(), amount=Money(1200, "USD"), category="software", recurrence="monthly"))
        tx.add(Task(title="Done lately", created=today, updated=today, completed=today - timedelta(days=2)))
    ws.close()
    open_workspace(data_dir).close()  # makes this month's occurrence
    (data_dir / "housekeeping.kept").unlink(missing_ok=True)
    imported = _imported_by_an_open(data_dir)
    assert "vatui.services.ledger.expenses_due" in imported  # the question was asked
    assert not WORKERS & imported
    ws = Workspace.open(data_dir)
    assert sum(1 for e in ws.all(Expense) if e.template_id is not None) == 1
    ws.close()


def test_an_open_with_something_due_still_does_it(data_dir: Path) -> None:
    today = datetime.now(UTC)
    ws = Workspace.open(data_dir)
    with ws.transaction(None) as tx:
        tx.add(Expense(on=today.date(), amount=Money(1200, "USD"), category="software", recurrence="monthly"))
        tx.add(
            Task(title="Done long ago", created=today, updated=today, completed=today - timedelta(days=400))
        )
    ws.close()
    imported = _imported_by_an_open(data_dir)
    assert {"vatui.services.ledger.expenses", "vatui.services.exchange.archive_hold"} <= imported
    ws = Workspace.open(data_dir)
    assert sum(1 for e in ws.all(Expense) if e.template_id is not None) == 1
    assert not any(t.title == "Done long ago" for t in ws.all(Task))  # archived
    ws.close()
