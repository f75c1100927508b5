"""The client flows: new, edit, log a contact, status report, archive, delete, billing details.

Each flow opens a modal, and the modal's value goes to a service through
``app.run_service`` (which reports a bad input as a message and reloads the pane).
The Clients pane's keys call them on the selected client; Today's and the Board's ``c``
call ``contact_about`` with the line's record. Nothing here reads or writes the store
directly, and none needs the Clients pane to be mounted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from vatui.domain.errors import VatuiError
from vatui.domain.text import one_line
from vatui.i18n import _

if TYPE_CHECKING:
    from vatui.domain.clients import Client
    from vatui.services.session import UseCase
    from vatui.ui.modals.client_form import ClientFormModal, ClientFormResult
    from vatui.ui.modals.contact_form import ContactFormResult
    from vatui.ui.pane import PaneHost


def _form(app: PaneHost, client: Client | None) -> ClientFormModal:
    from vatui.ui.modals.client_form import ClientFormModal

    session = app.session
    settings = session.settings()
    return ClientFormModal(
        client,
        today=session.today(),
        now=session.now(),
        default_currency=settings.default_currency,
        decimal_comma=settings.numbers,
    )


def _with_note(
    app: PaneHost, fields: dict[str, Any], result: ClientFormResult, client: Client | None
) -> bool:
    """Add the form's new note to ``fields``; False (message shown) when it is refused."""
    if not result.note:
        return True
    from vatui.services.clients.manage import make_note

    try:
        note = app.session.run(make_note, result.note, result.note_confidential)
    except VatuiError as exc:
        app.inform(str(exc), error=True)
        return False
    fields["notes"] = (*(client.notes if client else ()), note)
    return True


def new(app: PaneHost, added: Callable[[int | None], None]) -> None:
    """A new client (a lead unless you choose otherwise); ``added(id)`` once saved."""
    from vatui.services.clients.manage import add_client

    def save(result: ClientFormResult | None) -> None:
        if result is None:
            return
        fields = dict(result.fields)
        if not _with_note(app, fields, result, None):
            return
        name = fields.pop("name")
        # ``**fields`` could name ``ws`` for mypy: the form's fields never do
        adding = cast("UseCase[..., Client]", add_client)
        client = app.run_service(adding, name, **fields)
        if client is not None:
            app.inform(_("Added {name}").format(name=one_line(client.name, 40)))
            added(client.id)

    app.push_screen(_form(app, None), save)


def edit(app: PaneHost, client: Client) -> None:
    """Edit every field of a client."""
    from vatui.domain.changes import ClientChanges
    from vatui.services.clients.manage import change_client

    client_id = client.id or 0  # a stored client always has one

    def save(result: ClientFormResult | None) -> None:
        if result is None:
            return
        added: dict[str, Any] = {}
        if not _with_note(app, added, result, None):
            return
        # Only what the user changed, merged into the client as it is when saved: a change
        # another session made while the form was open stays.
        changes = ClientChanges.between(result.opened, result.fields, notes_added=added.get("notes", ()))
        saved = app.run_service(change_client, client_id, changes)
        if saved is not None:
            app.inform(_("Saved {name}").format(name=one_line(saved.name, 40)))

    app.push_screen(_form(app, client), save)


def contact(app: PaneHost, client_id: int, *, channel: str | None = None) -> None:
    """Ask for a contact with ``client_id`` and log it (clears its due follow-ups)."""
    from vatui.ui.modals.contact_form import ContactFormModal

    try:
        client = app.session.client(client_id)
    except VatuiError as exc:
        app.inform(str(exc), error=True)
        return

    def save(result: ContactFormResult | None) -> None:
        if result is None:
            return
        from vatui.services.clients.contacts import log_contact

        logged = app.run_service(
            log_contact,
            client_id,
            channel=result.channel,
            summary=result.summary,
            direction=result.direction,
            follow_up=result.follow_up,
            on=result.on,
        )
        if logged is not None:
            app.inform(
                _("Logged {channel} contact with {name}").format(
                    channel=logged.channel, name=one_line(client.name, 40)
                )
            )

    # The channel to start with: asked for, else the preferred one, else the first they have.
    first = client.channels[0].kind if client.channels else None
    modal = ContactFormModal(
        client.name, app.session.today(), channel=channel or client.preferred_channel or first
    )
    app.push_screen(modal, save)


