"""Write ``vatui/domain/money_locale_data.py`` from babel's CLDR data (``make money-locales``).

How money is written in each language and country (the symbol of each currency, where the
symbol goes, which currencies CLDR writes without decimals) is CLDR's knowledge, read here
from babel. vatui ships the small table this script writes instead of importing babel at run
time: loading one babel locale costs about 130 ms, and ``vatui today`` must stay fast.
``tests/domain/test_money_locale_data.py`` fails when the shipped table is not what this
script writes with the babel in use, so the two cannot drift.

Usage: ``python tools/money_locales.py [--check]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel import Locale, __version__, localedata
from babel.core import get_global
from babel.numbers import get_currency_precision, get_currency_symbol

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "vatui" / "domain" / "money_locale_data.py"

LANGUAGES = ("en", "es")
"""The languages vatui speaks (``vatui.i18n.LANGUAGES``)."""

PREFERRED = {"en": ("US", "IE", "GB", "CA", "AU"), "es": ("US", "CO", "MX", "ES")}
"""Where a currency is used in several countries, the country whose way of writing it wins
(in this order, then alphabetical): the USD of a Spanish speaker is es_US, the EUR of an
English speaker en_IE, of a Spanish speaker es_ES."""


def _iso_currencies() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from vatui.domain.money import CURRENCY_DECIMALS
    from vatui.domain.words import ISO_CURRENCIES

    return sorted(set(ISO_CURRENCIES) | set(CURRENCY_DECIMALS))


def _territories_of(currency: str, language: str) -> list[str]:
    """The countries where ``currency`` is the legal tender today."""
    out = []
    for territory, spans in get_global("territory_currencies").items():
        current = [code for code, _start, end, tender in spans if end is None and tender]
        if current[:1] == [currency]:
            out.append(territory)
    rank = {t: i for i, t in enumerate(PREFERRED[language])}
    return sorted(out, key=lambda t: (rank.get(t, len(rank)), t))


def _plain(text: str) -> str:
    """Non-breaking spaces as plain ones: a terminal shows them alike, a VA copies them into
    other programs, and what is shown must read back."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def _affixes(locale: Locale) -> tuple[str, str]:
    """The text before and after the number in the locale's currency pattern, ``¤`` for
    the symbol (non-breaking spaces as plain ones: a terminal shows them alike and a VA
    copies them into other programs)."""
    pattern = locale.currency_formats["standard"].pattern.split(";")[0]
    number_chars = set("#0,.")
    start = min(i for i, c in enumerate(pattern) if c in number_chars)
    end = max(i for i, c in enumerate(pattern) if c in number_chars) + 1
    return _plain(pattern[:start]), _plain(pattern[end:])


def build() -> str:
    known = set(localedata.locale_identifiers())
    currencies = _iso_currencies()
    locale_for: dict[str, str] = {}
    for language in LANGUAGES:
        for code in currencies:
            place = next((t for t in _territories_of(code, language) if f"{language}_{t}" in known), None)
            locale_for[f"{language}:{code}"] = f"{language}_{place}" if place else language
    locales = sorted(set(locale_for.values()) | set(LANGUAGES))
    affixes = {name: _affixes(Locale.parse(name)) for name in locales}
    symbols: dict[str, dict[str, str]] = {}
    for name in locales:
        loc = Locale.parse(name)
        table = {c: _plain(get_currency_symbol(c, locale=loc)) for c in currencies}
        table = {c: s for c, s in table.items() if s != c}
        seen: dict[str, list[str]] = {}
        for c, s in table.items():
            seen.setdefault(s, []).append(c)
        # a symbol two currencies share in one locale would read two ways: write the code
        symbols[name] = {c: s for c, s in sorted(table.items()) if len(seen[s]) == 1}
    for name in locales:  # a country's table holds only what differs from its language's
        base = name.split("_")[0]
        if name != base:
            own = symbols[name]
            differs = {c: s for c, s in own.items() if symbols[base].get(c) != s}
            differs.update({c: c for c in symbols[base] if c not in own})  # writes the code
            symbols[name] = dict(sorted(differs.items()))
    affixes = {k: v for k, v in affixes.items() if k in LANGUAGES or v != affixes[k.split("_")[0]]}
    symbols = {k: v for k, v in symbols.items() if v or k in LANGUAGES}
    from vatui.domain.money import decimals_of

    whole = sorted(c for c in currencies if get_currency_precision(c) == 0 < decimals_of(c))
    lines = [
        '"""How money is written in each language and country: CLDR data, written by',
        "``tools/money_locales.py`` from babel " + __version__ + ". Do not edit by hand; run",
        '``make money-locales``."""',
        "",
        "# fmt: off",
        "LOCALE_FOR: dict[str, str] = {",
        *[f"    {k!r}: {v!r}," for k, v in sorted(locale_for.items()) if v not in LANGUAGES],
        "}",
        '"""``language:CURRENCY`` → the locale whose way of writing money a VA with that home',
        'currency uses (absent: the language alone)."""',
        "",
        "AFFIXES: dict[str, tuple[str, str]] = {",
        *[f"    {k!r}: {v!r}," for k, v in affixes.items()],
        "}",
        '"""The text before and after the number, ``¤`` standing for the symbol (absent: as the',
        'language alone writes it)."""',
        "",
        "SYMBOLS: dict[str, dict[str, str]] = {",
    ]
    for name, table in symbols.items():
        lines.append(f"    {name!r}: {{")
        lines.extend(f"        {c!r}: {s!r}," for c, s in table.items())
        lines.append("    },")
    lines += [
        "}",
        '"""Each language\'s symbol for a currency where it is not the ISO code; a country\'s table',
        "holds only where it writes a currency otherwise than its language (the code itself when",
        'it writes the code)."""',
        "",
        "WHOLE: frozenset[str] = frozenset(",
        "    {" + ", ".join(repr(c) for c in whole[:8]) + ",",
        *["     " + ", ".join(repr(c) for c in whole[i : i + 8]) + "," for i in range(8, len(whole), 8)],
        "     }",
        ")",
        '"""Currencies people write without decimals (CLDR) though ISO 4217 gives them cents:',
        'their whole amounts are shown without ``,00``."""',
        "# fmt: on",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    text = build()
    if "--check" in argv:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.relative_to(ROOT)} is not what babel {__version__} says: run make money-locales")
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
