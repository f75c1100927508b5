"""Global search (services/search.py): every kind found by text, accents and case aside,
every typed word required, the best match first, markup and escapes kept as plain text."""

from __future__ import annotations

from datetime import date

from vatui.domain.ledger import Invoice
from vatui.domain.money import Money
from vatui.services.clients.contacts import log_contact
from vatui.services.clients.manage import add_client
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.search import build_index
from vatui.services.tasks.manage import add_task, complete_task
from vatui.store.workspace import Workspace


def test_each_kind_is_found_by_its_text_accents_and_case_aside(ws: Workspace) -> None:
    angel = add_client(ws, "Ángel Ruiz", currency="EUR", hourly_rate=Money(4000, "EUR"))
    assert angel.id is not None
    task = add_task(ws, "Traducir el menú", client_id=angel.id)
    log_contact(ws, angel.id, channel="email", summary="Llamada sobre la FACTURA")
    draft = new_invoice(
        ws, angel.id, items=[ItemSpec("Menu", "1", Money(5000, "EUR"))], on=date(2026, 11, 20)
    )
    index = build_index(ws)

    assert (index.find("angel")[0].kind, index.find("angel")[0].id) == ("client", angel.id)
    assert [f.title for f in index.find("MENU")] == ["Traducir el menú"]
    assert [f.kind for f in index.find("factura")] == ["contact"]
    assert [(f.kind, f.title) for f in index.find("draft")] == [("invoice", f"draft #{draft.id}")]
    # the task is also found by its client's name, below the client itself
    assert [f.kind for f in index.find("ruiz")] == ["client", "task", "invoice", "contact"]
    assert index.find("traducir")[0].id == task.id


def test_every_word_must_match_and_a_title_start_ranks_first(ws: Workspace) -> None:
    acme = add_client(ws, "Acme")
    assert acme.id is not None
    add_task(ws, "Call the printer", client_id=acme.id)
    add_task(ws, "Printer paper order")
    add_task(ws, "Call the bank")
    index = build_index(ws)

    assert [f.title for f in index.find("call printer")] == ["Call the printer"]
    assert [f.title for f in index.find("printer")] == ["Printer paper order", "Call the printer"]
    assert index.find("   ") == []
    assert index.find("nothing like this") == []


def test_open_work_comes_before_done_work(ws: Workspace) -> None:
    done = add_task(ws, "Report for March")
    assert done.id is not None
    complete_task(ws, done.id)
    still = add_task(ws, "Report for April")
    assert [f.id for f in build_index(ws).find("report")] == [still.id, done.id]
    assert "done" in build_index(ws).find("march")[0].detail


def test_a_sent_invoice_is_found_by_number_and_client(ws: Workspace) -> None:
    acme = add_client(ws, "Acme", currency="EUR", hourly_rate=Money(4000, "EUR"))
    assert acme.id is not None
    draft = new_invoice(ws, acme.id, items=[ItemSpec("Work", "1", Money(5000, "EUR"))], on=date(2026, 11, 20))
    sent = send_invoice(ws, draft.id or 0, on=date(2026, 11, 20))
    assert sent.number
    found = build_index(ws).find(sent.number.lower())
    assert [(f.kind, f.id) for f in found] == [("invoice", sent.id)]
    assert "Acme" in found[0].detail
    assert ws.get(Invoice, sent.id or 0).number == found[0].title


def test_the_limit_caps_what_is_returned(ws: Workspace) -> None:
    for n in range(40):
        add_task(ws, f"Task number {n}")
    index = build_index(ws)
    assert len(index.find("task")) == 30
    assert len(index.find("task", limit=5)) == 5
    assert len(index) == 40
