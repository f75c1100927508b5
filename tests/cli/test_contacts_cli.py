"""``vatui contact`` and ``vatui status-report``, and the client book's "done when" on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.cli_inprocess import Vatui


def test_log_list_done(vatui: Vatui) -> None:
    vatui("client", "add", "Acme")
    logged = vatui(
        "contact",
        "log",
        "acme",
        "--channel",
        "WhatsApp",
        "--summary",
        "Call about launch",
        "--direction",
        "in",
        "--follow-up",
        "2026-12-02",
        "--json",
    )
    assert logged.code == 0, logged.err
    data = logged.json()
    assert data["channel"] == "whatsapp" and data["direction"] == "in"
    assert data["follow_up"] == "2026-12-02" and data["follow_up_done"] is False
    assert (
        vatui("contact", "log", "acme", "--channel", "email", "--summary", "brief", "--on", "2026-11-20").code
        == 0
    )
    listed = vatui("contact", "list", "acme", "--json").json()
    assert [c["summary"] for c in listed] == ["Call about launch", "brief"]
    assert listed[0]["client"] == "Acme"
    assert [c["summary"] for c in vatui("contact", "list", "--open", "--json").json()] == [
        "Call about launch"
    ]
    text = vatui("contact", "list").out
    assert "Acme whatsapp in: Call about launch · follow-up 2026-12-02 (open)" in text
    assert vatui("contact", "done", str(data["id"])).code == 0
    assert vatui("contact", "list", "--open", "--json").json() == []


@pytest.mark.parametrize(
    "bad",
    [
        ["--channel", "pigeon", "--summary", "x"],
        ["--channel", "email", "--summary", " "],
        ["--channel", "email", "--summary", "x", "--direction", "up"],
        ["--channel", "email", "--summary", "x", "--follow-up", "yesterday"],
        ["--channel", "email", "--summary", "x", "--follow-up", "03/04"],
        ["--channel", "email", "--summary", "x", "--on", "tomorrow"],
    ],
)
def test_bad_contacts_exit_1(vatui: Vatui, bad: list[str]) -> None:
    vatui("client", "add", "Acme")
    result = vatui("contact", "log", "acme", *bad)
    assert result.code == 1 and result.err.startswith("vatui: ")
    assert vatui("contact", "list", "--json").json() == []


def test_missing_options_are_usage_errors(vatui: Vatui) -> None:
    vatui("client", "add", "Acme")
    assert vatui("contact", "log", "acme", "--summary", "x").code == 2
    assert vatui("contact", "log", "nobody", "--channel", "email", "--summary", "x").code == 1


def test_status_report_to_file_and_mark_sent(vatui: Vatui, tmp_path: Path) -> None:
    vatui(
        "client",
        "add",
        "Acme",
        "--channel",
        "slack:#acme",
        "--preferred",
        "slack",
        "--confidential-note",
        "secret thing",
    )
    out = vatui("status-report", "acme")
    assert out.code == 0 and out.out.startswith("# Weekly status — Acme")
    assert "secret" not in out.out
    assert "secret thing (confidential)" in vatui("status-report", "acme", "--confidential").out
    target = tmp_path / "report.md"
    saved = vatui("status-report", "acme", "--week", "2026-11-18", "-o", str(target), "--mark-sent")
    assert saved.code == 0, saved.err
    assert target.read_text().startswith("# Weekly status — Acme")
    assert "Week of Mon 16 Nov 2026" in target.read_text()
    contacts = vatui("contact", "list", "--json").json()
    assert contacts[0]["summary"] == "Weekly status report sent (week of 16 Nov 2026)"
    assert contacts[0]["channel"] == "slack"
    assert vatui("status-report", "acme", "--week", "next week").code == 1


def test_done_when_on_the_command_line(vatui: Vatui) -> None:
    """Lead → active, vetting, a WhatsApp call with a follow-up seen on Today, the report."""
    assert (
        vatui(
            "client",
            "add",
            "Bright Bakery",
            "--status",
            "lead",
            "--tz",
            "Europe/London",
            "--channel",
            "whatsapp:+447700900123",
            "--preferred",
            "whatsapp",
        ).code
        == 0
    )
    assert vatui("client", "edit", "bright", "--status", "active").code == 0
    assert (
        vatui(
            "client",
            "edit",
            "bright",
            "--vet",
            "contract",
            "--vet",
            "deposit",
            "--vet",
            "references",
            "--vet",
            "billing-contact",
            "--vet",
            "nda",
        ).code
        == 0
    )
    assert (
        vatui(
            "contact",
            "log",
            "bright",
            "--channel",
            "whatsapp",
            "--summary",
            "Call: new menu launch",
            "--follow-up",
            "2026-12-02",
        ).code
        == 0
    )
    assert "Call: new menu launch" not in vatui("today").out
    today = vatui("today", "--on", "2026-12-02")
    assert "Follow-ups due (1)" in today.out
    assert "Call: new menu launch @Bright Bakery — follow up today · whatsapp" in today.out
    follow = next(
        s
        for s in vatui("today", "--on", "2026-12-02", "--json").json()["sections"]
        if s["key"] == "follow_ups"
    )
    assert follow["items"][0]["kind"] == "contact"
    shown = vatui("client", "show", "bright", "--json").json()
    assert shown["status"] == "active" and len(shown["vetting"]) == 5
    assert shown["reliability"]["reasons"] == ["no payment history yet"]
    report = vatui("status-report", "bright").out
    assert "## Waiting on you" in report and "## Next" in report
