"""The reliability line's figures are numbers of the workspace's format: ``1,5 días`` beside
``1.234,56 €`` with a decimal comma, never ``1.5`` (which would read as fifteen)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from vatui.domain.client_card import reliability_figures
from vatui.domain.money_display import shown_as
from vatui.domain.numbers import COMMA, POINT, SPACE
from vatui.domain.reliability import Reliability, reliability


def _rel(average: str | None, per_invoice: str | None) -> Reliability:
    base = reliability([], [], date(2026, 12, 2))
    return replace(
        base,
        average_days_late=None if average is None else Decimal(average),
        reminders_per_invoice=None if per_invoice is None else Decimal(per_invoice),
    )


def test_the_figures_follow_the_number_format() -> None:
    rel = _rel("13.7", "1.0")
    with shown_as(COMMA):
        assert (reliability_figures(rel)["avg"], reliability_figures(rel)["rem"]) == ("13,7", "1,0")
    with shown_as(SPACE):
        assert reliability_figures(rel)["avg"] == "13,7"
    with shown_as(POINT):
        assert (reliability_figures(rel)["avg"], reliability_figures(rel)["rem"]) == ("13.7", "1.0")


def test_none_is_zero_in_any_format() -> None:
    with shown_as(COMMA):
        assert (
            reliability_figures(_rel(None, None))["avg"],
            reliability_figures(_rel(None, None))["rem"],
        ) == (
            "0",
            "0",
        )
