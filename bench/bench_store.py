"""The store at the large demo workspace, next to TinyDB's default ``JSONStorage`` on the same data.

- load: a fresh ``Workspace.open`` and the first read, against ``TinyDB(path)`` and the
  first read of a table with the default storage (median of 5 each; the file is in the
  page cache for both);
- a durable change: moving a card with ``vatui.services.tasks.manage.move_task`` and recording a
  payment with ``vatui.services.ledger.payments.record_payment`` (each one transaction:
  lock, temp file, fsync, atomic replace, directory fsync), median of 60, against one
  insert with the default storage (median of 5: each takes most of a second);
- the file's size, against the same data written by the default storage;
- for scale, the move again once the archive has moved old done tasks and paid invoices
  of closed years out of ``workspace.json`` (the steady state of years of use).
"""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path
from typing import Any

from bench.common import Row, median_ms
from bench.fixtures import _scratch, archived_copy_of_large, copy_of_large, large_workspace_dir, records_in

CHANGES = 60
"""Durable changes measured per figure."""
BASELINE_REPEAT = 5
"""Loads and inserts measured with the default storage."""
CHANGE_TARGET_MS = 25.0
"""PRODUCT.md: a durable change at the large workspace, median."""


def _vatui_load(directory: Path) -> float:
    from vatui.store.workspace import Workspace

    start = time.perf_counter()
    ws = Workspace.open(directory)
    assert len(ws.docs("tasks")) > 0
    elapsed = time.perf_counter() - start
    ws.close()
    return elapsed


def _tinydb_load(path: Path) -> float:
    from tinydb import TinyDB

    start = time.perf_counter()
    db = TinyDB(path)
    assert len(db.table("tasks")) > 0
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed


def _moves(directory: Path) -> list[float]:
    from vatui.services.tasks.manage import move_task
    from vatui.store.workspace import Workspace

    ws = Workspace.open(directory)
    task_id = next(int(k) for k, d in ws.docs("tasks").items() if d["column"] == "Next")
    samples = []
    for i in range(CHANGES + 3):
        start = time.perf_counter()
        move_task(ws, task_id, "Doing" if i % 2 == 0 else "Next")
        samples.append(time.perf_counter() - start)
    ws.close()
    return samples[3:]


def _payments(directory: Path) -> list[float]:
    from vatui.domain.money import Money
    from vatui.services.common import home_today
    from vatui.services.ledger.payments import record_payment
    from vatui.store.workspace import Workspace

    ws = Workspace.open(directory)
    paid: dict[str, int] = {}
    for doc in ws.docs("payments").values():
        paid[str(doc["invoice_id"])] = paid.get(str(doc["invoice_id"]), 0) + doc["amount"]["minor"]
    invoice_id, invoice = next(
        (int(k), d) for k, d in ws.docs("invoices").items() if d["status"] == "sent" and k not in paid
    )
    today = home_today(ws)
    one = Money(1, invoice["currency"])
    samples = []
    for _i in range(CHANGES + 3):
        start = time.perf_counter()
        record_payment(ws, invoice_id, one, today, method="bench", reference="bench")
        samples.append(time.perf_counter() - start)
    ws.close()
    return samples[3:]


def _tinydb_inserts(path: Path, doc: dict[str, Any]) -> list[float]:
    from tinydb import TinyDB

    db = TinyDB(path)
    table = db.table("tasks")
    samples = []
    for _i in range(BASELINE_REPEAT):
        start = time.perf_counter()
        table.insert(dict(doc))
        samples.append(time.perf_counter() - start)
    db.close()
    return samples


def run() -> list[Row]:
    """Load, durable change and file size, vatui's store against TinyDB's default storage."""
    source = large_workspace_dir()
    tinydb_dir = _scratch() / "tinydb-default"
    tinydb_dir.mkdir(exist_ok=True)
    tinydb_file = tinydb_dir / "db.json"
    shutil.copy2(source / "workspace.json", tinydb_file)

    _vatui_load(source)
    _tinydb_load(tinydb_file)
    vatui_load = statistics.median(_vatui_load(source) for _ in range(BASELINE_REPEAT)) * 1000
    tinydb_load = statistics.median(_tinydb_load(tinydb_file) for _ in range(BASELINE_REPEAT)) * 1000

    moves = median_ms(_moves(copy_of_large("bench-store-moves")))
    payments = median_ms(_payments(copy_of_large("bench-store-payments")))
    import orjson

    sample_task = next(iter(orjson.loads((source / "workspace.json").read_bytes())["tasks"].values()))
    inserts = median_ms(_tinydb_inserts(tinydb_file, sample_task))

    archived = archived_copy_of_large("bench-store-archived")
    archived_mb = (archived / "workspace.json").stat().st_size / 1e6
    archived_records = records_in(archived)
    archived_moves = median_ms(_moves(archived))

    vatui_mb = (source / "workspace.json").stat().st_size / 1e6
    tinydb_mb = tinydb_file.stat().st_size / 1e6
    default = "TinyDB JSONStorage"
    return [
        Row("store: load (open + first read), large workspace", vatui_load, "ms", default, tinydb_load),
        Row(
            f"store: durable change, move a card (median of {CHANGES})",
            moves,
            "ms",
            f"{default}, one insert (median of {BASELINE_REPEAT})",
            inserts,
            f"≤ {CHANGE_TARGET_MS:.0f} ms",
            moves <= CHANGE_TARGET_MS,
        ),
        Row(
            f"store: durable change, record a payment (median of {CHANGES})",
            payments,
            "ms",
            f"{default}, one insert (median of {BASELINE_REPEAT})",
            inserts,
            f"≤ {CHANGE_TARGET_MS:.0f} ms",
            payments <= CHANGE_TARGET_MS,
        ),
        Row("store: workspace file size", vatui_mb, "MB", f"{default}, same data", tinydb_mb),
        Row(
            f"store: move a card after the archive ran ({archived_records:,} records, "
            f"{archived_mb:.1f} MB left)",
            archived_moves,
            "ms",
            "the same move before it",
            moves,
            f"≤ {CHANGE_TARGET_MS:.0f} ms",
            archived_moves <= CHANGE_TARGET_MS,
        ),
    ]


if __name__ == "__main__":
    from bench.common import print_table

    print_table(run())
