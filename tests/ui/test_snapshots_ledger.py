"""SVG snapshots of the Ledger at 80×24 on the small demo with the fixed clock.

Update after a deliberate change with ``pytest tests/ui/test_snapshots_ledger.py --snapshot-update``
and look at the new SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers.pane_snapshots import Before, pane_then
from vatui.domain.clock import FixedClock
from vatui.ui.app import make_app


def keys(*pressed: str) -> Before:
    """Open the Ledger, then press ``pressed``."""
    return pane_then("4", *pressed)


def test_ledger_invoices(snap_compare: Any, demo_dir: Path, clock: FixedClock) -> None:
    assert snap_compare(make_app(demo_dir, clock=clock), terminal_size=(80, 24), run_before=keys())


def test_ledger_aging(snap_compare: Any, demo_dir: Path, clock: FixedClock) -> None:
    assert snap_compare(make_app(demo_dir, clock=clock), terminal_size=(80, 24), run_before=keys("]"))


def test_ledger_profit_and_loss(snap_compare: Any, demo_dir: Path, clock: FixedClock) -> None:
    app = make_app(demo_dir, clock=clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("]", "]", "]", "]"))
