"""The Spanish catalog: complete, compilable, faithful to its placeholders, and shipped current."""

from __future__ import annotations

import gettext
import re
import string
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import catalog as tool  # noqa: E402 - tools/ is not a package

PO = ROOT / "vatui" / "locale" / "es" / "LC_MESSAGES" / "vatui.po"
MO = PO.with_suffix(".mo")


def _po() -> Catalog:
    with open(PO, "rb") as src:
        return read_po(src)


def _key(message_id: str | tuple[str, ...]) -> str:
    return message_id[0] if isinstance(message_id, tuple) else message_id


def test_every_extracted_string_has_a_spanish_translation() -> None:
    po = _po()
    missing = [
        _key(m.id)
        for m in tool.extract()
        if m.id
        and (
            po.get(m.id, context=m.context) is None
            or not all(
                po.get(m.id, context=m.context).string
                if isinstance(po.get(m.id, context=m.context).string, tuple)
                else [po.get(m.id, context=m.context).string]
            )
        )
    ]
    fuzzy = [_key(m.id) for m in po if m.id and m.fuzzy]
    assert not missing, f"untranslated (run make catalog, then translate): {missing}"
    assert not fuzzy, f"fuzzy translations: {fuzzy}"


def _fields(text: str) -> list[str]:
    names = sorted(
        f"{{{name}{'!' + conv if conv else ''}{':' + spec if spec else ''}}}"
        for _lit, name, spec, conv in string.Formatter().parse(text)
        if name is not None
    )
    return names


def _percents(text: str) -> int:
    return len(re.findall(r"%(?:\([^)]*\))?[-#0+]*\d*(?:\.\d+)?[sdifr]", text))


def test_placeholders_match_exactly() -> None:
    wrong = []
    for m in _po():
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        texts = m.string if isinstance(m.string, tuple) else (m.string,)
        for text in texts:
            if not text:
                continue
            try:
                # the plural form may leave out {n} ("1 line"); every other field must match
                same = any(
                    _fields(text) == _fields(i) or (set(_fields(text)) <= set(_fields(i)) and len(ids) > 1)
                    for i in ids
                )
            except ValueError as exc:
                wrong.append((ids[0], text, str(exc)))
                continue
            if not same or _percents(text) != _percents(ids[0]):
                wrong.append((ids[0], text))
    assert not wrong, wrong


def test_placeholder_check_catches_a_renamed_field() -> None:
    assert _fields("Hola {nombre}") != _fields("Hi {name}")
    assert _fields("{text!r} no") == _fields("{text!r} is not")


def test_the_po_compiles_and_the_committed_mo_is_current(tmp_path: Path) -> None:
    po = _po()
    fresh = tmp_path / "vatui.mo"
    with open(fresh, "wb") as out:
        write_mo(out, po)
    with open(fresh, "rb") as src:
        compiled = gettext.GNUTranslations(src)
    with open(MO, "rb") as src:
        shipped = gettext.GNUTranslations(src)
    expected = {k: v for k, v in compiled._catalog.items() if k != ""}  # type: ignore[attr-defined]
    actual = {k: v for k, v in shipped._catalog.items() if k != ""}  # type: ignore[attr-defined]
    stale = sorted(
        str(k)
        for k in expected.keys() ^ actual.keys() | {k for k in expected if expected[k] != actual.get(k)}
    )
    assert not stale, f"vatui.mo is stale (run make catalog): {stale[:20]}"
    assert compiled.ngettext("{n} day", "{n} days", 1) == "{n} día"
    assert compiled.ngettext("{n} day", "{n} days", 3) == "{n} días"


def test_leading_and_trailing_spaces_are_kept() -> None:
    """Layout lives in the spaces around a string (``"  tags: {tags}"``, ``"Week "``)."""
    wrong = []
    for m in _po():
        if not m.id:
            continue
        source = _key(m.id)
        for text in m.string if isinstance(m.string, tuple) else (m.string,):
            if text and (
                text[: len(text) - len(text.lstrip())] != source[: len(source) - len(source.lstrip())]
                or text[len(text.rstrip()) :] != source[len(source.rstrip()) :]
            ):
                wrong.append((source, text))
    assert not wrong, wrong
