"""``export ics``: parsed back with the ``icalendar`` library, every event checked against the store."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from dateutil.rrule import rrulestr

from vatui.demo.workspace import generate
from vatui.domain.clients import Client, Contact
from vatui.domain.clock import FixedClock
from vatui.domain.invoicing import OPEN_STATUSES, amount_due
from vatui.domain.ledger import Invoice, Payment
from vatui.domain.recurrence import Recurrence
from vatui.domain.tasks import Task
from vatui.domain.text import clean
from vatui.services.clients.contacts import log_contact
from vatui.services.clients.manage import add_client
from vatui.services.exchange.ics import calendar_events, export_ics
from vatui.services.exchange.ics_text import fold
from vatui.services.tasks.manage import add_task, edit_task
from vatui.store.workspace import Workspace


def parse(text: str) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(text)
    return list(cal.walk("VEVENT"))


def by_uid(text: str) -> dict[str, icalendar.Event]:
    events = parse(text)
    found = {str(e["UID"]): e for e in events}
    assert len(found) == len(events), "duplicate UIDs"
    return found


def start_of(event: icalendar.Event) -> date | datetime:
    value: date | datetime = event.decoded("DTSTART")
    return value


def expected_from_store(ws: Workspace) -> dict[str, date | datetime]:
    """What the calendar should hold, worked out from the raw store, independently of the exporter."""
    out: dict[str, date | datetime] = {}
    for key, doc in ws.docs("tasks").items():
        task = Task.from_doc(doc, int(key))
        if task.completed is None and task.due:
            out[f"task-{key}-due"] = task.due
        if task.completed is None and task.follow_up:
            out[f"task-{key}-follow-up"] = task.follow_up
    for key, doc in ws.docs("contacts").items():
        contact = Contact.from_doc(doc, int(key))
        if contact.follow_up and not contact.follow_up_done:
            out[f"contact-{key}-follow-up"] = contact.follow_up
        if contact.channel == "phone":
            out[f"contact-{key}-call"] = contact.at
    pays: dict[int, list[Payment]] = {}
    for key, doc in ws.docs("payments").items():
        pays.setdefault(int(doc["invoice_id"]), []).append(Payment.from_doc(doc, int(key)))
    for key, doc in ws.docs("invoices").items():
        inv = Invoice.from_doc(doc, int(key))
        if inv.status in OPEN_STATUSES and amount_due(inv, pays.get(inv.id or 0, [])).minor > 0:
            out[f"invoice-{key}-due"] = inv.due_date
    return out


def test_every_event_of_a_demo_workspace_matches_the_store(ws: Workspace) -> None:
    generate(ws, clients=5, seed=3)
    events = by_uid(export_ics(ws))
    want = expected_from_store(ws)
    got = {uid.split(".")[0]: start_of(e) for uid, e in events.items() if "-repeat." not in uid}
    assert got == want
    kinds = {uid.split("-")[0] for uid in got}
    assert {"task", "contact", "invoice"} <= kinds
    tasks = {str(k): Task.from_doc(d, int(k)) for k, d in ws.docs("tasks").items()}
    for uid, event in events.items():
        assert uid.endswith("@vatui")
        if not uid.startswith("task-") or "-follow-up." in uid:
            continue
        task = tasks[uid.split("-")[1]]
        assert task.title in str(event["SUMMARY"]) and task.due is not None
        repeat = f"task-{task.id}-repeat." + uid.split(".", 1)[1]
        if "-repeat." in uid:
            rule = Recurrence.parse(task.recurrence or "")
            assert start_of(event) == rule.next_occurrence(task.due) and "RRULE" in event
        else:
            assert ("RRULE" in event) == bool(task.recurrence and repeat not in events)
        assert event.decoded("DTEND") == start_of(event) + timedelta(days=1)  # type: ignore[operator]


def test_same_workspace_same_uids_and_another_workspace_others(
    ws: Workspace, tmp_path: Path, clock: FixedClock
) -> None:
    generate(ws, clients=2, seed=5)
    first, second = export_ics(ws), export_ics(ws)
    assert first == second
    other = Workspace.open(tmp_path / "other", clock)
    try:
        generate(other, clients=2, seed=5)
        assert not set(by_uid(first)) & set(by_uid(export_ics(other)))
    finally:
        other.close()


@pytest.mark.parametrize(
    "rule, due",
    [
        ("daily", date(2026, 11, 27)),
        ("weekdays", date(2026, 11, 27)),
        ("weekly", date(2026, 11, 30)),
        ("monthly", date(2026, 11, 15)),
        ("yearly", date(2026, 12, 1)),
        ("wednesday", date(2026, 11, 30)),
        ("2w", date(2026, 12, 2)),
        ("3d", date(2026, 12, 1)),
        ("15th", date(2026, 12, 15)),
        ("31st", date(2027, 1, 31)),
        ("last", date(2026, 11, 30)),
        ("2m", date(2026, 11, 10)),
    ],
)
def test_rrule_gives_vatui_own_occurrences(ws: Workspace, rule: str, due: date) -> None:
    task = add_task(ws, "Repeat", due=due, recurrence=rule)
    events = by_uid(export_ics(ws))
    dates: set[date] = set()
    for event in events.values():
        start = start_of(event)
        assert isinstance(start, date) and event.decoded("DTEND") == start + timedelta(days=1)
        if "RRULE" not in event:
            dates.add(start)
            continue
        raw = event["RRULE"].to_ical().decode()
        series = list(rrulestr(raw, dtstart=datetime.combine(start, datetime.min.time()))[:10])
        assert series[0].date() == start, "DTSTART must fall on its rule"
        dates |= {d.date() for d in series}
    expected = [due]
    recurrence = Recurrence.parse(task.recurrence or "")
    while len(expected) < 8:
        expected.append(recurrence.next_occurrence(expected[-1]))
    assert sorted(dates)[:8] == expected
    assert min(dates) == due


def test_hostile_text_is_escaped_and_lines_are_folded(ws: Workspace) -> None:
    acme = add_client(ws, "Café; Ñoño, \\ Ltd")
    title = "Report; Q4, \\draft\x1b[31m red \u202e" + "é" * 120
    notes = "line one\nline two; with, commas\x07 \\n not a newline"
    task = add_task(ws, "Report", client_id=acme.id, due=date(2026, 12, 3))
    with ws.transaction("old data: control characters typed before vatui refused them") as tx:
        tx.save(tx.get(Task, task.id or 0).with_(title=title, notes=notes))
    text = export_ics(ws)
    raw = text.encode("utf-8")
    assert raw.count(b"\r\n") == raw.count(b"\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    (event,) = parse(text)
    assert str(event["SUMMARY"]) == f"Due: {clean(title)} ({clean(acme.name)})"
    assert str(event["DESCRIPTION"]) == clean(notes, keep_newlines=True)


def test_fold_never_cuts_a_character() -> None:
    line = "SUMMARY:" + "😀é" * 50
    folded = fold(line)
    assert folded.endswith("\r\n")
    for part in folded.encode("utf-8").split(b"\r\n")[:-1]:
        assert len(part) <= 75
        part.decode("utf-8")
    assert folded.replace("\r\n ", "").removesuffix("\r\n") == line


def test_calls_follow_ups_invoices_and_client_filter(ws: Workspace, clock: FixedClock) -> None:
    acme = add_client(ws, "Acme", timezone="America/New_York")
    beta = add_client(ws, "Beta")
    call = log_contact(
        ws, acme.id or 0, channel="phone", summary="Kick-off call", follow_up=date(2026, 12, 4)
    )
    log_contact(ws, beta.id or 0, channel="email", summary="Sent brief")
    waiting = add_task(ws, "Logo feedback", client_id=beta.id, column="Waiting")
    edit_task(ws, waiting.id or 0, follow_up=date(2026, 12, 1))
    events = by_uid(export_ics(ws))
    calls = [e for uid, e in events.items() if uid.startswith(f"contact-{call.id}-call")]
    assert len(calls) == 1
    assert start_of(calls[0]) == clock.now().astimezone(UTC)
    assert "04:30 at the client's (America/New_York)" in str(calls[0]["DESCRIPTION"])
    assert sorted(uid.split(".")[0] for uid in events) == sorted(
        [f"contact-{call.id}-call", f"contact-{call.id}-follow-up", f"task-{waiting.id}-follow-up"]
    )
    only_acme = calendar_events(ws, client_id=acme.id)
    assert {e.uid.split(".")[0] for e in only_acme} == {
        f"contact-{call.id}-call",
        f"contact-{call.id}-follow-up",
    }
    assert ws.get(Client, acme.id or 0).timezone == "America/New_York"
