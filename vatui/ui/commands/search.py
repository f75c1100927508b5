"""The command palette finds records too: tasks, clients, invoices and contacts by text.

``RecordSearch`` reads the workspace once when the palette opens (``services.search``) and
answers each keystroke from that index; choosing a hit opens the record in its pane (a task
on the Board, a client or a contact in Clients, an invoice in the Ledger). Records show under
the pane's actions, as text, never as markup.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Protocol, cast

from textual.command import Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from vatui.domain.fold import fold
from vatui.domain.text import one_line

if TYPE_CHECKING:
    from vatui.services.search import SearchIndex


class Searchable(Protocol):
    """What the palette needs of the app: an index of its workspace, and a way to open a record."""

    def search_index(self) -> SearchIndex | None:
        """The workspace read for searching (``None`` while it is still opening)."""
        ...

    def open_record(self, kind: str, ref: int) -> None:
        """Show the record in its pane."""
        ...


FOUND_BY_DETAILS = 1.0
"""The score of a record whose title does not match what was typed (its client or tags do)."""
MIN_QUERY = 2
"""Records are searched from the second letter typed (one letter matches nearly everything)."""


class RecordSearch(Provider):
    """Search hits for the records of the open workspace."""

    _index: SearchIndex | None = None

    async def startup(self) -> None:
        self._index = cast(Searchable, self.app).search_index()

    async def search(self, query: str) -> Hits:
        if self._index is None or len(query.strip()) < MIN_QUERY:
            return
        app = cast(Searchable, self.app)
        matcher = self.matcher(fold(query))
        for rank, record in enumerate(self._index.find(query)):
            title = one_line(record.title, 70)
            # On the actions' own scale (the same fuzzy matcher on the title), so "acme" puts
            # Acme Corp above a loose action match ("App: change theme"); a record found only
            # by its client or details gets the floor. The index's order breaks ties.
            score = max(matcher.match(fold(title)), FOUND_BY_DETAILS) - rank / 1000
            yield Hit(
                score,
                Content(title),
                partial(app.open_record, record.kind, record.id),
                text=title,
                help=escape(one_line(record.detail, 70)),
            )
