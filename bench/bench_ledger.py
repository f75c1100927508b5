"""The ledger's speed on the large demo workspace.

- ``vatui report aging`` and ``vatui report pnl``: wall time of the real command (median
  of 5), target ≤ 500 ms; ``vatui --version`` in the same run is the baseline (the cost
  of starting Python and click).
- Recording a payment: ``record_payment`` on open invoices of a private copy of the large
  workspace, each one a durable transaction (temp file, fsync, atomic replace, directory
  fsync); median of 60, target ≤ 25 ms.

The Ledger pane's first paint and switch back are ``bench_panes.py``'s.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from bench.common import VATUI, Row, median_ms, run_timed
from bench.fixtures import copy_of_large, large_workspace_dir

REPORT_TARGET_MS = 500.0
PAYMENT_TARGET_MS = 25.0
PAYMENTS = 60


def _reports(directory: Path) -> list[Row]:
    env = {"VATUI_DATA_DIR": str(directory)}
    base = median_ms(run_timed([VATUI, "--version"], env))
    rows = []
    for report in ("aging", "pnl"):
        ms = median_ms(run_timed([VATUI, "report", report], env))
        rows.append(
            Row(
                f"`vatui report {report}`, large workspace",
                ms,
                "ms",
                "`vatui --version`",
                base,
                f"≤ {REPORT_TARGET_MS:.0f} ms",
                ms <= REPORT_TARGET_MS,
            )
        )
    return rows


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
    large = large_workspace_dir()
    rows = _reports(large)
    rows.append(_payments(copy_of_large("ledger-payments")))
    return rows
