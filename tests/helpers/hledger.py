"""Run the real hledger on a journal (installed by ``make test-deps``; tests fail, never skip, without it)."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

from vatui.domain.money import Money


def run_hledger(journal: Path, *args: str) -> str:
    """hledger's output for ``args`` on ``journal``; the test fails if hledger refuses it."""
    exe = shutil.which("hledger")
    assert exe is not None, "hledger is not installed: run `make test-deps` (apt-get install hledger)"
    done = subprocess.run([exe, "-f", str(journal), *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def running_balances(journal: Path, query: str) -> dict[str, list[tuple[str, int]]]:
    """Per account matching ``query``: (date, running total in minor units) after each posting.

    One currency per account is assumed (vatui's client accounts hold the client's currency).
    """
    out: dict[str, list[tuple[str, int]]] = {}
    totals: dict[str, int] = {}
    text = run_hledger(journal, "reg", query, "-O", "csv")
    for row in csv.DictReader(io.StringIO(text)):
        account = row["account"]
        number, cur = row["amount"].rsplit(" ", 1)
        totals[account] = totals.get(account, 0) + Money.from_decimal(Decimal(number), cur).minor
        out.setdefault(account, []).append((row["date"], totals[account]))
    return out
