"""Command-palette providers: one per pane, commands named "Pane: action".

``PaneCommands`` is the shape every provider shares: a subclass lists its commands as
``Command(name, help, callback)`` and gets discovery and fuzzy search for free. Names are
rendered as text, never as markup (an undo label may hold a task's title).

A pane screen registers its provider with ``COMMANDS = {BoardCommands}``; the app's own
provider (``AppCommands``) is always there.

A command's help names its keys from the bindings, as the user's keymap.toml has them: the
help is a template with ``{keys}``, and ``Command.binding`` names the binding (its id or its
action) whose keys fill it in. Remap ``ledger_payment = "ctrl+y"`` and the palette says
"(ctrl+y)", not "(p)".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

from vatui.domain.fold import fold
from vatui.domain.text import one_line
from vatui.i18n import _

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

KEY_SIGNS = {
    "slash": "/",
    "comma": ",",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "right": "→",
    "left": "←",
    "up": "↑",
    "down": "↓",
}
"""Keys shown as the sign on them."""


@dataclass(frozen=True)
class Command:
    """One entry of the palette."""

    name: str
    """Shown and searched: ``"Today: mark done"``."""
    help: str
    """One line under the name."""
    callback: Callable[[], Any]
    """What choosing it does."""
    binding: str = ""
    """The binding (id or action) whose keys fill ``{keys}`` in ``help``."""


def key_label(key: str) -> str:
    """One key as the palette shows it: ``shift+right`` → ``shift+→``, ``slash`` → ``/``."""
    *modifiers, name = key.split("+")
    return "+".join([*modifiers, KEY_SIGNS.get(name, name)])


def bound_keys(app: App[Any], nodes: Iterable[DOMNode], binding: str) -> list[str]:
    """The keys of the first binding of ``nodes`` whose id or action is ``binding``, as the
    user's keymap has them; single characters first (``g / home``)."""
    for node in nodes:
        found = [b for _key, b in node._bindings if b.id == binding or b.action == binding]
        if not found:
            continue
        remapped = app._keymap.get(found[0].id or "") if found[0].id else None  # Textual keeps it there
        keys = remapped.split(",") if remapped else [b.key for b in found]
        return sorted(dict.fromkeys(key_label(k) for k in keys), key=lambda k: len(k) > 1)
    return []


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

    def help_line(self, command: Command) -> str:
        """The command's help with its keys as bound now (escaped: the palette reads markup)."""
        if not command.binding:
            return escape(command.help)
        screen = self.screen
        keys = bound_keys(self.app, [screen, *screen.query("*"), self.app], command.binding)
        return escape(command.help.format(keys=" / ".join(keys) or "—"))

    async def discover(self) -> Hits:
        for command in self.commands():
            name = one_line(command.name)
            yield DiscoveryHit(Content(name), command.callback, text=name, help=self.help_line(command))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(fold(query))
        for command in self.commands():
            name = one_line(command.name)
            score = matcher.match(fold(name))
            if score > 0:
                yield Hit(
                    score, highlight(matcher, name), command.callback, text=name, help=self.help_line(command)
                )


class ActionCommands(PaneCommands):
    """A pane's commands from a table: each runs a screen action, and its help names the keys
    of the binding that runs the same action (or the binding ``BOUND_AS`` names for it)."""

    TABLE: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    """(name, screen action, help with its ``{keys}``), names and helps marked with ``N_``."""
    BOUND_AS: ClassVar[Mapping[str, str]] = {}
    """Screen action → the binding (id or action) whose keys it shows, where they differ."""

    def commands(self) -> Iterable[Command]:
        """The table's commands, run on the pane's screen."""
        screen = self.screen
        for name, action, help_text in self.TABLE:
            binding = self.BOUND_AS.get(action, action)
            yield Command(_(name), _(help_text), partial(screen.run_action, action), binding)
