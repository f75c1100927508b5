"""The shipped table of how money is written is what babel's CLDR says, and every amount
vatui shows in any language, home currency and number format reads back as itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from vatui.domain.amounts import parse_amount
from vatui.domain.money import Money
from vatui.domain.money_display import set_display
from vatui.domain.money_locale_data import LOCALE_FOR
from vatui.domain.numbers import BY_NAME, POINT
from vatui.i18n import set_language

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_table_is_what_babel_says() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "money_locales.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


HOMES = sorted({key.split(":")[1] for key in LOCALE_FOR} | {"USD", "COP", "EUR", "MXN"})
SHOWN = ["USD", "COP", "EUR", "MXN", "JPY", "GBP", "PEN", "GTQ", "CAD", "BRL", "XOF", "KWD", "CHF", "INR"]


@settings(max_examples=400, deadline=None)
@given(
    language=st.sampled_from(["en", "es"]),
    home=st.sampled_from(HOMES),
    fmt=st.sampled_from(sorted(BY_NAME)),
    currency=st.sampled_from(SHOWN),
    minor=st.integers(min_value=-(10**14), max_value=10**14),
)
def test_every_shown_amount_reads_back_as_itself(
    language: str, home: str, fmt: str, currency: str, minor: int
) -> None:
    set_language(language)
    set_display(BY_NAME[fmt], home)
    try:
        money = Money(minor, currency)
        shown = money.format()
        assert parse_amount(shown, "USD", BY_NAME[fmt], allow_negative=True) == money, shown
    finally:
        set_display(POINT, "USD")
        set_language("en")
