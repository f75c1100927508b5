"""The ledger's speed on the large demo workspace.

- The reports (``vatui report aging|pnl|clients``) are measured in ``bench_reports.py``,
  at the large workspace and at size 500.
- Recording a payment: ``record_payment`` on open invoices of a private copy of the large
  workspace, each one a durable transaction (temp file, fsync, atomic replace, directory
  fsync); median of 60, target ≤ 25 ms.

The Ledger pane's first paint and switch back are ``bench_panes.py``'s.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from bench.common import Row, median_ms
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


def run() -> list[Row]:
    """The ledger's figures."""
    rows = [_payments(copy_of_large("ledger-payments"))]
    return rows
