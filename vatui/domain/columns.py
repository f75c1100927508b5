"""Text laid out in terminal columns: how wide a string is on screen, wrapping, aligning.

A plain-text document must fit an 80-column terminal and a printer's line. ``len`` counts
characters, not columns: an East Asian wide character (``株``) takes two, a combining
accent none. These helpers count columns the way a terminal does (without Textual's help:
the documents are built below the UI).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def char_cells(char: str) -> int:
    """Columns one character takes: 2 for wide and full-width, 0 for combining marks."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cells(text: str) -> int:
    """Columns ``text`` takes on a terminal."""
    return sum(char_cells(c) for c in text)


def _cut(word: str, width: int) -> list[str]:
    """``word`` in pieces of at most ``width`` columns."""
    pieces, piece, used = [], "", 0
    for char in word:
        size = char_cells(char)
        if piece and used + size > width:
            pieces.append(piece)
            piece, used = "", 0
        piece += char
        used += size
    return [*pieces, piece] if piece else pieces


def wrap(text: str, width: int) -> list[str]:
    """One line of ``text`` wrapped at spaces into lines of at most ``width`` columns (a word
    longer than a line is cut); always at least one line, maybe empty."""
    width = max(width, 2)
    lines: list[str] = []
    line, used = "", 0
    for word in text.split(" "):
        size = cells(word)
        if line and used + 1 + size <= width:
            line, used = f"{line} {word}", used + 1 + size
            continue
        if line or lines:
            lines.append(line)
        if size <= width:
            line, used = word, size
            continue
        pieces = _cut(word, width)
        lines += pieces[:-1]
        line, used = pieces[-1], cells(pieces[-1])
    lines.append(line)
    return [line.rstrip() for line in lines]


def wrap_lines(text: str, width: int) -> list[str]:
    """Every line of ``text`` (newlines kept) wrapped to ``width`` columns."""
    return [piece for line in text.split("\n") for piece in wrap(line, width)]


def left(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` columns."""
    return text + " " * max(width - cells(text), 0)


def right(text: str, width: int) -> str:
    """``text`` right-aligned in ``width`` columns."""
    return " " * max(width - cells(text), 0) + text
