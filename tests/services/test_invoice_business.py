"""Invoices print the business's address, e-mail, tax id and how to pay in the invoice's currency."""

from __future__ import annotations

import pytest

from tests.helpers.ledger import client, sent_invoice
from vatui.services.documents.invoice import render
from vatui.services.settings.edit import set_settings
from vatui.store.workspace import Workspace


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_business_and_payment_details_on_the_invoice(ws: Workspace, fmt: str) -> None:
    set_settings(
        ws,
        {
            "business_name": "Ana Gómez VA",
            "business_address": "Calle 1 # 2-3\nBogotá",
            "business_email": "ana@example.com",
            "business_tax_id": "900.123.456-7",
            "payment_details.EUR": "IBAN ES12 <b>3456</b>",
            "payment_details.*": "PayPal ana@example.com",
        },
    )
    inv = sent_invoice(ws, client(ws, "Acme"), 10000)  # in EUR
    doc = render(ws, inv.id or 0, fmt)
    if fmt == "md":
        assert "IBAN ES12 \\<b\\>3456\\</b\\>" in doc  # markdown-escaped, never markup
        doc = doc.replace("\\", "")
    for text in (
        "Ana Gómez VA",
        "Calle 1",
        "Bogotá",
        "ana@example.com",
        "Tax id: 900.123.456-7",
        "How to pay:",
    ):
        assert text in doc
    assert "PayPal" not in doc  # the EUR details win over the ones for any currency
    if fmt == "html":
        assert "IBAN ES12 &lt;b&gt;3456&lt;/b&gt;" in doc
    else:
        assert "IBAN ES12 " in doc


def test_any_currency_details_when_none_of_its_own(ws: Workspace) -> None:
    set_settings(ws, {"payment_details.*": "PayPal ana@example.com"})
    inv = sent_invoice(ws, client(ws, "Acme"), 10000)
    assert "PayPal ana@example.com" in render(ws, inv.id or 0, "txt")
    set_settings(ws, {"payment_details.*": ""})
    assert "How to pay" not in render(ws, inv.id or 0, "txt")
