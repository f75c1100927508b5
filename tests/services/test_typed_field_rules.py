"""The field checks a form runs as you type are domain rules, the very functions the services
and importers use (one rule in one place), and the app's widgets and modals reach no service
to run them."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from vatui.domain.client_contacts import MAX_SUMMARY, check_summary
from vatui.domain.durations import LONG_TIMER_MINUTES, MAX_ENTRY_MINUTES, check_minutes
from vatui.domain.errors import InputError
from vatui.domain.ledger import check_payment_day
from vatui.domain.tasks import MAX_TIME_NOTE, check_time_note, check_title
from vatui.services.clients import contacts
from vatui.services.ledger import payments
from vatui.services.tasks import manage, time_entries

ROOT = Path(__file__).resolve().parents[2]


def test_the_services_use_the_domain_rule_itself() -> None:
    assert manage.check_title is check_title
    assert time_entries.check_time_note is check_time_note
    assert time_entries.check_minutes is check_minutes
    assert contacts.check_summary is check_summary
    assert payments.check_payment_day is check_payment_day


def test_title_and_summary_refuse_empty_text_and_control_characters() -> None:
    assert check_title("  Draft newsletter ") == "Draft newsletter"
    assert check_summary(" Called about the invoice\nall good ") == "Called about the invoice\nall good"
    for check, empty in ((check_title, "a task needs a title"), (check_summary, "a contact needs a summary")):
        with pytest.raises(InputError, match=empty):
            check("   ")
        with pytest.raises(InputError):
            check("bad \x1b[31m text")
    with pytest.raises(InputError):
        check_summary("x" * (MAX_SUMMARY + 1))


def test_a_time_entry_is_one_line_and_at_most_a_day() -> None:
    assert check_time_note("  call ") == "call"
    with pytest.raises(InputError, match="one line"):
        check_time_note("two\nlines")
    with pytest.raises(InputError):
        check_time_note("x" * (MAX_TIME_NOTE + 1))
    assert check_minutes(MAX_ENTRY_MINUTES) == MAX_ENTRY_MINUTES
    for minutes in (0, -5, MAX_ENTRY_MINUTES + 1):
        with pytest.raises(InputError):
            check_minutes(minutes)
    assert 0 < LONG_TIMER_MINUTES < MAX_ENTRY_MINUTES


def test_a_payment_is_dated_at_most_a_year_ahead() -> None:
    today = date(2026, 12, 1)
    assert check_payment_day(date(2027, 12, 1), today) == date(2027, 12, 1)
    with pytest.raises(InputError, match="a year ahead"):
        check_payment_day(date(2027, 12, 2), today)


def test_widgets_and_modals_list_no_exception_to_their_contract() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (contract,) = [c for c in contracts if c.get("source_modules") == ["vatui.ui.widgets", "vatui.ui.modals"]]
    assert set(contract["forbidden_modules"]) == {"vatui.services", "vatui.store"}
    assert contract.get("ignore_imports", []) == []
