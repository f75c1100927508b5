"""The ledger's speed on the large demo workspace.

- The reports (``vatui report aging|pnl|clients``) are measured in ``bench_reports.py``,
  at the large workspace and at size 500.
- Recording a payment: ``record_payment`` on open invoices of a private copy of the large
  workspace, each one a durable transaction (temp file, fsync, atomic replace, directory
  fsync); median of 60, target ≤ 25 ms.
- Rendering the Ledger pane: the app runs headless (``run_test`` at 80×24) on the large
  workspace; from pressing ``4`` until the pane has read the ledger and painted its first
  frame (median of 5 fresh apps).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from datetime import date
from pathlib import Path

from bench.common import Row, median_ms, pane_paint_seconds
from bench.fixtures import copy_of_large

PAYMENT_TARGET_MS = 25.0
PAYMENTS = 60


def _payments(directory: Path) -> Row:
    from vatui.domain.money import Money
    from vatui.services.ledger.collect import open_invoices
    from vatui.services.ledger.payments import record_payment
    from vatui.store.workspace import Workspace

    ws = Workspace.open(directory)
    targets = [(inv, due) for inv, due in open_invoices(ws) if due.minor > PAYMENTS]
    if not targets:
        raise RuntimeError("the large workspace has no open invoice to pay")
    samples = []
    for n in range(PAYMENTS):
        invoice, _due = targets[n % len(targets)]
        day = max(invoice.issue_date, date.today())
        start = time.perf_counter()
        record_payment(ws, invoice.id or 0, Money(1, invoice.currency), day, method="bench")
        samples.append(time.perf_counter() - start)
    ws.close()
    ms = median_ms(samples)
    return Row(
        "record a payment (durable), large workspace",
        ms,
        "ms",
        target=f"≤ {PAYMENT_TARGET_MS:.0f} ms",
        ok=ms <= PAYMENT_TARGET_MS,
    )


async def _paint_once(directory: Path) -> float:
    from vatui.ui.screens.ledger import LedgerScreen

    return await pane_paint_seconds(
        directory, "4", lambda s: isinstance(s, LedgerScreen) and s.view is not None
    )


def _pane(directory: Path) -> Row:
    samples = [asyncio.run(_paint_once(directory)) for _ in range(5)]
    ms = statistics.median(samples) * 1000
    return Row("Ledger pane: key `4` to first painted frame, large workspace", ms, "ms")


def run() -> list[Row]:
    """The ledger's figures."""
    rows = [_payments(copy_of_large("ledger-payments"))]
    rows.append(_pane(copy_of_large("ledger-pane")))
    return rows
