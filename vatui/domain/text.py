"""User text is text: neutralise control characters and escape sequences before display."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from vatui.domain.errors import InputError
from vatui.i18n import _

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


# input rules -------------------------------------------------------------------------

MAX_NAME = 200
"""The longest name (a client, a person, a vendor, a tag list entry, a channel handle)."""
MAX_TITLE = 500
"""The longest one-line text (a task title, an invoice line, a checklist item)."""
MAX_NOTE = 10_000
"""The longest long text (task notes, a client note, a contact summary)."""
MAX_TAG = 50
"""The longest tag (of a task or a client)."""

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f\u180e\u2061\u2062\u2063\u2064"
"""Characters that take no room on screen (zero-width space and joiners, word joiner, BOM,
soft hyphen, grapheme joiner, invisible operators): two names differing only by them look
the same."""

#: Refused in stored text: C0 controls (newline and tab only in long text), DEL, C1 controls,
#: line/paragraph separators and bidirectional overrides (they reorder what is shown).
_REFUSED = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_REFUSED_LONG = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_NAMES = {0x07: "BEL", 0x08: "BS", 0x09: "TAB", 0x0A: "newline", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL"}


def control_name(char: str) -> str:
    """``U+001B ESC``: how a refused character is named in a message."""
    code = ord(char)
    name = _CONTROL_NAMES.get(code)
    return f"U+{code:04X} {name}" if name else f"U+{code:04X}"


def check_text(
    value: str, field: str, max_len: int, *, multiline: bool = False, empty: str | None = None
) -> str:
    """``value`` stripped, or ``InputError`` when it holds a control character or is too long
    (or, given ``empty``, is empty: ``empty`` is then the message).

    ``field`` names the text in the message (``the title``). Newlines and tabs are allowed
    only when ``multiline`` (notes, summaries), where ``\\r\\n`` becomes ``\\n``. Escape
    sequences (ESC), BEL, DEL, C1 controls and bidirectional overrides are always refused:
    stored text must never act on a terminal.
    """
    text = value.replace("\r\n", "\n") if multiline else value
    text = text.strip()
    found = (_REFUSED_LONG if multiline else _REFUSED).search(text)
    if found:
        raise InputError(
            _("{field} “{text}” contains a control character ({char}); type it as plain text").format(
                field=field, text=one_line(text, 24), char=control_name(found.group(0))
            )
        )
    if len(text) > max_len:
        raise InputError(
            _("{field} is too long ({n} characters, at most {max})").format(
                field=field, n=len(text), max=max_len
            )
        )
    if empty is not None and not text:
        raise InputError(empty)
    return text


def check_tag(tag: str) -> str:
    """A tag (of a task or a client) lower-cased without its ``#`` (``""`` when nothing is
    left), or ``InputError``: one word of at most ``MAX_TAG`` characters that starts with a
    letter or a digit (so ``=1+1`` is not a tag), no control characters."""
    value = check_text(tag, _("a tag"), MAX_TAG).lstrip("#").lower()
    if value and (any(c.isspace() for c in value) or not value[0].isalnum()):
        raise InputError(
            _(
                "{tag!r} is not a tag (one word that starts with a letter or a digit, at most {max} "
                "characters)"
            ).format(tag=one_line(tag, 60), max=MAX_TAG)
        )
    return value


BLANK_LETTERS = "\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5\u180b\u180c\u180d\u180f"
"""Characters that are not format characters but show nothing: the Hangul fillers, the
blank braille pattern, the Khmer inherent vowels, the Mongolian variation selectors."""


def is_invisible(char: str) -> bool:
    """Whether ``char`` shows nothing by itself: a format character (Unicode category Cf:
    zero-width space and joiners, LRM/RLM/ALM, BOM, soft hyphen, interlinear annotation
    marks, tag characters, ...), a variation selector, the grapheme joiner or one of
    ``BLANK_LETTERS``."""
    code = ord(char)
    return (
        unicodedata.category(char) == "Cf"
        or char in BLANK_LETTERS
        or code == 0x034F
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
    )


def visible(text: str) -> str:
    """``text`` without the characters that show nothing (``is_invisible``): what a reader
    can actually see. Space-like characters are kept (``str.strip`` and ``split`` know them)."""
    return "".join(c for c in text if not is_invisible(c))


def has_visible(text: str) -> bool:
    """Whether ``text`` shows anything besides spaces: a name (a client, a person, a task
    title) without it looks empty and is refused."""
    return bool(visible(text).strip())


def _spaces_as_space(text: str) -> str:
    return "".join(" " if unicodedata.category(c) == "Zs" or c.isspace() else c for c in text)


def name_key(name: str) -> str:
    """The form two names are compared in: Unicode-normalised (NFKC), case-folded, without
    any character that shows nothing (``is_invisible``: zero-width and bidi marks, tag
    characters, Hangul fillers, the blank braille pattern, ...), every space-like character
    (no-break space, U+2000–U+200A, ideographic space, ...) as a space, runs of spaces as one.
    ``Acme``, ``ACME``, ``Ac\\u200bme``, ``Acme\\u200e`` and ``Ａｃｍｅ`` share one key.

    These characters are kept in what is stored (a ZWJ inside an emoji sequence, a ZWNJ in a
    Persian word, a bidi mark in a Hebrew name are legitimate); only the key ignores them.
    """
    folded = unicodedata.normalize("NFKC", visible(name)).casefold()
    return " ".join(_spaces_as_space(visible(folded)).split())


def quoted(text: str, width: int = 60) -> str:
    """``text`` as a message shows a name: on one cleaned line, between “ and ”."""
    return f"“{one_line(text, width)}”"


# lists typed on one line -------------------------------------------------------------

LIST_SEPARATOR = ";"
"""Separates the entries of a list typed on one line (the channels and people of a client)."""
FIELD_SEPARATOR = "|"
"""Separates the fields of one entry (``Name|role|email|phone``)."""


def escape(text: str, specials: str = LIST_SEPARATOR + FIELD_SEPARATOR) -> str:
    """``text`` with a backslash before each backslash and each character of ``specials``,
    so that a stored value holding a separator (an old handle ``Office line; ask for Ana``)
    reads back as itself from a one-line list."""
    return "".join("\\" + c if c == "\\" or c in specials else c for c in text)


def split_escaped(text: str, sep: str) -> list[str]:
    """``text`` cut at each ``sep`` not written ``\\<sep>``; the parts keep their escapes
    (``unescape`` removes them)."""
    parts: list[str] = []
    current: list[str] = []
    chars = iter(text)
    for c in chars:
        if c == "\\":
            current.append(c + next(chars, ""))
        elif c == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(c)
    parts.append("".join(current))
    return parts


def unescape(text: str) -> str:
    """``text`` with each ``\\x`` read as ``x`` (a lone backslash at the end stays)."""
    out: list[str] = []
    chars = iter(text)
    for c in chars:
        out.append(next(chars, "\\") if c == "\\" else c)
    return "".join(out)


# JSON for a terminal -----------------------------------------------------------------

_JSON_ACTIVE = re.compile("[\u0080-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def inert_json(data: bytes) -> bytes:
    """JSON text (UTF-8, as ``orjson`` writes it) with every C1 control (U+0080–U+009F),
    line/paragraph separator and bidirectional override or isolate (U+202A–U+202E,
    U+2066–U+2069) written as a ``\\uXXXX`` escape: ``orjson`` escapes only C0 controls, and
    these act on a terminal (or reorder what it shows) when the output is printed. The JSON
    reads back the same: they can only occur inside strings, where the escape means the
    character itself."""
    text = data.decode("utf-8")
    if not _JSON_ACTIVE.search(text):
        return data
    return _JSON_ACTIVE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text).encode("utf-8")


def json_output(value: Any) -> bytes:
    """``value`` as the stable ``--json`` output prints it: indented, made inert, no newline."""
    import orjson

    return inert_json(orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS))
