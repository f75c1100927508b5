"""Accents and case never hide a match: one folding rule for searching and sorting.

``fold("Ángel Ruiz")`` is ``"angel ruiz"``: the text is decomposed (NFKD), combining
marks are dropped and the result is case-folded. Every search in vatui (client prefixes,
quick add's ``@client``, the Board's ``/`` and client filters, the pickers, the palette)
compares folded text, so ``@angel`` finds "Ángel Ruiz" and ``menu`` finds "menú".

``sort_key`` orders names for people: by the folded text, then by the text itself so
that "Angel" and "Ángel" keep a stable order. For Spanish and English this is the
language's collation for names (``ñ`` sorts with ``n``, which is what Spanish phone books
and spreadsheets do since the 2010 orthography treats it as a letter only in
dictionaries); no ICU or babel is needed.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """``text`` without accents and case: ``"Menú Ángel"`` → ``"menu angel"``.

    Idempotent; an ASCII lower-case string is returned unchanged.
    """
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Casefolding can produce new decomposable characters (rare: "ẞ" → "ss" is fine,
    # but a few compatibility forms recompose); a second pass makes the rule idempotent.
    folded = plain.casefold()
    again = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in again if not unicodedata.combining(c))


def contains(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack``, accents and case aside."""
    return fold(needle) in fold(haystack)


def starts_with(text: str, prefix: str) -> bool:
    """Whether ``text`` starts with ``prefix``, accents and case aside."""
    return fold(text).startswith(fold(prefix))


def sort_key(text: str) -> tuple[str, str]:
    """A key that sorts "Ángel" among the A's: the folded text, then the text itself."""
    return fold(text), text
