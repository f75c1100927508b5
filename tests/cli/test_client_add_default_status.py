"""``vatui client add`` without ``--status`` makes a lead, as the app's new-client form does:
both start at the domain's one default (``NEW_CLIENT_STATUS``)."""

from __future__ import annotations

from tests.helpers.cli_inprocess import Vatui
from vatui.domain.client_fields import NEW_CLIENT_STATUS


def test_a_new_client_is_a_lead_unless_told(vatui: Vatui) -> None:
    assert NEW_CLIENT_STATUS == "lead"
    added = vatui("client", "add", "Acme", "--json")
    assert added.code == 0, added.err
    assert added.json()["status"] == "lead"
    assert vatui("client", "show", "acme", "--json").json()["status"] == "lead"
    leads = vatui("client", "list", "--status", "lead", "--json").json()
    assert [c["name"] for c in leads] == ["Acme"]


def test_a_given_status_wins(vatui: Vatui) -> None:
    added = vatui("client", "add", "Bolt", "--status", "active", "--json")
    assert added.code == 0, added.err
    assert added.json()["status"] == "active"
