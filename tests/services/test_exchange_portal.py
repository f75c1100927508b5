"""The app's door to every export and import: ``vatui.services.exchange.portal``."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import icalendar
import pytest

from tests.helpers.fake_imports import FakeImports, install
from vatui.domain.errors import InputError
from vatui.services.clients.manage import add_client
from vatui.services.exchange.portal import EXPORT_KINDS, export_to, import_from, resolve_path
from vatui.services.tasks.manage import add_task
from vatui.store.workspace import Workspace


@pytest.fixture
def filled(ws: Workspace) -> Workspace:
    acme = add_client(ws, "Café Olé")
    add_task(ws, "Send report", client_id=acme.id, due=date(2026, 12, 3))
    return ws


def test_every_export_kind_writes_its_format(filled: Workspace, tmp_path: Path) -> None:
    assert set(EXPORT_KINDS) == {"json", "csv", "csv-excel", "hledger", "ics"}
    assert "Exported" in export_to(filled, "json", tmp_path / "w.json")
    assert json.loads((tmp_path / "w.json").read_text())["clients"]
    export_to(filled, "ics", tmp_path / "w.ics")
    (event,) = icalendar.Calendar.from_ical((tmp_path / "w.ics").read_text()).walk("VEVENT")
    assert event.decoded("DTSTART") == date(2026, 12, 3)
    export_to(filled, "hledger", tmp_path / "w.journal")
    assert (tmp_path / "w.journal").exists()
    assert "7 files" in export_to(filled, "csv", tmp_path / "plain")
    export_to(filled, "csv-excel", tmp_path / "excel")
    raw = (tmp_path / "excel" / "clients.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["name"] == "Café Olé"


def test_bad_export_requests_are_one_line(filled: Workspace, tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(InputError, match="needs a folder"):
        export_to(filled, "csv", tmp_path / "file.txt")
    with pytest.raises(InputError, match="is a folder"):
        export_to(filled, "ics", tmp_path)
    with pytest.raises(InputError, match="unknown kind"):
        export_to(filled, "pdf", tmp_path / "x.pdf")
    with pytest.raises(InputError, match="cannot write"):
        export_to(filled, "csv", tmp_path / "file.txt" / "sub")
    with pytest.raises(InputError):
        resolve_path("   ")
    assert resolve_path("~/x.ics") == Path.home() / "x.ics"


def test_import_calls_the_service_with_dry_run(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeImports()
    install(monkeypatch, fake)
    lines = import_from(ws, "csv-time", tmp_path / "toggl.csv", dry_run=True)
    assert lines == [
        "Tasks: 2 to add, 0 to update, 0 skipped",
        "  + task “csv time 1” — toggl.csv",
        "  + task “csv time 2” — toggl.csv",
    ]
    import_from(ws, "trello", tmp_path / "b.json", dry_run=False)
    import_from(ws, "csv-tasks+clients", tmp_path / "t.csv", dry_run=True)
    assert fake.calls == [
        ("csv time", tmp_path / "toggl.csv", True),
        ("trello", tmp_path / "b.json", False),
        ("csv tasks +clients", tmp_path / "t.csv", True),
    ]
    import_from(ws, "json", tmp_path / "w.json", dry_run=True)
    assert fake.calls[-1] == ("json", tmp_path / "w.json", True)
