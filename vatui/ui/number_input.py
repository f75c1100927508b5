"""Numbers typed in the app, read in the workspace's ``number_format`` (``1,5h`` and
``1.234,56`` with a decimal comma)."""

from __future__ import annotations

from textual.dom import DOMNode

from vatui.domain.numbers import POINT, NumberFormat
from vatui.ui.typed_settings import settings_of


def numbers_of(node: DOMNode) -> NumberFormat:
    """The workspace's number format, or a decimal point when no workspace is open yet."""
    settings = settings_of(node)
    return POINT if settings is None else settings.numbers
