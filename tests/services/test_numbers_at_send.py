"""Invoice numbers are given when an invoice is sent, in order of issue dates; a draft has none."""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers.ledger import client, eur
from vatui.domain.errors import RuleError
from vatui.domain.ledger import Invoice
from vatui.services.ledger.data import find_invoice
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice, void_invoice
from vatui.store.workspace import Workspace


def draft(ws: Workspace, on: date) -> Invoice:
    return new_invoice(ws, 1, items=[ItemSpec("Work", "1", eur(10000))], on=on)


def test_a_draft_has_no_number_and_gets_the_next_when_sent(ws: Workspace) -> None:
    client(ws)
    a = draft(ws, date(2026, 11, 2))
    b = draft(ws, date(2026, 11, 2))
    assert (a.number, a.label, b.label) == ("", f"draft #{a.id}", f"draft #{b.id}")
    assert find_invoice(ws, f"#{b.id}").id == b.id
    assert send_invoice(ws, b.id or 0, date(2026, 11, 3)).number == "INV-2026-0001"  # in order of sending
    assert send_invoice(ws, a.id or 0, date(2026, 11, 3)).number == "INV-2026-0002"
    assert find_invoice(ws, "inv-2026-0002").id == a.id


def test_a_back_dated_draft_is_refused_naming_the_latest_then_reissued_today(ws: Workspace) -> None:
    client(ws)
    late = draft(ws, date(2026, 11, 10))
    early = draft(ws, date(2026, 11, 5))
    send_invoice(ws, late.id or 0, date(2026, 11, 10))
    before = dict(ws.docs("invoices"))
    with pytest.raises(RuleError) as refused:
        send_invoice(ws, early.id or 0, date(2026, 11, 20))
    message = str(refused.value)
    assert "2026-11-05" in message and "INV-2026-0001" in message and "2026-11-10" in message
    assert "--reissue" in message
    assert dict(ws.docs("invoices")) == before  # nothing saved
    sent = send_invoice(ws, early.id or 0, date(2026, 11, 20), reissue=True)
    assert (sent.number, sent.issue_date, sent.due_date) == (
        "INV-2026-0002",
        date(2026, 11, 20),
        date(2026, 12, 4),
    )


def test_the_same_day_or_a_new_year_is_in_order(ws: Workspace) -> None:
    client(ws)
    dec = draft(ws, date(2025, 12, 30))
    jan = draft(ws, date(2026, 1, 2))
    assert send_invoice(ws, jan.id or 0, date(2026, 1, 2)).number == "INV-2026-0001"
    assert send_invoice(ws, dec.id or 0, date(2026, 1, 3)).number == "INV-2025-0001"  # its own year
    same = draft(ws, date(2026, 1, 2))
    assert send_invoice(ws, same.id or 0, date(2026, 1, 5)).number == "INV-2026-0002"


def test_voiding_a_draft_burns_no_number_and_a_sent_void_keeps_its_own(ws: Workspace) -> None:
    client(ws)
    first = draft(ws, date(2026, 11, 2))
    voided_draft = void_invoice(ws, first.id or 0, date(2026, 11, 2))
    assert (voided_draft.status, voided_draft.number) == ("void", "")
    second = send_invoice(ws, draft(ws, date(2026, 11, 3)).id or 0, date(2026, 11, 3))
    assert second.number == "INV-2026-0001"
    assert void_invoice(ws, second.id or 0, date(2026, 11, 4)).number == "INV-2026-0001"
    third = send_invoice(ws, draft(ws, date(2026, 11, 4)).id or 0, date(2026, 11, 4))
    assert third.number == "INV-2026-0002"


def test_a_draft_stored_with_a_number_keeps_it_and_holds_its_place(ws: Workspace) -> None:
    client(ws)
    old = draft(ws, date(2026, 11, 8))
    with ws.transaction() as tx:  # as a draft was stored before numbers came at send
        tx.save(tx.get(Invoice, old.id or 0).with_(number="INV-2026-0001"))
    newer = draft(ws, date(2026, 11, 5))
    with pytest.raises(RuleError, match="INV-2026-0001"):  # it would be 0002, dated before 0001
        send_invoice(ws, newer.id or 0, date(2026, 11, 9))
    assert send_invoice(ws, old.id or 0, date(2026, 11, 9)).number == "INV-2026-0001"
    assert send_invoice(ws, newer.id or 0, date(2026, 11, 9), reissue=True).number == "INV-2026-0002"
