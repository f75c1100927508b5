"""Client names as hledger account parts: Latin accents go, other scripts keep their letters."""

from __future__ import annotations

import pytest

from vatui.services.exchange.hledger import account_part


@pytest.mark.parametrize(
    ("name", "part"),
    [
        ("Café Olé", "Cafe-Ole-3"),
        ("Ñoño [SA]", "Nono-SA-3"),
        ("田中デザイン事務所", "田中デザイン事務所-3"),  # デ stays デ: its mark is no accent
        ("Ｆｕｌｌ ｗｉｄｔｈ", "Full-width-3"),
        ("", "client-3"),
    ],
)
def test_account_part(name: str, part: str) -> None:
    assert account_part(name, 3) == part
