"""``vatui client add|edit|show|list|archive|delete``: the client book on the command line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import click

from vatui.cli.context import CliContext, emit_json, pass_ctx, repeated_option, say, show
from vatui.domain.changes import ClientChanges
from vatui.domain.clients import STATUSES, Client
from vatui.i18n import _

F = Callable[..., Any]


def client_options(func: F) -> F:
    """The options ``client add`` and ``client edit`` share."""
    options = [
        click.option("--email", help=_("E-mail address (becomes the first e-mail channel).")),
        click.option("--currency", help=_("ISO 4217 code, e.g. EUR.")),
        click.option("--rate", help=_("Hourly rate, e.g. 45 or 45.50, in the client's currency.")),
        click.option("--terms", type=click.IntRange(0, 3650), help=_("Payment terms in days.")),
        click.option("--deposit", type=click.IntRange(0, 100), help=_("Deposit up front, in %.")),
        click.option("--tz", "timezone", help=_("Timezone, a tz database name like Europe/Madrid.")),
        click.option("--language", help=_("Their language for invoices and reminders: en, es or auto.")),
        click.option(
            "--number-format",
            "number_format",
            help=_("How amounts are written for them: 1,234.56, 1.234,56, 1 234,56 or auto."),
        ),
        click.option("--status", help=_("lead, prospect, active, paused or former.")),
        repeated_option(
            "--person",
            "persons",
            "'NAME|ROLE|EMAIL|PHONE'",
            _("Someone at the client (repeatable; same name replaces)."),
        ),
        repeated_option(
            "--channel",
            "channels",
            "KIND:HANDLE",
            _("email, whatsapp, slack, telegram, phone or other, with a handle (repeatable)."),
        ),
        click.option(
            "--preferred",
            metavar="KIND",
            help=_("The channel kind they prefer (one of their channels; '' for none)."),
        ),
        click.option("--hours", metavar="HH:MM-HH:MM", help=_("Their working hours, local time.")),
        click.option("--retainer-hours", metavar="N", help=_("Retainer hours per month (0: none).")),
        click.option("--retainer-fee", metavar="AMOUNT", help=_("Retainer monthly fee (0: none).")),
        click.option("--late-fee", metavar="PCT", help=_("Late fee in % of the amount due (0: none).")),
        repeated_option(
            "--tax",
            "taxes",
            "NAME=PCT",
            _("A tax new invoices add (repeatable; replaces the defaults): IVA=21."),
        ),
        repeated_option(
            "--withhold",
            "withholds",
            "NAME=PCT",
            _("A tax the client withholds on new invoices (repeatable): IRPF=15."),
        ),
        click.option("--no-taxes", "no_taxes", is_flag=True, help=_("New invoices get no tax lines.")),
        click.option(
            "--late-fee-grace",
            type=click.IntRange(0, 3650),
            metavar="DAYS",
            help=_("Days past due before a late fee is proposed."),
        ),
        repeated_option(
            "--vet",
            "vet",
            "KEY[:DATE]",
            _("Tick a vetting item: contract, deposit, references, billing-contact, nda."),
        ),
        click.option("--unvet", multiple=True, metavar="KEY", help=_("Untick a vetting item.")),
        click.option(
            "--cadence",
            type=click.IntRange(0, 3650),
            metavar="DAYS",
            help=_("Contact them at least every DAYS days (0: no cadence)."),
        ),
        click.option("--note", "notes", multiple=True, metavar="TEXT", help=_("Add a note.")),
        repeated_option(
            "--confidential-note",
            "secret_notes",
            "TEXT",
            _("Add a confidential note (masked, never exported unless asked)."),
        ),
        click.option("--tag", "tags", multiple=True, metavar="TAG", help=_("Add a tag (repeatable).")),
        click.option("--legal-name", help=_("The name invoices are made out to (empty: the client's name).")),
        click.option("--tax-id", help=_("Their tax ID, as they write it (empty: none).")),
        click.option("--tax-id-label", help=_("What their tax ID is called: NIT, NIF, RFC, EIN…")),
        click.option("--billing-address", help=_("The address on invoices (\\n or new lines for lines).")),
        click.option(
            "--billing-contact",
            metavar="PERSON",
            help=_("Who invoices and reminders go to: one of their people (empty: the first person)."),
        ),
        click.option("--json", "as_json", is_flag=True, help=_("Print the client as JSON.")),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _amount(obj: CliContext, text: str, currency: str) -> Any:
    from vatui.domain.amounts import parse_amount

    money = parse_amount(text, currency, obj.session().settings().numbers)
    return money if money.minor else None


def _scalars(obj: CliContext, opts: dict[str, Any], client: Client | None) -> dict[str, Any]:
    """The single-valued fields the options set."""
    from vatui.domain.localtime import parse_hours
    from vatui.domain.money import check_currency
    from vatui.services.clients import manage as svc

    session = obj.session()
    fields: dict[str, Any] = {}
    typed = opts.get("currency")
    currency = check_currency(
        typed if typed is not None else (client.currency if client else session.settings().default_currency)
    )
    if typed is not None:
        fields["currency"] = currency
    if opts.get("rate"):
        fields["hourly_rate"] = _amount(obj, opts["rate"], currency)
    if opts.get("retainer_fee"):
        fields["retainer_fee"] = _amount(obj, opts["retainer_fee"], currency)
    if opts.get("retainer_hours"):
        fields["retainer_minutes"] = svc.parse_retainer_hours(
            opts["retainer_hours"], session.settings().numbers
        )
    for opt, key in (
        ("terms", "terms_days"),
        ("deposit", "deposit_percent"),
        ("cadence", "cadence_days"),
        ("late_fee_grace", "late_fee_grace_days"),
    ):
        if opts.get(opt) is not None:
            fields[key] = opts[opt]
    for opt, key in (
        ("timezone", "timezone"),
        ("status", "status"),
        ("language", "language"),
        ("number_format", "number_format"),
    ):
        if opts.get(opt):
            fields[key] = opts[opt]
    if opts.get("preferred") is not None:  # '' clears it
        fields["preferred_channel"] = opts["preferred"] or None
    for key in ("legal_name", "tax_id", "tax_id_label", "billing_address", "billing_contact"):
        if opts.get(key) is not None:
            value = opts[key]
            fields[key] = value.replace("\\n", "\n") if key == "billing_address" else value
    if opts.get("late_fee"):
        fields["late_fee_percent"] = svc.parse_late_fee(opts["late_fee"], session.settings().numbers)
    if opts.get("hours"):
        fields["work_start"], fields["work_end"] = parse_hours(opts["hours"])
    taxes = _default_taxes(obj, opts)
    if taxes is not None:
        fields["default_taxes"] = taxes
    return fields


def _default_taxes(obj: CliContext, opts: dict[str, Any]) -> tuple[Any, ...] | None:
    """The client's default tax lines the options give (all of them, replacing the old), or ``None``."""
    from vatui.domain.taxes import read_tax_spec

    added, withheld = opts.get("taxes") or (), opts.get("withholds") or ()
    if opts.get("no_taxes"):
        if added or withheld:
            raise click.UsageError(_("--no-taxes cannot go with --tax or --withhold"))
        return ()
    if not added and not withheld:
        return None
    fmt = obj.session().settings().numbers
    return tuple(read_tax_spec(t, "added", fmt) for t in added) + tuple(
        read_tax_spec(t, "withheld", fmt) for t in withheld
    )


