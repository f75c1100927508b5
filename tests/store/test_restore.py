"""``restore`` checks the whole candidate before a byte is written (issue 8, item 3).

A file that is valid JSON but not a workspace this vatui wrote (ids that are not record
numbers, a record that is not an object, a field of the wrong type, money that is not a
whole number of minor units, a newer schema, an unknown table, a broken undo entry) is
refused: the workspace stays byte-identical, no backup is made, and the message says the
file was refused. A restored backup, and the pre-restore backup of that restore, always
restore again; a damaged live workspace can be restored over.
"""

from __future__ import annotations

import copy
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.helpers.backup_files import backup_bytes
from tests.helpers.workspace_file import read_workspace, workspace_bytes
from vatui.demo.workspace import generate
from vatui.domain.clock import FixedClock
from vatui.domain.errors import InputError
from vatui.domain.tasks import Task
from vatui.services.exchange.backup import restore
from vatui.services.tasks.manage import add_task
from vatui.store import restore as restore_mod
from vatui.store.workspace import Workspace

Data = dict[str, dict[str, Any]]


@pytest.fixture
def good(data_dir: Path, clock: FixedClock) -> Data:
    """A live workspace with every kind of record and an undo entry; returns its document."""
    ws = Workspace.open(data_dir, clock)
    generate(ws, clients=2, seed=3)
    add_task(ws, "Undoable task")
    ws.close()
    data: Data = read_workspace(data_dir)
    assert all(data[t] for t in ("clients", "tasks", "time", "invoices", "payments", "expenses", "undo"))
    return data


def _first(data: Data, table: str) -> dict[str, Any]:
    return data[table][min(data[table], key=int)]


def _set(table: str, field: str, value: Any) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        _first(data, table)[field] = value

    return change


def _money(table: str, field: str, minor: Any) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        _first(data, table)[field] = {"minor": minor, "currency": "USD"}

    return change


def _string_id(data: Data) -> None:
    data["clients"]["acme"] = data["clients"].pop(min(data["clients"], key=int))


def _padded_id(data: Data) -> None:
    data["tasks"]["0" + min(data["tasks"], key=int)] = data["tasks"].pop(min(data["tasks"], key=int))


def _not_object(data: Data) -> None:
    data["tasks"][min(data["tasks"], key=int)] = "Call Acme"  # type: ignore[assignment]


def _list_record(data: Data) -> None:
    data["payments"][min(data["payments"], key=int)] = [1, 2]  # type: ignore[assignment]


def _item_not_object(data: Data) -> None:
    _first(data, "invoices")["items"] = ["Work"]


def _item_float_price(data: Data) -> None:
    _first(data, "invoices")["items"][0]["unit_price"]["minor"] = 1250.5


def _undo_bad_after(data: Data) -> None:
    entry = data["undo"][max(data["undo"], key=int)]
    entry["changes"][0]["after"]["title"] = ["not", "text"]


def _undo_not_list(data: Data) -> None:
    data["undo"][max(data["undo"], key=int)]["changes"] = "all of them"


def _unknown_table(data: Data) -> None:
    data["secrets"] = {"1": {"x": 1}}


def _table_not_object(data: Data) -> None:
    data["tasks"] = ["a"]  # type: ignore[assignment]


def _newer(data: Data) -> None:
    data["meta"]["1"]["schema"] = 999


def _schema_text(data: Data) -> None:
    data["meta"]["1"]["schema"] = "1"


def _floor_text(data: Data) -> None:
    data["meta"]["1"]["id_floor"] = {"tasks": "12"}


def _line_quantity(data: Data) -> None:
    _first(data, "invoices")["items"][0]["quantity"] = "two"


def _line_currency(data: Data) -> None:
    invoice = _first(data, "invoices")
    other = "EUR" if invoice["currency"] != "EUR" else "USD"
    invoice["items"][0]["unit_price"]["currency"] = other


def _payment_currency(data: Data) -> None:
    payment = _first(data, "payments")
    other = "JPY" if payment["amount"]["currency"] != "JPY" else "USD"
    payment["amount"]["currency"] = other


def _settings_bad(data: Data) -> None:
    data["settings"]["1"]["weekly_hours"] = "forty"


