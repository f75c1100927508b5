"""The weekly status report drafted from the store, and marked sent as a contact."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from vatui.domain.clients import Contact
from vatui.domain.clock import FixedClock
from vatui.domain.errors import InputError
from vatui.domain.tasks import Task, TimeEntry
from vatui.services.clients.contacts import log_contact
from vatui.services.clients.manage import add_client, add_note
from vatui.services.clients.status_reports import draft_status_report, mark_report_sent, week_of
from vatui.store.workspace import Workspace


def test_week_of() -> None:
    assert week_of(date(2026, 11, 27)) == (date(2026, 11, 23), date(2026, 11, 29))
    assert week_of(date(2026, 11, 23)) == (date(2026, 11, 23), date(2026, 11, 29))
    # a week that starts on Sunday (the week_start setting), as Today's capacity counts it
    assert week_of(date(2026, 11, 27), "sunday") == (date(2026, 11, 22), date(2026, 11, 28))
    assert week_of(date(2026, 11, 22), "sunday") == (date(2026, 11, 22), date(2026, 11, 28))


def test_draft_from_the_store(ws: Workspace, clock: FixedClock) -> None:
    acme = add_client(ws, "Acme", retainer_minutes=1200).id or 0
    other = add_client(ws, "Other").id or 0
    tue = datetime(2026, 11, 24, 10, tzinfo=UTC)
    with ws.transaction(None) as tx:
        done = tx.add(
            Task(title="Newsletter", client_id=acme, column="Done", created=tue, updated=tue, completed=tue)
        )
        doing = tx.add(Task(title="Inbox zero", client_id=acme, column="Doing", created=tue, updated=tue))
        tx.add(
            Task(
                title="Approve logo",
                client_id=acme,
                column="Waiting",
                created=tue,
                updated=datetime(2026, 11, 20, 9, tzinfo=UTC),
            )
        )
        tx.add(
            Task(
                title="Plan December",
                client_id=acme,
                column="Next",
                due=date(2026, 12, 1),
                created=tue,
                updated=tue,
            )
        )
        tx.add(Task(title="Someday", client_id=acme, column="Inbox", created=tue, updated=tue))
        tx.add(Task(title="Not theirs", client_id=other, column="Doing", created=tue, updated=tue))
        tx.add(
            Task(
                title="Old done",
                client_id=acme,
                column="Done",
                created=tue,
                updated=tue,
                completed=tue - timedelta(days=10),
            )
        )
        for task, minutes, when in (
            (done, 120, tue),
            (doing, 90, tue),
            (None, 60, datetime(2026, 11, 3, 9, tzinfo=UTC)),
        ):
            tx.add(
                TimeEntry(
                    task_id=task.id if task else None,
                    client_id=acme,
                    start=when,
                    end=when + timedelta(minutes=minutes),
                    minutes=minutes,
                )
            )
    add_note(ws, acme, "Launch moved to January")
    add_note(ws, acme, "Owner's health issue", confidential=True)
    report = draft_status_report(ws, acme)
    text = report.text
    assert report.week_start == date(2026, 11, 23) and report.filename == "status-2026-11-23.md"
    assert "- Newsletter (Tue 24 Nov)" in text and "Old done" not in text
    assert "- Inbox zero — 1h30m this week" in text
    assert "- Approve logo — waiting 7 days (since Fri 20 Nov)" in text
    assert "- This week: 3h30m" in text
    assert "- This month: 4h30m of 20h retainer hours (22 %)" in text
    next_part = text.split("## Next")[1]
    assert next_part.index("Plan December") < next_part.index("Someday")
    assert "Not theirs" not in text
    assert "Launch moved to January" in text and "health" not in text
    assert "health" in draft_status_report(ws, acme, confidential=True).text
    with pytest.raises(InputError):
        draft_status_report(ws, acme, date(2026, 12, 7))


def test_mark_sent_logs_a_contact_on_the_preferred_channel(ws: Workspace) -> None:
    from vatui.domain.client_contacts import parse_channel

    acme = add_client(ws, "Acme", channels=(parse_channel("slack:#acme"),), preferred_channel="slack").id or 0
    due = log_contact(ws, acme, channel="slack", summary="asked", follow_up=date(2026, 11, 27))
    contact = mark_report_sent(ws, acme, date(2026, 11, 23))
    assert contact.channel == "slack" and contact.direction == "out"
    assert contact.summary == "Weekly status report sent (week of 23 Nov 2026)"
    assert ws.get(Contact, due.id or 0).follow_up_done
