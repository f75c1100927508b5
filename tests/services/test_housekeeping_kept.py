"""The kept housekeeping stamp (``services.kept_housekeeping``): an open of the same data on
the same day at home skips the housekeeping that found nothing to do; any change, another
day, another environment, or a stamp that is not ours brings it back."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from vatui.domain.clock import FixedClock
from vatui.domain.ledger import Expense
from vatui.domain.money import Money
from vatui.domain.tasks import Task
from vatui.services import kept_housekeeping
from vatui.services.ledger import expenses, expenses_due
from vatui.services.session import open_workspace
from vatui.store.workspace import Workspace

NOON = datetime(2026, 11, 14, 12, 0, tzinfo=UTC)


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    """The days each housekeeping ran for (its first question, whether a recurring expense
    is due, counted; ``expenses`` is imported before, so its own asking is not)."""
    assert expenses.due_expense_count is expenses_due.due_expense_count
    seen: list[date] = []
    real = expenses_due.due_expense_count

    def counting(ws: Workspace, today: date) -> int:
        seen.append(ws.clock.now().date())
        return real(ws, today)

    monkeypatch.setattr(expenses_due, "due_expense_count", counting)
    return seen


def _open(data_dir: Path, at: datetime = NOON) -> Workspace:
    ws = open_workspace(data_dir, FixedClock(at))
    ws.close()
    return ws


def _monthly_expense(data_dir: Path, on: date) -> None:
    ws = Workspace.open(data_dir, FixedClock(NOON))
    with ws.transaction(None) as tx:
        tx.add(
            Expense(
                on=on, amount=Money(1200, "USD"), category="software", vendor="Notion", recurrence="monthly"
            )
        )
    ws.close()


def _occurrences(data_dir: Path) -> list[date]:
    ws = Workspace.open(data_dir, FixedClock(NOON))
    try:
        return sorted(e.on for e in ws.all(Expense) if e.template_id is not None)
    finally:
        ws.close()


def test_the_same_data_on_the_same_day_skips_it(data_dir: Path, runs: list[date]) -> None:
    _open(data_dir)  # creates the workspace: a write, no stamp
    _open(data_dir)  # nothing to do: stamped
    _open(data_dir)
    _open(data_dir, NOON.replace(hour=23))
    assert runs == [date(2026, 11, 14)] * 2
    stamp = kept_housekeeping.stamp_path(data_dir)
    assert os.lstat(stamp).st_mode & 0o777 == 0o600
    assert json.loads(stamp.read_text())["day"] == "2026-11-14"


def test_a_change_brings_it_back(data_dir: Path, runs: list[date]) -> None:
    _open(data_dir)
    _open(data_dir)
    ws = Workspace.open(data_dir, FixedClock(NOON))
    with ws.transaction(None) as tx:
        tx.add(Task(title="One more", created=NOON, updated=NOON))
    ws.close()
    _open(data_dir)
    _open(data_dir)
    assert len(runs) == 3


def test_the_next_day_it_runs_and_does_what_fell_due(data_dir: Path, runs: list[date]) -> None:
    _open(data_dir)
    _monthly_expense(data_dir, date(2026, 10, 15))
    _open(data_dir)  # creates October's: a write, no stamp
    _open(data_dir)  # nothing more: stamped
    _open(data_dir)
    assert _occurrences(data_dir) == [date(2026, 10, 15)]
    _open(data_dir, datetime(2026, 11, 15, 12, 0, tzinfo=UTC))
    assert _occurrences(data_dir) == [date(2026, 10, 15), date(2026, 11, 15)]
    assert runs == [date(2026, 11, 14)] * 3 + [date(2026, 11, 15)]


def test_another_timezone_is_another_key(
    data_dir: Path, runs: list[date], monkeypatch: pytest.MonkeyPatch
) -> None:
    _open(data_dir)
    _open(data_dir)
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    _open(data_dir)
    _open(data_dir)
    assert len(runs) == 3


def test_a_write_during_the_housekeeping_keeps_no_stamp(
    data_dir: Path, runs: list[date], monkeypatch: pytest.MonkeyPatch
) -> None:
    _open(data_dir)
    real = expenses_due.due_expense_count

    def another_process_writes(ws: Workspace, today: date) -> int:
        other = Workspace.open(data_dir, FixedClock(NOON))
        with other.transaction(None) as tx:
            tx.add(Task(title="Added meanwhile", created=NOON, updated=NOON))
        other.close()
        return real(ws, today)

    monkeypatch.setattr(expenses_due, "due_expense_count", another_process_writes)
    _open(data_dir)
    assert not kept_housekeeping.stamp_path(data_dir).exists()


@pytest.mark.parametrize(
    "make",
    [
        "garbage",
        "not an object",
        "other day",
        "other version",
        "a link",
        "a folder",
        "too big",
    ],
)
def test_a_stamp_that_is_not_ours_is_never_trusted(data_dir: Path, runs: list[date], make: str) -> None:
    _open(data_dir)
    _open(data_dir)
    stamp = kept_housekeeping.stamp_path(data_dir)
    good = json.loads(stamp.read_text())
    stamp.unlink()
    if make == "garbage":
        stamp.write_bytes(b"\x1b]2;PWNED\x07{")
    elif make == "not an object":
        stamp.write_text("[1, 2]")
    elif make == "other day":
        stamp.write_text(json.dumps({**good, "day": "2026-11-13"}))
    elif make == "other version":
        stamp.write_text(json.dumps({**good, "version": "0.0.1/1"}))
    elif make == "a link":
        elsewhere = data_dir.parent / "elsewhere.kept"
        elsewhere.write_text(json.dumps(good))
        stamp.symlink_to(elsewhere)
    elif make == "a folder":
        stamp.mkdir()
    else:
        stamp.write_text(json.dumps(good) + " " * 5000)
    _open(data_dir)
    assert len(runs) == 3


def test_keeping_it_syncs_nothing(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stamp only saves work (a torn one is ignored): it is not worth a disk sync, which
    costs more than the housekeeping it saves; the workspace's own writes still sync."""
    _open(data_dir)
    syncs: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: syncs.append(fd) or real(fd))
    _open(data_dir)
    assert kept_housekeeping.stamp_path(data_dir).exists() and syncs == []
    ws = Workspace.open(data_dir, FixedClock(NOON))
    with ws.transaction(None) as tx:
        tx.add(Task(title="Synced", created=NOON, updated=NOON))
    ws.close()
    assert syncs
