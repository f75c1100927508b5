"""``vatui client edit``: the preferred channel is never cleared behind the user's back;
removing its channel is refused like in the app's form, and ``--preferred ''`` clears it."""

from __future__ import annotations

from tests.helpers.cli_inprocess import Vatui


def _acme(vatui: Vatui) -> None:
    added = vatui(
        "client", "add", "Acme", "--channel", "whatsapp:+15550100", "--channel", "slack:#acme",
        "--preferred", "whatsapp",
    )  # fmt: skip
    assert added.code == 0, added.err


def test_removing_the_preferred_channel_is_refused_and_saves_nothing(vatui: Vatui) -> None:
    _acme(vatui)
    result = vatui("client", "edit", "acme", "--remove-channel", "whatsapp", "--tag", "vip")
    assert result.code == 1
    assert result.err.strip() == "vatui: the preferred channel whatsapp is not one of the client's channels"
    data = vatui("client", "show", "acme", "--json").json()
    assert data["preferred_channel"] == "whatsapp" and data["tags"] == []
    assert [c["kind"] for c in data["channels"]] == ["whatsapp", "slack"]


def test_removing_it_with_another_preferred_or_none(vatui: Vatui) -> None:
    _acme(vatui)
    moved = vatui("client", "edit", "acme", "--remove-channel", "whatsapp", "--preferred", "slack", "--json")
    assert moved.code == 0, moved.err
    assert moved.json()["preferred_channel"] == "slack"
    cleared = vatui("client", "edit", "acme", "--remove-channel", "slack", "--preferred", "", "--json")
    assert cleared.code == 0, cleared.err
    assert cleared.json()["preferred_channel"] is None and cleared.json()["channels"] == []
