"""The archive's money per client and income per month: what the clients report and the
profit and loss need of a year's invoices and payments, derived when a year file is written
(``vatui.store.archive_derived.client_money`` and ``month_income``).

Both reports read the same figures from them as from every archived invoice read as a
record by the full rules, without parsing the years' heads, invoices or payments; they read
the records instead whenever the sums might not be the whole truth: an invoice or a payment
both live and archived (a run interrupted between its two steps), in two years, a live
payment of an archived invoice, a day before the last one the sums count, a P&L from a day
that is not the first of a month, a year file without them (an older vatui's) or edited by
hand. The sums never show up as records.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.helpers.ledger_shapes import DAYS, NOW, make_books
from vatui.domain import reports
from vatui.domain.clock import FixedClock
from vatui.domain.ledger import Invoice, Payment
from vatui.services.common import client_names
from vatui.services.exchange.backup import export_json
from vatui.services.ledger.data import minutes_by_client
from vatui.services.ledger.reports import clients_report, pnl_report
from vatui.services.queries import client_docs
from vatui.store import archive, archive_derived
from vatui.store.workspace import Workspace

MONEY = archive_derived.MONEY
MONTHS = archive_derived.MONTHS
LATE = date(2027, 2, 1)
"""After every payment of the archive (one is dated 2027-01-10)."""


def _years(directory: Path) -> list[Path]:
    return [archive.archive_path(directory, y) for y in archive.archive_years(directory)]


def _billed(invoices: dict[str, Any], payments: dict[str, Any]) -> list[tuple[Invoice, list[Payment]]]:
    paid: dict[int, list[Payment]] = {}
    for key, doc in payments.items():
        paid.setdefault(int(doc["invoice_id"]), []).append(Payment.from_doc(doc, int(key)))
    return [(Invoice.from_doc(doc, int(key)), paid.get(int(key), [])) for key, doc in invoices.items()]


def _slow_report(ws: Workspace, on: date) -> list[reports.ClientRow]:
    """The clients report with every invoice, live and archived (the live copy wins), built
    as a record and read by the full rules with every payment."""
    invoices = archive.all_docs(ws, "invoices")
    payments = archive.all_docs(ws, "payments")
    currency_of = {int(k): str(d.get("currency", "USD")) for k, d in client_docs(ws).items()}
    every, billable = minutes_by_client(ws)
    return reports.by_client(_billed(invoices, payments), client_names(ws), currency_of, every, billable, on)


def _slow_pnl(ws: Workspace, start: date | None, end: date | None) -> list[reports.PnlRow]:
    """The profit and loss with every invoice built as a record, as ``_slow_report``."""
    from vatui.domain.ledger import Expense

    expenses = [Expense.from_doc(d, int(k)) for k, d in ws.docs("expenses").items()]
    billed = _billed(archive.all_docs(ws, "invoices"), archive.all_docs(ws, "payments"))
    return reports.pnl(billed, expenses, start, end)


@pytest.fixture(scope="module", params=[0, 11], ids=["every-shape", "demo"])
def books(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("money") / "data"
    make_books(directory, request.param).close()
    return directory


@pytest.fixture
def copy(books: Path, tmp_path: Path) -> Iterator[Path]:
    """A private copy of the books, to damage."""
    directory = tmp_path / "data"
    shutil.copytree(books, directory)
    archive._cache.clear()
    yield directory
    archive._cache.clear()


class _Reads:
    """The tables the report asks of the year files."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[tuple[str, ...] | None] = []
        real = archive.read_year

        def spy(path: Path, tables: tuple[str, ...] | None = None) -> archive.Year:
            self.asked.append(tables)
            return real(path, tables)

        monkeypatch.setattr("vatui.services.queries.read_year", spy)

    def records(self) -> set[str]:
        """Which of the years' invoices, heads and payments were asked for."""
        wanted = {"invoices", "payments", archive_derived.HEADS}
        return {t for tables in self.asked for t in (tables or ("*",)) if t in wanted or t == "*"}


