"""Fast typing and paste into a form: a burst of keys lands in the fields it was typed for.

Textual routes a key to the widget focused when the key is *read*, but moves the focus only
once a Tab has been *processed*: the Tab goes into the focused field's queue, bubbles back up
to the screen's ``tab`` binding, and only then runs ``focus_next``. A burst (fast typing over
SSH, a macro, ``one<Tab>two`` arriving in one read) therefore routes every key read before
the Tab was handled to the old field: ``onetwo`` in the first field, the Tab seemingly lost.
A bare Textual 8.2.8 app does the same (docs/textual-burst.md has the reproduction).

The work-around: Tab and shift+Tab, wherever they move the focus, move it *before* the next
key is routed (``move_focus_now``, called by the app for every key it reads), and a pasted
text with tabs is spread over the fields as if typed (``spread_paste``): a row copied from a
spreadsheet fills a form's fields in order.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.widget import Widget
from textual.widgets import Input

FOCUS_KEYS = {"tab": True, "shift+tab": False}
"""The keys that move between fields, and whether they move forward."""


def _tab_moves_focus(app: App[Any]) -> bool:
    """Whether Tab would move the focus (the screen's binding): no widget in the way binds it."""
    from textual.command import CommandPalette
    from textual.widgets import TextArea  # here: not loaded before the first frame (≈ 6 ms)

    focused = app.focused
    if focused is None or isinstance(app.screen, CommandPalette):
        return False
    if isinstance(focused, TextArea) and focused.tab_behavior != "focus":
        return False
    for node in focused.ancestors_with_self:
        if node is app.screen:
            break
        if any(key in node._bindings.key_to_bindings for key in FOCUS_KEYS):
            return False
    return True


def move_focus_now(app: App[Any], event: events.Key) -> bool:
    """Tab / shift+Tab that would move the focus: move it now; say whether the key was used."""
    forward = FOCUS_KEYS.get(event.key)
    if forward is None or event.is_forwarded or not _tab_moves_focus(app):
        return False
    if forward:
        app.screen.focus_next()
    else:
        app.screen.focus_previous()
    event.stop()
    event.prevent_default()
    return True


def spread_paste(app: App[Any], event: events.Paste) -> bool:
    """A paste with tabs into a one-line field: each part goes to the next field in turn.

    Each part is inserted where the field's cursor is, as typing would; the focus ends on the
    field of the last part. Say whether the paste was used.
    """
    if "\t" not in event.text or event.is_forwarded or not isinstance(app.focused, Input):
        return False
    if not _tab_moves_focus(app):
        return False
    parts = event.text.split("\t")
    for number, part in enumerate(parts):
        field: Widget | None = app.screen.focus_next() if number else app.focused
        if isinstance(field, Input) and part:
            field.insert_text_at_cursor(part.replace("\r", "").replace("\n", " "))
    event.stop()
    event.prevent_default()
    return True
