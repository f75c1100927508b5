"""Refusing control characters in text typed into the correction commands and forms.

Stored text is always shown cleaned (``vatui.domain.text.clean``); this refuses, at
input, text that carries escape sequences or other control characters (C0, C1, ESC, BEL,
DEL), so they are never stored. Newlines and tabs are allowed only in long text (notes).
"""

from __future__ import annotations

import re

from vatui.domain.errors import InputError
from vatui.i18n import _

_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_LONG = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def refuse_control(text: str, what: str, *, long_text: bool = False) -> str:
    """``text`` unchanged, or ``InputError`` naming ``what`` when it holds a control character."""
    found = (_LONG if long_text else _ONE_LINE).search(text)
    if found is not None:
        raise InputError(_("{what} holds a control character (U+{code:04X}); it is not accepted").format(
            what=what, code=ord(found.group(0))))
    return text
