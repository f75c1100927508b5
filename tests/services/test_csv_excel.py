"""``export csv --excel`` and the Toggl/Clockify-shaped ``time.csv``, read back with the csv module."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from vatui.domain.money import Money
from vatui.services.clients.manage import add_client
from vatui.services.exchange.csv_export import export_csv
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.services.settings.theme import set_setting
from vatui.services.tasks.manage import add_task
from vatui.services.tasks.timer import add_time
from vatui.store.workspace import Workspace

BOM = b"\xef\xbb\xbf"


def _workspace(ws: Workspace) -> None:
    set_setting(ws, "home_timezone", "Europe/Madrid")
    cafe = add_client(ws, "Café Olé", currency="EUR", hourly_rate=Money(4550, "EUR"))
    task = add_task(ws, '=HYPERLINK("x") menú', client_id=cafe.id)
    add_time(ws, task.id, 90, date(2026, 11, 20), note="+cmd ñ")
    add_time(ws, task.id, 20, date(2026, 11, 21))
    inv = new_invoice(
        ws, cafe.id or 0, items=[ItemSpec("Diseño", "1.5", Money(123456, "EUR"))], on=date(2026, 11, 1)
    )
    send_invoice(ws, inv.id or 0, date(2026, 11, 1))


def _rows(path: Path, *, encoding: str, delimiter: str) -> list[dict[str, str]]:
    return list(
        csv.DictReader(io.StringIO(path.read_bytes().decode(encoding), newline=""), delimiter=delimiter)
    )


def test_plain_time_csv_has_local_toggl_columns(ws: Workspace, tmp_path: Path) -> None:
    _workspace(ws)
    export_csv(ws, tmp_path)
    raw = (tmp_path / "time.csv").read_bytes()
    assert not raw.startswith(BOM)
    rows = _rows(tmp_path / "time.csv", encoding="utf-8", delimiter=",")
    first, second = rows
    assert first["start"].startswith("2026-11-20T08:00:00")  # the stored UTC moment, unchanged
    assert (first["start_date"], first["start_time"], first["end_date"], first["end_time"]) == (
        "2026-11-20",
        "09:00:00",
        "2026-11-20",
        "10:30:00",
    )
    assert first["timezone"] == "Europe/Madrid"
    assert first["task"] == '\'=HYPERLINK("x") menú' and first["client"] == "Café Olé"
    assert (first["duration"], first["hours"]) == ("1:30:00", "1.50")
    assert (second["duration"], second["hours"]) == ("0:20:00", "0.33")
    assert first["note"] == "'+cmd ñ"


def test_excel_with_decimal_comma(ws: Workspace, tmp_path: Path) -> None:
    _workspace(ws)
    paths = export_csv(ws, tmp_path, excel=True, decimal_comma=True)
    for path in paths:
        raw = path.read_bytes()
        assert raw.startswith(BOM), path.name
        assert b"\r\n" in raw and raw.count(b"\r\n") == raw.count(b"\n")
    # A reader that honours the BOM gets "Café" back; one that guesses cp1252 would not.
    assert "Café Olé" in (tmp_path / "clients.csv").read_bytes().decode("utf-8-sig")
    assert "CafÃ©" in (tmp_path / "clients.csv").read_bytes().decode("cp1252")
    time_rows = _rows(tmp_path / "time.csv", encoding="utf-8-sig", delimiter=";")
    assert [r["hours"] for r in time_rows] == ["1,50", "0,33"]
    assert time_rows[0]["task"].startswith("'=")
    (inv,) = _rows(tmp_path / "invoices.csv", encoding="utf-8-sig", delimiter=";")
    assert inv["total"] == "1851,84" and inv["client"] == "Café Olé"
    (line,) = _rows(tmp_path / "invoice_lines.csv", encoding="utf-8-sig", delimiter=";")
    assert (line["quantity"], line["unit_price"], line["amount"]) == ("1,5", "1234,56", "1851,84")
    assert line["description"] == "Diseño"
    (client,) = _rows(tmp_path / "clients.csv", encoding="utf-8-sig", delimiter=";")
    assert client["hourly_rate"] == "45,50"


def test_excel_follows_the_workspace_setting_else_point(ws: Workspace, tmp_path: Path) -> None:
    _workspace(ws)
    export_csv(ws, tmp_path / "point", excel=True)
    (inv,) = _rows(tmp_path / "point" / "invoices.csv", encoding="utf-8-sig", delimiter=",")
    assert inv["total"] == "1851.84"
    set_setting(ws, "decimal_comma", True)
    export_csv(ws, tmp_path / "comma", excel=True)
    (inv,) = _rows(tmp_path / "comma" / "invoices.csv", encoding="utf-8-sig", delimiter=";")
    assert inv["total"] == "1851,84"
    export_csv(ws, tmp_path / "forced", excel=True, decimal_comma=False)
    (inv,) = _rows(tmp_path / "forced" / "invoices.csv", encoding="utf-8-sig", delimiter=",")
    assert inv["total"] == "1851.84"


def test_restyle_keeps_negative_amounts_numbers_and_text_defused() -> None:
    from vatui.services.exchange.spreadsheet import CsvStyle, restyle

    plain = b"amount,note,total\r\n'-12.50,'-not a number,3\r\n"
    out = restyle(plain, CsvStyle(excel=True, decimal_comma=True)).decode("utf-8-sig")
    assert out == "amount;note;total\r\n-12,50;'-not a number;3\r\n"
    assert restyle(plain, CsvStyle()) == plain
