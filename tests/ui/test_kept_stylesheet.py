"""The app's stylesheet parses a source once for a set of CSS variables (``vatui.ui.stylesheet``)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.css import stylesheet as textual_stylesheet
from textual.css.stylesheet import StylesheetParseError

from vatui.ui.stylesheet import KeptStylesheet

CSS = "KeptProbe { color: $accent; height: 3; }"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The CSS Textual's parser is handed, one entry per parse."""
    seen: list[str] = []
    real = textual_stylesheet.parse

    def counting(scope: str, css: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(css)
        return real(scope, css, *args, **kwargs)

    monkeypatch.setattr(textual_stylesheet, "parse", counting)
    return seen


def sheet(accent: str, css: str = CSS, where: str = "probe") -> KeptStylesheet:
    made = KeptStylesheet(variables={"accent": accent})
    made.add_source(css, read_from=(where, ""))
    return made


def accent_of(made: KeptStylesheet) -> str:
    (rule,) = [r for r in made.rules if "KeptProbe" in r.css]
    return str(rule.styles.color.hex)


def test_a_reparse_and_the_next_app_parse_nothing_again(parses: list[str]) -> None:
    first = sheet("#ff0000", where="probe-once")
    assert accent_of(first) == "#FF0000"
    first.reparse()
    first.reparse()
    second = sheet("#ff0000", where="probe-once")  # the next app of the process
    assert accent_of(second) == "#FF0000"
    assert parses.count(CSS) == 1


def test_other_variables_are_parsed_with_their_own_values(parses: list[str]) -> None:
    red, blue = sheet("#ff0000", where="probe-themes"), sheet("#0000ff", where="probe-themes")
    assert (accent_of(red), accent_of(blue)) == ("#FF0000", "#0000FF")
    red.set_variables({"accent": "#00ff00"})  # a theme changed
    red.reparse()
    assert accent_of(red) == "#00FF00"
    assert parses.count(CSS) == 3


def test_wrong_css_is_refused_on_every_reparse_and_leaves_the_sheet_as_it_was() -> None:
    made = sheet("#ff0000", where="probe-wrong")
    made.reparse()
    made.add_source("KeptProbe { colour: red; }", read_from=("probe-wrong-2", ""))
    for _attempt in range(2):
        with pytest.raises(StylesheetParseError):
            made.reparse()
    assert accent_of(made) == "#FF0000"
