"""Profit and loss of the last 12 months as text bars, one currency at a time.

One line per month: the income bar grows from the left (success colour), the expenses
bar from the right (error colour), both scaled to the largest figure of the 12 months in
integer minor units (no float near money), then income, expenses and net as figures; under
the total, what clients withheld (income is before taxes), when anything was.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from vatui.domain import reports
from vatui.domain.money import Money
from vatui.domain.money_display import plain_amount
from vatui.i18n import _
from vatui.ui import render

BAR = "█"


def currencies(rows: list[reports.PnlRow]) -> list[str]:
    """Currencies in the rows, the one with the most income first."""
    income: dict[str, int] = {}
    for r in rows:
        income[r.currency] = income.get(r.currency, 0) + r.income.minor
    return sorted(income, key=lambda c: (-income[c], c))


def chart_lines(rows: list[reports.PnlRow], months: list[str], currency: str, width: int) -> list[Content]:
    """The chart: per month, income and expense bars and the figures."""
    by_month = {r.month: r for r in rows if r.currency == currency}
    zero = Money.zero(currency)
    largest = max([max(r.income.minor, r.expenses.minor) for r in by_month.values()] + [1])
    bar_w = max(width - 8 - 3 * 15, 6)
    lines = [
        render.label(
            f"{_('month'):<8}{'':<{bar_w}}{_('income'):>15}{_('expenses'):>15}{_('net'):>15}",
            "bold $text-muted",
        )
    ]
    total_in = total_out = withheld = 0
    for month in months:
        r = by_month.get(month)
        income, spent = (r.income, r.expenses) if r else (zero, zero)
        withheld += r.withheld.minor if r else 0
        total_in += income.minor
        total_out += spent.minor
        fill_in = max(income.minor, 0) * bar_w // largest
        fill_out = min(max(spent.minor, 0) * bar_w // largest, bar_w)
        net = income - spent
        kept = min(fill_in, bar_w - fill_out) if fill_out else fill_in
        lines.append(
            Content.assemble(
                render.label(f"{month:<8}"),
                render.label(BAR * kept, "$success"),
                render.label(" " * (bar_w - kept - fill_out)),
                render.label(BAR * fill_out, "$error 70%"),
                render.label(f"{plain_amount(income):>15}{plain_amount(spent):>15}"),
                render.label(f"{plain_amount(net):>15}", "$text-error" if net.minor < 0 else "$text-success"),
            )
        )
    net_total = Money(total_in - total_out, currency)
    lines.append(
        render.label(
            _("12 months in {cur}: income {i}, expenses {e}, net {n}").format(
                cur=currency,
                i=plain_amount(Money(total_in, currency)),
                e=plain_amount(Money(total_out, currency)),
                n=plain_amount(net_total),
            ),
            "bold",
        )
    )
    if withheld:
        lines.append(
            render.label(
                _(
                    "income is before taxes; of it, withheld by clients (paid to the tax office for you): {w}"
                ).format(w=plain_amount(Money(withheld, currency))),
                "$text-muted",
            )
        )
    return lines


class PnlChart(Static):
    """The P&L bars of one currency (``c`` in the pane cycles the currency)."""

    DEFAULT_CSS = """
    PnlChart { height: auto; padding: 0 1; }
    """

    def show(self, rows: list[reports.PnlRow], months: list[str], currency: str | None) -> None:
        """Draw the chart (or a quiet line when there is nothing)."""
        if currency is None:
            self.update(render.label(_("No income or expenses in the last 12 months."), "$text-muted"))
            return
        width = max((self.size.width or 78) - 2, 40)
        self.update(Content("\n").join(chart_lines(rows, months, currency, width)))
