"""Named tax lines, added and withheld: the arithmetic, settlements' parts, reading and checks."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from vatui.domain.doc_check import BadDocument, check_doc
from vatui.domain.errors import InputError
from vatui.domain.invoicing import amount_due, settlements, totals
from vatui.domain.ledger import Invoice, LineItem, Payment, TaxLine
from vatui.domain.money import Money
from vatui.domain.numbers import COMMA
from vatui.domain.reports import pnl
from vatui.domain.taxes import check_tax_lines, read_tax_spec, tax_label

D = date(2026, 11, 1)
IVA = TaxLine(name="IVA", rate="21")
IRPF = TaxLine(name="IRPF", kind="withheld", rate="15")


def invoice(
    *prices: int, taxes: tuple[TaxLine, ...] = (IVA, IRPF), cur: str = "EUR", discount: int = 0
) -> Invoice:
    return Invoice(
        id=1,
        number="INV-2026-0001",
        client_id=1,
        issue_date=D,
        due_date=date(2026, 11, 15),
        currency=cur,
        items=tuple(LineItem(description=f"w{n}", unit_price=Money(p, cur)) for n, p in enumerate(prices)),
        taxes=taxes,
        discount=Money(discount, cur) if discount else None,
        status="sent",
    )


def test_iva_added_and_irpf_withheld_give_the_amount_due() -> None:
    t = totals(invoice(100000))
    assert [(x.line.name, x.amount.minor, x.signed.minor) for x in t.taxes] == [
        ("IVA", 21000, 21000),
        ("IRPF", 15000, -15000),
    ]
    assert (t.base, t.added, t.withheld, t.total) == (
        Money(100000, "EUR"),
        Money(21000, "EUR"),
        Money(15000, "EUR"),
        Money(106000, "EUR"),
    )


def test_every_line_is_on_the_base_after_the_discount() -> None:
    vat = TaxLine(name="VAT", rate="20")
    levy = TaxLine(name="Levy", rate="1.5")
    t = totals(invoice(60000, 40000, taxes=(vat, levy, IRPF), discount=10000))
    assert t.base == Money(90000, "EUR")
    assert [x.amount.minor for x in t.taxes] == [18000, 1350, 13500]
    assert t.total == Money(90000 + 18000 + 1350 - 13500, "EUR")


def test_each_line_is_rounded_half_up_once_per_invoice() -> None:
    # three items of 0.15 → base 0.45; 21 % = 0.0945 → 0.09; 15 % = 0.0675 → 0.07
    t = totals(invoice(15, 15, 15))
    assert [x.amount.minor for x in t.taxes] == [9, 7]
    # per item it would have been 3 × round(3.15) = 9 and 3 × round(2.25) = 6: not what we do
    assert t.total.minor == 45 + 9 - 7
    # a half cent exactly rounds up: 0.50 × 21 % = 0.105 → 0.11
    assert totals(invoice(50, taxes=(IVA,))).taxes[0].amount.minor == 11


def test_zero_decimal_currencies_round_to_whole_units() -> None:
    t = totals(invoice(1001, cur="JPY", taxes=(TaxLine(name="消費税", rate="10"), IRPF)))
    assert [x.amount for x in t.taxes] == [Money(100, "JPY"), Money(150, "JPY")]
    assert t.total == Money(1001 + 100 - 150, "JPY")


def test_an_old_invoice_with_tax_percent_reads_as_one_added_unnamed_line() -> None:
    doc = Invoice(
        number="INV-2025-0001",
        client_id=1,
        issue_date=D,
        due_date=D,
        currency="EUR",
        items=(LineItem(description="a", unit_price=Money(12500, "EUR")),),
    ).to_doc()
    del doc["taxes"]
    old = Invoice.from_doc({**doc, "tax_percent": "20"}, 7)
    assert old.id == 7
    assert old.taxes == (TaxLine(name="", kind="added", rate="20"),)
    assert totals(old).total == Money(15000, "EUR")
    assert Invoice.from_doc({**doc, "tax_percent": "0"}).taxes == ()
    assert "tax_percent" not in old.to_doc() and old.to_doc()["taxes"][0]["rate"] == "20"


@example(
    amounts=[1, 1, 1], price=3, specs=[("added", "19"), ("added", "19")]
)  # two lines rounded up on a cent
@example(amounts=[1, 1, 1], price=4, specs=[("added", "15"), ("added", "15")])
@given(
    st.lists(st.integers(min_value=1, max_value=80_000), min_size=1, max_size=8),
    st.integers(min_value=1, max_value=900_000),
    st.lists(
        st.tuples(
            st.sampled_from(["added", "withheld"]), st.sampled_from(["1", "4", "7.7", "15", "19", "21"])
        ),
        min_size=0,
        max_size=4,
    ),
)
def test_settlements_parts_add_up_to_every_line_and_to_the_base(
    amounts: list[int], price: int, specs: list[tuple[str, str]]
) -> None:
    lines = tuple(TaxLine(name=f"T{n}", kind=kind, rate=rate) for n, (kind, rate) in enumerate(specs))
    withheld = sum(float(r) for k, r in specs if k == "withheld")
    if withheld >= 100:
        return
    inv = invoice(price, taxes=lines)
    t = totals(inv)
    if t.total.minor <= 0:
        return
    pays = [
        Payment(id=i + 1, invoice_id=1, on=date(2026, 11, 2 + i), amount=Money(a, "EUR"))
        for i, a in enumerate(amounts)
    ]
    parts = settlements(inv, pays, t)
    paid = sum(s.applied.minor for s in parts)
    assert paid == min(sum(amounts), t.total.minor)
    for s in parts:  # every settlement balances: cash + withheld = base + added
        assert s.applied.minor + s.withheld.minor == s.net.minor + s.added.minor
        assert all(x.amount.minor >= 0 for x in s.taxes) and s.net.minor >= 0
    if paid == t.total.minor:
        for n, line in enumerate(t.taxes):
            assert sum(s.taxes[n].amount.minor for s in parts) == line.amount.minor
        assert sum(s.net.minor for s in parts) == t.base.minor
        assert amount_due(inv, pays, t=t).minor == 0


def test_pnl_income_is_the_base_and_withheld_is_its_own_line() -> None:
    inv = invoice(100000)
    half = Payment(id=1, invoice_id=1, on=date(2026, 11, 10), amount=Money(53000, "EUR"))
    rest = Payment(id=2, invoice_id=1, on=date(2026, 12, 10), amount=Money(53000, "EUR"))
    rows = pnl([(inv, [half, rest])], [])
    assert [(r.month, r.income.minor, r.withheld.minor) for r in rows] == [
        ("2026-11", 50000, 7500),
        ("2026-12", 50000, 7500),
    ]


@pytest.mark.parametrize(
    ("text", "kind", "fmt", "want"),
    [
        ("IVA=21", "added", False, TaxLine(name="IVA", rate="21")),
        ("16", "added", False, TaxLine(name="", rate="16")),
        ("IRPF=15", "withheld", False, TaxLine(name="IRPF", kind="withheld", rate="15")),
        ("IVA=21,5", "added", COMMA, TaxLine(name="IVA", rate="21.5")),
        (" Sales tax = 7.25 % ", "added", False, TaxLine(name="Sales tax", rate="7.25")),
    ],
)
def test_what_the_va_types_reads_as_a_line(text: str, kind: str, fmt: object, want: TaxLine) -> None:
    assert read_tax_spec(text, kind, fmt) == want  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "kind", "says"),
    [
        ("IVA=0", "added", "above 0"),
        ("IVA=abc", "added", "tax rate"),
        ("X=101", "withheld", "at most 100"),
        ("15", "withheld", "needs a name"),
        ("=15", "added", "needs a name"),
        ("I\x1b[31mVA=21", "added", "control character"),
        ("A" * 41 + "=21", "added", "too long"),
        ("IVA=-5", "added", "tax rate"),
    ],
)
def test_bad_tax_specs_are_refused(text: str, kind: str, says: str) -> None:
    with pytest.raises(InputError, match=says):
        read_tax_spec(text, kind)


def test_at_most_ten_lines_and_no_name_twice() -> None:
    check_tax_lines([TaxLine(name=f"T{n}", rate="1") for n in range(10)])
    with pytest.raises(InputError, match="at most 10"):
        check_tax_lines([TaxLine(name=f"T{n}", rate="1") for n in range(11)])
    with pytest.raises(InputError, match="twice"):
        check_tax_lines([IVA, TaxLine(name="iva", rate="10")])


def test_labels_show_name_rate_and_a_minus_when_withheld() -> None:
    assert tax_label(IVA) == "IVA 21 %"
    assert tax_label(IRPF) == "IRPF −15 %"
    assert tax_label(TaxLine(rate="7.5")) == "Tax 7.5 %"


BASE = {
    "number": "INV-2026-0001",
    "client_id": 1,
    "issue_date": "2026-11-01",
    "due_date": "2026-11-15",
    "currency": "EUR",
}


@pytest.mark.parametrize(
    ("taxes", "says"),
    [
        ([{"name": "IVA", "kind": "added", "rate": "0"}], "taxes[0]"),
        ([{"name": "IVA", "kind": "added", "rate": "100.5"}], "taxes[0]"),
        ([{"name": "IVA", "kind": "sideways", "rate": "21"}], "taxes[0]"),
        ([{"name": "I\x1bVA", "kind": "added", "rate": "21"}], "taxes[0]"),
        ([{"name": "N" * 41, "kind": "added", "rate": "21"}], "taxes[0]"),
        ([{"name": f"T{n}", "kind": "added", "rate": "1"} for n in range(11)], "at most 10"),
        ([{"name": "IVA", "kind": "added", "rate": 21}], "taxes[0].rate"),
    ],
)
def test_stored_tax_lines_are_checked(taxes: list[dict[str, object]], says: str) -> None:
    with pytest.raises(BadDocument, match=says.replace("[", r"\[").replace("]", r"\]")):
        check_doc(Invoice, {**BASE, "taxes": taxes}, 1, "invoices #1")
    check_doc(Invoice, {**BASE, "taxes": [{"name": "IVA", "kind": "added", "rate": "21"}]}, 1, "invoices #1")


def test_a_stored_invoice_with_both_shapes_is_refused() -> None:
    check_doc(Invoice, {**BASE, "tax_percent": "20"}, 1, "invoices #1")
    with pytest.raises(BadDocument, match="both"):
        check_doc(Invoice, {**BASE, "tax_percent": "20", "taxes": []}, 1, "invoices #1")
