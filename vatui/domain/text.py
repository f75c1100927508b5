"""User text is text: neutralise control characters and escape sequences before display."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    if code == 0x1B:
        return "␛"
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "␡"
    return "�"


def clean(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with control characters and escapes made visible and harmless.

    Tabs become a space; newlines are kept only when ``keep_newlines``.
    """
    text = text.replace("\t", " ")
    if keep_newlines:
        text = text.replace("\r\n", "\n")
        return "\n".join(_CONTROL.sub(_visible, line) for line in text.split("\n"))
    return _CONTROL.sub(_visible, text.replace("\r\n", " ").replace("\n", " "))


def one_line(text: str, width: int | None = None) -> str:
    """A single cleaned line, cut to ``width`` characters with an ellipsis."""
    line = clean(text)
    if width is not None and len(line) > width:
        return line[: max(width - 1, 0)] + "…"
    return line
