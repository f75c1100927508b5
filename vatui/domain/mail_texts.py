"""E-mail draft texts per language: the parts, the built-in texts, the VA's own.

Settings keys ``email_subject.LANG`` and ``email_body.LANG`` (an invoice's e-mail) and
``email_reminder_subject.LANG`` (a reminder's e-mail; its body is the reminder text). A
template may use the reminder placeholders (``{client}``, ``{contact}``, ``{number}``,
``{amount}``, ``{due}``, ``{days_late}``) and ``{business}``; any other name in braces is
refused at save. Filling is ``vatui.domain.dunning.fill``: one literal pass, never
``str.format``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from vatui.domain.errors import InputError
from vatui.domain.reminder_texts import PLACEHOLDERS
from vatui.domain.settings import EmailTemplate, Settings
from vatui.domain.text import check_text
from vatui.i18n import _

PARTS: Final = ("subject", "body", "reminder_subject")
"""The parts of the e-mail drafts a VA may rewrite."""
KEY_PREFIX: Final = {
    "email_subject": "subject",
    "email_body": "body",
    "email_reminder_subject": "reminder_subject",
}
"""Settings key family (``email_body.es``) → part."""
MAIL_PLACEHOLDERS: Final = (*PLACEHOLDERS, "business")
"""``{signature}`` is the business name with its e-mail under it; ``{business}`` the name."""
"""What an e-mail template may say, in braces."""
MAX_SUBJECT: Final = 200
MAX_BODY: Final = 4000

_BRACED_RE: Final = re.compile(r"\{\s*([\w.\[\]!:]+)\s*\}")

BUILT_IN: Final[dict[str, dict[str, str]]] = {
    "en": {
        "subject": "Invoice {number} from {business}",
        "body": (
            "Hi {contact},\n\nPlease find attached invoice {number} for {amount}, due on {due}.\n\n"
            "Thank you,\n{signature}"
        ),
        "reminder_subject": "Reminder: invoice {number} ({amount})",
    },
    "es": {
        "subject": "Factura {number} de {business}",
        "body": (
            "Hola {contact}:\n\nTe envío adjunta la factura {number} por {amount}, con vencimiento el "
            "{due}.\n\nGracias,\n{signature}"
        ),
        "reminder_subject": "Recordatorio: factura {number} ({amount})",
    },
}
"""The texts used when the VA has not written their own."""


def allowed_placeholders() -> str:
    """``{client}, {contact}, …, {business}`` for messages."""
    return ", ".join("{" + name + "}" for name in MAIL_PLACEHOLDERS)


def check_mail_template(part: str, text: str) -> str:
    """The template, stripped; refused when it names a placeholder that is not known, is
    empty, too long, or is a subject of more than one line."""
    subject = part != "body"
    value = check_text(
        text, _("the e-mail text"), MAX_SUBJECT if subject else MAX_BODY, multiline=not subject
    )
    if not value:
        raise InputError(_("the e-mail text is empty"))
    for match in _BRACED_RE.finditer(value):
        if match.group(0)[1:-1] not in MAIL_PLACEHOLDERS:
            raise InputError(
                _("{{{name}}} is not a placeholder (use {allowed})").format(
                    name=match.group(1), allowed=allowed_placeholders()
                )
            )
    return value


def mail_template_for(settings: Settings, language: str, part: str) -> str:
    """The VA's own text for ``part`` in ``language``, else the built-in one (English when
    the language has none)."""
    for own in settings.email_templates:
        if own.language == language and own.part == part:
            return own.text
    return BUILT_IN.get(language, BUILT_IN["en"])[part]


def with_mail_template(
    templates: Sequence[EmailTemplate], language: str, part: str, text: str
) -> tuple[EmailTemplate, ...]:
    """``templates`` with (``language``, ``part``) set (empty text: back to the built-in)."""
    kept = tuple(t for t in templates if not (t.language == language and t.part == part))
    if not text:
        return kept
    return (*kept, EmailTemplate(language=language, part=part, text=text))
