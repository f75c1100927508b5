"""Issue 10, item 3: the plain-text invoice fits 80 columns, whatever the names, the
descriptions, the amounts and the language (it was 83 wide and wrapped on a terminal)."""

from __future__ import annotations

from datetime import date

import pytest

from vatui import i18n
from vatui.domain.clients import Client
from vatui.domain.columns import cells, wrap
from vatui.domain.money import Money
from vatui.services.clients.manage import add_client
from vatui.services.documents.invoice import render
from vatui.services.ledger.invoices import ItemSpec, new_invoice
from vatui.services.settings.edit import set_settings
from vatui.store.workspace import Workspace

LONG = "Gestión de correspondencia, agenda y facturación electrónica ante la DIAN " * 3


def _nasty(ws: Workspace, price: int, language: str = "en") -> int:
    set_settings(
        ws,
        {
            "business_name": "Ñandú Asistencia Virtual Integral para Pequeñas y Medianas Empresas SAS " * 1,
            "business_address": "Carrera 7 # 71-21, Torre B, Oficina 1204, Edificio Bancafé, Bogotá D.C., "
            "Cundinamarca, Colombia",
            "payment_details.COP": "Bancolombia cuenta de ahorros 123-456789-01 a nombre de Ñandú Asistencia "
            "Virtual SAS, NIT 900.123.456-7; referencia: el número de la factura",
        },
    )
    c = add_client(
        ws, "Compañía Ágil de Logística y Transporte Intermunicipal del Caribe S.A.S.", currency="COP"
    )
    with ws.transaction("language") as tx:
        tx.save(tx.get(Client, c.id or 0).with_(language=language, number_format="1.234,56"))
    inv = new_invoice(
        ws,
        c.id or 0,
        items=[
            ItemSpec(LONG, "1234.25", Money(price, "COP")),
            ItemSpec(
                "Supercalifragilísticoespialidosoyextraordinariamentelargo" * 2, "3", Money(price, "COP")
            ),
            ItemSpec("株式会社トヨタ自動車の請求書の翻訳と整理", "1", Money(150000, "COP")),
            ItemSpec("Corto", "1", Money(100, "COP")),
        ],
        on=date(2026, 11, 1),
        discount=Money(12345, "COP"),
        notes="Gracias por su confianza. " * 8 + "\nSegunda línea de notas.",
    )
    return inv.id or 0


@pytest.mark.parametrize(("price", "language"), [(123456750, "es"), (99999999999999999, "es"), (5000, "en")])
def test_every_line_fits_80_columns(ws: Workspace, price: int, language: str) -> None:
    inv = _nasty(ws, price, language)
    text = render(ws, inv, "txt")
    widths = [cells(line) for line in text.splitlines()]
    assert max(widths) <= 80, [line for line in text.splitlines() if cells(line) > 80]
    words = " ".join(text.split())
    for part in ("Gestión de correspondencia", "DIAN", "Ñandú", "Caribe S.A.S.", "Segunda línea de notas."):
        assert part in words
    assert "Supercalifragilísticoespialidosoyextraordinariamentelargo" in text.replace("\n", "")
    assert "株式会社トヨタ" in text.replace("\n", "")
    if language == "es":
        assert "Importe a pagar" in text
    else:
        assert "Amount due" in text


def test_columns_line_up_with_normal_amounts(ws: Workspace) -> None:
    i18n.set_language("es")
    inv = _nasty(ws, 123456750, "es")
    lines = render(ws, inv, "txt").splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("----"))
    assert len(lines[rule]) == 80
    amounts = [
        line for line in lines[rule:] if line.rstrip().endswith(",50") or line.rstrip().endswith(",00")
    ]
    assert amounts and all(cells(line) == 80 for line in amounts)  # right edge at column 80
    corto = next(line for line in lines if line.startswith("Corto"))
    assert corto.endswith("COP 1")  # whole pesos are written without ,00


def test_wrap_counts_wide_characters_as_two_columns() -> None:
    assert cells("株式") == 4 and cells("é") == 1 and cells("e\u0301") == 1
    assert wrap("株式会社トヨタ", 6) == ["株式会", "社トヨ", "タ"]
    assert wrap("uno dos tres", 7) == ["uno dos", "tres"]
    assert wrap("", 10) == [""]
