"""Switching the app's language and back gives every key its own description again.

The switch maps each translated description back to its English source: two sources with
one translation ("Down" and "Scroll down" both "Bajar") would come back as one of them.
"""

from __future__ import annotations

from textual.dom import DOMNode

import vatui.ui.app  # noqa: F401  (every screen and widget class, with its bindings)
from vatui import i18n
from vatui.ui.language import _classes, retranslate_classes, switch_language


def _descriptions() -> dict[tuple[str, str, str], str]:
    found: dict[tuple[str, str, str], str] = {}
    for cls in _classes(DOMNode):
        merged = vars(cls).get("_merged_bindings")
        if merged is None:
            continue
        for key, group in merged.key_to_bindings.items():
            for binding in group:
                found[(cls.__qualname__, key, binding.action)] = binding.description
    return found


def test_spanish_and_back_restores_every_key_description() -> None:
    before = _descriptions()
    assert before, "no bindings found"
    try:
        english = switch_language("es")
        assert english is not None
        retranslate_classes(english)
        spanish = _descriptions()
        assert spanish != before
    finally:
        back = switch_language("en")
        if back:
            retranslate_classes(back)
    assert i18n.language() == "en"
    after = _descriptions()
    changed = {k: (before[k], after.get(k)) for k in before if after.get(k) != before[k]}
    assert changed == {}
