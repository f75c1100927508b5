"""The client book's speed on the large demo workspace (40 clients, 50,000+ records).

- Today's client sections (follow-ups due, past cadence): ``today_clients.sections``,
  in-process, median of 20 — part of the ≤ 200 ms budget of ``vatui today``.
- One client's card (``client_detail``: reliability, revenue, rate, retainer, tasks,
  contacts), median over every client — what the Clients pane computes on each move.
- Every client's reliability badge (``reliability_by_client``), median of 10 — what the
  pane computes on each reload.
- ``vatui client show`` and ``vatui client list``: wall time of the real command (median
  of 5), with ``vatui --version`` in the same run as the baseline.

The Clients pane's first paint and switch back are ``bench_panes.py``'s.
"""

from __future__ import annotations

from pathlib import Path

from bench.common import VATUI, Row, median_ms, run_timed, timed
from bench.fixtures import large_workspace_dir

TODAY_SECTIONS_TARGET_MS = 50.0
CARD_TARGET_MS = 50.0


def _in_process(directory: Path) -> list[Row]:
    from vatui.services.clients.card import client_detail, reliability_by_client
    from vatui.services.common import home_today
    from vatui.services.today import clients as today_clients
    from vatui.store.workspace import Workspace

    ws = Workspace.open(directory)
    day = home_today(ws)
    ws.docs("clients")
    sections = median_ms(timed(lambda: today_clients.sections(ws, day), 20))
    ids = [int(k) for k in ws.docs("clients")]
    card = median_ms([timed(lambda cid=cid: client_detail(ws, cid), 1)[0] for cid in ids])
    badges = median_ms(timed(lambda: reliability_by_client(ws), 10))
    ws.close()
    return [
        Row(
            "Today's client sections, large workspace",
            sections,
            "ms",
            target=f"≤ {TODAY_SECTIONS_TARGET_MS:.0f} ms",
            ok=sections <= TODAY_SECTIONS_TARGET_MS,
        ),
        Row(
            "one client's card (`client_detail`), large workspace",
            card,
            "ms",
            target=f"≤ {CARD_TARGET_MS:.0f} ms",
            ok=card <= CARD_TARGET_MS,
        ),
        Row("every client's badge (`reliability_by_client`), large workspace", badges, "ms"),
    ]


def _commands(directory: Path) -> list[Row]:
    env = {"VATUI_DATA_DIR": str(directory)}
    base = median_ms(run_timed([VATUI, "--version"], env))
    rows = []
    for args in (["client", "show", "#1"], ["client", "list"]):
        ms = median_ms(run_timed([VATUI, *args], env))
        rows.append(Row(f"`vatui {' '.join(args)}`, large workspace", ms, "ms", "`vatui --version`", base))
    return rows


def run() -> list[Row]:
    """The client book's figures."""
    large = large_workspace_dir()
    rows = _in_process(large)
    rows += _commands(large)
    return rows
