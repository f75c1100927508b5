"""The Clients pane's actions: new, edit, log contact, status report, archive, delete, reveal.

A mixin of ``ClientsScreen``: each action opens a modal, and the modal's value goes to a
service through ``app.run_service`` (which reports a bad input as a message and reloads
the pane). Nothing here reads or writes the store directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vatui.domain.clients import Client
from vatui.domain.errors import VatuiError
from vatui.domain.text import one_line
from vatui.i18n import _

if TYPE_CHECKING:
    from vatui.ui.app import VatuiApp
    from vatui.ui.modals.client_form import ClientFormResult
    from vatui.ui.modals.contact_form import ContactFormResult


class ClientsActions:
    """What the Clients pane's keys do."""

    if TYPE_CHECKING:
        revealed: bool
        _pending: int | None

        @property
        def vatui(self) -> VatuiApp: ...

        @property
        def selected_id(self) -> int | None: ...

        def reload(self, *, data_changed: bool = True) -> None: ...

        def _show_card(self, force: bool = False) -> None: ...

    def _selected_client(self) -> Client | None:
        """The client under the cursor, or a message when there is none."""
        client_id = self.selected_id
        if client_id is None:
            self.vatui.inform(_("No client selected: n adds one."))
            return None
        try:
            return self.vatui.ws.get(Client, client_id)
        except VatuiError as exc:
            self.vatui.inform(str(exc), error=True)
            return None

    def _today(self) -> Any:
        from vatui.services.common import home_today

        return home_today(self.vatui.ws)

    # new / edit ----------------------------------------------------------------------

    def _form(self, client: Client | None) -> Any:
        from vatui.ui.modals.client_form import ClientFormModal

        ws = self.vatui.ws
        settings = ws.settings()
        return ClientFormModal(
            client,
            today=self._today(),
            now=ws.clock.now(),
            default_currency=settings.default_currency,
            decimal_comma=settings.numbers,
        )

    def _with_note(self, fields: dict[str, Any], result: ClientFormResult, client: Client | None) -> bool:
        """Add the form's new note to ``fields``; False (message shown) when it is refused."""
        if not result.note:
            return True
        from vatui.services.clients.manage import make_note

        try:
            note = make_note(self.vatui.ws, result.note, result.note_confidential)
        except VatuiError as exc:
            self.vatui.inform(str(exc), error=True)
            return False
        fields["notes"] = (*(client.notes if client else ()), note)
        return True

    def action_new(self) -> None:
        """``n``: a new client (a lead unless you choose otherwise)."""
        from vatui.services.clients.manage import add_client

        def save(result: ClientFormResult | None) -> None:
            if result is None:
                return
            fields = dict(result.fields)
            if not self._with_note(fields, result, None):
                return
            name = fields.pop("name")
            client = self.vatui.run_service(add_client, self.vatui.ws, name, **fields)
            if client is not None:
                self.vatui.inform(_("Added {name}").format(name=one_line(client.name, 40)))
                self._pending = client.id
                self.reload()

        self.vatui.push_screen(self._form(None), save)

    def action_edit(self) -> None:
        """``enter``: edit every field of the selected client."""
        client = self._selected_client()
        if client is None or client.id is None:
            return
        from vatui.domain.changes import ClientChanges
        from vatui.services.clients.manage import change_client

        client_id = client.id

        def save(result: ClientFormResult | None) -> None:
            if result is None:
                return
            added: dict[str, Any] = {}
            if not self._with_note(added, result, None):
                return
            # Only what the user changed, merged into the client as it is when saved: a change
            # another session made while the form was open stays.
            changes = ClientChanges.between(result.opened, result.fields, notes_added=added.get("notes", ()))
            saved = self.vatui.run_service(change_client, self.vatui.ws, client_id, changes)
            if saved is not None:
                self.vatui.inform(_("Saved {name}").format(name=one_line(saved.name, 40)))

        self.vatui.push_screen(self._form(client), save)

    # contact / report ----------------------------------------------------------------

    def log_contact_with(self, client_id: int, *, channel: str | None = None) -> None:
        """Ask for a contact with ``client_id`` and log it (clears its due follow-ups)."""
        from vatui.ui.modals.contact_form import ContactFormModal

        try:
            client = self.vatui.ws.get(Client, client_id)
        except VatuiError as exc:
            self.vatui.inform(str(exc), error=True)
            return

        def save(result: ContactFormResult | None) -> None:
            if result is None:
                return
            from vatui.services.clients.contacts import log_contact

            contact = self.vatui.run_service(
                log_contact,
                self.vatui.ws,
                client_id,
                channel=result.channel,
                summary=result.summary,
                direction=result.direction,
                follow_up=result.follow_up,
                on=result.on,
            )
            if contact is not None:
                self.vatui.inform(
                    _("Logged {channel} contact with {name}").format(
                        channel=contact.channel, name=one_line(client.name, 40)
                    )
                )

        # The channel to start with: asked for, else the preferred one, else the first they have.
        first = client.channels[0].kind if client.channels else None
        modal = ContactFormModal(
            client.name, self._today(), channel=channel or client.preferred_channel or first
        )
        self.vatui.push_screen(modal, save)

    def action_contact(self) -> None:
        """``c``: log a contact with the selected client."""
        client = self._selected_client()
        if client is not None and client.id is not None:
            self.log_contact_with(client.id)

    def action_report(self) -> None:
        """``r``: draft this week's status report; copy, save, or mark it sent (logs a contact)."""
        client = self._selected_client()
        if client is None or client.id is None:
            return
        from vatui.services.clients.status_reports import draft_status_report, mark_report_sent
        from vatui.ui.modals.text_view import TextViewModal

        client_id = client.id
        report = self.vatui.run_service(draft_status_report, self.vatui.ws, client_id)
        if report is None:
            return

        def done(result: str | None) -> None:
            if result != "sent":
                return
            contact = self.vatui.run_service(mark_report_sent, self.vatui.ws, client_id, report.week_start)
            if contact is not None:
                self.vatui.inform(
                    _("Status report logged as sent ({channel})").format(channel=contact.channel)
                )

        title = _("Status report — {name}").format(name=one_line(client.name, 40))
        from vatui.services.documents.files import status_report_documents

        documents = status_report_documents(self.vatui.ws, report)
        self.vatui.push_screen(TextViewModal(title, report.text, documents=documents), done)

    # archive / delete / reveal -------------------------------------------------------

    def action_archive(self) -> None:
        """``x``: archive the selected client (asks first; history stays; ``u`` undoes); restore if archived."""
        client = self._selected_client()
        if client is None or client.id is None:
            return
        from vatui.services.clients.manage import archive_client
        from vatui.ui.modals.confirm import ConfirmModal

        client_id, name = client.id, one_line(client.name, 40)
        if client.archived:
            if self.vatui.run_service(archive_client, self.vatui.ws, client_id, False) is not None:
                self.vatui.inform(_("Restored {name}").format(name=name))
            return

        def answer(yes: bool | None) -> None:
            if yes and self.vatui.run_service(archive_client, self.vatui.ws, client_id) is not None:
                self.vatui.inform(_("Archived {name} (u undoes)").format(name=name))

        self.vatui.push_screen(
            ConfirmModal(
                _("Archive {name}? It leaves the list; its history stays.").format(name=name),
                yes=_("Archive"),
            ),
            answer,
        )

    def action_delete(self) -> None:
        """``D``: delete the selected client, only when it has no history at all."""
        client = self._selected_client()
        if client is None or client.id is None:
            return
        from vatui.services.clients.manage import client_history, delete_client
        from vatui.ui.modals.confirm import ConfirmModal

        client_id, name = client.id, one_line(client.name, 40)
        if client_history(self.vatui.ws, client_id):
            self.vatui.inform(_("{name} has history: archive it instead (x).").format(name=name), error=True)
            return

        def answer(yes: bool | None) -> None:
            if yes and self.vatui.run_service(delete_client, self.vatui.ws, client_id) is not None:
                self.vatui.inform(_("Deleted {name} (u undoes)").format(name=name))

        self.vatui.push_screen(
            ConfirmModal(_("Delete {name}? It has no history.").format(name=name), yes=_("Delete")), answer
        )

    def action_reveal(self) -> None:
        """``v``: show the selected client's confidential notes (again to mask them)."""
        if self.selected_id is None:
            return
        self.revealed = not self.revealed
        self._show_card(force=True)
        self.vatui.inform(
            _("Confidential notes shown (v hides them).")
            if self.revealed
            else _("Confidential notes masked.")
        )

    # corrections ---------------------------------------------------------------------

    def action_contact_log(self) -> None:
        """``L``: the selected client's contact log, to edit or delete a contact."""
        client = self._selected_client()
        if client is not None and client.id is not None:
            from vatui.ui.screens.corrections import contacts

            contacts(self.vatui, client.id)

    def action_notes(self) -> None:
        """``N``: the selected client's notes, to edit or delete one (confidential ones once revealed)."""
        client = self._selected_client()
        if client is not None and client.id is not None:
            from vatui.ui.screens.corrections import notes

            notes(self.vatui, client.id, self.revealed)

    def action_billing(self) -> None:
        """``B``: the selected client's billing identity (legal name, tax ID, address, contact)
        and the tax lines of new invoices."""
        client = self._selected_client()
        if client is None or client.id is None:
            return
        from vatui.domain.changes import ClientChanges
        from vatui.services.clients.manage import change_client
        from vatui.ui.modals.billing_form import BillingChanges, BillingFormModal

        client_id = client.id

        def save(changed: BillingChanges | None) -> None:
            if not changed:
                return
            saved = self.vatui.run_service(
                change_client, self.vatui.ws, client_id, ClientChanges(values=changed)
            )
            if saved is not None:
                self.vatui.inform(
                    _("Saved the billing details of {name}").format(name=one_line(saved.name, 40))
                )

        self.vatui.push_screen(BillingFormModal(client, self.vatui.ws.settings().numbers), save)