BAD: list[Any] = [
    pytest.param(_string_id, "by number", id="string-id"),
    pytest.param(_padded_id, "record number", id="zero-padded-id"),
    pytest.param(_set("time", "task_id", "3"), "task_id", id="string-reference-id"),
    pytest.param(_not_object, "not a workspace", id="record-not-object"),
    pytest.param(_list_record, "not a workspace", id="record-is-list"),
    pytest.param(_set("tasks", "title", 42), "title", id="title-number"),
    pytest.param(_set("tasks", "tags", "urgent"), "tags", id="tags-text"),
    pytest.param(_set("time", "minutes", "90"), "minutes", id="minutes-text"),
    pytest.param(_set("time", "billable", "yes"), "billable", id="billable-text"),
    pytest.param(_set("invoices", "issue_date", "2026-02-30"), "issue_date", id="impossible-date"),
    pytest.param(_set("clients", "people", "Bo"), "people", id="people-text"),
    pytest.param(_money("payments", "amount", 150.75), "amount", id="money-float"),
    pytest.param(_money("payments", "amount", 150.0), "amount", id="money-whole-float"),
    pytest.param(_money("payments", "amount", "15075"), "amount", id="money-string"),
    pytest.param(_set("payments", "amount", 150), "amount", id="money-bare-number"),
    pytest.param(_money("expenses", "amount", None), "amount", id="money-null"),
    pytest.param(_item_not_object, "items[0]", id="line-not-object"),
    pytest.param(_item_float_price, "unit_price", id="line-price-float"),
    pytest.param(_undo_bad_after, "undo #", id="undo-image-bad"),
    pytest.param(_undo_not_list, "undo #", id="undo-not-list"),
    pytest.param(_unknown_table, "unknown table", id="unknown-table"),
    pytest.param(_table_not_object, "not a workspace", id="table-not-object"),
    pytest.param(_newer, "newer vatui", id="newer-schema"),
    pytest.param(_schema_text, "schema version", id="schema-text"),
    pytest.param(_floor_text, "id_floor", id="id-floor-text"),
    pytest.param(_settings_bad, "weekly_hours", id="settings-field"),
    # values every reader would trip on (each crashed `vatui today` once restored)
    pytest.param(_set("invoices", "tax_percent", "x"), "tax_percent", id="tax-not-a-number"),
    pytest.param(_line_quantity, "items[0].quantity", id="quantity-not-a-number"),
    pytest.param(_line_currency, "items[0].unit_price", id="line-in-another-currency"),
    pytest.param(_payment_currency, "paid on an invoice in", id="payment-in-another-currency"),
    pytest.param(_set("invoices", "issue_date", "9999-12-17"), "9999", id="date-at-the-end-of-time"),
    pytest.param(_set("tasks", "created", "0001-01-01T00:00:00+00:00"), "outside", id="moment-year-1"),
    pytest.param(_set("clients", "currency", "usd"), "currency", id="currency-lower-case"),
    pytest.param(_set("clients", "timezone", "Mars/Olympus"), "timezone", id="client-zone"),
    pytest.param(
        lambda d: d["settings"]["1"].update(home_timezone="Nope/Nope"), "home_timezone", id="home-zone"
    ),
    pytest.param(_set("tasks", "recurrence", "every blue moon"), "recurrence", id="recurrence-rule"),
    # the domain's rules over the whole file (vatui.domain.workspace_rules), as typed input meets them
    pytest.param(_set("time", "minutes", -60), "time #", id="negative-minutes"),
    pytest.param(_money("payments", "amount", -100), "more than zero", id="negative-payment"),
    pytest.param(_set("payments", "invoice_id", 9999), "invoices #9999", id="payment-of-no-invoice"),
    pytest.param(_set("time", "task_id", 9999), "tasks #9999", id="time-of-a-task-never-made"),
    pytest.param(_set("time", "client_id", 9999), "clients #9999", id="time-of-no-client"),
    pytest.param(_set("tasks", "client_id", 9999), "clients #9999", id="task-of-no-client"),
    pytest.param(_set("time", "invoice_id", 9999), "invoices #9999", id="time-on-no-invoice"),
    pytest.param(_set("tasks", "title", "A" * 1_000_000), "at most 500", id="title-a-megabyte"),
    pytest.param(_set("invoices", "tax_percent", "-50"), "tax_percent", id="tax-negative"),
    pytest.param(_set("invoices", "tax_percent", "1e9"), "tax_percent", id="tax-a-billion"),
    pytest.param(
        lambda d: _first(d, "invoices")["items"][0].update(quantity="1e400"),
        "items[0].quantity",
        id="quantity-1e400",
    ),
    pytest.param(
        _set("time", "start", "2199-01-01T00:00:00+00:00"),
        "ends before it starts",
        id="time-starts-after-it-ends",
    ),
    pytest.param(lambda d: d["settings"]["1"].update(columns=[]), "columns", id="no-columns"),
    pytest.param(lambda d: d["settings"]["1"].update(wip_limit=-3), "wip_limit", id="wip-negative"),
    pytest.param(
        lambda d: [e.update(end=None) for e in list(d["time"].values())[:2]],
        "running",
        id="two-running-timers",
    ),
    pytest.param(
        lambda d: list(d["invoices"].values())[1].update(number=_first(d, "invoices")["number"]),
        "is also #",
        id="invoice-number-twice",
    ),
    pytest.param(
        lambda d: list(d["clients"].values())[1].update(name=_first(d, "clients")["name"].upper()),
        "another client is named",
        id="client-name-twice",
    ),
    pytest.param(
        _set("invoices", "issue_date", "1969-12-31"), "1970–2199", id="date-before-the-business-range"
    ),
]


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize(("damage", "words"), BAD)
def test_a_bad_candidate_is_refused_and_nothing_changes(
    good: Data, damage: Callable[[Data], None], words: str, data_dir: Path, tmp_path: Path, clock: FixedClock
) -> None:
    candidate = copy.deepcopy(good)
    damage(candidate)
    source = tmp_path / "candidate.json"
    source.write_bytes(orjson.dumps(candidate))
    before = _snapshot(data_dir)
    with pytest.raises(InputError) as caught:
        restore(data_dir, source, clock)
    message = str(caught.value)
    assert words in message
    assert "not a vatui workspace" in message and "untouched" not in message
    assert _snapshot(data_dir) == before  # the workspace, the backups: byte-identical, nothing new
    ws = Workspace.open(data_dir, clock)
    assert len(ws.all(Task)) == len(good["tasks"])
    ws.close()


