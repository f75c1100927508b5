"""``SafeTextArea``: a ``TextArea`` that never writes a control character to the terminal
(see ``safe_input``)."""

from __future__ import annotations

from typing import Any

from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult

from vatui.ui.widgets.safe_input import clean_block


class SafeTextArea(TextArea):
    """A ``TextArea`` whose text never holds a control character (newlines and tabs kept)."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(clean_block(text), **kwargs)

    def load_text(self, text: str) -> None:
        """Load ``text``, cleaned."""
        super().load_text(clean_block(text))

    def edit(self, edit: Edit) -> EditResult:
        """Every edit (typing, paste, replace) inserts cleaned text."""
        edit.text = clean_block(edit.text)
        return super().edit(edit)
