"""Invoice numbers: ``INV-YYYY-NNNN``, gapless per year (voids keep theirs), and in the
order of their issue dates."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

NUMBER_RE = re.compile(r"^INV-(\d{4})-(\d{4,})$", re.IGNORECASE)
"""``INV-YYYY-NNNN`` (more digits once a year passes 9,999 invoices)."""


def format_number(year: int, seq: int) -> str:
    """``INV-2026-0007``."""
    return f"INV-{year:04d}-{seq:04d}"


def parse_number(text: str) -> tuple[int, int] | None:
    """(year, sequence) of an invoice number, or ``None`` if it is not one."""
    m = NUMBER_RE.match(text.strip())
    if m is None:
        return None
    return int(m.group(1)), int(m.group(2))


def next_number(existing: Iterable[str], year: int) -> str:
    """The next number of ``year``: one past the highest used (voids included), gapless."""
    highest = 0
    for number in existing:
        parsed = parse_number(number)
        if parsed is not None and parsed[0] == year:
            highest = max(highest, parsed[1])
    return format_number(year, highest + 1)


def order_conflict(
    seq: int, issue: date, numbered: Iterable[tuple[int, date, str]]
) -> tuple[str, date] | None:
    """Numbers follow issue dates: the invoice of the same year (``(sequence, issue date,
    number)`` of every numbered one) that number ``seq`` dated ``issue`` would put out of
    order, or ``None``. A lower number issued later wins (the latest of them), then a
    higher number issued earlier (the earliest of them)."""
    before = [(d, n) for s, d, n in numbered if s < seq and d > issue]
    if before:
        d, n = max(before)
        return n, d
    after = [(d, n) for s, d, n in numbered if s > seq and d < issue]
    if after:
        d, n = min(after)
        return n, d
    return None