def _changes(obj: CliContext, opts: dict[str, Any], client: Client | None) -> ClientChanges:
    """What the options change. List options add to (or remove from) what the client has
    when the change is made, inside the lock, not to what ``client`` had when it was read."""
    from vatui.domain.clients import Channel
    from vatui.domain.text import quoted
    from vatui.services.clients import manage as svc

    session = obj.session()
    people = tuple(svc.parse_person(text) for text in opts.get("persons", ()))
    for name in opts.get("remove_persons", ()):
        if client and not any(p.name.lower() == name.strip().lower() for p in client.people):
            raise click.BadParameter(
                _("no person called {name}").format(name=quoted(name)), param_hint="--remove-person"
            )
    removed = []
    for text in opts.get("remove_channels", ()):
        kind, _sep, handle = text.partition(":")
        removed.append(Channel(kind=svc.check_channel_kind(kind), handle=handle.strip()))
    notes = [session.run(svc.make_note, t) for t in opts.get("notes", ())]
    notes += [session.run(svc.make_note, t, confidential=True) for t in opts.get("secret_notes", ())]
    return ClientChanges(
        values=_scalars(obj, opts, client),
        people_added=people,
        people_removed=tuple(n.strip() for n in opts.get("remove_persons", ())),
        channels_added=tuple(svc.parse_channel(text) for text in opts.get("channels", ())),
        channels_removed=tuple(removed),
        vetting_set=tuple(
            svc.parse_vet(text, obj.today(), obj.session().settings().date_order)
            for text in opts.get("vet", ())
        ),
        vetting_removed=tuple(svc.check_vetting_key(k) for k in opts.get("unvet", ())),
        notes_added=tuple(notes),
        tags_added=svc.clean_tags(opts.get("tags", ())),
        tags_removed=svc.clean_tags(opts.get("untags", ())),
    )


