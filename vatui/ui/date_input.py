"""Dates typed in the app, read in the workspace's ``date_order`` (``15/12`` with ``dmy``)."""

from __future__ import annotations

from datetime import date

from textual.dom import DOMNode

from vatui.domain.dates import parse_date
from vatui.ui.typed_settings import settings_of


def date_order_of(node: DOMNode) -> str:
    """The workspace's ``date_order`` setting, or ``""`` when no workspace is open yet."""
    settings = settings_of(node)
    return "" if settings is None else settings.date_order


def read_date(node: DOMNode, text: str, today: date) -> date:
    """``parse_date`` with the workspace's date order; ``ParseError`` when unclear."""
    return parse_date(text, today, date_order_of(node))
