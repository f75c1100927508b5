"""The invoices list keeps its columns apart in every language: a draft's label
(``borrador #10208`` in Spanish, fifteen characters) never runs into its due date."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from vatui.domain.ledger import invoice_label
from vatui.domain.ledger_rows import InvoiceRow
from vatui.domain.money import Money
from vatui.i18n import set_language
from vatui.ui.widgets.ledger_list import invoice_header, invoice_line


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    yield request.param
    set_language("en")


@pytest.mark.parametrize("invoice_id", [7, 999, 10208, 99999])
def test_a_draft_label_never_runs_into_its_due_date(language: str, invoice_id: int) -> None:
    label = invoice_label("", invoice_id)
    row = InvoiceRow(
        invoice_id,
        label,
        "2026-12-01",
        "standard",
        "Café Olé",
        Money(5250, "EUR"),
        "draft",
        None,
        "2026-12-31",
    )
    line = invoice_line(row, 80).plain
    assert line.startswith(label + " "), line
    assert line[len(label) :].lstrip().startswith("2026-12-31"), line


def test_the_header_and_a_line_are_as_wide_as_the_list(language: str) -> None:
    row = InvoiceRow(
        1,
        "INV-2026-0001",
        "2026-12-01",
        "standard",
        "A" * 60,
        Money(5250, "EUR"),
        "sent",
        "1-30",
        "2026-12-31",
    )
    for width in (80, 100):
        assert len(invoice_line(row, width).plain) <= width
        assert len(invoice_header(width).plain) <= width
