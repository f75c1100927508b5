"""The client's billing identity: stored, checked, merged, printed on invoices and reminders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.helpers.ledger import client, sent_invoice
from vatui.domain.changes import ClientChanges
from vatui.domain.clients import Client, Person
from vatui.domain.clock import FixedClock
from vatui.domain.doc_check import check_doc
from vatui.domain.errors import InputError
from vatui.domain.workspace_rules import check_semantics
from vatui.services.clients.manage import change_client, edit_client
from vatui.services.documents.invoice import render
from vatui.services.ledger.collect import draft_reminder
from vatui.services.settings.edit import set_settings
from vatui.store.workspace import Workspace

ANA = Person(name="Ana Pérez", role="billing", email="ana@acme.co")
BOB = Person(name="Bob", role="owner", email="bob@acme.co")


def _billed(ws: Workspace) -> Client:
    c = client(ws, "Acme", people=(BOB, ANA))
    return edit_client(
        ws,
        c.id or 0,
        legal_name="Acme S.A.S.",
        tax_id="900.123.456-7",
        tax_id_label="NIT",
        billing_address="Calle 1 # 2-3\n\n  Bogotá ",
        billing_contact="ana PÉREZ",
    )


def test_billing_fields_are_checked_and_the_contact_spelled_as_the_person(ws: Workspace) -> None:
    c = _billed(ws)
    assert c.billing_contact == "Ana Pérez"
    assert c.billing_address == "Calle 1 # 2-3\nBogotá"
    with pytest.raises(InputError, match="one of the client's people"):
        edit_client(ws, c.id or 0, billing_contact="Zed")
    with pytest.raises(InputError, match="control character"):
        edit_client(ws, c.id or 0, legal_name="Acme \x1b]52;c;aGk=\x07")
    with pytest.raises(InputError, match="too long"):
        edit_client(ws, c.id or 0, tax_id_label="x" * 21)
    assert ws.get(Client, c.id or 0) == c  # nothing saved by the refusals


def test_removing_the_billing_contact_clears_it_and_the_first_person_is_written_to(ws: Workspace) -> None:
    c = _billed(ws)
    inv = sent_invoice(ws, c, 10000)
    after = change_client(ws, c.id or 0, ClientChanges(people_removed=("ana pérez",)))
    assert after.billing_contact == ""
    doc = render(ws, inv.id or 0, "txt")
    assert "Attn: Bob" in doc and "Ana" not in doc
    assert draft_reminder(ws, inv.id or 0, date(2026, 11, 16)).text.startswith("Hi Bob,")


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_invoice_bills_the_legal_name_tax_id_address_and_attn(ws: Workspace, fmt: str) -> None:
    inv = sent_invoice(ws, _billed(ws), 10000)
    doc = render(ws, inv.id or 0, fmt).replace("\\", "")
    for text in ("Acme S.A.S.", "NIT: 900.123.456-7", "Calle 1 # 2-3", "Bogotá", "ana@acme.co"):
        assert text in doc
    assert "Attn: Ana Pérez" in doc
    assert "bob@acme.co" not in doc


def test_spanish_invoice_and_reminder_greet_the_billing_contact(ws: Workspace) -> None:
    c = _billed(ws)
    edit_client(ws, c.id or 0, language="es", tax_id_label="")
    inv = sent_invoice(ws, c, 10000)
    doc = render(ws, inv.id or 0, "txt")
    assert "Facturar a: Acme S.A.S." in doc
    assert "A la atención de: Ana Pérez" in doc
    assert "NIF/NIT: 900.123.456-7" in doc  # no label of their own: the translated default
    assert draft_reminder(ws, inv.id or 0, date(2026, 11, 16)).text.startswith("Hola Ana Pérez:")


def test_english_reminder_greets_the_contact_even_from_an_old_stored_protocol(ws: Workspace) -> None:
    from vatui.domain.settings import DEFAULT_PROTOCOL

    old = tuple(
        s.with_(
            template=s.template.replace("Hi {contact},", "Hi {client},").replace("{signature}", "{business}")
        )
        for s in DEFAULT_PROTOCOL
    )
    with ws.transaction("old protocol") as tx:
        tx.update("settings", 1, {"protocol": [step.to_doc() for step in old]})
    assert ws.settings().protocol[1].template.startswith("Hi {client},")
    c = _billed(ws)
    inv = sent_invoice(ws, c, 10000)
    set_settings(ws, {"business_email": "me@va.co"})
    text = draft_reminder(ws, inv.id or 0, date(2026, 11, 16)).text
    assert text.startswith("Hi Ana Pérez,") and text.endswith("Thanks,\nMy VA Business\nme@va.co")


def test_old_client_document_without_billing_fields_loads_and_checks() -> None:
    doc = {
        "name": "Old Co",
        "created": "2025-01-01T00:00:00+00:00",
        "updated": "2025-01-01T00:00:00+00:00",
    }
    check_doc(Client, doc, 1, "clients #1")
    old = Client.from_doc(doc, 1)
    assert (old.legal_name, old.tax_id, old.billing_contact) == ("", "", "")


def test_restore_refuses_a_billing_contact_who_is_not_a_person_and_escapes() -> None:
    base = {
        "name": "Acme",
        "people": [{"name": "Ana"}],
        "created": "2025-01-01T00:00:00+00:00",
        "updated": "2025-01-01T00:00:00+00:00",
    }
    assert check_semantics({"clients": {"1": {**base, "billing_contact": "ana"}}}) == []
    problems = check_semantics(
        {"clients": {"1": {**base, "billing_contact": "Zed", "legal_name": "A\x1b[2J", "tax_id": "x" * 60}}}
    )
    fields = sorted(p.field for p in problems)
    assert fields == ["billing_contact", "legal_name", "tax_id"]


def test_status_report_is_signed_with_the_business_name_and_email(ws: Workspace) -> None:
    from vatui.services.clients.status_reports import draft_status_report

    set_settings(ws, {"business_name": "Laura Gómez VA", "business_email": "laura@va.co"})
    c = _billed(ws)
    text = draft_status_report(ws, c.id or 0, date(2026, 11, 27)).text
    assert text.rstrip().endswith("Laura Gómez VA\n\nlaura@va.co")


def test_billing_contact_by_a_unique_beginning_of_the_name(ws: Workspace) -> None:
    c = client(ws, "Acme", people=(ANA, BOB, Person(name="Bobby Tables")))
    assert edit_client(ws, c.id or 0, billing_contact="ana").billing_contact == "Ana Pérez"
    assert edit_client(ws, c.id or 0, billing_contact="bobby").billing_contact == "Bobby Tables"
    assert edit_client(ws, c.id or 0, billing_contact="BOB").billing_contact == "Bob"  # whole name first
    with pytest.raises(InputError, match="one of the client's people"):
        edit_client(ws, c.id or 0, billing_contact="bo ")


def test_export_import_json_round_trips_the_billing_identity_and_refuses_a_stranger(
    ws: Workspace, tmp_path: Path, clock: FixedClock
) -> None:
    import orjson

    from vatui.services.exchange.backup import export_json
    from vatui.services.exchange.import_plan import ImportRefused
    from vatui.services.exchange.imports import import_json

    source = Workspace.open(tmp_path / "src", clock)
    try:
        _billed(source)
        data = export_json(source)
    finally:
        source.close()
    file = tmp_path / "export.json"
    file.write_bytes(orjson.dumps(data))
    import_json(ws, file)
    got = ws.get(Client, 1)
    assert (got.legal_name, got.tax_id, got.tax_id_label, got.billing_contact) == (
        "Acme S.A.S.",
        "900.123.456-7",
        "NIT",
        "Ana Pérez",
    )
    assert got.billing_address == "Calle 1 # 2-3\nBogotá"
    data["clients"][0]["billing_contact"] = "Zed"
    other = tmp_path / "other"
    fresh = Workspace.open(other, clock)
    try:
        file.write_bytes(orjson.dumps(data))
        with pytest.raises(ImportRefused, match="billing_contact"):
            import_json(fresh, file)
    finally:
        fresh.close()
