"""The demo workspace: seeded, believable, consistent, and quick enough to make 50,000 records."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import orjson
import pytest

from vatui.demo.workspace import DATA_TABLES, HOME_TZ, generate, parse_size
from vatui.domain.clients import Client, Contact
from vatui.domain.clock import FixedClock
from vatui.domain.errors import InputError
from vatui.domain.invoicing import round_minutes, settlements, status_after, totals
from vatui.domain.ledger import Expense, Invoice, Payment
from vatui.domain.reports import held
from vatui.domain.settings import Settings
from vatui.domain.tasks import Task, TimeEntry
from vatui.services.tasks.manage import add_task
from vatui.services.today.triage import triage
from vatui.store.schema import TABLES
from vatui.store.workspace import Workspace

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
TODAY = date(2026, 11, 27)
KINDS = {
    "clients": Client,
    "tasks": Task,
    "time": TimeEntry,
    "contacts": Contact,
    "invoices": Invoice,
    "payments": Payment,
    "expenses": Expense,
}


def _open(directory: Path) -> Workspace:
    return Workspace.open(directory, FixedClock(NOW))


def _tables(ws: Workspace) -> dict[str, dict[str, Any]]:
    return {table: dict(ws.docs(table)) for table in TABLES}


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """The large demo, generated once for the module."""
    ws = _open(tmp_path_factory.mktemp("large"))
    generate(ws, clients=40, seed=7)
    yield ws
    ws.close()


@pytest.fixture
def small(ws: Workspace) -> Workspace:
    """The small demo at the fixed clock."""
    generate(ws, clients=5, seed=7)
    return ws


@pytest.fixture(params=["small", "large"])
def demo(request: pytest.FixtureRequest) -> Workspace:
    """Each demo size in turn."""
    workspace: Workspace = request.getfixturevalue(request.param)
    return workspace


# sizes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "clients"), [("small", 5), ("large", 40), ("LARGE", 40), (" 12 ", 12), ("1", 1), ("500", 500)]
)
def test_parse_size_reads_names_and_numbers(text: str, clients: int) -> None:
    assert parse_size(text) == clients


@pytest.mark.parametrize("text", ["", "huge", "0", "-3", "501", "2.5", "1e3"])
def test_parse_size_refuses_anything_else(text: str) -> None:
    with pytest.raises(InputError, match="size must be"):
        parse_size(text)


def test_small_demo_is_five_clients_tens_of_tasks_and_a_month_of_time(small: Workspace) -> None:
    counts = {table: len(small.docs(table)) for table in DATA_TABLES}
    assert counts["clients"] == 5
    assert 20 <= counts["tasks"] < 100
    assert all(counts[table] > 0 for table in DATA_TABLES)
    starts = [TimeEntry.from_doc(d).start for d in small.docs("time").values()]
    assert NOW - min(starts) < timedelta(days=40)
    assert NOW - min(starts) > timedelta(days=25)


def test_large_demo_holds_fifty_thousand_records_over_three_years(large: Workspace) -> None:
    total = sum(len(large.docs(table)) for table in TABLES)
    assert total >= 50_000
    assert len(large.docs("clients")) == 40
    assert len(large.docs("tasks")) >= 5_000
    assert len(large.docs("time")) >= 30_000
    starts = [d["start"] for d in large.docs("time").values()]
    assert datetime.fromisoformat(min(starts)) < NOW - timedelta(days=2 * 365 + 300)
    statuses = Counter(d["status"] for d in large.docs("clients").values())
    assert set(statuses) == {"lead", "prospect", "active", "paused", "former"}


def test_generate_returns_what_it_wrote(ws: Workspace) -> None:
    counts = generate(ws, clients=5, seed=3)
    assert counts == {table: len(ws.docs(table)) for table in DATA_TABLES}


# determinism -------------------------------------------------------------------------


def test_same_seed_and_clock_give_the_same_workspace(tmp_path: Path) -> None:
    first, second, other = _open(tmp_path / "a"), _open(tmp_path / "b"), _open(tmp_path / "c")
    generate(first, clients=8, seed=11)
    generate(second, clients=8, seed=11)
    generate(other, clients=8, seed=12)
    assert _tables(first) == _tables(second)
    assert _tables(first)["tasks"] != _tables(other)["tasks"]


def test_demo_is_dated_relative_to_the_clock(tmp_path: Path) -> None:
    later = Workspace.open(tmp_path / "later", FixedClock(NOW + timedelta(days=100)))
    generate(later, clients=5, seed=7)
    newest = max(d["start"] for d in later.docs("time").values())
    assert datetime.fromisoformat(newest) > NOW + timedelta(days=90)


# refusing and replacing --------------------------------------------------------------


def test_a_workspace_with_data_is_refused_and_left_as_it_was(small: Workspace) -> None:
    before = small.path.read_bytes()
    with pytest.raises(InputError, match="already holds"):
        generate(small, clients=5, seed=7)
    assert small.path.read_bytes() == before


def test_even_a_single_task_is_protected(ws: Workspace) -> None:
    add_task(ws, "My own task")
    with pytest.raises(InputError):
        generate(ws, clients=5, seed=7)
    assert [d["title"] for d in ws.docs("tasks").values()] == ["My own task"]


def test_replace_gives_exactly_a_fresh_demo_and_no_undo(ws: Workspace, tmp_path: Path) -> None:
    add_task(ws, "To be replaced")
    generate(ws, clients=5, seed=1, replace=True)
    generate(ws, clients=5, seed=7, replace=True)
    fresh = _open(tmp_path / "fresh")
    generate(fresh, clients=5, seed=7)
    mine, theirs = _tables(ws), _tables(fresh)
    for table in DATA_TABLES:
        assert mine[table] == theirs[table], table
    assert ws.undo_label() is None


def test_ids_start_past_the_archive_floor(ws: Workspace) -> None:
    with ws.transaction(None) as tx:
        tx.update("meta", 1, {"id_floor": {"tasks": 100, "invoices": 7}})
    generate(ws, clients=5, seed=7)
    assert min(int(k) for k in ws.docs("tasks")) == 101
    assert min(int(k) for k in ws.docs("invoices")) == 8
    _check_references(ws)


def test_settings_are_the_demo_business(small: Workspace) -> None:
    settings = small.settings()
    assert settings.business_name == "Northstar Virtual Assistance"
    assert settings.home_timezone == "Europe/Madrid"
    assert settings.default_currency == "USD"
    assert settings.columns == Settings().columns


# consistency -------------------------------------------------------------------------


def test_every_document_loads_as_its_record(demo: Workspace) -> None:
    for table, kind in KINDS.items():
        records = demo.all(kind)
        assert len(records) == len(demo.docs(table))


def _check_references(ws: Workspace) -> None:
    ids = {table: {int(k) for k in ws.docs(table)} for table in DATA_TABLES}
    tasks = ws.docs("tasks")
    for doc in tasks.values():
        assert doc["client_id"] is None or doc["client_id"] in ids["clients"]
    for key, doc in ws.docs("time").items():
        assert doc["task_id"] is None or doc["task_id"] in ids["tasks"], key
        assert doc["client_id"] is None or doc["client_id"] in ids["clients"], key
        assert doc["task_id"] is not None or doc["client_id"] is not None, key
        if doc["task_id"] is not None:
            assert tasks[str(doc["task_id"])]["client_id"] == doc["client_id"], key
        assert doc["invoice_id"] is None or doc["invoice_id"] in ids["invoices"], key
    for doc in ws.docs("contacts").values():
        assert doc["client_id"] in ids["clients"]
    for doc in ws.docs("invoices").values():
        assert doc["client_id"] in ids["clients"]
        for item in doc["items"]:
            assert set(item["time_entry_ids"]) <= ids["time"]
    for doc in ws.docs("payments").values():
        assert doc["invoice_id"] in ids["invoices"]
    for doc in ws.docs("expenses").values():
        assert doc["template_id"] is None or doc["template_id"] in ids["expenses"]
        assert doc["client_id"] is None or doc["client_id"] in ids["clients"]


def test_every_reference_points_at_a_record(demo: Workspace) -> None:
    _check_references(demo)


def test_billed_time_is_on_exactly_one_line_of_its_invoice(demo: Workspace) -> None:
    time = demo.docs("time")
    linked: Counter[int] = Counter()
    for key, doc in demo.docs("invoices").items():
        for item in doc["items"]:
            if doc["status"] == "void":
                assert item["time_entry_ids"] == []
            for entry_id in item["time_entry_ids"]:
                entry = time[str(entry_id)]
                assert entry["invoice_id"] == int(key)
                assert entry["client_id"] == doc["client_id"]
                assert entry["billable"]
                linked[entry_id] += 1
    billed = {int(k) for k, d in time.items() if d["invoice_id"] is not None}
    assert set(linked) == billed
    assert set(linked.values()) == {1}
    assert any(d["billable"] and d["invoice_id"] is None for d in time.values())
    assert any(not d["billable"] for d in time.values())


def test_time_lines_bill_rounded_hours_at_the_clients_rate(demo: Workspace) -> None:
    time, clients = demo.docs("time"), demo.docs("clients")
    checked = 0
    for doc in demo.docs("invoices").values():
        client = clients[str(doc["client_id"])]
        assert doc["currency"] == client["currency"]
        for item in doc["items"]:
            assert item["unit_price"]["currency"] == doc["currency"]
            if doc["kind"] == "standard" and item["time_entry_ids"]:
                minutes = sum(time[str(i)]["minutes"] for i in item["time_entry_ids"])
                assert item["minutes"] == round_minutes(minutes, 15)
                assert Decimal(item["quantity"]) * 60 == item["minutes"]
                assert item["unit_price"] == client["hourly_rate"]
                checked += 1
    assert checked > 5


def test_invoice_numbers_are_gapless_per_year(demo: Workspace) -> None:
    by_year: dict[int, list[int]] = {}
    dates: dict[int, list[tuple[int, str]]] = {}
    for doc in demo.docs("invoices").values():
        if doc["status"] == "draft":
            assert doc["number"] == ""  # numbered when sent
            continue
        prefix, year, seq = doc["number"].split("-")
        dates.setdefault(int(year), []).append((int(seq), doc["issue_date"]))
        assert prefix == "INV" and len(seq) == 4
        assert int(year) == date.fromisoformat(doc["issue_date"]).year
        by_year.setdefault(int(year), []).append(int(seq))
    for numbers in by_year.values():
        assert sorted(numbers) == list(range(1, len(numbers) + 1))
    for pairs in dates.values():  # numbers follow issue dates
        issued = [day for _seq, day in sorted(pairs)]
        assert issued == sorted(issued)


def _walk(value: Any) -> Iterator[Any]:
    yield value
    if isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def test_money_is_integers_never_floats(demo: Workspace) -> None:
    raw = orjson.loads(demo.path.read_bytes())
    amounts = 0
    for value in _walk(raw):
        assert not isinstance(value, float)
        if isinstance(value, dict) and "minor" in value:
            assert type(value["minor"]) is int
            assert set(value) == {"minor", "currency"}
            amounts += 1
    assert amounts > 50


def test_nothing_happened_in_the_future(demo: Workspace) -> None:
    raw = orjson.loads(demo.path.read_bytes())
    moments = [v for v in _walk(raw) if isinstance(v, str) and len(v) >= 19 and v[10:11] == "T"]
    assert len(moments) > 100
    assert max(datetime.fromisoformat(v) for v in moments) <= NOW


@pytest.mark.parametrize("clock", ["00:05", "04:42", "08:35", "08:45"])
def test_nothing_happened_in_the_future_early_in_the_morning(tmp_path: Path, clock: str) -> None:
    """Made before the working day starts at home (the demo's Madrid), today's contacts are
    not later than now (a demo made at 04:42 once logged a contact at 08:30 that day)."""
    hour, minute = map(int, clock.split(":"))
    now = datetime(2026, 11, 27, hour, minute, tzinfo=ZoneInfo(HOME_TZ)).astimezone(UTC)
    ws = Workspace.open(tmp_path, FixedClock(now))
    generate(ws, clients=5, seed=7)
    contacts = [datetime.fromisoformat(doc["at"]) for doc in ws.docs("contacts").values()]
    ws.close()
    assert len(contacts) > 20 and max(contacts) <= now


def test_payments_match_the_status_by_the_ledgers_rules(demo: Workspace) -> None:
    by_invoice: dict[int, list[Payment]] = {}
    for payment in demo.all(Payment):
        assert payment.on <= TODAY
        by_invoice.setdefault(payment.invoice_id, []).append(payment)
    excess = []
    for invoice in demo.all(Invoice):
        payments = by_invoice.get(invoice.id or 0, [])
        assert totals(invoice).total.minor > 0
        assert all(p.amount.currency == invoice.currency for p in payments)
        if invoice.status in ("draft", "void"):
            assert not payments and invoice.deposit_applied is None and invoice.credit_applied is None
        else:
            assert status_after(invoice, payments) == invoice.status, invoice.number
        excess += [s.excess for s in settlements(invoice, payments) if s.excess.minor]
        assert (invoice.sent_on is None) == (invoice.status == "draft")
        assert (invoice.voided_on is not None) == (invoice.status == "void")
        assert invoice.due_date > invoice.issue_date <= TODAY
        for reminder in invoice.reminders:
            assert invoice.issue_date < reminder.on <= TODAY
    assert len(excess) == 1
    assert 0 < excess[0].minor <= 1000


def test_deposits_and_credit_are_taken_off_later_invoices(large: Workspace) -> None:
    invoices = large.all(Invoice)
    assert any(i.deposit_applied for i in invoices)
    assert any(i.credit_applied for i in invoices)
    payments: dict[int, list[Payment]] = {}
    for payment in large.all(Payment):
        payments.setdefault(payment.invoice_id, []).append(payment)
    for balance in held((i, payments.get(i.id or 0, [])) for i in invoices).values():
        assert balance.deposit.minor >= 0 and balance.credit.minor >= 0


def test_invoices_cover_every_kind_and_status(large: Workspace) -> None:
    invoices = large.docs("invoices").values()
    assert {d["status"] for d in invoices} == {"draft", "sent", "partial", "paid", "void"}
    assert {d["kind"] for d in invoices} == {"standard", "deposit", "retainer"}
    assert any(d["reminders"] for d in invoices)
    kinds = Counter(d["kind"] for d in invoices)
    assert kinds["standard"] > kinds["retainer"] + kinds["deposit"]


def test_time_is_in_the_past_and_never_overlaps(demo: Workspace) -> None:
    entries = sorted(demo.all(TimeEntry), key=lambda e: e.start)
    assert entries
    for entry in entries:
        assert entry.end is not None and entry.end == entry.start + timedelta(minutes=entry.minutes)
        assert entry.end <= NOW
    for before, after in pairwise(entries):
        assert before.end is not None and before.end <= after.start


def test_tasks_are_done_exactly_in_the_done_column(demo: Workspace) -> None:
    tasks = demo.all(Task)
    for task in tasks:
        assert (task.column == "Done") == (task.completed is not None)
        assert task.created <= task.updated <= NOW
        if task.completed is not None:
            assert task.created <= task.completed <= NOW
    for column in Settings().columns:
        positions = sorted(t.position for t in tasks if t.column == column)
        assert positions == list(range(1, len(positions) + 1))
    assert any(t.recurrence for t in tasks if not t.is_done)


def test_clients_are_believable_and_some_are_tricky(large: Workspace) -> None:
    clients = large.all(Client)
    names = [c.name for c in clients]
    assert "Smith & Sons [UK]" in names and "Café Olé" in names
    assert any(any(ord(ch) > 0x1F000 for ch in name) for name in names)
    assert any(any("\u3040" <= ch <= "\u9fff" for ch in name) for name in names)
    currencies = Counter(c.currency for c in clients)
    assert currencies["JPY"] == 1
    assert currencies["USD"] + currencies["EUR"] + currencies["GBP"] == 39
    zones = {c.timezone.split("/")[0] for c in clients if c.timezone}
    assert {"America", "Europe", "Asia", "Australia"} <= zones
    assert {c.terms_days for c in clients} == {7, 14, 30}
    assert any(c.retainer_fee for c in clients) and any(c.deposit_percent for c in clients)
    assert any(n.confidential for c in clients for n in c.notes)
    for client in clients:
        assert client.channels and client.preferred_channel in {ch.kind for ch in client.channels}
        assert client.hourly_rate is not None and client.hourly_rate.currency == client.currency


def test_expenses_include_subscriptions_with_their_occurrences(demo: Workspace) -> None:
    expenses = demo.all(Expense)
    templates = {e.id: e for e in expenses if e.recurrence}
    occurrences = [e for e in expenses if e.template_id is not None]
    assert templates and occurrences
    for occurrence in occurrences:
        template = templates[occurrence.template_id or 0]
        assert occurrence.amount == template.amount and occurrence.on >= template.on
    assert len({e.category for e in expenses}) >= 4


# the small demo's Today --------------------------------------------------------------


def test_small_demo_gives_a_full_today_at_the_fixed_clock(small: Workspace) -> None:
    result = triage(small)
    assert result.on == TODAY
    sections = {s.key: s for s in result.sections}
    for key in ("overdue", "due_today", "waiting"):
        assert sections[key].items, key
    titles = [i.title for s in result.sections for i in s.items]
    assert "Post 3 Instagram stories [weekend brunch]" not in titles  # due tomorrow
    assert result.timer is None
    assert result.unbilled_minutes > 0
    assert result.capacity.wip == result.capacity.wip_limit
    assert "No time logged yesterday." not in result.notes