def contact_about(app: PaneHost, kind: str, ref: int | None) -> None:
    """``c`` on a line about a record (Today, the Board): log a contact with its client.

    On a contact's line (a follow-up due) the form starts on that contact's channel.
    """
    if not app.is_ready:
        return
    from vatui.services.common import client_of

    client_id = app.session.run(client_of, kind, ref)
    if client_id is None:
        app.inform(_("This line has no client to log a contact with."))
        return
    channel = None
    if kind == "contact" and ref is not None:
        try:
            channel = app.session.contact(ref).channel
        except VatuiError:
            channel = None
    contact(app, client_id, channel=channel)


def report(app: PaneHost, client: Client) -> None:
    """This week's status report: copy, save, or mark it sent (logs a contact)."""
    from vatui.services.clients.status_reports import draft_status_report, mark_report_sent
    from vatui.services.documents.files import status_report_documents
    from vatui.ui.flows.saving import file_saver
    from vatui.ui.modals.text_view import TextViewModal

    client_id = client.id or 0  # a stored client always has one
    drafted = app.run_service(draft_status_report, client_id)
    if drafted is None:
        return

    def done(result: str | None) -> None:
        if result != "sent":
            return
        logged = app.run_service(mark_report_sent, client_id, drafted.week_start)
        if logged is not None:
            app.inform(_("Status report logged as sent ({channel})").format(channel=logged.channel))

    title = _("Status report — {name}").format(name=one_line(client.name, 40))
    documents = app.session.run(status_report_documents, drafted)
    app.push_screen(TextViewModal(title, drafted.text, saver=file_saver(app, documents)), done)


def archive(app: PaneHost, client: Client) -> None:
    """Archive a client (asks first; history stays; ``u`` undoes); restore it if archived."""
    from vatui.services.clients.manage import archive_client
    from vatui.ui.modals.confirm import ConfirmModal

    client_id, name = client.id or 0, one_line(client.name, 40)
    if client.archived:
        if app.run_service(archive_client, client_id, False) is not None:
            app.inform(_("Restored {name}").format(name=name))
        return

    def answer(yes: bool | None) -> None:
        if yes and app.run_service(archive_client, client_id) is not None:
            app.inform(_("Archived {name} (u undoes)").format(name=name))

    app.push_screen(
        ConfirmModal(
            _("Archive {name}? It leaves the list; its history stays.").format(name=name), yes=_("Archive")
        ),
        answer,
    )


def delete(app: PaneHost, client: Client) -> None:
    """Delete a client, only when it has no history at all."""
    from vatui.services.clients.manage import client_history, delete_client
    from vatui.ui.modals.confirm import ConfirmModal

    client_id, name = client.id or 0, one_line(client.name, 40)
    if client_id is None:
        return
    if app.session.run(client_history, client_id):
        app.inform(_("{name} has history: archive it instead (x).").format(name=name), error=True)
        return

    def answer(yes: bool | None) -> None:
        if yes and app.run_service(delete_client, client_id) is not None:
            app.inform(_("Deleted {name} (u undoes)").format(name=name))

    app.push_screen(
        ConfirmModal(_("Delete {name}? It has no history.").format(name=name), yes=_("Delete")), answer
    )


def billing(app: PaneHost, client: Client) -> None:
    """A client's billing identity (legal name, tax ID, address, contact) and the tax lines
    of new invoices."""
    from vatui.domain.changes import ClientChanges
    from vatui.services.clients.manage import change_client
    from vatui.ui.modals.billing_form import BillingChanges, BillingFormModal

    client_id = client.id or 0  # a stored client always has one

    def save(changed: BillingChanges | None) -> None:
        if not changed:
            return
        saved = app.run_service(change_client, client_id, ClientChanges(values=changed))
        if saved is not None:
            app.inform(_("Saved the billing details of {name}").format(name=one_line(saved.name, 40)))

    app.push_screen(BillingFormModal(client, app.session.settings().numbers), save)
