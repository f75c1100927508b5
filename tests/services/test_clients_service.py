"""Client use cases: every field checked, nothing saved on bad input, delete vs archive."""

from __future__ import annotations

from datetime import date

import pytest

from vatui.domain.clients import Channel, Client, Person, VettingCheck
from vatui.domain.errors import InputError, NotFoundError, RuleError
from vatui.domain.money import Money
from vatui.services.clients import manage as svc
from vatui.services.clients.contacts import log_contact
from vatui.store.workspace import Workspace

TODAY = date(2026, 11, 27)


def test_add_with_every_field(ws: Workspace) -> None:
    client = svc.add_client(
        ws,
        "  Acme  ",
        email="ops@acme.test",
        status="lead",
        currency="eur",
        people=(svc.parse_person("Ann Lee|owner|ann@acme.test|+1 555"), svc.parse_person("Bob")),
        channels=(svc.parse_channel("wa:+34 600 000 000"),),
        preferred_channel="whatsapp",
        timezone="Europe/Madrid",
        work_start="8:30",
        work_end="17:00",
        hourly_rate=Money(4550, "EUR"),
        retainer_minutes=svc.parse_retainer_hours("20"),
        retainer_fee=Money(80000, "EUR"),
        terms_days=30,
        deposit_percent=25,
        late_fee_percent="1.5",
        late_fee_grace_days=10,
        cadence_days=7,
        vetting=(svc.parse_vet("contract:2026-11-20", TODAY), svc.parse_vet("nda", TODAY)),
        tags=("#VIP", "vip", "retainer"),
    )
    stored = ws.get(Client, client.id or 0)
    assert stored.name == "Acme" and stored.currency == "EUR" and stored.status == "lead"
    assert [c.kind for c in stored.channels] == ["email", "whatsapp"]
    assert stored.preferred_channel == "whatsapp"
    assert stored.people[0] == Person(name="Ann Lee", role="owner", email="ann@acme.test", phone="+1 555")
    assert stored.work_start == "08:30" and stored.retainer_minutes == 1200
    assert stored.late_fee_percent == "1.5" and stored.cadence_days == 7
    assert stored.vetting == (
        VettingCheck(key="contract", done_on=date(2026, 11, 20)),
        VettingCheck(key="nda", done_on=TODAY),
    )
    assert stored.tags == ("vip", "retainer")


@pytest.mark.parametrize(
    "fields",
    [
        {"timezone": "Mars/Olympus"},
        {"status": "vip"},
        {"currency": "EURO"},
        {"work_start": "25:00"},
        {"work_start": "9:00", "work_end": "09:00"},
        {"hourly_rate": Money(100, "USD"), "currency": "EUR"},
        {"retainer_fee": Money(100, "GBP")},
        {"hourly_rate": Money(-1, "USD")},
        {"deposit_percent": 101},
        {"late_fee_percent": "120"},
        {"late_fee_percent": "abc"},
        {"cadence_days": -1},
        {"terms_days": 5000},
        {"channels": (Channel(kind="pigeon", handle="x"),)},
        {"channels": (Channel(kind="email", handle="nope"),)},
        {"people": (Person(name=""),)},
        {"people": (Person(name="A", email="bad@"),)},
        {"preferred_channel": "slack"},
        {"tags": ("two words",)},
    ],
)
def test_bad_fields_save_nothing(ws: Workspace, fields: dict[str, object]) -> None:
    with pytest.raises(InputError):
        svc.add_client(ws, "Bad Co", **fields)
    assert ws.all(Client) == []


@pytest.mark.parametrize("text", ["", "Name|a|b|c|d", "|role", "A|r|not-email"])
def test_bad_person(text: str) -> None:
    with pytest.raises(InputError):
        svc.parse_person(text)


@pytest.mark.parametrize("text", ["whatsapp", "fax:123", "email:x", "slack:  "])
def test_bad_channel(text: str) -> None:
    with pytest.raises(InputError):
        svc.parse_channel(text)