def test_each_year_file_holds_the_money_of_its_invoices(books: Path) -> None:
    seen = 0
    for path in _years(books):
        whole = orjson.loads(path.read_bytes())
        billed = _billed(whole.get("invoices", {}), whole.get("payments", {}))
        rows = reports.by_client(billed, {}, {}, {}, {}, date.max)
        want: dict[str, dict[str, Any]] = {}
        for row in rows:
            mine = [
                (inv, pays)
                for inv, pays in billed
                if (inv.client_id, inv.currency) == (row.client_id, row.currency)
                and inv.status not in ("draft", "void")
            ]
            days = [inv.issue_date for inv, _ in mine] + [p.on for _, pays in mine for p in pays]
            want.setdefault(str(row.client_id), {})[row.currency] = {
                "revenue": row.revenue.minor,
                "invoiced": row.invoiced.minor,
                "owed": row.outstanding.minor,
                "last": max(days).isoformat(),
                "ids": sorted(inv.id or 0 for inv, _ in mine),
                "paid": sorted(p.id or 0 for _, pays in mine for p in pays),
            }
            seen += len(mine)
        assert whole[MONEY] == want, path
    assert seen


def test_each_year_file_holds_the_income_of_its_invoices_by_month(books: Path) -> None:
    seen = 0
    for path in _years(books):
        whole = orjson.loads(path.read_bytes())
        want: dict[str, dict[str, dict[str, int]]] = {}
        for entry in reports.income_entries(_billed(whole.get("invoices", {}), whole.get("payments", {}))):
            month = want.setdefault(f"{entry.on.year:04d}{entry.on.month:02d}", {})
            sums = month.setdefault(entry.amount.currency, {"net": 0, "withheld": 0})
            sums["net"] += entry.amount.minor
            sums["withheld"] += entry.withheld.minor
            seen += 1
        assert whole[MONTHS] == want, path
    assert seen


@pytest.mark.parametrize("day", [*DAYS, LATE])
def test_the_clients_report_counts_the_same_money_as_every_invoice_read_whole(books: Path, day: date) -> None:
    ws = Workspace.open(books, FixedClock(NOW))
    assert clients_report(ws, day) == _slow_report(ws, day)
    ws.close()


@pytest.mark.parametrize(
    ("day", "read"),
    [(LATE, set()), (date(2025, 3, 1), {archive_derived.HEADS, "payments"})],
    ids=["after-every-payment", "before-the-last"],
)
def test_the_clients_report_reads_the_sums_unless_the_day_is_before_the_last_they_count(
    books: Path, monkeypatch: pytest.MonkeyPatch, day: date, read: set[str]
) -> None:
    ws = Workspace.open(books, FixedClock(NOW))
    reads = _Reads(monkeypatch)
    assert clients_report(ws, day) == _slow_report(ws, day)
    assert reads.asked and reads.records() == read
    ws.close()


RECORDS = {archive_derived.HEADS, "payments"}


@pytest.mark.parametrize("day", [*DAYS, LATE])
def test_the_client_card_counts_the_same_revenue_as_every_invoice_read_whole(
    books: Path, monkeypatch: pytest.MonkeyPatch, day: date
) -> None:
    from vatui.services.clients.card import client_detail

    ws = Workspace.open(books, FixedClock(NOW))
    billed = _billed(archive.all_docs(ws, "invoices"), archive.all_docs(ws, "payments"))
    reads = _Reads(monkeypatch)
    for key in sorted(ws.docs("clients"), key=int):
        client = int(key)
        assert client_detail(ws, client, day).revenue == reports.client_revenue(billed, client, day), client
    if day == LATE:
        assert reads.records() == set()
    ws.close()


@pytest.mark.parametrize(
    ("start", "end", "read"),
    [
        (None, None, set()),
        (None, LATE, set()),
        (date(2025, 1, 1), LATE, set()),
        (date(2026, 11, 1), LATE, set()),
        (date(2025, 1, 2), LATE, RECORDS),  # not the first of a month
        (None, date(2025, 12, 31), RECORDS),  # before the last day the sums count
        (date(2024, 6, 1), date(2025, 3, 1), RECORDS),
    ],
)
def test_the_profit_and_loss_reads_the_sums_when_they_are_the_whole_truth(
    books: Path, monkeypatch: pytest.MonkeyPatch, start: date | None, end: date | None, read: set[str]
) -> None:
    ws = Workspace.open(books, FixedClock(NOW))
    reads = _Reads(monkeypatch)
    assert pnl_report(ws, start, end) == _slow_pnl(ws, start, end)
    assert reads.asked and reads.records() == read
    ws.close()


