"""Command-palette providers: one per pane, commands named "Pane: action".

``PaneCommands`` is the shape every provider shares: a subclass lists its commands as
``Command(name, help, callback)`` and gets discovery and fuzzy search for free. Names are
rendered as text, never as markup (an undo label may hold a task's title).

A pane screen registers its provider with ``COMMANDS = {BoardCommands}``; the app's own
provider (``AppCommands``) is always there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

from vatui.domain.fold import fold
from vatui.domain.text import one_line


@dataclass(frozen=True)
class Command:
    """One entry of the palette."""

    name: str
    """Shown and searched: ``"Today: mark done"``."""
    help: str
    """One line under the name."""
    callback: Callable[[], Any]
    """What choosing it does."""


def highlight(matcher: Matcher, name: str) -> Content:
    """``name`` as plain text with the matched letters styled (no markup is parsed)."""
    content = Content(name)
    folded = fold(name)  # the query is folded too: "menu" lights up "Menú"
    score, offsets = matcher.fuzzy_search.match(matcher.query, folded if len(folded) == len(name) else name)
    if not score:
        return content
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class PaneCommands(Provider):
    """A provider whose commands come from ``commands()``."""

    def commands(self) -> Iterable[Command]:
        """The commands available now (override)."""
        return ()

    async def discover(self) -> Hits:
        for command in self.commands():
            name = one_line(command.name)
            yield DiscoveryHit(Content(name), command.callback, text=name, help=escape(command.help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(fold(query))
        for command in self.commands():
            name = one_line(command.name)
            score = matcher.match(fold(name))
            if score > 0:
                yield Hit(
                    score, highlight(matcher, name), command.callback, text=name, help=escape(command.help)
                )
