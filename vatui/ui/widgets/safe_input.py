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
