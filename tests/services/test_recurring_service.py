"""Recurring invoices through the services: drafts on open, the marker, the retainer line
in the client's language, archived clients, stop, the catch-up notice, and the record in
backup/restore/export JSON."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from tests.helpers.ledger import client, eur
from tests.helpers.workspace_file import read_workspace
from vatui.domain.clock import FixedClock
from vatui.domain.doc_check import BadDocument, check_doc
from vatui.domain.errors import InputError, RuleError
from vatui.domain.ledger import Invoice
from vatui.domain.recurring import RecurringInvoice
from vatui.services.clients.manage import archive_client, delete_client, edit_client
from vatui.services.exchange.backup import export_json
from vatui.services.ledger.invoices import ItemSpec
from vatui.services.ledger.recurring import (
    add_recurring,
    create_due_invoices,
    list_recurring,
    recurring_drafts,
    stop_recurring,
)
from vatui.services.session import open_workspace
from vatui.store.restore import check_workspace
from vatui.store.workspace import Workspace


def _clock(moment: str) -> FixedClock:
    return FixedClock(datetime.fromisoformat(moment))


def _drafts(ws: Workspace) -> list[Invoice]:
    return sorted(
        (i for i in ws.all(Invoice) if i.recurring_id is not None), key=lambda i: (i.issue_date, i.number)
    )


def test_a_start_in_the_past_drafts_each_period_once(ws: Workspace) -> None:
    c = client(ws)
    s = add_recurring(
        ws, c.id or 0, day=1, start=date(2026, 9, 1), items=[ItemSpec("Support", "1", eur(30000))]
    )
    drafts = _drafts(ws)
    assert [d.issue_date for d in drafts] == [date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)]
    assert all(d.status == "draft" and d.items[0].description == "Support" for d in drafts)
    assert ws.get(RecurringInvoice, s.id or 0).last_period == date(2026, 11, 1)
    assert create_due_invoices(ws).made == [], "a second run makes nothing"
    assert recurring_drafts(ws) == sorted(d.id or 0 for d in drafts)


def test_opening_the_workspace_drafts_the_period_that_came(data_dir: Path) -> None:
    ws = open_workspace(data_dir, _clock("2026-11-27T09:30:00+00:00"))
    c = client(ws)
    add_recurring(
        ws, c.id or 0, day=LAST, start=date(2026, 11, 1), items=[ItemSpec("Support", "1", eur(30000))]
    )
    assert _drafts(ws) == []
    later = open_workspace(data_dir, _clock("2027-03-01T09:30:00+00:00"))
    assert [d.issue_date for d in _drafts(later)] == [
        date(2026, 11, 30),
        date(2026, 12, 31),
        date(2027, 1, 31),
        date(2027, 2, 28),
    ]


LAST = 31


def test_a_retainer_bills_the_fee_with_the_month_in_the_client_s_language(ws: Workspace) -> None:
    en = client(ws, "Acme", retainer_fee=eur(120000), retainer_minutes=600)
    es = client(ws, "Cliente", retainer_fee=eur(90000), retainer_minutes=600, language="es")
    add_recurring(ws, en.id or 0, day=1, start=date(2026, 11, 1), retainer=True)
    add_recurring(ws, es.id or 0, day=1, start=date(2026, 11, 1), retainer=True)
    by_client = {d.client_id: d for d in _drafts(ws)}
    assert by_client[en.id or 0].kind == "retainer"
    assert by_client[en.id or 0].items[0].description == "Retainer — November 2026"
    assert by_client[en.id or 0].items[0].unit_price == eur(120000)
    assert by_client[es.id or 0].items[0].description == "Iguala — noviembre 2026"


def test_a_retainer_needs_a_fee_and_bad_input_saves_nothing(ws: Workspace) -> None:
    c = client(ws)
    with pytest.raises(InputError, match="no monthly retainer fee"):
        add_recurring(ws, c.id or 0, retainer=True)
    with pytest.raises(InputError, match="--retainer"):
        add_recurring(ws, c.id or 0)
    with pytest.raises(InputError, match="1 to 28, or 31"):
        add_recurring(ws, c.id or 0, day=30, items=[ItemSpec("x", "1", eur(100))])
    assert ws.docs("recurring_invoices") == {}


def test_an_archived_client_gets_no_more_drafts_and_none_after_it_comes_back(data_dir: Path) -> None:
    ws = open_workspace(data_dir, _clock("2026-11-27T09:30:00+00:00"))
    c = client(ws)
    s = add_recurring(
        ws, c.id or 0, day=1, start=date(2026, 11, 1), items=[ItemSpec("Support", "1", eur(100))]
    )
    archive_client(ws, c.id or 0)
    later = open_workspace(data_dir, _clock("2027-01-05T09:30:00+00:00"))
    assert len(_drafts(later)) == 1
    assert later.get(RecurringInvoice, s.id or 0).last_period == date(2027, 1, 1), "the periods passed"
    archive_client(later, c.id or 0, archived=False)
    assert len(_drafts(open_workspace(data_dir, _clock("2027-01-06T09:30:00+00:00")))) == 1
    with pytest.raises(RuleError, match="history"):
        delete_client(later, c.id or 0)


def test_stop_ends_the_drafts(data_dir: Path) -> None:
    ws = open_workspace(data_dir, _clock("2026-11-27T09:30:00+00:00"))
    c = client(ws)
    s = add_recurring(
        ws, c.id or 0, day=1, start=date(2026, 11, 1), items=[ItemSpec("Support", "1", eur(100))]
    )
    stop_recurring(ws, s.id or 0)
    with pytest.raises(RuleError, match="already stopped"):
        stop_recurring(ws, s.id or 0)
    later = open_workspace(data_dir, _clock("2027-03-05T09:30:00+00:00"))
    assert len(_drafts(later)) == 1
    row = list_recurring(later)[0]
    assert row.next is None and row.drafts == 1


def test_catching_up_after_long_away_is_capped_with_a_notice(data_dir: Path) -> None:
    ws = open_workspace(data_dir, _clock("2026-11-27T09:30:00+00:00"))
    c = client(ws)
    add_recurring(ws, c.id or 0, day=1, start=date(2026, 12, 1), items=[ItemSpec("Support", "1", eur(100))])
    later = open_workspace(data_dir, _clock("2028-05-02T09:30:00+00:00"))  # 18 periods due
    drafts = _drafts(later)
    assert len(drafts) == 12
    assert drafts[0].issue_date == date(2027, 6, 1) and drafts[-1].issue_date == date(2028, 5, 1)
    assert len(later.notices) == 1 and "6 missed periods before June 2027 were skipped" in later.notices[0]


def test_a_client_without_its_fee_any_more_is_named_and_drafted_once_fixed(data_dir: Path) -> None:
    ws = open_workspace(data_dir, _clock("2026-11-27T09:30:00+00:00"))
    c = client(ws, retainer_fee=eur(1000), retainer_minutes=60)
    add_recurring(ws, c.id or 0, day=1, start=date(2026, 11, 1), retainer=True)
    edit_client(ws, c.id or 0, retainer_fee=None)
    later = open_workspace(data_dir, _clock("2026-12-02T09:30:00+00:00"))
    assert len(_drafts(later)) == 1
    assert "made no draft" in later.notices[0] and "retainer fee" in later.notices[0]
    edit_client(later, c.id or 0, retainer_fee=eur(1000))
    assert len(_drafts(open_workspace(data_dir, _clock("2026-12-02T09:30:00+00:00")))) == 2


def test_the_record_is_in_the_export_and_checked_on_restore(ws: Workspace) -> None:
    c = client(ws)
    add_recurring(ws, c.id or 0, day=5, start=date(2026, 11, 1), items=[ItemSpec("Support", "2", eur(100))])
    out = export_json(ws)
    assert out["recurring_invoices"][0]["day"] == 5
    assert out["invoices"][0]["recurring_id"] == out["recurring_invoices"][0]["id"]
    data = read_workspace(ws.path)
    check_workspace(data)  # what vatui wrote, it restores
    doc = dict(data["recurring_invoices"]["1"])
    with pytest.raises(BadDocument, match="day"):
        check_doc(RecurringInvoice, {**doc, "day": 30}, 1, "recurring_invoices #1")
    with pytest.raises(BadDocument, match="start"):
        check_doc(
            RecurringInvoice, {k: v for k, v in doc.items() if k != "start"}, 1, "recurring_invoices #1"
        )
    with pytest.raises(BadDocument, match="every"):
        check_doc(RecurringInvoice, {**doc, "every": "week"}, 1, "recurring_invoices #1")
