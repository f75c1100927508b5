"""Reminder texts per language: the safe placeholders, the built-in texts, the VA's own.

A template is the VA's text with placeholders in braces. Only the names in
``PLACEHOLDERS`` may be used (the older ``{amount_due}``, ``{due_date}``,
``{days_overdue}`` and ``{business}`` of the first protocol still work); any other name in
braces is refused when the template is saved. Filling is one pass of literal substitution
(``vatui.domain.dunning.fill``): never ``str.format``, so braces and markup in the VA's
text or in a client's name are kept exactly as typed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from vatui.domain.errors import InputError
from vatui.domain.settings import DEFAULT_PROTOCOL, ReminderTemplate, Settings
from vatui.domain.text import check_text
from vatui.i18n import _

PLACEHOLDERS: Final = ("client", "contact", "number", "amount", "due", "days_late", "signature")
"""What a reminder template may say, in braces."""
LEGACY_PLACEHOLDERS: Final = ("amount_due", "due_date", "days_overdue", "business")
"""The first protocol's names, still filled."""
LANGUAGES: Final = ("en", "es")
"""The languages a reminder can be written in."""
MAX_TEMPLATE: Final = 2000

_BRACED_RE: Final = re.compile(r"\{\s*([\w.\[\]!:]+)\s*\}")
"""A name in braces, as a placeholder would be written (``{ }`` alone is plain text)."""

BUILT_IN: Final[dict[str, dict[str, str]]] = {
    "en": {step.name: step.template for step in DEFAULT_PROTOCOL},
    "es": {
        "friendly": (
            "Hola {contact}:\n\nUn recordatorio amable: la factura {number} por {amount} vence el "
            "{due}. ¡Gracias!\n\n{signature}"
        ),
        "polite": (
            "Hola {contact}:\n\nLa factura {number} por {amount} venció el {due}. ¿Podrías "
            "indicarme cuándo esperar el pago?\n\nGracias,\n{signature}"
        ),
        "firm": (
            "Hola {contact}:\n\nLa factura {number} por {amount} tiene {days_late} días de "
            "retraso. Por favor, programa el pago esta semana.\n\n{signature}"
        ),
        "final": (
            "Hola {contact}:\n\nLa factura {number} por {amount} tiene {days_late} días de "
            "retraso. El trabajo queda en pausa hasta recibir el pago.\n\n{signature}"
        ),
    },
}
"""The texts used when the VA has not written their own."""


FIRST_GREETING: Final = "Hi {client},\n\n"
"""How the built-in English texts of the first protocol began: a workspace that stored
them unchanged greets the billing contact now, like the built-in texts do."""


def allowed_placeholders() -> str:
    """``{client}, {contact}, …`` for messages."""
    return ", ".join("{" + name + "}" for name in PLACEHOLDERS)


def check_template(text: str) -> str:
    """The template, stripped; refused when it names a placeholder that is not known."""
    value = check_text(text, _("the reminder text"), MAX_TEMPLATE, multiline=True)
    if not value:
        raise InputError(_("the reminder text is empty"))
    known = set(PLACEHOLDERS) | set(LEGACY_PLACEHOLDERS)
    for match in _BRACED_RE.finditer(value):
        if match.group(0)[1:-1] not in known:
            raise InputError(
                _("{{{name}}} is not a placeholder (use {allowed})").format(
                    name=match.group(1), allowed=allowed_placeholders()
                )
            )
    return value


def check_language(text: str) -> str:
    """``en`` or ``es`` (any case); refused otherwise."""
    value = text.strip().lower()
    if value not in LANGUAGES:
        raise InputError(
            _("{text!r} is not a language (use {allowed})").format(text=text, allowed=", ".join(LANGUAGES))
        )
    return value


def template_for(settings: Settings, language: str, step: str) -> str | None:
    """The VA's own text for ``step`` in ``language``, else the built-in one (``None``: none)."""
    for own in settings.reminder_templates:
        if own.language == language and own.step == step:
            return own.text
    if language == "en":
        for protocol_step in settings.protocol:
            if protocol_step.name == step:
                return _first_default(protocol_step.template, step)
    return BUILT_IN.get(language, {}).get(step)


def _first_default(template: str, step: str) -> str:
    """A stored first-protocol text that was never edited (it greeted ``{client}`` and
    signed ``{business}``), as the built-in text is now (the billing contact, the signature)."""
    for default in DEFAULT_PROTOCOL:
        if default.name == step:
            first = default.template.replace("Hi {contact},", FIRST_GREETING.strip("\n"), 1)
            if template == first.replace("{signature}", "{business}"):
                return default.template
    return template


def with_template(
    templates: Sequence[ReminderTemplate], language: str, step: str, text: str
) -> tuple[ReminderTemplate, ...]:
    """``templates`` with the text of (``language``, ``step``) set (empty text: back to the built-in)."""
    kept = tuple(t for t in templates if not (t.language == language and t.step == step))
    if not text:
        return kept
    return (*kept, ReminderTemplate(language=language, step=step, text=text))
