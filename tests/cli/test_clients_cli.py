"""``vatui client``: every field, validation with nothing saved, show/list/archive/delete."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.helpers.cli_inprocess import Vatui
from vatui.domain.ledger import Invoice, LineItem, Payment, ReminderSent
from vatui.domain.money import Money
from vatui.store.workspace import Workspace

FULL = [
    "client",
    "add",
    "Acme Corp",
    "--status",
    "lead",
    "--email",
    "ops@acme.test",
    "--currency",
    "eur",
    "--rate",
    "45.50",
    "--terms",
    "30",
    "--deposit",
    "25",
    "--tz",
    "America/New_York",
    "--person",
    "Ann Lee|owner|ann@acme.test|+1 555 0100",
    "--person",
    "Bob|billing",
    "--channel",
    "whatsapp:+15550100",
    "--channel",
    "slack:#acme",
    "--preferred",
    "whatsapp",
    "--hours",
    "9:00-17:30",
    "--retainer-hours",
    "20",
    "--retainer-fee",
    "800",
    "--late-fee",
    "1.5",
    "--late-fee-grace",
    "10",
    "--vet",
    "contract:2026-11-20",
    "--vet",
    "nda",
    "--cadence",
    "7",
    "--note",
    "Prefers mornings",
    "--confidential-note",
    "Door code 1234",
    "--tag",
    "vip",
    "--json",
]


def test_add_with_every_field(vatui: Vatui) -> None:
    result = vatui(*FULL)
    assert result.code == 0, result.err
    data = result.json()
    assert data["status"] == "lead" and data["currency"] == "EUR"
    assert data["hourly_rate"] == {"amount": "45.50", "currency": "EUR"}
    assert data["people"][0] == {
        "name": "Ann Lee",
        "role": "owner",
        "email": "ann@acme.test",
        "phone": "+1 555 0100",
    }
    assert [c["kind"] for c in data["channels"]] == ["email", "whatsapp", "slack"]
    assert data["preferred_channel"] == "whatsapp"
    assert data["working_hours"] == {"start": "09:00", "end": "17:30"}
    assert data["retainer"] == {
        "minutes_per_month": 1200,
        "monthly_fee": {"amount": "800.00", "currency": "EUR"},
    }
    assert data["late_fee"] == {"percent": "1.5", "grace_days": 10}
    assert data["vetting"] == {"contract": "2026-11-20", "nda": "2026-11-27"}
    assert data["cadence_days"] == 7 and data["tags"] == ["vip"]
    assert [n["text"] for n in data["notes"]] == ["Prefers mornings"]


@pytest.mark.parametrize(
    "bad",
    [
        ["--email", "not-an-email"],
        ["--tz", "Mars/Olympus"],
        ["--rate", "12,5"],
        ["--rate", "JPY 12"],
        ["--currency", "JPY", "--rate", "12.5"],
        ["--hours", "9-5"],
        ["--hours", "25:00-26:00"],
        ["--late-fee", "150"],
        ["--late-fee", "lots"],
        ["--person", "|owner"],
        ["--person", "A|b|bad@"],
        ["--channel", "fax:123"],
        ["--channel", "whatsapp"],
        ["--preferred", "telegram"],
        ["--vet", "astrology"],
        ["--vet", "contract:tomorrow"],
        ["--retainer-hours", "1000"],
        ["--retainer-fee", "-5"],
        ["--status", "vip"],
        ["--note", "  "],
    ],
)
def test_bad_input_exits_1_and_saves_nothing(vatui: Vatui, bad: list[str]) -> None:
    result = vatui("client", "add", "Bad Co", *bad)
    assert result.code == 1, (bad, result.err)
    assert result.err.startswith("vatui: ") and len(result.err.strip().splitlines()) == 1
    assert vatui("client", "list", "--json").json() == []


def test_edit_merges_lists_and_validates(vatui: Vatui) -> None:
    assert vatui(*FULL).code == 0
    edit = vatui(
        "client",
        "edit",
        "acme",
        "--status",
        "active",
        "--person",
        "Bob|billing|bob@acme.test",
        "--remove-channel",
        "slack",
        "--vet",
        "references",
        "--unvet",
        "nda",
        "--tag",
        "retainer",
        "--untag",
        "vip",
        "--cadence",
        "0",
        "--json",
    )
    assert edit.code == 0, edit.err
    data = edit.json()
    assert data["status"] == "active"
    assert [(p["name"], p["email"]) for p in data["people"]] == [
        ("Ann Lee", "ann@acme.test"),
        ("Bob", "bob@acme.test"),
    ]
    assert [c["kind"] for c in data["channels"]] == ["email", "whatsapp"]
    assert set(data["vetting"]) == {"contract", "references"}
    assert data["tags"] == ["retainer"] and data["cadence_days"] is None
    bad = vatui("client", "edit", "acme", "--rate", "abc", "--status", "paused")
    assert bad.code == 1
    assert vatui("client", "show", "acme", "--json").json()["status"] == "active"
    assert vatui("client", "edit", "acme").code == 2


def test_show_text_masks_confidential_notes(vatui: Vatui) -> None:
    vatui(*FULL)
    out = vatui("client", "show", "acme").out
    assert "clock: 04:30 there, outside hours (America/New_York, -5h from you, works 09:00–17:30)" in out
    assert "whatsapp: +15550100 (preferred)" in out
    assert "reliability: UNPROVEN — no payment history yet; vetting not finished" in out
    assert "[x] contract signed 2026-11-20" in out and "[ ] deposit agreed" in out
    assert "Door code" not in out and "1 confidential note(s) hidden" in out
    assert "Door code 1234" in vatui("client", "show", "acme", "--confidential").out
    data = vatui("client", "show", "acme", "--json").json()
    assert all("Door" not in n["text"] for n in data["notes"])
    assert data["local_time"]["label"] == "04:30 there, outside hours"
    assert data["reliability"]["badge"] == "unproven"
    assert {
        "lifetime_revenue",
        "effective_hourly_rate",
        "retainer_use",
        "open_tasks",
        "invoices",
        "last_contact",
    } <= set(data)
    secret = vatui("client", "show", "acme", "--json", "--confidential").json()
    assert [n["text"] for n in secret["notes"]] == ["Prefers mornings", "Door code 1234"]


def test_three_late_invoices_show_risky_with_reasons(vatui: Vatui, ws: Workspace) -> None:
    vatui("client", "add", "Slow Pay Ltd", "--status", "active")
    with ws.transaction(None) as tx:
        for n, late in enumerate((12, 20, 9), start=1):
            due = date(2026, 6 + n, 10)
            inv = tx.add(
                Invoice(
                    number=f"INV-2026-{n:04d}",
                    client_id=1,
                    issue_date=due - timedelta(days=14),
                    due_date=due,
                    currency="USD",
                    status="paid",
                    sent_on=due - timedelta(days=14),
                    items=(LineItem(description="VA work", quantity="8", unit_price=Money(4000, "USD")),),
                    reminders=(ReminderSent(step=1, on=due + timedelta(days=1)),),
                )
            )
            tx.add(Payment(invoice_id=inv.id or 0, on=due + timedelta(days=late), amount=Money(32000, "USD")))
    data = vatui("client", "show", "slow", "--json").json()
    rel = data["reliability"]
    assert rel["badge"] == "risky"
    assert rel["late"] == 3 and rel["on_time_percent"] == 0 and rel["average_days_late"] == "13.7"
    assert "paid 3 of 3 invoices late" in rel["reasons"]
    assert data["lifetime_revenue"] == [{"amount": "960.00", "currency": "USD"}]
    text = vatui("client", "show", "slow").out
    assert "reliability: RISKY — paid 3 of 3 invoices late; on average 13.7 days late" in text
    assert "Slow Pay Ltd [active] USD · risky" in vatui("client", "list").out


def test_list_grouped_with_counts(vatui: Vatui) -> None:
    for name, status in (("Zed", "lead"), ("Amy", "active"), ("Cat", "lead"), ("[/]", "paused")):
        assert vatui("client", "add", name, "--status", status).code == 0
    out = vatui("client", "list").out.splitlines()
    assert out[0] == "Lead (2)" and "Cat" in out[1] and "Zed" in out[2]
    assert out[3] == "Active (1)" and out[5] == "Paused (1)" and "[/]" in out[6]
    leads = vatui("client", "list", "--status", "lead", "--json").json()
    assert [c["name"] for c in leads] == ["Cat", "Zed"]
    assert leads[0]["reliability"]["badge"] == "unproven"
    assert vatui("client", "list", "--status", "former").out.strip() == "No former clients."


def test_archive_and_delete(vatui: Vatui) -> None:
    vatui("client", "add", "Empty Co")
    vatui("client", "add", "Busy Co")
    assert vatui("contact", "log", "busy", "--channel", "email", "--summary", "hi").code == 0
    refused = vatui("client", "delete", "busy", "--yes")
    assert refused.code == 1 and "archive it instead" in refused.err
    assert vatui("client", "archive", "busy").code == 0
    assert [c["name"] for c in vatui("client", "list", "--json").json()] == ["Empty Co"]
    assert len(vatui("client", "list", "--all", "--json").json()) == 2
    assert vatui("client", "archive", "busy", "--restore").code == 0
    assert vatui("client", "delete", "empty", "--yes").code == 0
    assert [c["name"] for c in vatui("client", "list", "--json").json()] == ["Busy Co"]
    assert vatui("undo").code == 0
    assert len(vatui("client", "list", "--json").json()) == 2


def test_names_print_as_typed(vatui: Vatui, data_dir: Path) -> None:
    refused = vatui("client", "add", "Evil\x1b[2J Co", "--note", "line\x07")
    assert refused.code == 1 and "contains a control character (U+" in refused.err
    from datetime import UTC, datetime

    from vatui.domain.clients import Client, Note

    ws = Workspace.open(data_dir)
    now = datetime.now(UTC)
    with ws.transaction("old data") as tx:  # written before the rule
        tx.add(
            Client(
                name="Evil\x1b[2J Co", notes=(Note(text="line\x07", created=now),), created=now, updated=now
            )
        )
    ws.close()
    out = vatui("client", "show", "evil").out
    assert "\x1b" not in out and "\x07" not in out and "Evil␛[2J Co" in out


def test_the_card_says_no_timezone_only_when_there_is_none(vatui: Vatui) -> None:
    """A client's language line never takes the place of the timezone's else (a merge did)."""
    assert vatui("client", "add", "Zoned", "--tz", "America/Bogota").code == 0
    assert vatui("client", "add", "Unzoned", "--language", "en").code == 0
    zoned = vatui("client", "show", "Zoned").out
    assert "America/Bogota" in zoned and "no timezone set" not in zoned
    unzoned = vatui("client", "show", "Unzoned").out
    assert "no timezone set" in unzoned and "writes in: en" in unzoned
