"""Accents and case never hide a match; "Ángel" sorts with the A's."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from vatui.domain.fold import contains, fold, sort_key, starts_with


def test_fold_drops_accents_and_case() -> None:
    assert fold("Ángel Ruiz") == "angel ruiz"
    assert fold("MENÚ") == "menu"
    assert fold("Peña Ñandú") == "pena nandu"
    assert fold("Straße") == "strasse"
    assert fold("ﬁcha") == "ficha"  # a ligature is two letters


def test_contains_and_starts_with_ignore_accents_both_ways() -> None:
    assert contains("Revisar el menú", "menu")
    assert contains("Revisar el menu", "MENÚ")
    assert starts_with("Ángel Ruiz", "angel")
    assert not starts_with("Ángel Ruiz", "ruiz")


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text(alphabet=string.ascii_lowercase + string.digits + " -_.@#:/"))
def test_fold_never_changes_an_ascii_lowercase_string(text: str) -> None:
    assert fold(text) == text


@given(st.text())
def test_fold_has_no_combining_marks_left(text: str) -> None:
    import unicodedata

    assert not any(unicodedata.combining(c) for c in fold(text))


def test_angel_sorts_among_the_as() -> None:
    names = ["Zeta", "Ángel Ruiz", "Beto", "álvaro", "Andrés", "Ana", "Óscar", "Núñez", "Nora"]
    assert sorted(names, key=sort_key) == [
        "álvaro",
        "Ana",
        "Andrés",
        "Ángel Ruiz",
        "Beto",
        "Nora",
        "Núñez",
        "Óscar",
        "Zeta",
    ]


def test_sort_key_breaks_ties_by_the_text_itself() -> None:
    assert sorted(["Ángel", "Angel"], key=sort_key) == ["Angel", "Ángel"]
    assert sorted(["Angel", "Ángel"], key=sort_key) == ["Angel", "Ángel"]
