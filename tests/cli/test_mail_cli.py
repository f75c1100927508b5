"""``vatui invoice email``, ``vatui remind --eml`` and the billing options of ``client edit``."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

from tests.helpers.cli_inprocess import Vatui


def _setup(vatui: Vatui) -> None:
    for args in (
        ("settings", "set", "business_email", "laura@va.co"),
        ("settings", "set", "business_name", "Laura Gómez"),
        ("client", "add", "Café Ruiz", "--currency", "EUR", "--language", "es"),
        (
            "client",
            "edit",
            "café",
            "--person",
            "Ana Pérez|billing|ana@ruiz.co",
            "--legal-name",
            "Café Ruiz S.A.S.",
            "--tax-id",
            "B-1234",
            "--tax-id-label",
            "NIF",
            "--billing-address",
            "Calle 1\\nMadrid",
            "--billing-contact",
            "ana pérez",
        ),
        ("invoice", "new", "café", "--item", "Gestión", "2", "25"),
        ("invoice", "send", "#1"),  # numbered at send: INV-2026-0001
    ):
        result = vatui(*args)
        assert result.code == 0, (args, result.err)


def test_client_billing_options_show_and_json(vatui: Vatui) -> None:
    _setup(vatui)
    shown = vatui("client", "show", "café").out
    assert "Café Ruiz S.A.S. · NIF: B-1234 · Calle 1 · Madrid · Attn: Ana Pérez" in shown
    billing = vatui("client", "show", "café", "--json").json()["billing"]
    assert billing == {
        "legal_name": "Café Ruiz S.A.S.",
        "tax_id": "B-1234",
        "tax_id_label": "NIF",
        "address": "Calle 1\nMadrid",
        "contact": "Ana Pérez",
    }
    refused = vatui("client", "edit", "café", "--billing-contact", "Zed")
    assert refused.code == 1 and "one of the client's people (Ana Pérez)" in refused.err
    refused = vatui("client", "edit", "café", "--legal-name", "X\x1b]0;pwned\x07")
    assert refused.code == 1 and "control character" in refused.err
    assert vatui("client", "show", "café", "--json").json()["billing"] == billing


def test_invoice_email_writes_a_draft_and_refuses_clearly(vatui: Vatui, tmp_path: Path) -> None:
    _setup(vatui)
    out = tmp_path / "inv.eml"
    result = vatui("invoice", "email", "INV-2026-0001", "-o", str(out))
    assert result.code == 0, result.err
    msg = message_from_bytes(out.read_bytes(), policy=policy.default)
    assert msg["To"] == "Ana Pérez <ana@ruiz.co>" and msg["Subject"] == "Factura INV-2026-0001 de Laura Gómez"
    assert [a.get_filename() for a in msg.iter_attachments()] == ["INV-2026-0001.pdf"]
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert vatui("invoice", "email", "INV-2026-0001").code == 2  # neither -o nor --link
    assert vatui("invoice", "email", "INV-2099-0001", "-o", str(out)).code == 1
    assert vatui("client", "edit", "café", "--remove-person", "Ana Pérez").code == 0
    none = tmp_path / "none.eml"
    refused = vatui("invoice", "email", "INV-2026-0001", "-o", str(none))
    assert refused.code == 1 and "--email" in refused.err and not none.exists()
    link = vatui("invoice", "email", "INV-2026-0001", "--link").out.strip()
    assert link.startswith("mailto:?subject=Factura%20INV-2026-0001")


def test_remind_eml_writes_the_reminder_draft_before_logging(vatui: Vatui, tmp_path: Path) -> None:
    _setup(vatui)
    out = tmp_path / "r.eml"
    result = vatui("remind", "INV-2026-0001", "--on", "2026-12-13", "--eml", str(out), "--dry-run")
    assert result.code == 0, result.err
    msg = message_from_bytes(out.read_bytes(), policy=policy.default)
    assert msg["Subject"] == "Recordatorio: factura INV-2026-0001 (EUR 50.00)"
    body = msg.get_body(("plain",))
    assert body is not None and body.get_content().startswith("Hola Ana Pérez:")
    assert vatui("settings", "set", "business_email", "").code == 0
    refused = vatui("remind", "INV-2026-0001", "--on", "2026-12-13", "--eml", str(tmp_path / "x.eml"))
    assert refused.code == 1 and "business_email" in refused.err
    listed = vatui("invoice", "show", "INV-2026-0001", "--json").json()
    assert listed.get("reminders", []) == []  # the refused draft logged no step