def _fields(obj: CliContext, opts: dict[str, Any]) -> dict[str, Any]:
    """The fields of a new client: its change applied to nothing."""
    from vatui.domain.client_fields import NEW_CLIENT_STATUS

    changes = _changes(obj, opts, None)
    fields = dict(changes.values)
    lists = {
        "people": changes.people_added,
        "channels": changes.channels_added,
        "vetting": changes.vetting_set,
        "notes": changes.notes_added,
        "tags": changes.tags_added,
    }
    fields.update({key: value for key, value in lists.items() if value})
    fields.setdefault("status", NEW_CLIENT_STATUS)  # as the app's new-client form starts
    return fields


def _summary(client: Client, badge: str | None = None) -> str:
    rate = f" {client.hourly_rate.format()}/h" if client.hourly_rate else ""
    tz = f" {client.timezone}" if client.timezone else ""
    cur = "" if client.hourly_rate else f" {client.currency}"
    mark = f" · {_(badge)}" if badge else ""
    archived = _(" (archived)") if client.archived else ""
    return f"#{client.id:<4} {show(client.name, 40)} [{_(client.status)}]{cur}{rate}{tz}{mark}{archived}"


@click.group("client")
def client_group() -> None:
    """Add, list, show, edit, archive and delete clients."""


@client_group.command("add")
@click.argument("name")
@client_options
@pass_ctx
def client_add(obj: CliContext, /, name: str, as_json: bool, email: str | None, **opts: Any) -> None:
    """Add a client (a lead unless --status says otherwise)."""
    from vatui.services.clients.manage import add_client

    session = obj.session()
    fields = _fields(obj, opts)
    client = session.run(add_client, name, email=email, **fields)
    if as_json:
        from vatui.cli.json_shapes import client_json  # only for --json: it imports every shape

        emit_json(client_json(client))
    else:
        say(_("Added {c}").format(c=_summary(client)))


@client_group.command("edit")
@click.argument("name")
@click.option("--name", "new_name", help=_("Rename the client."))
@click.option("--remove-person", "remove_persons", multiple=True, metavar="NAME", help=_("Remove a person."))
@repeated_option(
    "--remove-channel",
    "remove_channels",
    "KIND[:HANDLE]",
    _("Remove a channel (all of a kind without a handle)."),
)
@click.option("--untag", "untags", multiple=True, metavar="TAG", help=_("Remove a tag."))
@client_options
@pass_ctx
def client_edit(
    obj: CliContext, /, name: str, new_name: str | None, as_json: bool, email: str | None, **opts: Any
) -> None:
    """Change a client's details (lists such as --person and --tag add to what is there)."""
    from vatui.domain.clients import Channel
    from vatui.services.clients.manage import change_client, find_client

    session = obj.session()
    client = session.run(find_client, name)
    changes = _changes(obj, opts, client)
    if new_name is not None:
        changes = replace(changes, values={**changes.values, "name": new_name})
    if email:
        changes = replace(
            changes,
            email=email,
            channels_removed=(*changes.channels_removed, Channel(kind="email", handle="")),
        )
    if changes.empty:
        raise click.UsageError(_("nothing to change: give at least one option"))
    updated = session.run(change_client, client.id or 0, changes)
    if as_json:
        from vatui.cli.json_shapes import client_json  # only for --json: it imports every shape

        emit_json(client_json(updated))
    else:
        say(_("Updated {c}").format(c=_summary(updated)))


