"""``vatui client add|list|show|edit``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from vatui.cli.context import CliContext, emit_json, pass_ctx, say, show
from vatui.cli.shapes import client_json
from vatui.domain.clients import Client
from vatui.i18n import _

F = Callable[..., Any]


def client_options(func: F) -> F:
    """The options ``client add`` and ``client edit`` share."""
    options = [
        click.option("--email", help=_("E-mail address.")),
        click.option("--currency", help=_("ISO 4217 code, e.g. EUR.")),
        click.option("--rate", help=_("Hourly rate, e.g. 45 or 45.50.")),
        click.option("--terms", type=click.IntRange(0, 3650), help=_("Payment terms in days.")),
        click.option("--deposit", type=click.IntRange(0, 100), help=_("Deposit up front, in %.")),
        click.option("--tz", "timezone", help=_("Timezone, a tz database name like Europe/Madrid.")),
        click.option("--status", help=_("lead, prospect, active, paused or former.")),
        click.option("--json", "as_json", is_flag=True, help=_("Print the client as JSON.")),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _fields(obj: CliContext, opts: dict[str, Any], currency_default: str) -> dict[str, Any]:
    from vatui.domain.amounts import parse_amount

    fields: dict[str, Any] = {}
    if opts.get("currency"):
        fields["currency"] = opts["currency"]
    if opts.get("rate"):
        from vatui.domain.money import check_currency

        currency = check_currency(opts.get("currency") or currency_default)
        fields["hourly_rate"] = parse_amount(opts["rate"], currency, obj.ws().settings().decimal_comma)
    if opts.get("terms") is not None:
        fields["terms_days"] = opts["terms"]
    if opts.get("deposit") is not None:
        fields["deposit_percent"] = opts["deposit"]
    if opts.get("timezone"):
        fields["timezone"] = opts["timezone"]
    if opts.get("status"):
        fields["status"] = opts["status"]
    return fields


def _summary(client: Client) -> str:
    rate = f" {client.hourly_rate.format()}/h" if client.hourly_rate else ""
    tz = f" {client.timezone}" if client.timezone else ""
    cur = "" if client.hourly_rate else f" {client.currency}"
    return f"#{client.id:<4} {show(client.name, 40)} [{client.status}]{cur}{rate}{tz}"


@click.group("client")
def client_group() -> None:
    """Add, list, show and edit clients."""


@client_group.command("add")
@click.argument("name")
@client_options
@pass_ctx
def client_add(obj: CliContext, /, name: str, as_json: bool, email: str | None, **opts: Any) -> None:
    """Add a client."""
    from vatui.services.clients import add_client

    ws = obj.ws()
    fields = _fields(obj, opts, ws.settings().default_currency)
    client = add_client(ws, name, email=email, **fields)
    emit_json(client_json(client)) if as_json else say(_("Added {c}").format(c=_summary(client)))


@client_group.command("edit")
@click.argument("name")
@click.option("--name", "new_name", help=_("Rename the client."))
@client_options
@pass_ctx
def client_edit(obj: CliContext, /, name: str, new_name: str | None, as_json: bool, email: str | None,
                **opts: Any) -> None:
    """Change a client's details."""
    from vatui.services.clients import edit_client, find_client

    ws = obj.ws()
    client = find_client(ws, name)
    fields = _fields(obj, opts, opts.get("currency") or client.currency)
    if new_name is not None:
        fields["name"] = new_name
    if not fields and not email:
        raise click.UsageError(_("nothing to change: give at least one option"))
    updated = edit_client(ws, client.id or 0, email=email, **fields)
    emit_json(client_json(updated)) if as_json else say(_("Updated {c}").format(c=_summary(updated)))


@client_group.command("list")
@click.option("--status", help=_("Only clients with this status."))
@click.option("--all", "show_all", is_flag=True, help=_("Include archived clients."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def client_list(obj: CliContext, status: str | None, show_all: bool, as_json: bool) -> None:
    """List clients by pipeline status."""
    from vatui.services.clients import list_clients

    clients = list_clients(obj.ws(), status=status, include_archived=show_all)
    if as_json:
        emit_json([client_json(c) for c in clients])
        return
    if not clients:
        say(_("No clients yet. Add one with: vatui client add NAME"))
    for client in clients:
        say(_summary(client))


@client_group.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@click.option("--confidential", is_flag=True, help=_("Include confidential notes."))
@pass_ctx
def client_show(obj: CliContext, name: str, as_json: bool, confidential: bool) -> None:
    """Show a client."""
    from vatui.services.clients import find_client

    client = find_client(obj.ws(), name)
    data = client_json(client, confidential=confidential)
    if as_json:
        emit_json(data)
        return
    say(_summary(client))
    for channel in client.channels:
        star = " *" if channel.kind == client.preferred_channel else ""
        say(f"  {channel.kind}: {show(channel.handle)}{star}")
    say(_("  terms: net {days} days · deposit {pct}%").format(days=client.terms_days, pct=client.deposit_percent))
    for note in data["notes"]:
        say(f"  note: {show(note['text'])}")


COMMANDS = [client_group]
