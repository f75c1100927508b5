"""One document in a client's own language and number format, whatever the UI's.

A VA in Bogotá uses vatui in Spanish and bills a US client in English: the invoice and the
status report for that client are built inside ``document_locale(settings, client)``,
which switches the catalog (``i18n.language_of``) and, when the client has a
``number_format``, how money is shown (``money_display.shown_as``), then puts both back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from vatui.domain.clients import Client
from vatui.domain.money_display import shown_as
from vatui.domain.numbers import BY_NAME
from vatui.domain.settings import Settings
from vatui.i18n import language_of
from vatui.services.clients.language import client_language


@contextmanager
def document_locale(settings: Settings, client: Client | None) -> Iterator[None]:
    """Inside the block, text is in ``client``'s language (else the VA's) and money in the
    client's number format (else the workspace's, as already shown)."""
    fmt = BY_NAME.get(client.number_format) if client is not None else None
    with language_of(client_language(settings, client)), shown_as(fmt):
        yield
