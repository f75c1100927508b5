"""Safe rendering helpers: user text becomes ``Content``, never markup.

Every string a user typed (a title, a client's name, a note) reaches the screen through
these helpers. They clean control characters and escape sequences with
``vatui.domain.text.clean`` and build ``textual.content.Content`` objects, which Textual
never parses as markup: a client called ``[/]`` or ``[@click=app.quit]x`` shows exactly
that, and nothing acts.
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static

import vatui.styles
from vatui.domain.text import clean

STYLES = Path(vatui.styles.__file__).parent
"""Where the shipped ``.tcss`` files are (``styles/`` here, ``vatui.styles`` when installed)."""


def text(value: str | None, style: str = "") -> Content:
    """User text as one line of ``Content`` (newlines become spaces), optionally styled."""
    line = clean(value or "")
    return Content.styled(line, style) if style else Content(line)


def block(value: str | None, style: str = "") -> Content:
    """User text that may span lines (notes, drafted messages), cleaned, newlines kept."""
    body = clean(value or "", keep_newlines=True)
    return Content.styled(body, style) if style else Content(body)


def fit(value: str | None, width: int, style: str = "") -> Content:
    """User text on one line, cut to ``width`` terminal cells with an ellipsis.

    Cell-aware: wide characters (CJK, emoji) count as two cells.
    """
    content = text(value, style)
    if width <= 0:
        return Content("")
    if content.cell_length > width:
        return content.truncate(width, ellipsis=True)
    return content


def cells(value: str) -> int:
    """How many terminal cells ``value`` takes."""
    return cell_len(value)


def pad(content: Content, width: int) -> Content:
    """``content`` padded with spaces (or cut) to exactly ``width`` cells."""
    if content.cell_length > width:
        return content.truncate(width, ellipsis=True)
    return content.pad_right(width - content.cell_length)


def label(value: str, style: str = "") -> Content:
    """A fixed label of the app (already translated); never parsed as markup either."""
    return Content.styled(value, style) if style else Content(value)


def show(widget: Static, content: Content) -> None:
    """``widget`` shows ``content``; left alone when it shows exactly that already.

    ``Static.update`` lays the whole screen out again (new text may change the widget's
    height): a form that checks a field on every key would otherwise do so on every key for
    a hint or a status line that says the same as before."""
    shown = widget.content
    if isinstance(shown, Content):
        if shown.plain == content.plain and shown.spans == content.spans:
            return
    elif shown == "" and not content.plain:  # as built: Static("")
        return
    widget.update(content)