def test_restore_then_restore_the_prerestore_backup(
    good: Data, data_dir: Path, tmp_path: Path, clock: FixedClock
) -> None:
    live = workspace_bytes(data_dir)
    other = tmp_path / "other"
    ws = Workspace.open(other, clock)
    add_task(ws, "Only in the other workspace")
    ws.close()
    saved = restore(data_dir, other / "workspace.json", clock)
    assert saved is not None and backup_bytes(saved) == live and saved.name.endswith("-prerestore.json.gz")
    ws = Workspace.open(data_dir, clock)
    assert [t.title for t in ws.all(Task)] == ["Only in the other workspace"]
    ws.close()
    back = restore(data_dir, saved, clock)  # the pre-restore backup always restores
    assert back is not None and back != saved
    ws = Workspace.open(data_dir, clock)
    assert sorted(t.title for t in ws.all(Task)) == sorted(d["title"] for d in good["tasks"].values())
    ws.close()
    assert restore(data_dir, back, clock) is not None  # and once more


def test_every_backup_the_store_writes_restores(good: Data, data_dir: Path, clock: FixedClock) -> None:
    ws = Workspace.open(data_dir, clock)
    add_task(ws, "After the demo")
    ws.close()
    backups = sorted((data_dir / "backups").iterdir()) if (data_dir / "backups").exists() else []
    from vatui.services.exchange.backup import backup_now

    ws = Workspace.open(data_dir, clock)
    made = backup_now(ws)
    ws.close()
    assert made is not None
    for backup in [*backups, made]:
        restore(data_dir, backup, clock)


def test_a_damaged_live_workspace_can_be_restored_over(
    good: Data, data_dir: Path, tmp_path: Path, clock: FixedClock
) -> None:
    source = tmp_path / "good.json"
    source.write_bytes(orjson.dumps(good))
    (data_dir / "workspace.json").write_bytes(b'{"tasks": {"x": 1}}')
    saved = restore(data_dir, source, clock)
    assert saved is not None and backup_bytes(saved) == b'{"tasks": {"x": 1}}'  # kept, as it was
    ws = Workspace.open(data_dir, clock)
    assert len(ws.all(Task)) == len(good["tasks"])
    ws.close()


def test_restore_into_an_empty_folder(good: Data, tmp_path: Path, clock: FixedClock) -> None:
    source = tmp_path / "good.json"
    source.write_bytes(orjson.dumps(good))
    fresh = tmp_path / "fresh"
    assert restore(fresh, source, clock) is None
    assert oct((fresh / "workspace.json").stat().st_mode & 0o777) == "0o600"


def test_a_file_over_the_limit_is_refused_without_being_read(
    good: Data, data_dir: Path, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as f:  # sparse: costs no disk
        f.truncate(restore_mod.MAX_RESTORE_BYTES + 1)
    before = _snapshot(data_dir)
    reads: list[int] = []
    real_read = os.read

    def counting_read(fd: int, n: int) -> bytes:
        reads.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", counting_read)
    started = time.monotonic()
    with pytest.raises(InputError, match="too large"):
        restore(data_dir, huge, clock)
    monkeypatch.undo()
    assert reads == [] and time.monotonic() - started < 1
    assert _snapshot(data_dir) == before


def test_a_fifo_or_a_folder_is_refused_at_once(
    data_dir: Path, tmp_path: Path, clock: FixedClock, good: Data
) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        restore(data_dir, fifo, clock)
    with pytest.raises(InputError, match="not a regular file"):
        restore(data_dir, tmp_path, clock)
    with pytest.raises(InputError, match="cannot read"):
        restore(data_dir, tmp_path / "missing.json", clock)
