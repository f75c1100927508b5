"""``vatui expense add|list|delete``, ``vatui report aging|pnl|clients``, ``vatui export hledger|csv``."""

from __future__ import annotations

from pathlib import Path

import click

from vatui.cli.admin import export_group
from vatui.cli.context import CliContext, day_or_today, emit_json, pass_ctx, say, show
from vatui.cli.output import cells as _cells
from vatui.domain.money_display import plain_amount
from vatui.i18n import _


@click.group("expense")
def expense_group() -> None:
    """Add, list and delete business expenses."""


@expense_group.command("add")
@click.argument("amount")
@click.option(
    "--category",
    required=True,
    metavar="C",
    help=_("software, equipment, internet, workspace, training, marketing, fees or other."),
)
@click.option("--vendor", default="", help=_("Who was paid."))
@click.option("--note", default="", help=_("What for."))
@click.option("--on", "on", metavar="DATE", help=_("When it was paid (default today)."))
@click.option("--every", type=click.Choice(["monthly", "yearly"]), help=_("A recurring subscription."))
@click.option("--client", metavar="CLIENT", help=_("Billable to this client (goes on their next invoice)."))
@click.option("--currency", metavar="X", help=_("ISO code (default: the workspace's)."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the expense as JSON."))
@pass_ctx
def expense_add(
    obj: CliContext,
    amount: str,
    category: str,
    vendor: str,
    note: str,
    on: str | None,
    every: str | None,
    client: str | None,
    currency: str | None,
    as_json: bool,
) -> None:
    """Record an expense of AMOUNT."""
    from vatui.cli.json_shapes import expense_json
    from vatui.domain.amounts import parse_amount
    from vatui.domain.money import check_currency
    from vatui.services.clients.manage import find_client
    from vatui.services.ledger.expenses import add_expense

    session = obj.session()
    settings = session.settings()
    client_id = session.run(find_client, client).id if client else None
    money = parse_amount(
        amount,
        check_currency(currency if currency is not None else settings.default_currency),
        settings.numbers,
    )
    day = day_or_today(obj, on)
    expense = session.run(
        add_expense,
        money,
        category=category,
        on=day,
        vendor=vendor,
        note=note,
        every=every,
        client_id=client_id,
    )
    if as_json:
        emit_json(expense_json(expense, session.client_names()))
        return
    kind = _(" every {e}").format(e=every) if every else ""
    say(
        _("Recorded expense #{id}: {amount} {category}{kind}.").format(
            id=expense.id, amount=money.format(), category=expense.category, kind=kind
        )
    )


@expense_group.command("list")
@click.option("--recurring", is_flag=True, help=_("List the recurring templates instead."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def expense_list(obj: CliContext, recurring: bool, as_json: bool) -> None:
    """List expenses, newest first."""
    from vatui.services.ledger.expenses import list_expenses

    session = obj.session()
    rows = session.run(list_expenses, templates=recurring)
    names = session.client_names()
    if as_json:
        from vatui.cli.json_shapes import expense_json  # only for --json: it imports every shape

        emit_json({"expenses": [expense_json(e, names) for e in rows]})
        return
    if not rows:
        say(_("No expenses."))
    for e in rows:
        every = f" ({e.recurrence})" if e.recurrence else ""
        who = show(" — ".join(p for p in (e.vendor, e.note) if p), 40)
        say(f"#{e.id:<5} {e.on.isoformat()}  {e.amount.format():>14}  {e.category:<10} {who}{every}")


@expense_group.command("delete")
@click.argument("expense_id", type=int)
@pass_ctx
def expense_delete(obj: CliContext, expense_id: int) -> None:
    """Delete an expense (deleting a recurring template stops it)."""
    from vatui.services.ledger.expenses import delete_expense

    expense = obj.session().run(delete_expense, expense_id)
    say(_("Deleted expense #{id} ({amount}).").format(id=expense.id, amount=expense.amount.format()))


@click.group("report")
def report_group() -> None:
    """Money reports: A/R aging, profit and loss, revenue by client."""


@report_group.command("aging")
@click.option("--on", "on", metavar="DATE", help=_("As of this date (default today)."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def report_aging(obj: CliContext, on: str | None, as_json: bool) -> None:
    """What clients owe, by how late (current, 1–30, 31–60, 61–90, 90+)."""
    from vatui.domain.invoicing import AGING_BUCKETS
    from vatui.domain.reports import aging_totals
    from vatui.services.ledger.reports import aging_report

    session = obj.session()
    day = day_or_today(obj, on)
    rows = session.run(aging_report, day)
    if as_json:
        from vatui.cli.json_shapes import aging_json  # only for --json: it imports every shape

        emit_json(aging_json(rows, day))
        return
    say(_("A/R aging as of {day}").format(day=day.isoformat()))
    head = "".join(f"{_(b):>14}" for b in (*AGING_BUCKETS, "total"))
    say(f"{_('client'):<22} {'':3}{head}")
    for r in rows:
        cells = (
            "".join(f"{plain_amount(r.buckets[b]):>14}" for b in AGING_BUCKETS)
            + f"{plain_amount(r.total):>14}"
        )
        say(f"{_cells(r.client, 22)} {r.currency:3}{cells}")
    for cur, t in aging_totals(rows).items():
        cells = "".join(f"{plain_amount(t[b]):>14}" for b in (*AGING_BUCKETS, "total"))
        say(f"{_('TOTAL'):<22} {cur:3}{cells}")
    if not rows:
        say(_("Nothing outstanding."))


@report_group.command("pnl")
@click.option("--on", "on", metavar="DATE", help=_("Up to this date (default today)."))
@click.option("--months", type=click.IntRange(1, 1200), help=_("Only the last N months."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def report_pnl(obj: CliContext, on: str | None, months: int | None, as_json: bool) -> None:
    """Profit and loss by month, cash basis, per currency."""
    from datetime import date

    from vatui.services.ledger.reports import last_months, pnl_report

    session = obj.session()
    day = day_or_today(obj, on)
    start = None
    if months:
        first = last_months(day, months)[0]
        start = date(int(first[:4]), int(first[5:]), 1)
    rows = session.run(pnl_report, start, day)
    if as_json:
        from vatui.cli.json_shapes import pnl_json  # only for --json: it imports every shape

        emit_json(pnl_json(rows))
        return
    withheld = any(r.withheld.minor for r in rows)
    head = f"{_('month'):<8} {'':3} {_('income'):>14} {_('expenses'):>14} {_('net'):>14}"
    say(head + (f" {_('withheld'):>14}" if withheld else ""))
    for r in rows:
        say(
            f"{r.month:<8} {r.currency:3} {plain_amount(r.income):>14} {plain_amount(r.expenses):>14} "
            f"{plain_amount(r.net):>14}" + (f" {plain_amount(r.withheld):>14}" if withheld else "")
        )
    if withheld:
        say(_("income is before taxes; withheld: tax your clients paid to the tax office for you"))
    if not rows:
        say(_("No income or expenses yet."))


@report_group.command("clients")
@click.option("--on", "on", metavar="DATE", help=_("Outstanding as of this date (default today)."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def report_clients(obj: CliContext, on: str | None, as_json: bool) -> None:
    """Revenue, hours and effective hourly rate by client."""
    from vatui.domain.durations import format_duration
    from vatui.services.ledger.reports import clients_report

    session = obj.session()
    day = day_or_today(obj, on)
    rows = session.run(clients_report, day)
    if as_json:
        from vatui.cli.json_shapes import clients_json  # only for --json: it imports every shape

        emit_json(clients_json(rows))
        return
    say(
        f"{_('client'):<24} {'':3} {_('revenue'):>14} {_('outstanding'):>14} {_('hours'):>9} {_('per hour'):>10}"
    )
    for r in rows:
        rate = plain_amount(r.effective_rate) if r.effective_rate else "—"
        say(
            f"{_cells(r.client, 24)} {r.currency:3} {plain_amount(r.revenue):>14} {plain_amount(r.outstanding):>14} "
            f"{format_duration(r.minutes):>9} {rate:>10}"
        )
    if not rows:
        say(_("No clients with revenue or time yet."))


@click.command("hledger")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help=_("Write to a file."))
@pass_ctx
def export_hledger_cmd(obj: CliContext, output: Path | None) -> None:
    """The books as an hledger journal (cash basis, receivables tracked)."""
    from vatui.cli.progress import terminal_progress
    from vatui.services.exchange.hledger import export_journal

    with terminal_progress(_("hledger")) as progress:
        if progress:
            progress(0, 1)
        text = obj.session().run(export_journal)
        if progress:
            progress(1, 1)
    if output is None:
        click.echo(text, nl=False)
        return
    from vatui.services.output import write_private

    write_private(output, text.encode("utf-8"), obj.directory)
    say(_("Exported to {path}").format(path=output))


@click.command("csv")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--excel",
    is_flag=True,
    help=_("For a spreadsheet: UTF-8 with BOM, the workspace's separator and decimal mark."),
)
@click.option(
    "--decimal-comma/--decimal-point",
    "decimal_comma",
    default=None,
    help=_("With --excel: ';' and '1234,56' (default: the workspace's number format)."),
)
@pass_ctx
def export_csv_cmd(obj: CliContext, directory: Path, excel: bool, decimal_comma: bool | None) -> None:
    """Invoices, lines, payments, expenses, time and clients as CSV files in DIRECTORY."""
    from vatui.cli.progress import terminal_progress
    from vatui.services.exchange.csv_export import export_csv

    if decimal_comma is not None and not excel:
        raise click.UsageError(_("--decimal-comma and --decimal-point go with --excel"))
    with terminal_progress(_("CSV")) as progress:
        paths = obj.session().run(
            export_csv, directory, excel=excel, decimal_comma=decimal_comma, progress=progress
        )
    say(_("Wrote {n} files to {dir}").format(n=len(paths), dir=directory))


export_group.add_command(export_hledger_cmd)
export_group.add_command(export_csv_cmd)

COMMANDS: list[click.Command] = [expense_group, report_group]
