"""The language a client's documents are written in: theirs, else the VA's, else English."""

from __future__ import annotations

import os

from vatui.domain.clients import Client
from vatui.domain.reminder_texts import LANGUAGES
from vatui.domain.settings import Settings


def environment_language() -> str:
    """The language the environment asks for (``LANGUAGE``, ``LC_ALL``, ``LANG``) if vatui
    has it, else ``en``."""
    for name in ("LANGUAGE", "LC_ALL", "LANG"):
        for part in os.environ.get(name, "").split(":"):
            code = part[:2].lower()
            if code in LANGUAGES:
                return code
            if part:
                break
    return "en"


def client_language(settings: Settings, client: Client | None) -> str:
    """``en`` or ``es``: the client's language, else the VA's setting, else the environment's."""
    if client is not None and client.language in LANGUAGES:
        return client.language
    if settings.language in LANGUAGES:
        return settings.language
    return environment_language()
