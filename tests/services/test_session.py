"""Opening a workspace does the once-per-open housekeeping: recurring expenses, archive."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from vatui.domain.clock import FixedClock
from vatui.domain.ledger import Expense
from vatui.domain.money import Money
from vatui.domain.tasks import Task
from vatui.services.session import open_workspace
from vatui.store.archive import all_docs, archive_years, has_archivable
from vatui.store.workspace import Workspace

OLD = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _old_done_task(ws: Workspace) -> int:
    with ws.transaction(None) as tx:
        task = tx.add(Task(title="Filed last spring", column="Done", created=OLD, updated=OLD, completed=OLD))
        tx.add(Task(title="Still open", created=OLD, updated=OLD))
    return task.id or 0


def test_open_archives_what_is_old_enough(ws: Workspace, data_dir: Path, clock: FixedClock) -> None:
    old_id = _old_done_task(ws)
    assert has_archivable(ws, date(2026, 11, 27))
    reopened = open_workspace(data_dir, clock)
    assert [t.title for t in reopened.all(Task)] == ["Still open"]
    assert archive_years(data_dir) == [2026]
    assert all_docs(reopened, "tasks")[str(old_id)]["title"] == "Filed last spring"
    assert not has_archivable(reopened, date(2026, 11, 27))


def test_auto_archive_can_be_turned_off(ws: Workspace, data_dir: Path, clock: FixedClock) -> None:
    _old_done_task(ws)
    with ws.transaction(None) as tx:
        tx.update("settings", 1, {"auto_archive": False})
    reopened = open_workspace(data_dir, clock)
    assert len(reopened.all(Task)) == 2
    assert archive_years(data_dir) == []


def test_recent_done_tasks_stay(ws: Workspace, data_dir: Path, clock: FixedClock) -> None:
    recent = clock.now() - timedelta(days=30)
    with ws.transaction(None) as tx:
        tx.add(Task(title="Done last month", column="Done", created=recent, updated=recent, completed=recent))
    assert not has_archivable(ws, date(2026, 11, 27))
    assert len(open_workspace(data_dir, clock).all(Task)) == 1


def test_open_creates_due_recurring_expenses_once(ws: Workspace, data_dir: Path, clock: FixedClock) -> None:
    with ws.transaction(None) as tx:
        tx.add(
            Expense(
                on=date(2026, 9, 15),
                amount=Money(1200, "USD"),
                category="software",
                vendor="Notion",
                recurrence="monthly",
            )
        )
    first = open_workspace(data_dir, clock)
    occurrences = sorted(e.on for e in first.all(Expense) if e.template_id is not None)
    assert occurrences == [date(2026, 9, 15), date(2026, 10, 15), date(2026, 11, 15)]
    again = open_workspace(data_dir, clock)
    assert len(again.all(Expense)) == len(first.all(Expense))
