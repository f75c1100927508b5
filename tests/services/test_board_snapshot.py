"""What the Board reads: cards per column, Done's 14 days, the reader's cache, the blocked clients."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from vatui.domain.tasks import Task
from vatui.services.tasks.board import BoardReader, board_snapshot
from vatui.services.tasks.manage import add_task, complete_task, reorder_task
from vatui.services.tasks.timer import start_timer
from vatui.store.workspace import Workspace

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)


def names(tasks: list[Task]) -> list[str]:
    return [t.title for t in tasks]


def test_columns_in_board_order_and_done_newest_first(ws: Workspace) -> None:
    a = add_task(ws, "a")
    add_task(ws, "b")
    add_task(ws, "c", column="Next")
    old = add_task(ws, "old", column="Done")
    recent = add_task(ws, "recent", column="Done")
    with ws.transaction(None) as tx:
        tx.save(tx.get(Task, old.id or 0).with_(completed=NOW - timedelta(days=15)))
        tx.save(tx.get(Task, recent.id or 0).with_(completed=NOW - timedelta(days=3)))
        tx.add(Task(title="lost column", column="Someday", position=99, created=NOW, updated=NOW))
    complete_task(ws, a.id or 0)
    snap = board_snapshot(ws)
    assert names(snap.columns["Inbox"]) == ["b", "lost column"]
    assert names(snap.columns["Next"]) == ["c"]
    assert names(snap.columns["Done"]) == ["a", "recent"]  # "old" is past the 14 days
    assert list(snap.columns) == list(ws.settings().columns)


def test_wip_counts_doing(ws: Workspace) -> None:
    for n in range(3):
        add_task(ws, f"d{n}", column="Doing")
    snap = board_snapshot(ws)
    assert snap.wip == 3 and not snap.over_wip
    add_task(ws, "d3", column="Doing")
    assert board_snapshot(ws).over_wip


def test_the_reader_reuses_unchanged_cards_and_sees_every_change(ws: Workspace) -> None:
    first = add_task(ws, "first")
    second = add_task(ws, "second")
    reader = BoardReader()
    before = reader.snapshot(ws)
    again = reader.snapshot(ws)
    assert again.columns["Inbox"][0] is before.columns["Inbox"][0]
    # reorder_task rewrites the siblings' positions without touching their "updated" time
    reorder_task(ws, second.id or 0, -1)
    after = reader.snapshot(ws)
    assert names(after.columns["Inbox"]) == ["second", "first"]
    assert next(t for t in after.columns["Inbox"] if t.id == first.id).position == 2


def test_running_timer_and_client_names(ws: Workspace) -> None:
    task = add_task(ws, "timed")
    start_timer(ws, task.id or 0)
    snap = board_snapshot(ws)
    assert snap.running is not None and snap.running.task_id == task.id
    assert snap.today == NOW.date()


def test_a_client_with_an_unpaid_required_deposit_is_flagged_until_it_is_paid(ws: Workspace) -> None:
    from datetime import date

    from tests.helpers.ledger import client, eur, sent_invoice
    from vatui.services.ledger.payments import record_payment

    c = client(ws, deposit_percent=50)
    assert board_snapshot(ws).blocked_clients == frozenset({c.id})
    deposit = sent_invoice(ws, c, 20000, kind="deposit")
    record_payment(ws, deposit.id or 0, eur(20000), date(2026, 11, 20))
    assert board_snapshot(ws).blocked_clients == frozenset()
