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
