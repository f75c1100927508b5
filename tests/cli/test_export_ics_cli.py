"""``vatui export ics`` on the command line: to a file, to stdout, one client, a bad client."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import icalendar

from tests.helpers.cli_inprocess import Vatui


def test_export_ics_to_a_file_and_for_one_client(vatui: Vatui, tmp_path: Path) -> None:
    assert vatui("client", "add", "Acme").code == 0
    assert vatui("client", "add", "Beta").code == 0
    assert vatui("add", "Send report @acme due:2026-12-03").code == 0
    assert vatui("add", "Plan launch @beta due:2026-12-04").code == 0
    out = tmp_path / "work.ics"
    result = vatui("export", "ics", "-o", str(out))
    assert result.code == 0, result.err
    assert "2 events" in result.out
    assert result.err == ""  # no terminal: no progress bar
    cal = icalendar.Calendar.from_ical(out.read_bytes().decode("utf-8"))
    starts = sorted(e.decoded("DTSTART") for e in cal.walk("VEVENT"))
    assert starts == [date(2026, 12, 3), date(2026, 12, 4)]
    one = vatui("export", "ics", "--client", "beta")
    assert one.code == 0
    events = icalendar.Calendar.from_ical(one.out).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Due: Plan launch (Beta)"]


def test_export_ics_unknown_client_is_one_line(vatui: Vatui, tmp_path: Path) -> None:
    out = tmp_path / "x.ics"
    result = vatui("export", "ics", "--client", "nobody", "-o", str(out))
    assert result.code == 1 and result.err.startswith("vatui: ") and result.err.count("\n") == 1
    assert not out.exists()


def test_export_csv_excel_flags(vatui: Vatui, tmp_path: Path) -> None:
    assert vatui("client", "add", "Café").code == 0
    result = vatui("export", "csv", str(tmp_path / "x"), "--excel", "--decimal-comma")
    assert result.code == 0, result.err
    assert result.err == ""
    raw = (tmp_path / "x" / "clients.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + b"id;name;") and "Café".encode() in raw
    refused = vatui("export", "csv", str(tmp_path / "y"), "--decimal-comma")
    assert refused.code == 2 and not (tmp_path / "y").exists()
