"""Switching the app's language once the workspace's ``language`` setting is known.

The first frame is drawn before the workspace is read, in the environment's language
(``LANGUAGE``, ``LC_ALL``, ``LANG``). When the setting names another language, the
catalog changes and what was translated at import — the key bindings' descriptions of
every screen and widget class, and of the nodes already built — is translated again; the
panes draw their content with the new catalog from then on.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from vatui import i18n
from vatui.i18n import N_

if TYPE_CHECKING:
    from textual.app import App


def _classes(root: type[DOMNode]) -> list[type[DOMNode]]:
    found: list[type[DOMNode]] = []
    stack = [root]
    while stack:
        cls = stack.pop()
        found.append(cls)
        stack.extend(cls.__subclasses__())
    return found


_SOURCE: dict[tuple[str, str, str], tuple[str, str]] = {}
"""Each binding's English description and tooltip, by (owner class, key, action), as first
seen: two texts with one translation ("Down" and "Scroll down" are both "Bajar") cannot be
told apart by mapping the translation back, so a second switch starts from these."""


def _retranslate(bindings: BindingsMap | None, english: dict[str, str], owner: str) -> None:
    if bindings is None:
        return
    for key, group in bindings.key_to_bindings.items():
        bindings.key_to_bindings[key] = [
            _again(binding, english, (owner, key, binding.action)) for binding in group
        ]


def _again(binding: Binding, english: dict[str, str], where: tuple[str, str, str]) -> Binding:
    if where not in _SOURCE:
        _SOURCE[where] = (
            english.get(binding.description, binding.description),
            english.get(binding.tooltip, binding.tooltip),
        )
    words, tip = _SOURCE[where]
    return dataclasses.replace(
        binding, description=i18n._(words) if words else words, tooltip=i18n._(tip) if tip else tip
    )


def switch_language(code: str) -> dict[str, str] | None:
    """Use ``code``'s catalog; ``None`` when nothing changes (empty, or already in use),
    else the English source of every text of the previous catalog (for
    :func:`retranslate_keys`). Safe off the event loop: it touches no widget."""
    if not code or code == i18n.language():
        return None
    catalog: dict[Any, str] = getattr(i18n._translation, "_catalog", {})
    english = {text: msgid for msgid, text in catalog.items() if isinstance(msgid, str) and msgid}
    i18n.set_language(code)
    return english


def retranslate_classes(english: dict[str, str]) -> None:
    """Translate again the key descriptions every screen and widget class holds."""
    for cls in _classes(DOMNode):
        if "_merged_bindings" in vars(cls):
            _retranslate(cls._merged_bindings, english, cls.__qualname__)


def retranslate_keys(app: App[Any], english: dict[str, str]) -> None:
    """Translate again the key descriptions of every class and of the nodes already built."""
    retranslate_classes(english)
    nodes: list[Any] = [app, *app.screen_stack, *getattr(app, "_panes", {}).values()]
    for screen in list(nodes[1:]):
        nodes.extend(screen.walk_children())
    for node in nodes:
        if isinstance(node, DOMNode):
            _retranslate(node._bindings, english, type(node).__qualname__)
    app.refresh_bindings()


#: Descriptions of Textual's own keys (the DataTable, OptionList, Input… shown by ``?``),
#: here so that the catalog has them and :func:`retranslate_keys` translates them too.
TEXTUAL_KEYS = (
    N_("Up"),
    N_("Down"),
    N_("Scroll Left"),
    N_("Scroll Right"),
    N_("First"),
    N_("Last"),
    N_("Page Up"),
    N_("Page Down"),
    N_("Select"),
    N_("Scroll Up"),
    N_("Scroll Down"),
    N_("Scroll Home"),
    N_("Scroll End"),
    N_("Page Left"),
    N_("Page Right"),
    N_("Top"),
    N_("Bottom"),
    N_("Home"),
    N_("End"),
    N_("Delete"),
    N_("Cursor left"),
    N_("Cursor right"),
)
