"""Every output of ``vatui invoice list`` pinned to the full rules: the plain lines and the
JSON, with each filter (``--client``, ``--status`` with ``overdue`` and ``open``, ``--on``,
``--archived``), in English and in Spanish, on the workspace of every unusual shape. The
expected output is built from every invoice as a record, its amount due by
``invoicing.amount_due`` (``tests/helpers/ledger_shapes.py``), printed by the same line and
JSON shapes the command uses; the command reads its rows from the one listing flow
(``services.ledger.invoice_list``)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli_inprocess import Vatui, make_vatui
from tests.helpers.ledger_shapes import NOW, full_archived_rows, full_invoice_rows, make_books, row_of
from vatui.cli.json_shapes import invoice_json
from vatui.cli.ledger import _line
from vatui.domain.clock import FixedClock
from vatui.i18n import _
from vatui.services.common import client_names
from vatui.store.workspace import Workspace

FILTERS: list[tuple[str, ...]] = [
    (),
    ("--status", "draft"),
    ("--status", "sent"),
    ("--status", "partial"),
    ("--status", "paid"),
    ("--status", "void"),
    ("--status", "overdue"),
    ("--status", "open"),
    ("--client", "#1"),
    ("--client", "#2", "--status", "overdue"),
    ("--on", "2026-06-15"),
    ("--on", "2025-12-31", "--status", "overdue"),
    ("--on", "2030-01-01", "--status", "open"),
    ("--archived",),
    ("--archived", "--status", "paid"),
    ("--archived", "--status", "void"),
    ("--archived", "--status", "overdue"),
    ("--archived", "--client", "#1"),
    ("--archived", "--on", "2025-06-01"),
]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The workspace of every shape, made once for the module."""
    directory = tmp_path_factory.mktemp("made") / "books"
    make_books(directory).close()
    return directory


@pytest.fixture
def books(made: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of it for one test (the test sets the language)."""
    directory = tmp_path / "books"
    shutil.copytree(made, directory)
    monkeypatch.setenv("VATUI_DATA_DIR", str(directory))
    monkeypatch.setenv("VATUI_CONFIG_DIR", str(tmp_path / "config"))
    yield directory


@pytest.fixture
def vatui(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, books: Path) -> Vatui:
    return make_vatui(capsys, monkeypatch, FixedClock(NOW))


def _option(args: tuple[str, ...], name: str) -> str | None:
    return args[args.index(name) + 1] if name in args else None


def _expected(books: Path, args: tuple[str, ...], as_json: bool) -> str | Any:
    """What ``invoice list ARGS`` prints by the full rules (in the language now set)."""
    on = _option(args, "--on")
    day = date.fromisoformat(on) if on else NOW.date()
    client = _option(args, "--client")
    client_id = int(client[1:]) if client else None
    status = _option(args, "--status")
    ws = Workspace.open(books, FixedClock(NOW))
    try:
        names = client_names(ws)
        protocol = ws.settings().protocol
        live = full_invoice_rows(ws, day, client_id=client_id, status=status)
        old = []
        if "--archived" in args and status not in ("overdue", "open"):
            old = full_archived_rows(ws, client_id=client_id, status=status)
    finally:
        ws.close()
    if as_json:
        items = [invoice_json(i, due, names, day, protocol) for i, due, _s in live]
        if "--archived" in args:
            items = [{**item, "archived": None} for item in items]
            items += [{**invoice_json(i, due, names, day, protocol), "archived": y} for i, due, _s, y in old]
        return {"date": day.isoformat(), "invoices": items}
    lines = [_line(row_of(*row), names) for row in live]
    lines += [
        _line(row_of(i, due, s), names) + _("  (archived in {year})").format(year=y) for i, due, s, y in old
    ]
    return "\n".join(lines or [_("No invoices.")]) + "\n"


@pytest.mark.parametrize("as_json", [False, True], ids=["plain", "json"])
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("args", FILTERS, ids=lambda a: " ".join(a) or "all")
def test_the_list_is_the_full_rules(
    vatui: Vatui, books: Path, language: str, args: tuple[str, ...], as_json: bool
) -> None:
    assert vatui("settings", "set", "language", language).code == 0
    got = vatui("invoice", "list", *args, *(["--json"] if as_json else []))
    assert got.code == 0, got.err
    want = _expected(books, args, as_json)  # read in the language just set
    if as_json:
        assert json.dumps(got.json(), ensure_ascii=False) == json.dumps(want, ensure_ascii=False)
    else:
        assert got.out == want
        assert language == "en" or "vence" in got.out or got.out == _("No invoices.") + "\n"


def test_the_filters_reach_every_kind_of_row(vatui: Vatui) -> None:
    """The cases above are not empty where it matters: overdue and open rows, drafts, voids,
    tax lines, and archived invoices."""
    assert "overdue" in vatui("invoice", "list", "--status", "overdue").out
    assert "draft #" in vatui("invoice", "list", "--status", "draft").out
    assert "void" in vatui("invoice", "list", "--status", "void").out
    assert "IVA" in vatui("invoice", "list").out
    assert "archived in" in vatui("invoice", "list", "--archived").out
    assert vatui("invoice", "list", "--status", "open", "--json").json()["invoices"]
