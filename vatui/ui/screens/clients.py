"""The Clients pane: the pipeline grouped by status, and the selected client's card.

``n`` new client, ``enter`` edit, ``/`` filter, ``c`` log contact, ``r`` weekly status
report, ``x`` archive (or restore), ``D`` delete a client with no history, ``v`` reveal or
mask confidential notes, ``A`` show archived clients. The screen reads through services
and changes through ``app.run_service``; the list, the card and the modals only show and
return values. The actions live in ``ClientsActions`` (``clients_actions.py``).
"""

from __future__ import annotations

from functools import partial
from importlib import resources
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, OptionList

from vatui.domain.client_card import ClientDetail
from vatui.domain.clients import Client
from vatui.domain.errors import VatuiError
from vatui.domain.fold import fold
from vatui.i18n import _
from vatui.ui.commands.clients import ClientsCommands
from vatui.ui.flows import clients as flow
from vatui.ui.flows import corrections
from vatui.ui.pane import Pane
from vatui.ui.screens.read_ahead import ClientsAhead, styles_current, take
from vatui.ui.widgets.app_header import AppHeader, PaneFooter
from vatui.ui.widgets.client_card import ClientCard
from vatui.ui.widgets.client_list import ClientList
from vatui.ui.widgets.safe_input import SafeInput


def matches(client: Client, needle: str) -> bool:
    """Whether a client matches the filter: name, status, tag, person or channel handle."""
    if not needle:
        return True
    hay = [
        client.name,
        client.status,
        *client.tags,
        *(p.name for p in client.people),
        *(c.handle for c in client.channels),
    ]
    return any(needle in fold(value) for value in hay)


