"""A stored document is checked strictly against its record class before it is trusted."""

from __future__ import annotations

from typing import Any

import pytest

from vatui.domain.clients import Client
from vatui.domain.doc_check import BadDocument, check_doc
from vatui.domain.ledger import Invoice, Payment
from vatui.domain.tasks import Task, TimeEntry

NOW = "2026-11-27T09:30:00+00:00"
TASK = {"title": "Call", "created": NOW, "updated": NOW, "tags": ["x"], "checklist": [{"text": "a"}]}
PAYMENT = {"invoice_id": 1, "on": "2026-11-01", "amount": {"minor": 15000, "currency": "USD"}}
INVOICE = {
    "number": "INV-1",
    "client_id": 1,
    "issue_date": "2026-11-01",
    "due_date": "2026-11-15",
    "currency": "USD",
    "items": [{"description": "Work", "unit_price": {"minor": 100, "currency": "USD"}}],
}
CLIENT = {"name": "Acme", "created": NOW, "updated": NOW, "people": [{"name": "Bo"}]}


def test_good_documents_pass() -> None:
    check_doc(Task, TASK, 1, "tasks #1")
    check_doc(Payment, PAYMENT, 1, "payments #1")
    check_doc(Invoice, INVOICE, 1, "invoices #1")
    check_doc(Client, CLIENT, 1, "clients #1")
    check_doc(Client, {**CLIENT, "unknown_key": [1, 2]}, 1, "clients #1")  # from_doc ignores it


@pytest.mark.parametrize(
    ("kind", "doc", "words"),
    [
        (Payment, {**PAYMENT, "amount": {"minor": 150.5, "currency": "USD"}}, "payments #1.amount"),
        (Payment, {**PAYMENT, "amount": {"minor": 150.0, "currency": "USD"}}, "decimal number"),
        (Payment, {**PAYMENT, "amount": {"minor": "15000", "currency": "USD"}}, "minor units"),
        (Payment, {**PAYMENT, "amount": {"minor": True, "currency": "USD"}}, "minor units"),
        (Payment, {**PAYMENT, "amount": 150}, "money as an object"),
        (Payment, {**PAYMENT, "amount": {"minor": 1}}, "currency"),
        (Payment, {**PAYMENT, "invoice_id": "1"}, "invoice_id: expected a whole number, found text"),
        (Payment, {**PAYMENT, "on": "2026-13-45"}, "not a date"),
        (Payment, {**PAYMENT, "on": 20261101}, "date"),
        (Task, {**TASK, "title": 5}, "title: expected text"),
        (Task, {**TASK, "tags": "a,b"}, "tags: expected a list"),
        (Task, {**TASK, "tags": [1]}, "tags[0]"),
        (Task, {**TASK, "checklist": ["a"]}, "checklist[0]: expected an object"),
        (Task, {**TASK, "checklist": [{"text": "a", "done": "yes"}]}, "done: expected true or false"),
        (Task, {**TASK, "position": 1.5}, "position"),
        (Task, {k: v for k, v in TASK.items() if k != "title"}, "'title' is missing"),
        (Task, {**TASK, "created": "yesterday"}, "not a date"),
        (TimeEntry, {"start": NOW, "minutes": "60"}, "minutes"),
        (TimeEntry, {"start": NOW, "billable": 1}, "billable"),
        (Invoice, {**INVOICE, "items": ["Work"]}, "items[0]"),
        (
            Invoice,
            {**INVOICE, "items": [{"description": "W", "unit_price": {"minor": 1.25, "currency": "USD"}}]},
            "unit_price",
        ),
        (Client, {**CLIENT, "people": ["Bo"]}, "people[0]"),
        (Client, {**CLIENT, "hourly_rate": {"minor": "50", "currency": "USD"}}, "hourly_rate"),
        (Client, "Acme", "expected an object"),
    ],
)
def test_bad_documents_are_refused_naming_where(kind: Any, doc: Any, words: str) -> None:
    with pytest.raises(BadDocument) as caught:
        check_doc(kind, doc, 1, f"{kind.__name__.lower()}s #1")
    assert words in str(caught.value)


@pytest.mark.parametrize(
    ("kind", "doc", "words"),
    [
        (Invoice, {**INVOICE, "tax_percent": "x"}, "tax_percent"),
        (Invoice, {**INVOICE, "tax_percent": "Infinity"}, "tax_percent"),
        (Invoice, {**INVOICE, "currency": "usd"}, "currency"),
        (
            Invoice,
            {
                **INVOICE,
                "items": [
                    {"description": "W", "quantity": "NaN", "unit_price": {"minor": 1, "currency": "USD"}}
                ],
            },
            "items[0].quantity",
        ),
        (
            Invoice,
            {**INVOICE, "items": [{"description": "W", "unit_price": {"minor": 1, "currency": "EUR"}}]},
            "EUR on an invoice in USD",
        ),
        (Invoice, {**INVOICE, "discount": {"minor": 1, "currency": "GBP"}}, "discount"),
        (Invoice, {**INVOICE, "issue_date": "9999-12-17"}, "outside 1970–2199"),
        (Payment, {**PAYMENT, "amount": {"minor": 1, "currency": "US"}}, "currency"),
        (Client, {**CLIENT, "timezone": "Mars/Olympus"}, "timezone"),
        (Client, {**CLIENT, "late_fee_percent": "two"}, "late_fee_percent"),
        (Task, {**TASK, "recurrence": "when it rains"}, "recurrence"),
    ],
)
def test_values_the_domain_refuses_are_refused(kind: Any, doc: Any, words: str) -> None:
    with pytest.raises(BadDocument) as caught:
        check_doc(kind, doc, 1, "x #1")
    assert words in str(caught.value)
