"""Whole numbers typed in the client form (terms, deposit, grace, cadence): ASCII digits
only; a superscript two used to pass ``str.isdigit`` and then crash ``int()``."""

from __future__ import annotations

import pytest

from vatui.domain.errors import InputError
from vatui.ui.modals.client_form import _whole


@pytest.mark.parametrize("text", ["²", "٣", "1e2", "-1", "1.5", "１２"])
def test_only_ascii_whole_numbers(text: str) -> None:
    with pytest.raises(InputError, match="whole number"):
        _whole(text, 0, 3650, "terms")


def test_whole_numbers_in_range() -> None:
    assert _whole(" 14 ", 0, 3650, "terms") == 14
    assert _whole("30 %", 0, 100, "the deposit") == 30
    assert _whole("", 0, 100, "the deposit") is None
    with pytest.raises(InputError, match="between"):
        _whole("101", 0, 100, "the deposit")