class ClientsScreen(Pane):
    """The client book: pipeline on the left, the selected client's card on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", _("New"), id="clients_new"),
        Binding("enter", "edit", _("Edit"), id="clients_edit"),
        Binding("c", "contact", _("Contact"), id="clients_contact"),
        Binding("r", "report", _("Report"), id="clients_report"),
        Binding("x", "archive", _("Archive"), id="clients_archive"),
        Binding("v", "reveal", _("Reveal"), id="clients_reveal"),
        Binding("slash", "filter", _("Filter"), id="clients_filter"),
        Binding("D", "delete", _("Delete"), show=False, id="clients_delete"),
        Binding("L", "contact_log", _("Contact log"), show=False, id="clients_contact_log"),
        Binding("N", "notes", _("Notes"), show=False, id="clients_notes"),
        Binding("B", "billing", _("Billing"), show=False, id="clients_billing"),
        Binding("A", "toggle_archived", _("Show archived"), show=False, id="clients_archived"),
        Binding("escape", "clear_filter", _("Clear filter"), show=False, id="clients_clear_filter"),
        Binding("J,shift+down", "scroll_card(1)", _("Scroll card down"), show=False, id="clients_card_down"),
        Binding("K,shift+up", "scroll_card(-1)", _("Scroll card up"), show=False, id="clients_card_up"),
    ]
    COMMANDS: ClassVar = {ClientsCommands}
    CSS_PATH: ClassVar = [str(resources.files("vatui.styles") / "clients.tcss")]
    PANE: ClassVar[str] = "clients"

    def __init__(self) -> None:
        super().__init__(id="clients")
        styles_current(self)  # styled as it mounts: no reparse of every stylesheet when first shown
        self.revealed = False
        """Whether confidential notes are shown on the card."""
        self.show_archived = False
        """Whether archived clients are listed."""
        self.filter_text = ""
        """The filter typed after ``/``."""
        self._shown_id: int | None = None
        self._pending: int | None = None
        self._badges: dict[int, str] = {}
        self._clients: list[Client] = []
        self._card_ahead: ClientDetail | None = None
        """A card read ahead (``read_ahead``), shown if its client is the one selected first."""
        self._badges_round = 0
        """Bumped each time the badges are worked out again; a late worker's result is dropped."""

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Horizontal(id="clients-body"):
            with Vertical(id="clients-left"):
                yield SafeInput(
                    id="clients-filter",
                    classes="-hidden",
                    compact=True,
                    placeholder=_("filter: name, tag, status…"),
                )
                yield ClientList(id="client-list")
            yield ClientCard(id="client-card")
        yield PaneFooter()

    def on_mount(self) -> None:
        self.query_one(ClientList).focus()
        self.call_after_refresh(self.reload)  # laid out first: the lines fit the list's width

    # the pane contract -------------------------------------------------------------

    def reload(self, *, data_changed: bool = True) -> None:
        """Read the clients again; the cursor stays on the same client.

        The app calls this after every change (this session's or another's), so the
        reliability badges are worked out again each time; a filter or the archived toggle
        only lists again (``data_changed=False``).
        """
        if not self.vatui.is_ready or not self.is_mounted:
            return
        from vatui.services.clients.manage import list_clients

        session = self.vatui.session
        session.refresh()
        needle = fold(self.filter_text.strip())
        ahead = None if needle or self.show_archived else take(self.vatui, "clients", ClientsAhead)
        if ahead is not None:  # read ahead, nothing changed since: the badges too
            self._clients, self._badges = list(ahead.clients), ahead.badges
            self._card_ahead = ahead.card
            self._badges_round += 1
            # listed again once laid out, as when the badges worker is done (a scrollbar may
            # have narrowed the list since)
            self.call_after_refresh(self._badges_ready, self._badges_round, ahead.badges)
        else:
            self._clients = [
                c
                for c in session.run(list_clients, include_archived=self.show_archived)
                if matches(c, needle)
            ]
        if ahead is None and (data_changed or not self._badges_round):
            self._badges_round += 1
            self.run_worker(
                partial(self._compute_badges, self._badges_round),
                thread=True,
                exclusive=True,
                group="client-badges",
                exit_on_error=False,
            )
        listing = self.query_one(ClientList)
        listing.show(
            self._clients, self._badges, keep=self._pending if self._pending is not None else self._shown_id
        )
        self._pending = None
        self._show_card(force=True)
        self.content_drawn()

    def _compute_badges(self, key: int) -> None:
        """Every client's badge, off the event loop (a worker thread); the list redraws with them."""
        from vatui.services.clients.card import reliability_by_client

        try:
            snap = self.vatui.session.snapshot()  # a worker thread: one frozen moment
            badges = {cid: rel.badge for cid, rel in snap.run(reliability_by_client).items()}
        except VatuiError:
            return
        self.vatui.from_thread(self._badges_ready, key, badges)  # never waits on an app that is ending

    def _badges_ready(self, key: int, badges: dict[int, str]) -> None:
        if key != self._badges_round or not self.is_mounted:
            return
        self._badges = badges
        self.query_one(ClientList).show(self._clients, badges)

    def focus_record(self, kind: str, ref: int | None) -> None:
        """Put the cursor on a client (``client``), or on the client of a contact (``contact``)."""
        client_id = self.client_of(kind, ref)
        if client_id is None:
            return
        listing = self.query_one(ClientList) if self.is_mounted else None
        if listing is not None and listing.select_client(client_id):
            self._show_card()
            listing.focus()
            return
        self.filter_text = ""
        self._pending = client_id
        try:
            self.show_archived = self.show_archived or bool(self.vatui.session.client(client_id).archived)
        except VatuiError:
            return
        if self.is_mounted:
            self._hide_filter()
            self.reload()

    # helpers -----------------------------------------------------------------------

    def client_of(self, kind: str, ref: int | None) -> int | None:
        """The client a record belongs to (a client, contact, task or invoice)."""
        if not self.vatui.is_ready:
            return None
        from vatui.services.common import client_of

        return self.vatui.session.run(client_of, kind, ref)

    @property
    def selected_id(self) -> int | None:
        """The client under the cursor."""
        return self.query_one(ClientList).selected_id if self.is_mounted else None

    def _show_card(self, force: bool = False) -> None:
        """Show the selected client's card (re-masking notes when the client changes)."""
        client_id = self.selected_id
        card = self.query_one(ClientCard)
        if client_id != self._shown_id:
            self.revealed = False
            card.scroll_home(animate=False)  # another client's card starts at its top
        elif not force:
            return
        self._shown_id = client_id
        if client_id is None:
            card.show(None)
            return
        from vatui.domain.localtime import offset_minutes_of
        from vatui.services.clients.card import client_detail, detail_now

        session = self.vatui.session
        ahead, self._card_ahead = self._card_ahead, None
        try:
            if ahead is not None and ahead.client.id == client_id:
                detail = session.run(detail_now, ahead)
            else:
                detail = session.run(client_detail, client_id)
        except VatuiError as exc:
            self.vatui.inform(str(exc), error=True)
            return
        zone = session.settings().home_timezone
        card.show(
            detail, reveal=self.revealed, home_offset=offset_minutes_of(session.now(), zone), home_zone=zone
        )

    @on(OptionList.OptionHighlighted, "#client-list")
    def _highlighted(self) -> None:
        self._show_card()

    # filter ------------------------------------------------------------------------

    def _hide_filter(self) -> None:
        box = self.query_one("#clients-filter", Input)
        box.value = ""
        box.add_class("-hidden")

    def action_filter(self) -> None:
        """``/``: type to narrow the list (name, tag, status, person, handle)."""
        box = self.query_one("#clients-filter", Input)
        box.remove_class("-hidden")
        box.focus()

    @on(Input.Changed, "#clients-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value
        self.reload(data_changed=False)

    @on(Input.Submitted, "#clients-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self._hide_filter()
        self.query_one(ClientList).focus()

    def action_clear_filter(self) -> None:
        """``escape``: drop the filter."""
        had = bool(self.filter_text)
        self.filter_text = ""
        self._hide_filter()
        self.query_one(ClientList).focus()
        if had:
            self.reload(data_changed=False)

    def action_toggle_archived(self) -> None:
        """``A``: list archived clients too (or hide them again)."""
        self.show_archived = not self.show_archived
        self.vatui.inform(
            _("Showing archived clients.") if self.show_archived else _("Archived clients hidden.")
        )
        self.reload(data_changed=False)

    def action_scroll_card(self, step: int) -> None:
        """``J``/``K``: scroll the client's card by half its height (reasons, contact log below)."""
        card = self.query_one(ClientCard)
        card.scroll_relative(y=step * max(card.size.height // 2, 3), animate=False)

    def action_first(self) -> None:
        """Cursor to the first client."""
        self.query_one(ClientList).action_first()

    def action_last(self) -> None:
        """Cursor to the last client."""
        self.query_one(ClientList).action_last()

    # actions: one call into a flow (vatui.ui.flows.clients, .corrections) ----------------

    def _selected_client(self) -> Client | None:
        """The client under the cursor, or a message when there is none."""
        client_id = self.selected_id
        if client_id is None:
            self.vatui.inform(_("No client selected: n adds one."))
            return None
        try:
            return self.vatui.session.client(client_id)
        except VatuiError as exc:
            self.vatui.inform(str(exc), error=True)
            return None

    def _added(self, client_id: int | None) -> None:
        self._pending = client_id
        self.reload()

    def action_new(self) -> None:
        """``n``: a new client (a lead unless you choose otherwise)."""
        flow.new(self.vatui, self._added)

    def action_edit(self) -> None:
        """``enter``: edit every field of the selected client."""
        if client := self._selected_client():
            flow.edit(self.vatui, client)

    def action_contact(self) -> None:
        """``c``: log a contact with the selected client."""
        if (client := self._selected_client()) and client.id is not None:
            flow.contact(self.vatui, client.id)

    def action_report(self) -> None:
        """``r``: draft this week's status report; copy, save, or mark it sent (logs a contact)."""
        if client := self._selected_client():
            flow.report(self.vatui, client)

    def action_archive(self) -> None:
        """``x``: archive the selected client (asks first; history stays; ``u`` undoes); restore if archived."""
        if client := self._selected_client():
            flow.archive(self.vatui, client)

    def action_delete(self) -> None:
        """``D``: delete the selected client, only when it has no history at all."""
        if client := self._selected_client():
            flow.delete(self.vatui, client)

    def action_billing(self) -> None:
        """``B``: the selected client's billing identity and the tax lines of new invoices."""
        if client := self._selected_client():
            flow.billing(self.vatui, client)

    def action_contact_log(self) -> None:
        """``L``: the selected client's contact log, to edit or delete a contact."""
        if (client := self._selected_client()) and client.id is not None:
            corrections.contacts(self.vatui, client.id)

    def action_notes(self) -> None:
        """``N``: the selected client's notes, to edit or delete one (confidential ones once revealed)."""
        if (client := self._selected_client()) and client.id is not None:
            corrections.notes(self.vatui, client.id, self.revealed)

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
