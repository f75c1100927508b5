"""The Ledger's Aging tab: what each client owes, per currency, by how late it is.

The same figures as ``vatui report aging`` (``services.ledger.reports.aging_report``): one
line per client and currency with the buckets current, 1-30, 31-60, 61-90 and 90+ days
past due, then one TOTAL line per currency. Amounts are plain decimals in the row's
currency (named in its own column), so nothing is converted or added across currencies.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from vatui.domain import reports
from vatui.domain.fold import fold
from vatui.domain.invoicing import AGING_BUCKETS
from vatui.domain.money import Money
from vatui.domain.money_display import plain_amount
from vatui.i18n import _
from vatui.ui import render

AMOUNT_WIDTH = 10
"""Cells per amount column."""

BUCKET_STYLE = {
    "current": "",
    "1-30": "$text-warning",
    "31-60": "bold $text-error",
    "61-90": "bold $text-error",
    "90+": "bold $text-error",
}
"""How a non-zero amount looks in each bucket (the column title always says which bucket)."""

Row = tuple[str, Content]
"""An option id and its line."""


def _name_width(width: int) -> int:
    return max(width - 4 - AMOUNT_WIDTH * (len(AGING_BUCKETS) + 1) - 1, 8)


def aging_header(width: int) -> Content:
    """The column titles: client, currency, each bucket, total."""
    name_w = _name_width(width)
    titles = "".join(f"{_(b):>{AMOUNT_WIDTH}}" for b in (*AGING_BUCKETS, "total"))
    return render.label(f"{_('client'):<{name_w + 1}}{'':<4}{titles}", "bold $text-muted")


def _amounts(buckets: dict[str, Money], total: Money) -> Content:
    cells = [
        render.label(
            f"{plain_amount(buckets[b]):>{AMOUNT_WIDTH}}",
            BUCKET_STYLE[b] if buckets[b].minor else "$text-muted",
        )
        for b in AGING_BUCKETS
    ]
    cells.append(render.label(f"{plain_amount(total):>{AMOUNT_WIDTH}}", "bold"))
    return Content.assemble(*cells)


def aging_line(row: reports.AgingRow, width: int) -> Content:
    """One client's outstanding amounts in one currency."""
    name_w = _name_width(width)
    return Content.assemble(
        render.pad(render.fit(row.client, name_w, "$secondary"), name_w + 1),
        render.label(f"{row.currency:<4}"),
        _amounts(row.buckets, row.total),
    )


def aging_rows(rows: Sequence[reports.AgingRow], width: int, wanted: str = "") -> list[Row]:
    """The tab's lines: the clients (filtered by ``wanted``), then a TOTAL per currency."""
    shown = [r for r in rows if not wanted or wanted in fold(r.client)]
    out: list[Row] = [(f"aging:{r.client_id}:{r.currency}", aging_line(r, width)) for r in shown]
    name_w = _name_width(width)
    for currency, totals in reports.aging_totals(shown).items():
        total = totals["total"]
        out.append(
            (
                f"aging-total:{currency}",
                Content.assemble(
                    render.pad(render.label(_("TOTAL"), "bold"), name_w + 1),
                    render.label(f"{currency:<4}"),
                    _amounts({b: totals[b] for b in AGING_BUCKETS}, total),
                ),
            )
        )
    if not out:
        out.append(
            (
                "aging-none",
                render.label(_("Nothing outstanding: every issued invoice is paid."), "$text-muted"),
            )
        )
    return out
