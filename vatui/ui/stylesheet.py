"""The app's stylesheet: a source is parsed once for a set of CSS variables, not on every reparse.

Textual's ``Stylesheet.reparse`` parses every source again, in a fresh stylesheet with an
empty cache: when the theme is set at start, when a screen brings CSS of its own, when the
panes' and the modals' styles are added (``read_ahead.prepare_styles``,
``PaneApp._load_modal_styles``). At vatui's size that is about a hundred sources, tens of
milliseconds each time, on the app's loop. A source's rules depend only on its text, where
it was read from, its flags (default CSS, tie breaker, scope) and the CSS variables (the
theme's colours): ``KeptStylesheet`` keeps the parsed rules under all of those, for the
process, so that a reparse parses only the sources it has not yet parsed with those
variables. Textual never changes a rule set once parsed (one rule set already styles every
node it matches), so sharing them changes nothing that is drawn. A process that runs app
after app (the tests) parses each source once.
"""

from __future__ import annotations

from textual.cache import LRUCache
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

Key = tuple[str, CSSLocation, bool, int, str, tuple[tuple[str, str], ...]]

_PARSED: LRUCache[Key, list[RuleSet]] = LRUCache(1024)
"""Parsed rules by source and variables (about a hundred sources per set of variables)."""


class KeptStylesheet(Stylesheet):
    """Textual's stylesheet whose parsed sources are kept by their variables (see the module)."""

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._variables_key: tuple[tuple[str, str], ...] | None = None

    def _kept_variables(self) -> tuple[tuple[str, str], ...]:
        if self._variables_key is None:
            self._variables_key = tuple(sorted(self._variables.items()))
        return self._variables_key

    def set_variables(self, variables: dict[str, str]) -> None:
        super().set_variables(variables)
        self._variables_key = None

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key = (css, read_from, is_default_rules, tie_breaker, scope, self._kept_variables())
        rules = _PARSED.get(key)
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            _PARSED[key] = rules
        return rules

    def copy(self) -> KeptStylesheet:
        stylesheet = KeptStylesheet(variables=self._variables.copy())
        stylesheet.source = self.source.copy()
        return stylesheet

    def reparse(self) -> None:
        """As Textual's: parse in a fresh stylesheet (this one unchanged if the CSS is wrong),
        one that takes what was parsed already with the same variables."""
        stylesheet = KeptStylesheet(variables=self._variables)
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            stylesheet.add_source(
                css, read_from=read_from, is_default_css=is_defaults, tie_breaker=tie_breaker, scope=scope
            )
        try:
            stylesheet.parse()
        except Exception:
            self._invalid_css.update(stylesheet._invalid_css)
            raise
        self._rules = stylesheet.rules
        self._rules_map = None
        self.source = stylesheet.source
        self._require_parse = False
