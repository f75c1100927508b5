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
  of closed years out of ``workspace.json`` (the steady state of years of use);
- a change costs what it changes, not what the history weighs (issue 13, item 6): the move
  and the payment at the size-500 workspace after the archive (19 MB hot) and at the large
  one before and after it, each against what a change cost when it rewrote the whole hot file
  (``atomic_write_bytes`` of that file's bytes: temp file, fsync, rename, folder fsync),
  measured in the same run;
- a compaction (the journal folded into a new ``workspace.json``) at size 500, against the
  same whole-file rewrite, and how many moves fill the journal up to its threshold.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

import orjson

from bench.common import Row, median_ms
from bench.fixtures import (
    _scratch,
    archived_copy_of_huge,
    archived_copy_of_large,
    copy_of_large,
    large_workspace_dir,
    records_in,
)

CHANGES = 60
"""Durable changes measured per figure."""
BASELINE_REPEAT = 5
"""Loads and inserts measured with the default storage."""
CHANGE_TARGET_MS = 25.0
"""PRODUCT.md: a durable change at the large workspace, median; issue 13: at every size."""
REWRITES = 15
"""Whole-file rewrites measured as the baseline of a change (what it cost before the journal)."""
COMPACTIONS = 9
"""Compactions measured at size 500."""


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


def _rewrites(directory: Path) -> list[float]:
    """What a durable change cost before the journal: the whole hot file written anew."""
    from vatui.store.storage import atomic_write_bytes, read_document

    payload = orjson.dumps(read_document(directory / "workspace.json"))
    target = _scratch() / "bench-store-rewrite"
    target.mkdir(exist_ok=True)
    samples = []
    for _i in range(REWRITES + 1):
        start = time.perf_counter()
        atomic_write_bytes(target / "workspace.json", payload)
        samples.append(time.perf_counter() - start)
    return samples[1:]


def _compactions(directory: Path) -> tuple[list[float], int]:
    """The cost of folding the journal into a new base, and how many moves fill it up."""
    from vatui.services.tasks.manage import move_task
    from vatui.store import journal
    from vatui.store.workspace import Workspace

    ws = Workspace.open(directory)
    task_id = next(int(k) for k, d in ws.docs("tasks").items() if d["column"] == "Next")
    storage = ws.storage
    assert storage is not None
    samples = []
    grown = []
    for i in range(COMPACTIONS):
        before = storage.journal_bytes()
        move_task(ws, task_id, "Doing" if i % 2 == 0 else "Next")
        grown.append(storage.journal_bytes() - before)
        start = time.perf_counter()
        assert ws.compact()
        samples.append(time.perf_counter() - start)
    base = (directory / "workspace.json").stat().st_size
    ws.close()
    per_move = statistics.median(grown)
    return samples, int(journal.compact_threshold(base) // max(per_move, 1))


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


BACKUP_RATIO_TARGET = 0.2
"""A backup is compressed: at most a fifth of an uncompressed copy (gzip gives about 1/12)."""


def run() -> list[Row]:
    """Load, durable change and file size, vatui's store against TinyDB's default storage."""
    source = large_workspace_dir()
    tinydb_dir = _scratch() / "tinydb-default"
    tinydb_dir.mkdir(exist_ok=True)
    tinydb_file = tinydb_dir / "db.json"
    from vatui.store.storage import read_document

    tinydb_file.write_bytes(orjson.dumps(read_document(source / "workspace.json")))  # base + journal

    _vatui_load(source)
    _tinydb_load(tinydb_file)
    vatui_load = statistics.median(_vatui_load(source) for _ in range(BASELINE_REPEAT)) * 1000
    tinydb_load = statistics.median(_tinydb_load(tinydb_file) for _ in range(BASELINE_REPEAT)) * 1000

    moves = median_ms(_moves(copy_of_large("bench-store-moves")))
    payments = median_ms(_payments(copy_of_large("bench-store-payments")))
    large_rewrite = median_ms(_rewrites(source))

    sample_task = next(iter(orjson.loads(tinydb_file.read_bytes())["tasks"].values()))
    inserts = median_ms(_tinydb_inserts(tinydb_file, sample_task))

    archived = archived_copy_of_large("bench-store-archived")
    archived_mb = (archived / "workspace.json").stat().st_size / 1e6
    archived_records = records_in(archived)
    archived_moves = median_ms(_moves(archived))
    archived_payments = median_ms(_payments(archived))
    archived_rewrite = median_ms(_rewrites(archived))

    huge = archived_copy_of_huge("bench-store-huge")
    huge_mb = (huge / "workspace.json").stat().st_size / 1e6
    huge_records = records_in(huge)
    huge_rewrite = median_ms(_rewrites(huge))
    huge_moves = median_ms(_moves(huge))
    huge_payments = median_ms(_payments(huge))
    compactions, moves_per_compaction = _compactions(huge)
    compaction = median_ms(compactions)
    backup_mb, copy_mb = _backup_size(huge)

    vatui_mb = (source / "workspace.json").stat().st_size / 1e6
    tinydb_mb = tinydb_file.stat().st_size / 1e6
    default = "TinyDB JSONStorage"
    rewrite = "the whole hot file rewritten (as every change did before the journal)"
    at_huge = f"size 500 after the archive ({huge_records:,} records, {huge_mb:.1f} MB)"
    at_archived = f"large after the archive ({archived_records:,} records, {archived_mb:.1f} MB)"
    at_large = f"large, nothing archived ({vatui_mb:.1f} MB)"

    def change(label: str, value: float, baseline: float) -> Row:
        return Row(
            f"store: {label} (median of {CHANGES})",
            value,
            "ms",
            f"{rewrite}, median of {REWRITES}",
            baseline,
            f"≤ {CHANGE_TARGET_MS:.0f} ms",
            value <= CHANGE_TARGET_MS,
        )

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
        change(f"move a card, {at_large}", moves, large_rewrite),
        change(f"record a payment, {at_large}", payments, large_rewrite),
        change(f"move a card, {at_archived}", archived_moves, archived_rewrite),
        change(f"record a payment, {at_archived}", archived_payments, archived_rewrite),
        change(f"move a card, {at_huge}", huge_moves, huge_rewrite),
        change(f"record a payment, {at_huge}", huge_payments, huge_rewrite),
        Row(
            f"store: compaction at {at_huge} (median of {COMPACTIONS}; "
            f"once every ~{moves_per_compaction:,} moves)",
            compaction,
            "ms",
            f"{rewrite}, median of {REWRITES}",
            huge_rewrite,
        ),
        Row(
            f"store: one backup at {at_huge} (gzip)",
            backup_mb,
            "MB",
            "an uncompressed copy of the same document",
            copy_mb,
            f"≤ {BACKUP_RATIO_TARGET}× the copy",
            backup_mb <= BACKUP_RATIO_TARGET * copy_mb,
        ),
    ]


def _backup_size(directory: Path) -> tuple[float, float]:
    """MB of one backup ``vatui`` makes of ``directory`` (what ``vatui backup --list`` counts),
    and of an uncompressed copy of the same document (what every backup weighed before)."""
    from datetime import UTC, datetime

    from vatui.store.backups import make_backup
    from vatui.store.storage import read_document

    made = make_backup(directory, directory / "workspace.json", datetime.now(UTC), force=True)
    assert made is not None
    copy = orjson.dumps(read_document(directory / "workspace.json"))
    return made.stat().st_size / 1e6, len(copy) / 1e6


if __name__ == "__main__":
    from bench.common import print_table

    print_table(run())
