"""``?``: every key of the active pane and the global ones, read from the bindings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from vatui.i18n import _
from vatui.ui import render


@dataclass(frozen=True)
class KeyRow:
    """One line of the help: keys, what they do, and where they apply."""

    keys: str
    """The keys as displayed (``j / ↓``)."""
    description: str
    """What the binding does."""
    scope: str
    """``pane`` or ``global``."""
    binding_id: str | None = None
    """The id to use in ``keymap.toml``."""


INTERNAL_ACTIONS = frozenset({"app.focus_next", "app.focus_previous", "screen.copy_text"})
"""Textual's own screen bindings (focus cycling, copying a selection): not vatui's keys."""


def key_rows(screen: Screen[Any], app: App[Any]) -> list[KeyRow]:
    """The keys active on ``screen`` (screen, focused widget, app), as the bindings say.

    Keys remapped in ``keymap.toml`` show with their new keys. Bindings without a
    description, and Textual's own focus/copy keys, are left out. The pane's actions come
    first, then moving around, then the keys that work everywhere.
    """
    grouped: dict[tuple[int, str, str], list[str]] = {}
    meta: dict[tuple[int, str, str], tuple[int, str | None]] = {}
    for key, active in screen.active_bindings.items():
        binding: Binding = active.binding
        if not binding.description or binding.action in INTERNAL_ACTIONS:
            continue
        node: DOMNode = active.node
        rank = 2 if node is app else (0 if node is screen else 1)
        # a footer label shared by two keys ("H/L Move", set with key_display) gives the
        # binding's own words in its tooltip ("Move card right")
        words = _(
            binding.tooltip if binding.key_display and binding.tooltip else binding.description
        )  # Textual's own keys too
        ident = (id(node), binding.action, words)
        display = app.get_key_display(binding.with_key(key))
        shown = grouped.setdefault(ident, [])
        if display not in shown:
            shown.append(display)
        meta[ident] = (rank, binding.id)
    rows = [
        (
            meta[ident][0],
            KeyRow(" / ".join(keys), ident[2], "global" if meta[ident][0] == 2 else "pane", meta[ident][1]),
        )
        for ident, keys in grouped.items()
    ]
    return [row for _rank, row in sorted(rows, key=lambda pair: pair[0])]


def _table(rows: Iterable[KeyRow], width: int = 12) -> Content:
    lines = []
    for row in rows:
        keys = render.pad(render.text(row.keys, "bold $text-accent"), width)
        lines.append(Content.assemble(keys, " ", render.label(row.description)))
    return Content("\n").join(lines) if lines else render.label(_("(none)"), "$text-muted")


class HelpModal(ModalScreen[None]):
    """The keys of a pane; any of ``escape``, ``?`` or ``q`` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", _("Close"), id="help_close"),
        Binding("j", "scroll(1)", _("Scroll down"), show=False, id="help_down"),
        Binding("k", "scroll(-1)", _("Scroll up"), show=False, id="help_up"),
    ]

    def __init__(self, pane_title: str, rows: list[KeyRow]) -> None:
        super().__init__(classes="vatui-modal")
        self.pane_title = pane_title
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="modal-body") as body:
            body.border_title = _("Keys: {pane}").format(pane=self.pane_title)
            body.border_subtitle = _("esc close · remap in keymap.toml (see docs)")
            with VerticalScroll(id="help-scroll"), Horizontal(id="help-columns"):
                with Vertical(classes="help-column"):
                    yield Static(render.label(self.pane_title, "bold underline"), classes="help-heading")
                    yield Static(_table(r for r in self.rows if r.scope == "pane"), id="help-pane")
                with Vertical(classes="help-column"):
                    yield Static(render.label(_("Everywhere"), "bold underline"), classes="help-heading")
                    yield Static(_table(r for r in self.rows if r.scope == "global"), id="help-global")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        """Scroll the list of keys (when it is taller than the screen)."""
        self.query_one("#help-scroll", VerticalScroll).scroll_relative(y=lines, animate=False)