def test_parsers() -> None:
    assert svc.parse_channel("Mail:ops@acme.test") == Channel(kind="email", handle="ops@acme.test")
    assert svc.parse_vet("billing-contact", TODAY).key == "billing_contact"
    assert svc.parse_vet("references:yesterday", TODAY).done_on == date(2026, 11, 26)
    with pytest.raises(InputError):
        svc.parse_vet("contract:tomorrow", TODAY)
    with pytest.raises(InputError):
        svc.parse_vet("astrology", TODAY)
    assert svc.parse_retainer_hours("7.5") == 450
    assert svc.parse_retainer_hours("20h30m") == 1230
    assert svc.parse_retainer_hours("0") is None
    with pytest.raises(InputError):
        svc.parse_retainer_hours("800")
    assert svc.parse_late_fee("2 %") == "2"
    assert svc.parse_late_fee("1.50") == "1.5"
    assert svc.parse_late_fee("0") is None
    with pytest.raises(InputError):
        svc.parse_late_fee("1.555")
    for bad in ("a@b", "a b@c.de", "@c.de", "a@.de", "a@b..de"):
        with pytest.raises(InputError):
            svc.check_email(bad)


def test_edit_keeps_other_fields_and_checks_currency(ws: Workspace) -> None:
    client = svc.add_client(ws, "Acme", currency="USD", hourly_rate=Money(5000, "USD"))
    with pytest.raises(InputError, match="rate is in USD"):
        svc.edit_client(ws, client.id or 0, currency="EUR")
    edited = svc.edit_client(
        ws, client.id or 0, currency="EUR", hourly_rate=Money(4000, "EUR"), status="active", cadence_days=0
    )
    assert edited.currency == "EUR" and edited.cadence_days is None
    assert ws.get(Client, client.id or 0).hourly_rate == Money(4000, "EUR")


def test_notes_and_confidential_notes(ws: Workspace) -> None:
    client = svc.add_client(ws, "Acme")
    svc.add_note(ws, client.id or 0, "Prefers mornings")
    svc.add_note(ws, client.id or 0, "Bank details: secret", confidential=True)
    notes = ws.get(Client, client.id or 0).notes
    assert [(n.text, n.confidential) for n in notes] == [
        ("Prefers mornings", False),
        ("Bank details: secret", True),
    ]
    with pytest.raises(InputError):
        svc.add_note(ws, client.id or 0, "   ")


def test_export_json_drops_confidential_notes(ws: Workspace) -> None:
    from vatui.services.exchange.backup import export_json

    client = svc.add_client(ws, "Acme")
    svc.add_note(ws, client.id or 0, "public note")
    svc.add_note(ws, client.id or 0, "the secret", confidential=True)
    plain = export_json(ws)
    assert [n["text"] for n in plain["clients"][0]["notes"]] == ["public note"]
    assert "the secret" not in str(plain)
    asked = export_json(ws, confidential=True)
    assert [n["text"] for n in asked["clients"][0]["notes"]] == ["public note", "the secret"]


def test_delete_only_without_history(ws: Workspace) -> None:
    empty = svc.add_client(ws, "Empty")
    busy = svc.add_client(ws, "Busy")
    log_contact(ws, busy.id or 0, channel="email", summary="hello")
    assert svc.client_history(ws, busy.id or 0) == {"contacts": 1}
    with pytest.raises(RuleError, match="archive it instead"):
        svc.delete_client(ws, busy.id or 0)
    svc.delete_client(ws, empty.id or 0)
    with pytest.raises(NotFoundError):
        ws.get(Client, empty.id or 0)
    archived = svc.archive_client(ws, busy.id or 0)
    assert archived.archived and svc.list_clients(ws) == []
    assert [c.name for c in svc.list_clients(ws, include_archived=True)] == ["Busy"]
    assert ws.undo_label() is not None
    assert not svc.archive_client(ws, busy.id or 0, archived=False).archived


def test_list_in_pipeline_order(ws: Workspace) -> None:
    for name, status in (("Zed", "lead"), ("Amy", "active"), ("Bob", "former"), ("Cat", "lead")):
        svc.add_client(ws, name, status=status)
    assert [c.name for c in svc.list_clients(ws)] == ["Cat", "Zed", "Amy", "Bob"]
    assert [c.name for c in svc.list_clients(ws, status="lead")] == ["Cat", "Zed"]
