"""``vatui invoice recurring add|list|stop`` and ``vatui invoice promise``: output, JSON,
exit codes, and bad input refused with one line and nothing saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.cli_inprocess import Vatui, make_vatui
from vatui.domain.clock import FixedClock


@pytest.fixture
def vatui(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, clock: FixedClock, data_dir: Path
) -> Vatui:
    v = make_vatui(capsys, monkeypatch, clock)
    assert v("client", "add", "Acme", "--currency", "EUR", "--rate", "50").code == 0
    return v


def test_add_drafts_the_periods_due_then_list_and_stop(vatui: Vatui) -> None:
    r = vatui(
        "invoice",
        "recurring",
        "add",
        "acme",
        "--day",
        "31",
        "--start",
        "2026-09-01",
        "--item",
        "Support",
        "2",
        "150",
    )
    assert r.code == 0, r.err
    assert "Added recurring invoice #1 for Acme, every month on the last day; next draft 2026-11-30." in r.out
    assert "2 drafts made" in r.out  # 30 Sep, 31 Oct
    drafts = vatui("invoice", "list", "--status", "draft", "--json").json()["invoices"]
    assert sorted(d["issue_date"] for d in drafts) == ["2026-09-30", "2026-10-31"]
    assert {d["recurring_id"] for d in drafts} == {1} and drafts[0]["total"]["amount"] == "300.00"
    listed = vatui("invoice", "recurring", "list", "--json").json()["recurring_invoices"]
    assert listed[0]["next_period"] == "2026-11-30" and listed[0]["drafts_to_send"] == 2
    assert "€300.00" in vatui("invoice", "recurring", "list").out
    assert vatui("invoice", "recurring", "stop", "1").code == 0
    assert "stopped 2026-11-27" in vatui("invoice", "recurring", "list").out
    r = vatui("invoice", "recurring", "stop", "#1")
    assert r.code == 1 and "already stopped" in r.err


@pytest.mark.parametrize(
    ("args", "why"),
    [
        (("--day", "30", "--item", "x", "1", "10"), "1 to 28, or 31"),
        (("--day", "0", "--item", "x", "1", "10"), "1 to 28, or 31"),
        (("--every", "week", "--item", "x", "1", "10"), "every month"),
        ((), "--retainer"),
        (("--retainer",), "no monthly retainer fee"),
        (("--item", "x", "1", "12,5"), "12,5"),
        (("--item", "x", "-1", "10"), "quantity"),
        (("--start", "31/31/2026", "--item", "x", "1", "10"), "31/31/2026"),
    ],
)
def test_bad_input_exits_1_with_one_line_and_saves_nothing(
    vatui: Vatui, args: tuple[str, ...], why: str
) -> None:
    r = vatui("invoice", "recurring", "add", "acme", *args)
    assert r.code == 1, (r.out, r.err)
    assert why in r.err and len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err
    assert vatui("invoice", "recurring", "list", "--json").json() == {"recurring_invoices": []}


def test_stop_of_an_unknown_schedule(vatui: Vatui) -> None:
    assert vatui("invoice", "recurring", "stop", "7").code == 1
    r = vatui("invoice", "recurring", "stop", "abc")
    assert r.code == 1 and "not a recurring invoice number" in r.err


def test_promise_pauses_reminders_until_the_day_after(vatui: Vatui) -> None:
    assert vatui("invoice", "new", "acme", "--item", "Work", "1", "100", "--on", "2026-10-01").code == 0
    assert vatui("invoice", "send", "#1", "--on", "2026-10-01").code == 0  # numbered INV-2026-0001
    assert vatui("remind", "INV-2026-0001", "--dry-run").code == 0
    r = vatui("invoice", "promise", "INV-2026-0001", "2026-12-02")
    assert r.code == 0 and "promised for 2026-12-02" in r.out
    assert vatui("invoice", "show", "INV-2026-0001", "--json").json()["promised_on"] == "2026-12-02"
    r = vatui("remind", "INV-2026-0001", "--dry-run")
    assert r.code == 1 and "promised for 2026-12-02" in r.err
    assert vatui("remind", "INV-2026-0001", "--dry-run", "--on", "2026-12-03").code == 0
    today = vatui("today", "--json").json()
    expected = next(s for s in today["sections"] if s["key"] == "payments_expected")
    assert "promised for 2 Dec" in expected["items"][0]["detail"]
    assert vatui("invoice", "promise", "INV-2026-0001", "--clear").code == 0
    assert vatui("remind", "INV-2026-0001", "--dry-run").code == 0


@pytest.mark.parametrize(
    ("args", "why"),
    [
        (("INV-2026-0001",), "or --clear"),
        (("INV-2026-0001", "2026-12-02", "--clear"), "or --clear"),
        (("INV-2026-0001", "2026-11-01"), "within a year"),
        (("INV-2026-0001", "--clear"), "no promise"),
        (("INV-2026-0009", "2026-12-02"), "INV-2026-0009"),
    ],
)
def test_promise_bad_input(vatui: Vatui, args: tuple[str, ...], why: str) -> None:
    assert vatui("invoice", "new", "acme", "--item", "Work", "1", "100").code == 0
    assert vatui("invoice", "send", "#1").code == 0  # numbered INV-2026-0001
    r = vatui("invoice", "promise", *args)
    assert r.code == 1 and why in r.err, (r.out, r.err)


def test_a_draft_cannot_be_promised(vatui: Vatui) -> None:
    assert vatui("invoice", "new", "acme", "--item", "Work", "1", "100").code == 0
    r = vatui("invoice", "promise", "#1", "2026-12-02")
    assert r.code == 1 and "nothing is owed" in r.err
