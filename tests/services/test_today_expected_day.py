"""Today's "payments expected" names the day as every other line of Today does: ``due Thu 3
Dec`` (was ``due Thu 03 Dec``, ``vence jue 03 dic`` beside ``vence lun 7 dic``)."""

from __future__ import annotations

from datetime import date

from tests.helpers.ledger import client, sent_invoice
from vatui.services.today.money import sections
from vatui.store.workspace import Workspace


def test_the_expected_day_has_no_leading_zero(ws: Workspace) -> None:
    sent_invoice(ws, client(ws), 5000, on=date(2026, 11, 19))  # net 14: due Thu 3 Dec
    expected = next(s for s in sections(ws, date(2026, 11, 27)) if s.key == "payments_expected")
    assert [item.detail.split(" · ")[-1] for item in expected.items] == ["due Thu 3 Dec"]
