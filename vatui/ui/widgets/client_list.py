"""The client pipeline as one list: a heading per status with its count, then the clients.

An ``OptionList`` (renders only the lines on screen). Headings are disabled options, so
the cursor rests only on clients. Each line shows the name and the reliability badge as
a word, so the badge never rests on colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.widgets.option_list import Option

from vatui.domain.clients import STATUSES, Client
from vatui.i18n import N_, _
from vatui.ui import render
from vatui.ui.widgets.vi_list import ViList, vi_bindings

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


class ClientList(ViList, inherit_bindings=False):
    """Clients grouped by pipeline status, with counts; the cursor skips headings."""

    BINDINGS: ClassVar[list[BindingType]] = vi_bindings("clients")
    WRAP: ClassVar[bool] = True
    MIN_WIDTH: ClassVar[int] = 20

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
        super().__init__(id=id)
        self._clients: Sequence[Client] = ()
        self._badges: Mapping[int, str] = {}

    @property
    def selected_id(self) -> int | None:
        """The client under the cursor."""
        option = self.highlighted_option
        return option.client_id if isinstance(option, ClientOption) else None

    def show(self, clients: Sequence[Client], badges: Mapping[int, str], keep: int | None = None) -> None:
        """Show ``clients`` (already in pipeline order); the cursor stays on ``keep`` or its client."""
        wanted = keep if keep is not None else self.selected_id
        before = self.highlighted
        self._clients, self._badges = clients, badges
        width = self.laid_out()
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
                    ClientOption(client_line(client, badges.get(client.id or 0), width), client.id or 0)
                )
        self.set_options(options)
        self.highlighted = self.restore(
            lambda o: isinstance(o, ClientOption) and o.client_id == wanted, near=before
        )

    def select_client(self, client_id: int) -> bool:
        """Put the cursor on a client; whether it is listed."""
        for i, option in enumerate(self.options):
            if isinstance(option, ClientOption) and option.client_id == client_id:
                self.highlighted = i
                return True
        return False

    def relayout(self) -> None:
        if self._clients:
            self.show(self._clients, self._badges)
