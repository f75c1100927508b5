"""Correcting records on the command line: time, payments, contacts, client notes, checklists,
follow-ups, each undoable; archived records listed with --archived, shown, and read-only."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.helpers.cli_inprocess import Vatui
from vatui.domain.ledger import Invoice, Payment
from vatui.domain.money import Money
from vatui.domain.tasks import Task, TimeEntry
from vatui.store.archive import archive_old
from vatui.store.workspace import Workspace


def _ok(vatui: Vatui, *args: str):  # type: ignore[no-untyped-def]
    result = vatui(*args)
    assert result.code == 0, (args, result.err)
    return result


def _billed_setup(vatui: Vatui) -> None:
    _ok(vatui, "client", "add", "Acme", "--currency", "EUR", "--rate", "60")
    _ok(vatui, "add", "Newsletter @acme")
    _ok(vatui, "time", "add", "1", "1h", "--on", "2026-11-24")


def test_time_edit_delete_undo(vatui: Vatui) -> None:
    _ok(vatui, "add", "Inbox zero")
    _ok(vatui, "time", "add", "1", "15m", "--on", "2026-11-24", "--note", "stray")
    [entry] = _ok(vatui, "time", "list", "--json").json()
    assert f"#{entry['id']}" in _ok(vatui, "time", "list").out
    edited = _ok(
        vatui,
        "time",
        "edit",
        str(entry["id"]),
        "--duration",
        "45m",
        "--on",
        "2026-11-23",
        "--note",
        "real work",
        "--no-billable",
        "--json",
    ).json()
    assert edited["minutes"] == 45 and edited["note"] == "real work" and edited["billable"] is False
    assert edited["start"].startswith("2026-11-23") and edited["id"] == entry["id"]
    assert "Undone: edit time entry" in _ok(vatui, "undo").out
    assert _ok(vatui, "time", "list", "--json").json() == [entry]
    out = _ok(vatui, "time", "delete", f"#{entry['id']}").out
    assert "Deleted time entry" in out and "vatui undo" in out
    assert _ok(vatui, "time", "list", "--json").json() == []
    _ok(vatui, "undo")
    assert _ok(vatui, "time", "list", "--json").json() == [entry]


@pytest.mark.parametrize(
    "args",
    [
        ["--duration", "0m"],
        ["--duration", "25h"],
        ["--duration", "abc"],
        ["--on", "tomorrow"],
        ["--note", "x" * 501],
    ],
)
def test_bad_time_edits_exit_1_and_save_nothing(vatui: Vatui, args: list[str]) -> None:
    _ok(vatui, "add", "Inbox zero")
    _ok(vatui, "time", "add", "1", "15m", "--on", "2026-11-24")
    before = _ok(vatui, "time", "list", "--json").json()
    result = vatui("time", "edit", str(before[0]["id"]), *args)
    assert result.code == 1 and result.err.startswith("vatui: ") and "Traceback" not in result.err
    assert _ok(vatui, "time", "list", "--json").json() == before


def test_time_usage_errors_and_missing(vatui: Vatui) -> None:
    _ok(vatui, "add", "Inbox zero")
    _ok(vatui, "time", "add", "1", "15m")
    assert vatui("time", "edit", "1").code == 2  # nothing to change
    assert vatui("time", "edit", "99", "--duration", "1h").code == 1
    assert vatui("time", "delete", "abc").code == 1
    assert vatui("time", "delete", "99").code == 1


def test_billed_time_is_locked(vatui: Vatui) -> None:
    _billed_setup(vatui)
    _ok(vatui, "invoice", "new", "acme", "--unbilled")
    entry = _ok(vatui, "time", "list", "--json").json()[0]
    for args in (["edit", str(entry["id"]), "--duration", "30m"], ["delete", str(entry["id"])]):
        result = vatui("time", *args)
        assert result.code == 1
        assert "billed on #1: void the invoice first (vatui invoice void #1)" in result.err  # a draft
    _ok(vatui, "invoice", "void", "#1")
    _ok(vatui, "time", "delete", str(entry["id"]))


def test_payment_list_delete_with_reason_and_undo(vatui: Vatui) -> None:
    _billed_setup(vatui)
    _ok(vatui, "invoice", "new", "acme", "--unbilled")
    _ok(vatui, "invoice", "send", "#1")
    paid = _ok(vatui, "pay", "INV-2026-0001", "20", "--method", "bank", "--json").json()
    listed = _ok(vatui, "payment", "list", "--json").json()
    assert listed == [
        {
            "id": paid["id"],
            "invoice": "INV-2026-0001",
            "date": "2026-11-27",
            "amount": {"amount": "20.00", "currency": "EUR"},
            "method": "bank",
            "reference": "",
            "invoice_status": "partial",
            "archived": None,
        }
    ]
    assert _ok(vatui, "payment", "list", "--invoice", "inv-2026-0001", "--json").json() == listed
    assert "INV-2026-0001" in _ok(vatui, "payment", "list").out
    assert vatui("payment", "delete", str(paid["id"])).code == 2  # --reason is required
    assert vatui("payment", "delete", str(paid["id"]), "--reason", "  ").code == 1
    done = _ok(vatui, "payment", "delete", str(paid["id"]), "--reason", "wrong invoice", "--json").json()
    assert done["invoice_status"] == "sent" and done["reason"] == "wrong invoice"
    assert done["amount_due"] == {"amount": "60.00", "currency": "EUR"}
    assert _ok(vatui, "payment", "list", "--json").json() == []
    gone = _ok(vatui, "payment", "list", "--deleted", "--json").json()
    assert [(g["id"], g["invoice"], g["reason"]) for g in gone] == [
        (paid["id"], "INV-2026-0001", "wrong invoice")
    ]
    assert "wrong invoice" in _ok(vatui, "payment", "list", "--deleted").out
    assert _ok(vatui, "invoice", "show", "INV-2026-0001", "--json").json()["status"] == "sent"
    _ok(vatui, "undo")
    assert _ok(vatui, "payment", "list", "--json").json() == listed


def test_a_paid_invoices_payment_needs_reopen(vatui: Vatui) -> None:
    _billed_setup(vatui)
    _ok(vatui, "invoice", "new", "acme", "--unbilled")
    _ok(vatui, "invoice", "send", "#1")
    paid = _ok(vatui, "pay", "INV-2026-0001", "60", "--json").json()
    result = vatui("payment", "delete", str(paid["id"]), "--reason", "bounced")
    assert result.code == 1 and "INV-2026-0001 is paid: its payments are locked" in result.err
    assert "--reopen" in result.err
    assert "sent" in _ok(vatui, "payment", "delete", str(paid["id"]), "--reason", "bounced", "--reopen").out


def test_contact_edit_delete_undo(vatui: Vatui) -> None:
    _ok(vatui, "client", "add", "Acme")
    c = _ok(
        vatui,
        "contact",
        "log",
        "acme",
        "--channel",
        "email",
        "--summary",
        "brief",
        "--follow-up",
        "2026-12-01",
        "--json",
    ).json()
    edited = _ok(
        vatui,
        "contact",
        "edit",
        str(c["id"]),
        "--summary",
        "call",
        "--channel",
        "phone",
        "--follow-up",
        "2026-12-04",
        "--json",
    ).json()
    assert (edited["summary"], edited["channel"], edited["follow_up"]) == ("call", "phone", "2026-12-04")
    assert (
        _ok(vatui, "contact", "edit", str(c["id"]), "--follow-up", "none", "--json").json()["follow_up"]
        is None
    )
    assert vatui("contact", "edit", str(c["id"]), "--channel", "pigeon").code == 1
    assert vatui("contact", "edit", str(c["id"])).code == 2
    _ok(vatui, "contact", "delete", str(c["id"]))
    assert _ok(vatui, "contact", "list", "--json").json() == []
    _ok(vatui, "undo")
    assert [x["summary"] for x in _ok(vatui, "contact", "list", "--json").json()] == ["call"]
    assert vatui("contact", "delete", "999").code == 1


def test_client_notes_list_edit_delete(vatui: Vatui) -> None:
    _ok(vatui, "client", "add", "Acme", "--note", "likes mornings", "--confidential-note", "pays late")
    assert [n["text"] for n in _ok(vatui, "client", "note", "list", "acme", "--json").json()] == [
        "likes mornings"
    ]
    assert "pays late" not in _ok(vatui, "client", "note", "list", "acme").out
    notes = _ok(vatui, "client", "note", "list", "acme", "--confidential", "--json").json()
    assert [(n["number"], n["confidential"]) for n in notes] == [(1, False), (2, True)]
    edited = _ok(vatui, "client", "note", "edit", "acme", "2", "--text", "pays on the 5th", "--json").json()
    assert edited == {**notes[1], "text": "pays on the 5th"}
    _ok(vatui, "client", "note", "edit", "acme", "2", "--not-confidential")
    _ok(vatui, "client", "note", "delete", "acme", "1")
    assert [n["text"] for n in _ok(vatui, "client", "note", "list", "acme", "--json").json()] == [
        "pays on the 5th"
    ]
    assert vatui("client", "note", "delete", "acme", "5").code == 1
    assert vatui("client", "note", "edit", "acme", "1").code == 2
    assert vatui("client", "note", "edit", "acme", "1", "--text", " ").code == 1
    _ok(vatui, "undo")
    _ok(vatui, "undo")
    _ok(vatui, "undo")
    assert _ok(vatui, "client", "note", "list", "acme", "--confidential", "--json").json() == notes


def test_task_checklist_and_follow_up(vatui: Vatui) -> None:
    _ok(vatui, "add", "Launch")
    assert "no checklist" in _ok(vatui, "task", "checklist", "1").out
    _ok(vatui, "task", "checklist", "1", "--add", "write copy")
    _ok(vatui, "task", "checklist", "launch", "--add", "schedule")
    out = _ok(vatui, "task", "checklist", "1", "--tick", "2").out
    assert "  1. [ ] write copy" in out and "  2. [x] schedule" in out
    data = _ok(vatui, "task", "checklist", "1", "--remove", "1", "--json").json()
    assert data["checklist"] == [{"text": "schedule", "done": True}]
    assert vatui("task", "checklist", "1", "--tick", "5").code == 1
    assert vatui("task", "checklist", "1", "--add", " ").code == 1
    assert vatui("task", "checklist", "1", "--add", "x", "--tick", "1").code == 2
    assert "Undone" in _ok(vatui, "undo").out
    assert len(_ok(vatui, "task", "show", "1", "--json").json()["checklist"]) == 2
    _ok(vatui, "task", "edit", "1", "--follow-up", "2026-12-02")
    assert _ok(vatui, "task", "show", "1", "--json").json()["follow_up"] == "2026-12-02"


# archived records -------------------------------------------------------------------------


def _archived_year(data_dir: Path) -> dict[str, int]:
    ws = Workspace.open(data_dir)
    try:
        with ws.transaction("seed") as tx:
            tx.insert(
                "clients",
                {
                    "name": "Old Co",
                    "currency": "EUR",
                    "created": "2025-01-01T00:00:00+00:00",
                    "updated": "2025-01-01T00:00:00+00:00",
                },
            )
            entry = tx.add(TimeEntry(client_id=1, start=datetime(2025, 3, 1, 9, tzinfo=UTC), minutes=60))
            inv = tx.add(
                Invoice(
                    number="INV-2025-0001",
                    client_id=1,
                    issue_date=date(2025, 3, 31),
                    due_date=date(2025, 4, 30),
                    currency="EUR",
                    status="paid",
                    sent_on=date(2025, 3, 31),
                )
            )
            tx.save(entry.with_(invoice_id=inv.id))
            pay = tx.add(Payment(invoice_id=inv.id or 0, on=date(2025, 4, 10), amount=Money(0, "EUR")))
            task = tx.add(
                Task(
                    title="Old task",
                    created=datetime(2025, 1, 1, tzinfo=UTC),
                    updated=datetime(2025, 1, 1, tzinfo=UTC),
                    column="Done",
                    completed=datetime(2025, 2, 1, tzinfo=UTC),
                )
            )
        archive_old(ws, date(2026, 11, 27))
        return {"entry": entry.id or 0, "invoice": inv.id or 0, "payment": pay.id or 0, "task": task.id or 0}
    finally:
        ws.close()


def test_archived_records_listed_shown_and_read_only(vatui: Vatui, data_dir: Path) -> None:
    _ok(vatui, "today")
    ids = _archived_year(data_dir)
    assert _ok(vatui, "invoice", "list", "--json").json()["invoices"] == []
    rows = _ok(vatui, "invoice", "list", "--archived", "--json").json()["invoices"]
    assert [(r["number"], r["archived"]) for r in rows] == [("INV-2025-0001", 2025)]
    assert "archived in 2025" in _ok(vatui, "invoice", "list", "--archived").out
    shown = vatui("invoice", "show", "INV-2025-0001")
    assert shown.code == 0 and "INV-2025-0001" in shown.out and "archived in 2025" in shown.err
    assert _ok(vatui, "invoice", "show", "inv-2025-0001", "--json").json()["archived"] == 2025
    for fmt in ("md", "html"):
        assert "Old Co" in _ok(vatui, "invoice", "show", "INV-2025-0001", "--format", fmt).out
    assert vatui("invoice", "show", "INV-2025-0009").code == 1
    assert "add --archived" in vatui("payment", "list", "--invoice", "INV-2025-0001").err
    assert _ok(vatui, "invoice", "show", f"#{ids['invoice']}", "--json").json()["number"] == "INV-2025-0001"
    task = _ok(vatui, "task", "show", str(ids["task"]), "--json").json()
    assert task["title"] == "Old task" and task["archived"] == 2025
    assert "archived in 2025" in _ok(vatui, "task", "show", str(ids["task"])).out
    assert _ok(vatui, "task", "list", "--all", "--json").json() == []
    listed = _ok(vatui, "task", "list", "--archived", "--json").json()
    assert [(t["title"], t["archived"]) for t in listed] == [("Old task", 2025)]
    times = _ok(vatui, "time", "list", "--from", "2025-01-01", "--archived", "--json").json()
    assert [(t["id"], t["archived"]) for t in times] == [(ids["entry"], 2025)]
    pays = _ok(vatui, "payment", "list", "--archived", "--json").json()
    assert [(p["id"], p["archived"]) for p in pays] == [(ids["payment"], 2025)]
    for args in (
        ["task", "edit", str(ids["task"]), "--title", "x"],
        ["task", "delete", str(ids["task"]), "-y"],
        ["task", "checklist", str(ids["task"]), "--add", "x"],
        ["time", "delete", str(ids["entry"])],
        ["payment", "delete", str(ids["payment"]), "--reason", "x"],
        ["pay", "INV-2025-0001", "1"],
        ["invoice", "void", "INV-2025-0001"],
    ):
        result = vatui(*args)
        assert result.code == 1, args
        assert "archived in 2025: archived records are read-only" in result.err, (args, result.err)
        if "INV-2025-0001" in args:
            assert "INV-2025-0001 is archived in 2025" in result.err, (args, result.err)