def _archived(directory: Path, table: str) -> tuple[str, dict[str, Any]]:
    """An archived document of ``table`` that has payments (invoices) or is one."""
    for path in _years(directory):
        whole = orjson.loads(path.read_bytes())
        paid = {str(d["invoice_id"]) for d in whole.get("payments", {}).values()}
        for key, doc in whole.get(table, {}).items():
            if table != "invoices" or key in paid:
                return key, doc
    raise AssertionError(f"no archived {table}")


def _judge(directory: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both reports equal every invoice read whole, and each read the archived records."""
    ws = Workspace.open(directory, FixedClock(NOW))
    reads = _Reads(monkeypatch)
    assert clients_report(ws, LATE) == _slow_report(ws, LATE)
    assert reads.records(), "the sums were trusted"
    reads.asked.clear()
    assert pnl_report(ws, None, LATE) == _slow_pnl(ws, None, LATE)
    assert reads.records(), "the sums were trusted"
    ws.close()


def test_an_invoice_both_live_and_archived_counts_as_its_live_copy(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run killed between writing the year and dropping the live copies, then the live
    copy changed (a restore of an older backup): the live copy counts."""
    key, doc = _archived(copy, "invoices")
    ws = Workspace.open(copy, FixedClock(NOW))
    with ws.transaction(None):
        ws.put_doc(
            "invoices", int(key), {**doc, "status": "sent", "discount": None, "client_id": doc["client_id"]}
        )
    ws.close()
    _judge(copy, monkeypatch)


def test_a_payment_both_live_and_archived_counts_as_its_live_copy(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key, doc = _archived(copy, "payments")
    ws = Workspace.open(copy, FixedClock(NOW))
    with ws.transaction(None):
        amount = {**doc["amount"], "minor": int(doc["amount"]["minor"]) - 1}
        ws.put_doc("payments", int(key), {**doc, "amount": amount})
    ws.close()
    _judge(copy, monkeypatch)


def test_a_live_payment_of_an_archived_invoice_counts(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key, doc = _archived(copy, "invoices")
    ws = Workspace.open(copy, FixedClock(NOW))
    with ws.transaction(None) as tx:
        tx.insert(
            "payments",
            {
                "invoice_id": int(key),
                "on": "2026-11-20",
                "amount": {"minor": 777, "currency": doc["currency"]},
            },
        )
    ws.close()
    _judge(copy, monkeypatch)


def _rewrite(path: Path, tables: dict[str, Any]) -> None:
    """Write a year file as the archive does: its records and what derives from them."""
    from vatui.store import layout

    payload = {"meta": {"1": {"schema": orjson.loads(path.read_bytes())["meta"]["1"]["schema"]}}, **tables}
    payload.update(archive_derived.derived_tables(tables))
    path.write_bytes(layout.encode(payload, layout.table_json, {}))
    archive._cache.clear()


def test_an_invoice_in_two_years_counts_once(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An invoice and its payments in two year files, each with sums that count them."""
    key, doc = _archived(copy, "invoices")
    source = next(p for p in _years(copy) if key in archive.read_year(p, ("invoices",)).get("invoices", {}))
    payments = {
        k: d
        for k, d in archive.read_year(source, ("payments",))["payments"].items()
        if str(d["invoice_id"]) == key
    }
    other = next(p for p in _years(copy) if p != source)
    tables = {name: dict(docs) for name, docs in archive.read_year(other).items()}
    tables.setdefault("invoices", {})[key] = doc
    tables.setdefault("payments", {}).update(payments)
    _rewrite(other, tables)
    assert archive_derived.MONEY in orjson.loads(other.read_bytes())
    _judge(copy, monkeypatch)


def test_sums_of_a_file_edited_by_hand_are_not_trusted(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for path in _years(copy):  # lies in the sums: a hand edit (the file is then parsed whole)
        whole = orjson.loads(path.read_bytes())
        for by_currency in whole.get(MONEY, {}).values():
            for row in by_currency.values():
                row.update(revenue=1, invoiced=1, owed=1)
        for by_currency in whole.get(MONTHS, {}).values():
            for sums in by_currency.values():
                sums.update(net=1, withheld=1)
        path.write_bytes(orjson.dumps(whole, option=orjson.OPT_INDENT_2))
    archive._cache.clear()
    _judge(copy, monkeypatch)


def test_a_year_file_without_sums_is_read_by_its_invoices(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older vatui's year file (the layout, the heads and minutes, no money): no migration."""
    from vatui.store import layout

    path = _years(copy)[-1]
    stored = dict(archive.read_year(path))
    payload = {"meta": {"1": {"schema": orjson.loads(path.read_bytes())["meta"]["1"]["schema"]}}, **stored}
    payload.update(
        {k: v for k, v in archive_derived.derived_tables(stored).items() if k not in (MONEY, MONTHS)}
    )
    path.write_bytes(layout.encode(payload, layout.table_json, {}))
    archive._cache.clear()
    assert archive.read_year(path, (archive_derived.HEADS,)) != {}  # still read lazily
    _judge(copy, monkeypatch)


def _invoice(status: str = "paid", client: Any = 1) -> dict[str, Any]:
    return {
        "client_id": client,
        "currency": "EUR",
        "status": status,
        "issue_date": "2024-01-02",
        "due_date": "2024-01-09",
        "taxes": [],
        "items": [{"unit_price": {"minor": 1000, "currency": "EUR"}, "quantity": "2"}],
    }


def _payment(invoice: int, minor: int = 2000, on: str = "2024-01-05") -> dict[str, Any]:
    return {"invoice_id": invoice, "on": on, "amount": {"minor": minor, "currency": "EUR"}}


def test_the_money_of_a_year_of_plain_invoices() -> None:
    tables = {
        "invoices": {"1": _invoice(), "2": _invoice(), "3": _invoice("void")},
        "payments": {
            "5": _payment(1),
            "6": _payment(2, 500, "2024-02-01"),
            "7": _payment(2, 2000, "2024-03-01"),
        },
    }
    assert archive_derived.client_money(tables) == {
        "1": {
            "EUR": {
                "revenue": 4000,
                "invoiced": 4000,
                "owed": 0,
                "last": "2024-03-01",
                "ids": [1, 2],
                "paid": [5, 6, 7],
            }
        }
    }
    assert archive_derived.month_income(tables) == {
        "202401": {"EUR": {"net": 2000, "withheld": 0}},
        "202402": {"EUR": {"net": 500, "withheld": 0}},
        "202403": {"EUR": {"net": 1500, "withheld": 0}},
    }


@pytest.mark.parametrize(
    "tables",
    [
        {"invoices": {"1": _invoice()}, "payments": {"5": _payment(2)}},  # of an invoice elsewhere
        {"invoices": {"1": _invoice("void")}, "payments": {"5": _payment(1)}},  # of one not counted
        {"invoices": {"1": _invoice(client="1")}, "payments": {}},  # a client id not a number
        {"invoices": {"1": _invoice(client=True)}, "payments": {}},
        {"invoices": {"1": {**_invoice(), "due_date": None}}, "payments": {}},  # no invoice
    ],
    ids=["elsewhere", "not-counted", "text-client", "bool-client", "broken"],
)
def test_a_year_whose_money_cannot_be_told_from_it_has_none(tables: dict[str, Any]) -> None:
    assert archive_derived.client_money(tables) is None
    assert archive_derived.month_income(tables) is None
    assert not {MONEY, MONTHS} & archive_derived.derived_tables(tables).keys()


@pytest.mark.parametrize("table", [MONEY, MONTHS])
def test_sums_never_show_up_as_records(books: Path, table: str) -> None:
    ws = Workspace.open(books, FixedClock(NOW))
    for path in _years(books):
        assert table in orjson.loads(path.read_bytes())
        assert table not in archive.read_year(path)
    assert table not in archive.archive_tables(books)
    assert table not in json.dumps(export_json(ws))
    ws.close()
