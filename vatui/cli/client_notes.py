"""``vatui client note list|edit|delete``: a client's notes, numbered from 1 (oldest first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from vatui.cli.context import CliContext, emit_json, pass_ctx, say, show
from vatui.i18n import _

if TYPE_CHECKING:
    from vatui.domain.clients import Note
    from vatui.services.session import Session


@click.group("note")
def note_group() -> None:
    """List, edit and delete a client's notes (confidential ones too)."""


def _shown(session: Session, client_id: int, number: int) -> Note:
    """The note at ``number`` as read now: the change is refused if another session moves it."""
    from vatui.domain.errors import NotFoundError
    from vatui.services.clients.notes import list_notes

    notes = dict(session.run(list_notes, client_id))
    if number not in notes:
        raise NotFoundError(_("the client has no note {n}").format(n=number))
    return notes[number]


@note_group.command("list")
@click.argument("client")
@click.option("--confidential", is_flag=True, help=_("Show confidential notes too."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@pass_ctx
def note_list(obj: CliContext, client: str, confidential: bool, as_json: bool) -> None:
    """CLIENT's notes with their numbers (confidential ones masked unless --confidential)."""
    from vatui.services.clients.manage import find_client
    from vatui.services.clients.notes import list_notes

    session = obj.session()
    found = session.run(find_client, client)
    notes = session.run(list_notes, found.id or 0, confidential=confidential)
    if as_json:
        from vatui.cli.json_shapes import note_json  # only for --json: it imports every shape

        emit_json([note_json(n, note) for n, note in notes])
        return
    masked = 0 if confidential else len(session.run(list_notes, found.id or 0)) - len(notes)
    if not notes and not masked:
        say(_("{name} has no notes.").format(name=show(found.name, 40)))
    from vatui.domain.clock import local_date

    zone = session.settings().home_timezone
    for n, note in notes:
        lock = _(" (confidential)") if note.confidential else ""
        say(f"{n:>3}. {local_date(note.created, zone).isoformat()}{lock} {show(note.text, 100)}")
    if masked:
        say(_("({n} confidential, shown with --confidential)").format(n=masked))


@note_group.command("edit")
@click.argument("client")
@click.argument("number", type=click.IntRange(1))
@click.option("--text", metavar="TEXT", help=_("The new text."))
@click.option("--confidential/--not-confidential", default=None, help=_("Mask it, or not."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the note as JSON."))
@pass_ctx
def note_edit(
    obj: CliContext, client: str, number: int, text: str | None, confidential: bool | None, as_json: bool
) -> None:
    """Change note NUMBER of CLIENT (its text, or whether it is confidential)."""
    from vatui.services.clients.manage import find_client
    from vatui.services.clients.notes import edit_note

    if text is None and confidential is None:
        raise click.UsageError(_("nothing to change: give --text or --confidential/--not-confidential"))
    session = obj.session()
    found = session.run(find_client, client)
    note = session.run(
        edit_note,
        found.id or 0,
        number,
        text=text,
        confidential=confidential,
        expect=_shown(session, found.id or 0, number),
    )
    if as_json:
        from vatui.cli.json_shapes import note_json  # only for --json: it imports every shape

        emit_json(note_json(number, note))
        return
    say(_("Updated note {n} of {name}. Undo with: vatui undo").format(n=number, name=show(found.name, 40)))


@note_group.command("delete")
@click.argument("client")
@click.argument("number", type=click.IntRange(1))
@pass_ctx
def note_delete(obj: CliContext, client: str, number: int) -> None:
    """Delete note NUMBER of CLIENT."""
    from vatui.services.clients.manage import find_client
    from vatui.services.clients.notes import delete_note

    session = obj.session()
    found = session.run(find_client, client)
    session.run(delete_note, found.id or 0, number, expect=_shown(session, found.id or 0, number))
    say(_("Deleted note {n} of {name}. Undo with: vatui undo").format(n=number, name=show(found.name, 40)))
