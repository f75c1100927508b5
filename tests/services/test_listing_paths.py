"""The listings read plain invoices straight from their documents: the same figures as
every invoice built as a record and read by the domain's rules
(``tests/helpers/ledger_shapes.py``), on a workspace of every unusual shape and on the
demo's three years of history, as of today and of days in the past."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.helpers.ledger_shapes import (
    DAYS,
    full_archived_rows,
    full_invoice_rows,
    full_reliability_by_client,
    make_books,
    row_of,
)
from vatui.services.clients.card import reliability_by_client
from vatui.services.ledger.invoice_list import archived_invoice_rows, invoice_records, invoice_rows
from vatui.store.workspace import Workspace


@pytest.fixture(scope="module", params=[0, 11], ids=["every-shape", "demo"])
def books(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws = make_books(tmp_path_factory.mktemp("books"), request.param)
    yield ws
    ws.close()


@pytest.mark.parametrize("day", DAYS)
def test_every_clients_reliability_is_the_full_rules(books: Workspace, day: date) -> None:
    want = full_reliability_by_client(books, day)
    assert reliability_by_client(books, day) == want
    if day == DAYS[0]:
        assert {r.badge for r in want.values()} >= {"risky", "unproven"}


def test_the_shapes_reach_every_outcome(books: Workspace) -> None:
    want = full_reliability_by_client(books, DAYS[0])
    assert any(r.outstanding for r in want.values())
    assert any(r.oldest_overdue is not None for r in want.values())
    if len(want) < 8:  # the workspace of every shape
        assert any(r.write_offs for r in want.values())
        assert any(r.reminders_per_invoice for r in want.values())


STATUSES = [None, "open", "overdue", "draft", "void", "paid", "partial", "sent"]


@pytest.mark.parametrize("day", DAYS[:3])
@pytest.mark.parametrize("status", STATUSES)
def test_the_listed_rows_are_the_full_rules(books: Workspace, day: date, status: str | None) -> None:
    want = [row_of(*row) for row in full_invoice_rows(books, day, status=status)]
    assert invoice_rows(books, status=status, on=day) == want


def test_one_clients_listed_rows_are_the_full_rules(books: Workspace) -> None:
    for client_id in sorted({int(d["client_id"]) for d in books.docs("invoices").values()}):
        want = [row_of(*row) for row in full_invoice_rows(books, DAYS[0], client_id=client_id)]
        assert invoice_rows(books, client_id=client_id, on=DAYS[0]) == want


@pytest.mark.parametrize("status", [None, "overdue", "paid"])
def test_the_json_lists_the_rows_with_their_records(books: Workspace, status: str | None) -> None:
    """``--json`` prints the same rows, each with its invoice as the full rules build it."""
    full = full_invoice_rows(books, DAYS[0], status=status)
    rows = invoice_rows(books, status=status, on=DAYS[0])
    assert invoice_records(books, rows) == [invoice for invoice, _due, _shown in full]


@pytest.mark.parametrize("day", DAYS[:4])
@pytest.mark.parametrize("status", [None, "paid", "void", "sent", "draft"])
def test_the_archived_rows_are_the_full_rules(books: Workspace, day: date, status: str | None) -> None:
    """``--archived`` lists the archived invoices by the same flow: what is due with every
    payment counted, live and archived, the stored status shown (they are paid or void)."""
    full = full_archived_rows(books, status=status)
    rows = archived_invoice_rows(books, status=status, on=day)
    assert rows == [row_of(*row) for row in full]
    assert invoice_records(books, rows) == [row[0] for row in full]
    if status is None:
        assert rows


def test_one_clients_archived_rows_are_the_full_rules(books: Workspace) -> None:
    for client_id in sorted(int(k) for k in books.docs("clients")):
        want = [row_of(*row) for row in full_archived_rows(books, client_id=client_id)]
        assert archived_invoice_rows(books, client_id=client_id, on=DAYS[0]) == want


def test_the_records_of_live_and_archived_rows_together(books: Workspace) -> None:
    rows = invoice_rows(books, on=DAYS[0]) + archived_invoice_rows(books, on=DAYS[0])
    want = [i for i, _d, _s in full_invoice_rows(books, DAYS[0])] + [r[0] for r in full_archived_rows(books)]
    assert invoice_records(books, rows) == want


def test_the_rows_have_tax_lines_drafts_and_voids(books: Workspace) -> None:
    rows = invoice_rows(books, on=DAYS[0])
    assert {r.shown for r in rows} >= {"draft", "void", "paid", "overdue"}
    if len(rows) < 40:  # the workspace of every shape
        assert any(r.taxes for r in rows) and any(r.label.startswith("draft #") for r in rows)


@pytest.mark.parametrize("day", DAYS)
def test_aging_reads_archived_years_the_full_rules_way(books: Workspace, day: date) -> None:
    from vatui.domain import reports
    from vatui.services.common import client_names
    from vatui.services.ledger.data import all_docs, billed_from
    from vatui.services.ledger.reports import aging_report

    every = billed_from(
        all_docs(books, "invoices"),
        all_docs(books, "payments"),
        keep=lambda d: d.get("status") not in ("draft", "void"),
    )
    assert aging_report(books, day) == reports.aging(every, client_names(books), day)


@pytest.mark.parametrize("day", [date(2027, 1, 9), date(2027, 1, 10), date(2027, 1, 15)])
def test_aging_by_the_archives_heads_is_the_full_rules_either_side_of_the_last_payment(
    books: Workspace, day: date
) -> None:
    """Aging reads archived invoices by their heads (``vatui.store.archive.invoice_head``)
    and skips those paid in full by its day: the same rows as the full rules on the days
    around the archived invoice paid by a payment dated after today (2027-01-10)."""
    from vatui.domain import reports
    from vatui.services.common import client_names
    from vatui.services.ledger.data import all_docs, billed_from
    from vatui.services.ledger.reports import aging_report
    from vatui.services.queries import archived_invoices

    assert all(is_head for _doc, is_head in archived_invoices(books).values())
    every = billed_from(
        all_docs(books, "invoices"),
        all_docs(books, "payments"),
        keep=lambda d: d.get("status") not in ("draft", "void"),
    )
    assert aging_report(books, day) == reports.aging(every, client_names(books), day)


def test_an_archived_invoice_can_still_be_owed_today(tmp_path: Path) -> None:
    """Why aging reads the archive as of today: an invoice is archived once it is marked
    paid, but a payment dated after today (a year ahead is allowed) leaves it owed until
    then; skipping an archive year by the archive's rule alone would drop it."""
    from vatui.domain import reports
    from vatui.services.common import client_names
    from vatui.services.ledger.data import billed_from
    from vatui.services.ledger.reports import aging_report

    books = make_books(tmp_path)
    live_only = billed_from(
        books.docs("invoices"),
        books.docs("payments"),
        keep=lambda d: d.get("status") not in ("draft", "void"),
    )
    assert aging_report(books, DAYS[0]) != reports.aging(live_only, client_names(books), DAYS[0])
    books.close()
