"""``vatui contact log|list|done`` and ``vatui status-report``: the contact log on the command line."""

from __future__ import annotations

from pathlib import Path

import click

from vatui.cli.context import CliContext, emit_json, pass_ctx, say, show
from vatui.domain.clients import channel_word, direction_word
from vatui.domain.dates_display import format_date
from vatui.i18n import _


@click.group("contact")
def contact_group() -> None:
    """Log contacts with clients and see follow-ups."""


@contact_group.command("log")
@click.argument("client")
@click.option(
    "--channel", required=True, metavar="KIND", help=_("email, whatsapp, slack, telegram, phone or other.")
)
@click.option("--summary", required=True, metavar="TEXT", help=_("What was said."))
@click.option(
    "--direction",
    default="out",
    show_default=True,
    metavar="in|out",
    help=_("in: they reached out; out: you did."),
)
@click.option("--follow-up", "follow_up", metavar="DATE", help=_("When to follow up (any date syntax)."))
@click.option("--on", "on", metavar="DATE", help=_("When it happened (today by default)."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the contact as JSON."))
@pass_ctx
def contact_log(
    obj: CliContext,
    client: str,
    channel: str,
    summary: str,
    direction: str,
    follow_up: str | None,
    on: str | None,
    as_json: bool,
) -> None:
    """Log a contact; it clears the client's follow-ups due by then."""
    from vatui.cli.json_shapes import contact_json
    from vatui.services.clients.contacts import log_contact
    from vatui.services.clients.manage import find_client

    session = obj.session()
    found = session.run(find_client, client)
    follow = obj.parse_date(follow_up) if follow_up else None
    day = obj.parse_date(on) if on else None
    contact = session.run(
        log_contact,
        found.id or 0,
        channel=channel,
        summary=summary,
        direction=direction,
        follow_up=follow,
        on=day,
    )
    if as_json:
        emit_json(contact_json(contact))
        return
    extra = _(", follow up {d}").format(d=format_date(follow, "%a %d %b %Y")) if follow else ""
    say(
        _("Logged {channel} contact #{id} with {name}{extra}").format(
            channel=contact.channel, id=contact.id, name=show(found.name, 40), extra=extra
        )
    )


@contact_group.command("list")
@click.argument("client", required=False)
@click.option("--open", "open_only", is_flag=True, help=_("Only contacts with an open follow-up."))
@click.option("--limit", type=click.IntRange(1, 100000), default=None, help=_("At most this many."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def contact_list(
    obj: CliContext, client: str | None, open_only: bool, limit: int | None, as_json: bool
) -> None:
    """The contact log, newest first (one client's, or everyone's)."""
    from vatui.cli.client_text import home_moment
    from vatui.cli.json_shapes import contact_json
    from vatui.services.clients.contacts import list_contacts
    from vatui.services.clients.manage import find_client

    session = obj.session()
    client_id = session.run(find_client, client).id if client else None
    contacts = session.run(list_contacts, client_id, limit=limit, open_only=open_only)
    names = session.client_names()
    zone = session.settings().home_timezone
    if as_json:
        emit_json([{**contact_json(c), "client": names.get(c.client_id)} for c in contacts])
        return
    if not contacts:
        say(_("No contacts logged yet. Log one with: vatui contact log CLIENT --channel C --summary S"))
    for c in contacts:
        follow = ""
        if c.follow_up:
            state = _("done") if c.follow_up_done else _("open")
            follow = _(" · follow-up {d} ({state})").format(d=c.follow_up.isoformat(), state=state)
        say(
            f"#{c.id:<5} {home_moment(c.at, zone)} {show(names.get(c.client_id, '?'), 24)} "
            f"{channel_word(c.channel)} {direction_word(c.direction)}: {show(c.summary, 70)}{follow}"
        )


@contact_group.command("done")
@click.argument("contact_id", type=int)
@click.option("--reopen", is_flag=True, help=_("Open the follow-up again."))
@pass_ctx
def contact_done(obj: CliContext, contact_id: int, reopen: bool) -> None:
    """Mark a contact's follow-up handled."""
    from vatui.services.clients.contacts import follow_up_done

    contact = obj.session().run(follow_up_done, contact_id, done=not reopen)
    say((_("Follow-up #{id} reopened") if reopen else _("Follow-up #{id} done")).format(id=contact.id))


@click.command("status-report")
@click.argument("client")
@click.option("--week", metavar="DATE", help=_("Any day of the week to report (this week by default)."))
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    help=_("Write the report to this file."),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "txt", "html", "pdf"]),
    default=None,
    help=_("Document format (default: from the -o file's extension, else Markdown)."),
)
@click.option("--confidential", is_flag=True, help=_("Include confidential notes."))
@click.option("--mark-sent", is_flag=True, help=_("Log it as sent (a contact on the preferred channel)."))
@pass_ctx
def status_report(
    obj: CliContext,
    client: str,
    week: str | None,
    output: Path | None,
    fmt: str | None,
    confidential: bool,
    mark_sent: bool,
) -> None:
    """Draft a client's weekly status report (Markdown; or HTML or PDF)."""
    from vatui.cli.documents import document_format, refuse_pdf_to_terminal, write_document
    from vatui.services.clients.manage import find_client
    from vatui.services.clients.status_reports import draft_status_report, mark_report_sent
    from vatui.services.documents.files import status_report_document

    fmt = document_format(fmt, output, "md")
    refuse_pdf_to_terminal(fmt, output)
    session = obj.session()
    found = session.run(find_client, client)
    report = session.run(
        draft_status_report, found.id or 0, obj.parse_date(week) if week else None, confidential=confidential
    )
    if output is not None or fmt in ("html", "pdf"):
        write_document(obj, session.run(status_report_document, report, fmt), output)
    else:
        for line in report.text.rstrip("\n").split("\n"):
            say(show(line))
    if mark_sent:
        contact = session.run(mark_report_sent, found.id or 0, report.week_start)
        click.echo(
            _("Logged as sent: contact #{id} ({channel})").format(id=contact.id, channel=contact.channel),
            err=output is None,
        )


def _corrections() -> None:
    from vatui.cli.corrections import add_contact_commands

    add_contact_commands(contact_group)


_corrections()

COMMANDS: list[click.Command] = [contact_group, status_report]
