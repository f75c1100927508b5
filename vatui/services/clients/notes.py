"""Correcting a client's notes: list them by number, edit one, delete one (confidential too).

A note has no id of its own: it is numbered by its place on the client (1 = oldest).
Each change reads the client inside the lock and rewrites only its ``notes``; a caller
that showed the note first passes it as ``expect``, and the change is refused if the
note at that number is no longer the one shown (another session changed the list).
"""

from __future__ import annotations

from datetime import UTC

from vatui.domain.client_fields import check_note_text as check_note_text  # the rule the forms check as typed
from vatui.domain.clients import Client, Note
from vatui.domain.errors import InputError, NotFoundError, RuleError
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.store.workspace import Tx, Workspace


def list_notes(ws: Workspace, client_id: int, *, confidential: bool = True) -> list[tuple[int, Note]]:
    """(number, note) of a client's notes, oldest first; confidential ones only when asked."""
    client = ws.get(Client, client_id)
    return [
        (n, note) for n, note in enumerate(client.notes, start=1) if confidential or not note.confidential
    ]


def _same(a: Note, b: Note) -> bool:
    return (a.created, a.text, a.confidential) == (b.created, b.text, b.confidential)


def _notes_in(tx: Tx, client_id: int, number: int, expect: Note | None) -> tuple[Client, list[Note]]:
    client = tx.get(Client, client_id)
    notes = list(client.notes)
    if not 1 <= number <= len(notes):
        raise NotFoundError(_("{name} has no note {n}").format(name=one_line(client.name, 40), n=number))
    if expect is not None and not _same(notes[number - 1], expect):
        raise RuleError(_("that note was changed in another session: look at the notes again"))
    return client, notes


def _save(ws: Workspace, tx: Tx, client_id: int, notes: list[Note]) -> None:
    tx.update(
        "clients",
        client_id,
        {"notes": [n.to_doc() for n in notes], "updated": ws.clock.now().astimezone(UTC).isoformat()},
    )


def edit_note(
    ws: Workspace,
    client_id: int,
    number: int,
    *,
    text: str | None = None,
    confidential: bool | None = None,
    expect: Note | None = None,
) -> Note:
    """Change a note's text or whether it is confidential (it keeps its date)."""
    value = check_note_text(text) if text is not None else None
    if value is None and confidential is None:
        raise InputError(_("nothing to change"))
    name = one_line(ws.get(Client, client_id).name, 40)
    with ws.transaction(_("edit a note of “{name}”").format(name=name)) as tx:
        _client, notes = _notes_in(tx, client_id, number, expect)
        note = notes[number - 1]
        note = note.with_(
            text=value if value is not None else note.text,
            confidential=note.confidential if confidential is None else confidential,
        )
        notes[number - 1] = note
        _save(ws, tx, client_id, notes)
        return note


def delete_note(ws: Workspace, client_id: int, number: int, *, expect: Note | None = None) -> Note:
    """Delete a note (undoable)."""
    name = one_line(ws.get(Client, client_id).name, 40)
    with ws.transaction(_("delete a note of “{name}”").format(name=name)) as tx:
        _client, notes = _notes_in(tx, client_id, number, expect)
        gone = notes.pop(number - 1)
        _save(ws, tx, client_id, notes)
        return gone
