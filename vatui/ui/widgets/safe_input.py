"""Text fields that never write a control character to the terminal.

Textual's ``Input`` and ``TextArea`` draw their value as it is: a stored title holding
``ESC ] 52 ;…`` (set the clipboard), ``ESC ] 2 ;…`` (window title) or ``ESC [ 2 J``
(clear the screen) would act as soon as a form shows it. ``SafeInput`` and
``SafeTextArea`` (in ``safe_text_area``, kept apart so that a pane with only a filter
field does not load the text area) clean whatever they are given — the initial value, a
value set later, a paste, every edit — with ``vatui.domain.text.clean``: control
characters become visible symbols (``␛``, ``␇``…), so stored text that predates the input
rule is shown, never obeyed, and saving the form stores the harmless visible form. Every
form, modal and filter uses these instead of Textual's.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input

from vatui.domain.text import clean


def clean_block(text: str) -> str:
    """Multi-line text cleaned for a text area: newlines and tabs kept, every other control shown."""
    return "\t".join(clean(part, keep_newlines=True) for part in text.split("\t"))


class SafeInput(Input):
    """An ``Input`` whose value never holds a control character (one line, cleaned)."""

    def validate_value(self, value: str) -> str:
        """Every value the input takes — given, set, typed or pasted — is cleaned first."""
        return clean(value)

    def _watch_value(self, value: str) -> None:
        """As ``Input``'s, without laying the whole screen out again on every key.

        Textual's ``Input`` keeps its text's width as its virtual size (to scroll the text
        within the field), a reactive that asks for a layout of the screen when it changes:
        on every key typed. A field whose width and height are not ``auto`` does not change
        size with its text, so the new virtual size is set without a layout, and the field's
        scrolling updated as the layout would have (``_scroll_update``). ``Input``'s watcher
        then finds the size unchanged and does the rest (suggestion, ``Changed``)."""
        if not self.styles.auto_dimensions:
            virtual = Size(self.content_width, 1)
            if virtual != self.virtual_size:
                self.set_reactive(Widget.virtual_size, virtual)
                self._scroll_update(virtual)
        super()._watch_value(value)
