"""A tax line typed in a form's row (name, added/withheld, rate in the workspace's number
format), and the totals a form previews from a base: the same checks and arithmetic as
``read_tax_spec`` and ``totals``."""

from __future__ import annotations

from datetime import date

import pytest

from vatui.domain.errors import InputError
from vatui.domain.invoicing import totals, totals_from
from vatui.domain.ledger import Invoice, LineItem, TaxLine
from vatui.domain.money import Money
from vatui.domain.numbers import COMMA
from vatui.domain.taxes import read_tax_row

IVA = TaxLine(name="IVA", rate="21")
IRPF = TaxLine(name="IRPF", kind="withheld", rate="15")


def test_a_row_reads_like_the_command_line_in_the_workspace_number_format() -> None:
    assert read_tax_row(" IVA ", "added", "21") == IVA
    assert read_tax_row("IRPF", "withheld", "15 %") == IRPF
    assert read_tax_row("IVA", "added", "21,5", COMMA).rate == "21.5"
    assert read_tax_row("", "added", "20") == TaxLine(rate="20")


@pytest.mark.parametrize(
    ("name", "kind", "rate", "why"),
    [
        ("IRPF", "withheld", "", "rate"),
        ("", "withheld", "15", "name"),
        ("IVA", "added", "0", "above 0"),
        ("IVA", "added", "101", "100"),
        ("IVA", "added", "21.5", "two ways"),
        ("IVA\x1b[31m", "added", "21", "control"),
        ("IVA", "sideways", "21", "added or withheld"),
    ],
)
def test_a_row_that_does_not_read_is_refused(name: str, kind: str, rate: str, why: str) -> None:
    with pytest.raises(InputError) as err:
        read_tax_row(name, kind, rate, COMMA if why == "two ways" else False)
    if why != "two ways":
        assert why in str(err.value)


def test_totals_from_is_the_arithmetic_of_totals() -> None:
    base = Money(100000, "EUR")
    sums = totals_from(Money(110000, "EUR"), Money(10000, "EUR"), (IVA, IRPF))
    assert [t.signed for t in sums.taxes] == [Money(21000, "EUR"), Money(-15000, "EUR")]
    assert (sums.base, sums.added, sums.withheld) == (base, Money(21000, "EUR"), Money(15000, "EUR"))
    assert sums.total == Money(106000, "EUR")
    inv = Invoice(
        number="",
        client_id=1,
        issue_date=date(2026, 11, 1),
        due_date=date(2026, 11, 15),
        currency="EUR",
        items=(LineItem(description="w", unit_price=base),),
        taxes=(IVA, IRPF),
    )
    assert totals(inv) == totals_from(base, Money.zero("EUR"), (IVA, IRPF))
