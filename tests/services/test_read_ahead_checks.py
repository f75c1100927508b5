"""What the panes' read-ahead relies on: ``Session.unchanged_since``, the running timer
kept with its table, and a card read ahead given the client's clock of now."""

from __future__ import annotations

from pathlib import Path

from vatui.domain.clock import FixedClock
from vatui.services.clients.card import client_detail, detail_now
from vatui.services.clients.manage import add_client, edit_client
from vatui.services.session import Session
from vatui.services.tasks.manage import add_task
from vatui.services.tasks.timer import running_timer, start_timer, stop_timer
from vatui.store.workspace import Workspace


def test_a_snapshot_is_unchanged_until_a_change_here(
    data_dir: Path, clock: FixedClock, ws: Workspace
) -> None:
    add_client(ws, "Acme")
    session = Session.open(data_dir, clock)
    try:
        snap = session.snapshot()
        session.settings()  # reads change nothing
        assert session.unchanged_since(snap)
        session.run(add_client, "Zeta")
        assert not session.unchanged_since(snap)
        assert session.unchanged_since(session.snapshot())
    finally:
        session.close()


def test_a_snapshot_is_changed_by_another_sessions_write(
    data_dir: Path, clock: FixedClock, ws: Workspace
) -> None:
    add_client(ws, "Acme")
    session = Session.open(data_dir, clock)
    try:
        snap = session.snapshot()
        add_task(ws, "Written by another session")  # `ws` is another session on the same file
        assert not session.unchanged_since(snap)
    finally:
        session.close()


def test_the_running_timer_follows_every_start_and_stop(ws: Workspace) -> None:
    task = add_task(ws, "Timed")
    assert running_timer(ws) is None
    assert running_timer(ws) is None  # kept: the same table, the same answer
    started, _stopped = start_timer(ws, task.id or 0)
    running = running_timer(ws)
    assert running is not None and running.id == started.id
    stop_timer(ws)
    assert running_timer(ws) is None


def test_the_running_timer_started_by_another_session_is_seen(
    data_dir: Path, clock: FixedClock, ws: Workspace
) -> None:
    task = add_task(ws, "Timed")
    other = Workspace.open(data_dir, clock)
    try:
        assert running_timer(other) is None
        started, _stopped = start_timer(ws, task.id or 0)
        running = running_timer(other)
        assert running is not None and running.id == started.id
    finally:
        other.close()


def test_a_card_read_ahead_shows_the_clients_clock_of_now(ws: Workspace, clock: FixedClock) -> None:
    client = add_client(ws, "Tokyo Co")
    edit_client(ws, client.id or 0, timezone="Asia/Tokyo")
    ahead = client_detail(ws, client.id or 0)
    clock.advance(minutes=95)
    now = detail_now(ws, ahead)
    assert now.local == client_detail(ws, client.id or 0).local
    assert now.local != ahead.local
    assert now.invoices == ahead.invoices and now.reliability == ahead.reliability
