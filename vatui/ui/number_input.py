"""Numbers typed in the app, read in the workspace's ``number_format`` (``1,5h`` and
``1.234,56`` with a decimal comma)."""

from __future__ import annotations

from textual.dom import DOMNode

from vatui.domain.numbers import POINT, NumberFormat


def numbers_of(node: DOMNode) -> NumberFormat:
    """The workspace's number format, or a decimal point when no workspace is open yet."""
    try:
        ws = getattr(node.app, "ws", None)
    except RuntimeError:  # no app, or the workspace is still opening
        return POINT
    if ws is None:
        return POINT
    fmt = getattr(ws.settings(), "numbers", POINT)
    return fmt if isinstance(fmt, NumberFormat) else POINT
