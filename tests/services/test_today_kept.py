"""The kept Today summary (``services.today.kept``): kept by a session on the real clock,
given back while the data, the environment, the day and the housekeeping allow, and never
trusted otherwise."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from vatui.domain.clock import FixedClock
from vatui.services.session import Session
from vatui.services.tasks.manage import add_task
from vatui.services.tasks.timer import start_timer
from vatui.services.today import kept_file
from vatui.services.today.kept import keep_today, keeper, kept_triage
from vatui.services.today.triage import triage


@pytest.fixture
def real_clock() -> FixedClock:
    """The real time (the keeper keeps nothing computed on another clock)."""
    return FixedClock(datetime.now(UTC))


@pytest.fixture
def session(data_dir: Path, real_clock: FixedClock) -> Iterator[Session]:
    opened = Session.open(data_dir, real_clock)
    opened.run(add_task, "Send the report", due=opened.today())
    yield opened
    opened.close()


def test_a_kept_triage_comes_back_as_it_was(session: Session, real_clock: FixedClock) -> None:
    assert kept_triage(session.directory) is None
    assert keep_today(session)
    kept = kept_triage(session.directory, real_clock.now())
    assert kept is not None and kept == session.run(triage)
    assert kept.sections[1].items[0].title == "Send the report"
    mode = os.lstat(kept_file.summary_path(session.directory)).st_mode & 0o777
    assert mode == 0o600


def test_a_change_makes_it_stale(session: Session) -> None:
    assert keep_today(session)
    session.run(add_task, "Another one")
    assert kept_triage(session.directory) is None


def test_another_day_or_environment_is_not_served(
    session: Session, real_clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert keep_today(session)
    doc = kept_file.read_summary(session.directory)
    assert doc is not None
    after = datetime.fromtimestamp(doc["until"], UTC)
    assert kept_triage(session.directory, after) is None
    assert kept_triage(session.directory, after - timedelta(seconds=1)) is not None
    monkeypatch.setenv("LANG", "es_CO.UTF-8")
    assert kept_triage(session.directory, real_clock.now()) is None


def test_a_fixed_clock_keeps_nothing(data_dir: Path) -> None:
    opened = Session.open(data_dir, FixedClock(datetime(2026, 11, 27, 9, 30, tzinfo=UTC)))
    try:
        assert not keep_today(opened)
        assert not kept_file.summary_path(data_dir).exists()
    finally:
        opened.close()


def test_the_running_timer_moves_with_the_clock(session: Session, real_clock: FixedClock) -> None:
    task = session.run(add_task, "Timed", due=session.today())
    real_clock.moment = datetime.now(UTC) - timedelta(minutes=3, seconds=1)
    session.run(start_timer, task.id or 0)
    real_clock.moment = datetime.now(UTC)
    assert keep_today(session)
    later = real_clock.now() + timedelta(minutes=10)
    kept = kept_triage(session.directory, later)
    real_clock.moment = later
    assert kept is not None and kept.timer is not None and kept == session.run(triage)
    assert kept.timer["minutes"] == 13 and kept.capacity.logged_minutes == 13


def test_the_app_keeps_in_a_worker_from_a_snapshot(session: Session) -> None:
    work = keeper(session)
    assert work is not None
    session.run(add_task, "Written before the worker ran")
    assert not work()  # the data moved on: what the snapshot read is not kept
    again = keeper(session)
    assert again is not None and again()
    assert kept_triage(session.directory) == session.run(triage)


@pytest.mark.parametrize("content", [b"", b"not json", b"[]", b'{"version": "0.0.0/1"}', b"\xff" * 10])
def test_a_file_that_is_not_a_summary_is_ignored(session: Session, content: bytes) -> None:
    kept_file.summary_path(session.directory).write_bytes(content)
    assert kept_triage(session.directory) is None


def test_a_link_is_never_followed(session: Session, tmp_path: Path) -> None:
    assert keep_today(session)
    path = kept_file.summary_path(session.directory)
    elsewhere = tmp_path / "elsewhere.kept"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)
    assert kept_triage(session.directory) is None


def test_a_timer_started_yesterday_moves_yesterday_too(session: Session, real_clock: FixedClock) -> None:
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(session.settings().home_timezone)
    midnight = datetime.combine(session.today(), datetime.min.time(), tzinfo=zone)
    task = session.run(add_task, "Late night", due=session.today())
    real_clock.moment = midnight - timedelta(minutes=30)
    session.run(start_timer, task.id or 0)
    real_clock.moment = datetime.now(UTC)
    assert keep_today(session)
    for later in (timedelta(0), timedelta(minutes=7), timedelta(hours=2, minutes=1)):
        real_clock.moment = datetime.now(UTC) + later
        kept = kept_triage(session.directory, real_clock.now())
        assert kept is not None and kept == session.run(triage)
        if kept.on == midnight.date():  # (the day after, the timer is two days old)
            assert kept.yesterday_minutes >= 30


def test_the_housekeeping_names_its_first_due_day(data_dir: Path, clock: FixedClock) -> None:
    from datetime import date

    from vatui.domain.money import Money
    from vatui.services.ledger.expenses import add_expense
    from vatui.services.session import housekeeping_due
    from vatui.services.tasks.manage import complete_task

    opened = Session.open(data_dir, clock)  # Friday 27 November 2026
    try:
        first, last = date(2026, 11, 27), date(2026, 12, 31)
        assert opened.run(housekeeping_due, first, last) is None
        done = opened.run(add_task, "Done today")
        opened.run(complete_task, done.id or 0)
        after = opened.settings().archive_after_days
        archivable = date(2026, 11, 27) + timedelta(days=after + 2)
        assert opened.run(housekeeping_due, first, archivable) == archivable
        assert opened.run(housekeeping_due, first, archivable - timedelta(days=1)) is None
        opened.run(
            add_expense,
            Money.from_decimal("10", "USD"),
            category="software",
            on=date(2026, 10, 30),
            every="monthly",
        )
        assert opened.run(housekeeping_due, first, last) == date(2026, 11, 30)
        assert opened.run(housekeeping_due, date(2026, 12, 1), date(2026, 12, 1)) == date(2026, 12, 1)
    finally:
        opened.close()


def test_the_summary_outlives_the_apps_compaction_at_exit(data_dir: Path, real_clock: FixedClock) -> None:
    """Folding the journal into ``workspace.json`` (the app as it ends) changes no data: the
    summary kept before it is still served the next morning, re-keyed to the folded files."""
    opened = Session.open(data_dir, real_clock)
    opened.run(add_task, "Send the report", due=opened.today())  # a change in the journal
    assert keep_today(opened)
    before = kept_file.fingerprint(data_dir)
    opened.close(compact=True)
    assert kept_file.fingerprint(data_dir) != before  # the files did change
    kept = kept_triage(data_dir, real_clock.now())
    assert kept is not None and kept.sections[1].items[0].title == "Send the report"


def test_a_stale_summary_stays_stale_across_a_compaction(data_dir: Path, real_clock: FixedClock) -> None:
    opened = Session.open(data_dir, real_clock)
    assert keep_today(opened)
    other = Session.open(data_dir, real_clock)  # another session writes: the summary is stale
    other.run(add_task, "Written elsewhere", due=other.today())
    other.close()
    opened.close(compact=True)
    assert kept_triage(data_dir, real_clock.now()) is None
