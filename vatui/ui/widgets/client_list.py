"""The client pipeline as one list: a heading per status with its count, then the clients.

An ``OptionList`` (renders only the lines on screen). Headings are disabled options, so
the cursor rests only on clients. Each line shows the name and the reliability badge as
a word, so the badge never rests on colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from vatui.domain.clients import STATUSES, Client
from vatui.i18n import N_, _
from vatui.ui import render

BADGE_STYLE = {
    "good": "$text-success",
    "watch": "$text-warning",
    "risky": "bold $text-error",
    "unproven": "$text-muted",
}
"""How each reliability badge is drawn."""

STATUS_TITLES = {
    "lead": N_("Leads"),
    "prospect": N_("Prospects"),
    "active": N_("Active"),
    "paused": N_("Paused"),
    "former": N_("Former"),
}
"""The heading of each pipeline status (translated when shown)."""


class ClientOption(Option):
    """One client's line."""

    def __init__(self, prompt: Content, client_id: int) -> None:
        super().__init__(prompt, id=f"client-{client_id}")
        self.client_id = client_id


def client_line(client: Client, badge: str | None, width: int) -> Content:
    """Name on the left, badge word on the right (``…`` while it is worked out), in ``width`` cells."""
    word = render.label(_(badge), BADGE_STYLE.get(badge, "")) if badge else render.label("…", "$text-muted")
    mark = render.label(_(" (archived)"), "$text-muted") if client.archived else Content("")
    room = max(width - word.cell_length - mark.cell_length - 3, 6)
    name = render.pad(render.fit(client.name, room), room)
    return Content.assemble(" ", name, mark, " ", word)


class ClientList(OptionList, inherit_bindings=False):
    """Clients grouped by pipeline status, with counts; the cursor skips headings."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", _("Down"), show=False, id="clients_down"),
        Binding("up,k", "cursor_up", _("Up"), show=False, id="clients_up"),
        Binding("home,g", "first", _("Top"), show=False, id="clients_top"),
        Binding("end,G", "last", _("Bottom"), show=False, id="clients_bottom"),
        Binding("pagedown", "page_down", _("Page down"), show=False, id="clients_page_down"),
        Binding("pageup", "page_up", _("Page up"), show=False, id="clients_page_up"),
    ]

    DEFAULT_CSS = """
    ClientList {
        height: 1fr;
        border: none;
        padding: 0;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .option-list--option-disabled {
            color: $foreground;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._clients: Sequence[Client] = ()
        self._badges: Mapping[int, str] = {}
        self._width = 0

    @property
    def selected_id(self) -> int | None:
        """The client under the cursor."""
        if self.highlighted is None or self.highlighted >= self.option_count:
            return None
        option = self.get_option_at_index(self.highlighted)
        return option.client_id if isinstance(option, ClientOption) else None

    def _line_width(self) -> int:
        return max(self.scrollable_content_region.width, 20)

    def show(self, clients: Sequence[Client], badges: Mapping[int, str], keep: int | None = None) -> None:
        """Show ``clients`` (already in pipeline order); the cursor stays on ``keep`` or its client."""
        wanted = keep if keep is not None else self.selected_id
        before = self.highlighted
        self._clients, self._badges = clients, badges
        self._width = self._line_width()
        options: list[Option] = []
        for status in STATUSES:
            members = [c for c in clients if c.status == status]
            if not members:
                continue
            options.append(
                Option(
                    Content.assemble(
                        render.label(_(STATUS_TITLES[status]), "bold $accent"),
                        render.label(f" ({len(members)})", "bold"),
                    ),
                    disabled=True,
                )
            )
            for client in members:
                options.append(
                    ClientOption(client_line(client, badges.get(client.id or 0), self._width), client.id or 0)
                )
        self.set_options(options)
        self.highlighted = self._restore(wanted, before)

    def _restore(self, wanted: int | None, before: int | None) -> int | None:
        rows = [(i, o) for i, o in enumerate(self.options) if isinstance(o, ClientOption)]
        if not rows:
            return None
        for i, option in rows:
            if option.client_id == wanted:
                return i
        if before is not None:
            for i, _option in rows:
                if i >= before:
                    return i
            return rows[-1][0]
        return rows[0][0]

    def select_client(self, client_id: int) -> bool:
        """Put the cursor on a client; whether it is listed."""
        for i, option in enumerate(self.options):
            if isinstance(option, ClientOption) and option.client_id == client_id:
                self.highlighted = i
                return True
        return False

    def on_resize(self, event: events.Resize) -> None:
        """Lay the lines out again for the new width."""
        if self._clients and self._line_width() != self._width:
            self.show(self._clients, self._badges)

    def action_first(self) -> None:
        """Cursor to the first client."""
        rows = [i for i, o in enumerate(self.options) if isinstance(o, ClientOption)]
        if rows:
            self.highlighted = rows[0]

    def action_last(self) -> None:
        """Cursor to the last client."""
        rows = [i for i, o in enumerate(self.options) if isinstance(o, ClientOption)]
        if rows:
            self.highlighted = rows[-1]
