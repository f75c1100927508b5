"""Reminders are written in the client's language, with the VA's own texts, filled literally."""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers.ledger import client, sent_invoice
from vatui.domain.clients import Client, Person
from vatui.domain.errors import InputError
from vatui.services.clients.language import client_language, environment_language
from vatui.services.ledger.collect import draft_reminder
from vatui.services.settings.edit import set_from_text
from vatui.store.workspace import Workspace


def _language(ws: Workspace, client_id: int, language: str) -> None:
    with ws.transaction("language") as tx:
        c = tx.get(Client, client_id)
        tx.save(c.with_(language=language, people=(Person(name="Ana {amount}"),)))


def test_spanish_client_gets_the_spanish_reminder(ws: Workspace) -> None:
    c = client(ws, "Café Ruiz")
    inv = sent_invoice(ws, c, 10000)
    _language(ws, c.id or 0, "es")
    draft = draft_reminder(ws, inv.id or 0, date(2026, 11, 16))
    assert draft.text.startswith(
        "Hola Ana {amount}:\n\nLa factura INV-2026-0001 por EUR 100.00 venció el 2026-11-15"
    )


def test_own_text_per_language_with_markup_kept(ws: Workspace) -> None:
    c = client(ws, "Bright")
    inv = sent_invoice(ws, c, 10000)
    _language(ws, c.id or 0, "en")
    set_from_text(ws, "language", "es")  # the VA works in Spanish; the client reads English
    set_from_text(
        ws, "reminder.en.polite", "Dear {contact}: [b]{amount}[/b] is {days_late} days late {50%} { }"
    )
    draft = draft_reminder(ws, inv.id or 0, date(2026, 11, 16))
    assert draft.text == "Dear Ana {amount}: [b]€100.00[/b] is 1 days late {50%} { }"


def test_language_falls_back_to_the_va_then_the_environment(
    monkeypatch: pytest.MonkeyPatch, ws: Workspace
) -> None:
    settings = ws.settings()
    monkeypatch.setenv("LANGUAGE", "")
    monkeypatch.setenv("LC_ALL", "")
    monkeypatch.setenv("LANG", "es_CO.UTF-8")
    assert environment_language() == "es"
    assert client_language(settings, None) == "es"
    assert client_language(settings.with_(language="en"), None) == "en"
    now = ws.clock.now()
    assert client_language(settings, Client(name="x", language="en", created=now, updated=now)) == "en"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert environment_language() == "en"


def test_client_language_is_checked(ws: Workspace) -> None:
    assert client(ws, "Uno", language="ES", number_format="1.234,56").language == "es"
    assert client(ws, "Dos", language="auto").language == ""
    with pytest.raises(InputError, match="not a language"):
        client(ws, "Tres", language="fr")
    with pytest.raises(InputError, match="not one of"):
        client(ws, "Cuatro", number_format="1_234")
