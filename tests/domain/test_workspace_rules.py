"""``check_semantics``: a whole file from outside meets the rules typed input meets."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from vatui.domain.settings import Settings
from vatui.domain.workspace_rules import check_semantics

START = "2026-11-02T09:00:00+00:00"
END = "2026-11-02T10:30:00+00:00"
GOOD: dict[str, dict[str, dict[str, Any]]] = {
    "settings": {"1": {"columns": ["Inbox", "Done"], "wip_limit": 3, "rounding_minutes": 15}},
    "clients": {"1": {"name": "Acme"}, "2": {"name": "Globex"}},
    "tasks": {"1": {"title": "Call", "client_id": 1, "notes": "n" * 10_000}},
    "time": {
        "1": {"task_id": 1, "client_id": 1, "start": START, "end": END, "minutes": 90, "invoice_id": 1},
        "2": {"task_id": 3, "start": START, "end": None, "minutes": 0},
    },
    "invoices": {
        "1": {
            "number": "INV-2026-0001",
            "client_id": 1,
            "tax_percent": "20",
            "items": [{"quantity": "1.5"}],
            "discount": {"minor": 500, "currency": "USD"},
        },
    },
    "payments": {"1": {"invoice_id": 1, "amount": {"minor": 100, "currency": "USD"}}},
    "expenses": {"1": {"amount": {"minor": 0, "currency": "USD"}, "client_id": None}},
    "meta": {"1": {"schema": 1}},
}


def test_a_workspace_vatui_would_write_breaks_no_rule() -> None:
    assert check_semantics(GOOD, floors={"tasks": 3}) == []
    assert check_semantics(GOOD) == []  # floors unknown: a deleted task's time is fine


BROKEN = [
    (("time", "1", "minutes", -60), "time #1.minutes"),
    (("payments", "1", "amount", {"minor": -100, "currency": "USD"}), "payments #1.amount"),
    (("payments", "1", "amount", {"minor": 0, "currency": "USD"}), "payments #1.amount"),
    (("payments", "1", "invoice_id", 9999), "payments #1.invoice_id: invoices #9999"),
    (("time", "1", "client_id", 9), "time #1.client_id: clients #9"),
    (("time", "1", "invoice_id", 9), "time #1.invoice_id: invoices #9"),
    (("tasks", "1", "client_id", 9), "tasks #1.client_id: clients #9"),
    (("tasks", "1", "title", "A" * 501), "tasks #1.title: too long (501 characters, at most 500)"),
    (("tasks", "1", "notes", "n" * 10_001), "tasks #1.notes: too long"),
    (("clients", "1", "name", "A" * 201), "clients #1.name: too long"),
    (("invoices", "1", "tax_percent", "-50"), "invoices #1.tax_percent"),
    (("invoices", "1", "tax_percent", "1e9"), "invoices #1.tax_percent"),
    (("invoices", "1", "tax_percent", "100.5"), "invoices #1.tax_percent"),
    (("invoices", "1", "items", [{"quantity": "1e400"}]), "invoices #1.items[0].quantity"),
    (("invoices", "1", "items", [{"quantity": "0"}]), "invoices #1.items[0].quantity"),
    (("time", "1", "end", "2026-11-02T08:00:00+00:00"), "time #1.end: it ends before it starts"),
    (("time", "1", "end", None), "time #2.end: a timer is running already (#1)"),
    (("settings", "1", "columns", []), "settings #1.columns"),
    (("settings", "1", "wip_limit", -3), "settings #1.wip_limit"),
    (("clients", "2", "name", "ACME"), "clients #2.name: another client is named"),
    (("clients", "2", "name", "a\u200bcme "), "clients #2.name: another client is named"),
    (("expenses", "1", "amount", {"minor": -1, "currency": "USD"}), "expenses #1.amount"),
]


@pytest.mark.parametrize(("change", "words"), BROKEN)
def test_each_broken_rule_is_named_where_it_is(change: tuple[str, str, str, Any], words: str) -> None:
    data = copy.deepcopy(GOOD)
    table, key, field, value = change
    data[table][key][field] = value
    found = [str(p) for p in check_semantics(data, floors={"tasks": 3})]
    assert len(found) == 1 and found[0].startswith(words), found


def test_a_reference_to_a_task_never_handed_out_is_refused_when_the_floors_are_known() -> None:
    data = copy.deepcopy(GOOD)
    data["time"]["2"]["task_id"] = 9999
    assert [str(p) for p in check_semantics(data, floors={"tasks": 3})] == [
        "time #2.task_id: tasks #9999 never existed"
    ]


def test_references_and_numbers_count_the_archive() -> None:
    data = copy.deepcopy(GOOD)
    data["payments"]["1"]["invoice_id"] = 7
    archived = {"invoices": {"7": {"number": "INV-2025-0001"}}}
    assert check_semantics(data, archived) == []
    archived["invoices"]["7"]["number"] = "INV-2026-0001"
    assert [p.field for p in check_semantics(data, archived)] == ["number"]


def test_zero_rounding_is_allowed_it_means_none() -> None:
    data = copy.deepcopy(GOOD)
    data["settings"]["1"]["rounding_minutes"] = 0
    assert check_semantics(data) == []


def test_settings_without_columns_read_as_the_default_board() -> None:
    assert Settings.from_doc({"columns": []}, 1).columns == Settings().columns