@client_group.command("list")
@click.option("--status", help=_("Only clients with this status."))
@click.option("--all", "show_all", is_flag=True, help=_("Include archived clients."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def client_list(obj: CliContext, status: str | None, show_all: bool, as_json: bool) -> None:
    """List clients grouped by pipeline status, with their reliability badge."""
    from vatui.services.clients.manage import list_clients
    from vatui.services.clients.standing import reliability_by_client  # not .card: slower to import

    session = obj.session()
    clients = session.run(list_clients, status=status, include_archived=show_all)
    badges = session.run(reliability_by_client) if clients else {}
    if as_json:
        from vatui.cli.json_shapes import client_row_json  # only for --json: it imports every shape

        emit_json([client_row_json(c, badges[c.id or 0]) for c in clients])
        return
    if not clients:
        say(
            _("No clients yet. Add one with: vatui client add NAME")
            if not status
            else _("No {status} clients.").format(status=status.strip().lower())
        )
        return
    for group in STATUSES:
        members = [c for c in clients if c.status == group]
        if not members:
            continue
        say(f"{_(group.capitalize())} ({len(members)})")
        for client in members:
            say(f"  {_summary(client, badges[client.id or 0].badge)}")


@client_group.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@click.option("--confidential", is_flag=True, help=_("Include confidential notes."))
@click.option("--on", "on", metavar="DATE", help=_("Figures as of another day."))
@pass_ctx
def client_show(obj: CliContext, name: str, as_json: bool, confidential: bool, on: str | None) -> None:
    """Show a client's card: contacts, clock, terms, vetting, reliability, revenue, tasks."""
    from vatui.cli.client_text import card_lines
    from vatui.services.clients.card import client_detail
    from vatui.services.clients.manage import find_client

    session = obj.session()
    client = session.run(find_client, name)
    detail = session.run(client_detail, client.id or 0, obj.parse_date(on) if on else None)
    if as_json:
        from vatui.cli.json_shapes import (
            client_detail_json,
            client_json,
        )  # only for --json: it imports every shape

        emit_json({**client_json(client, confidential=confidential), **client_detail_json(detail)})
        return
    say(_summary(client, detail.reliability.badge))
    for line in card_lines(detail, confidential=confidential, zone=session.settings().home_timezone):
        say(line)


@client_group.command("archive")
@click.argument("name")
@click.option("--restore", is_flag=True, help=_("Bring an archived client back."))
@pass_ctx
def client_archive(obj: CliContext, name: str, restore: bool) -> None:
    """Archive a client: hidden from lists, history kept (undo with `vatui undo`)."""
    from vatui.services.clients.manage import archive_client, find_client

    session = obj.session()
    client = session.run(archive_client, session.run(find_client, name).id or 0, archived=not restore)
    say((_("Restored {c}") if restore else _("Archived {c}")).format(c=_summary(client)))


@client_group.command("delete")
@click.argument("name")
@click.option("--yes", "-y", is_flag=True, help=_("Do not ask for confirmation."))
@pass_ctx
def client_delete(obj: CliContext, name: str, yes: bool) -> None:
    """Delete a client with no history at all (others can only be archived)."""
    from vatui.services.clients.manage import client_history, delete_client, find_client

    session = obj.session()
    client = session.run(find_client, name)
    if session.run(client_history, client.id or 0):
        session.run(delete_client, client.id or 0)  # raises: explains the history, suggests archive
    if not yes and not click.confirm(_("Delete {name}?").format(name=show(client.name, 60))):
        raise click.Abort()
    session.run(delete_client, client.id or 0)
    say(_("Deleted {name} (undo with: vatui undo)").format(name=show(client.name, 60)))


def _notes() -> None:
    from vatui.cli.client_notes import note_group

    client_group.add_command(note_group)


_notes()

COMMANDS = [client_group]
