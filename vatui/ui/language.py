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


def _retranslate(bindings: BindingsMap | None, english: dict[str, str]) -> None:
    if bindings is None:
        return
    for key, group in bindings.key_to_bindings.items():
        bindings.key_to_bindings[key] = [_again(binding, english) for binding in group]


def _again(binding: Binding, english: dict[str, str]) -> Binding:
    source = english.get(binding.description, binding.description)
    return dataclasses.replace(binding, description=i18n._(source)) if source else binding


def apply_language(app: App[Any], code: str) -> None:
    """Use ``code``'s catalog (empty or already in use: nothing changes) and redraw the keys."""
    if not code or code == i18n.language():
        return
    old = i18n._translation
    catalog: dict[Any, str] = getattr(old, "_catalog", {})
    english = {text: msgid for msgid, text in catalog.items() if isinstance(msgid, str) and msgid}
    i18n.set_language(code)
    for cls in _classes(DOMNode):
        if "_merged_bindings" in vars(cls):
            _retranslate(cls._merged_bindings, english)
    for node in [app, *app.screen_stack, *app.query("*")]:
        _retranslate(node._bindings, english)
    app.refresh_bindings()
