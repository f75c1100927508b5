"""The client rules the app's form and the command line share (one function each)."""

from __future__ import annotations

import pytest

from vatui.domain.client_contacts import check_preferred, read_channels
from vatui.domain.client_fields import DEFAULTS, NEW_CLIENT_STATUS, normalise
from vatui.domain.clients import Channel
from vatui.domain.errors import InputError


def test_a_preferred_channel_needs_a_channel_of_its_kind() -> None:
    channels = read_channels("whatsapp:+34600; slack:#acme")
    assert check_preferred("slack", channels) == "slack"
    assert check_preferred(None, channels) is None
    assert check_preferred("", ()) is None
    with pytest.raises(InputError, match="the preferred channel email is not one of the client's channels"):
        check_preferred("email", channels)
    with pytest.raises(InputError, match="preferred channel whatsapp"):
        check_preferred("whatsapp", (Channel(kind="email", handle="a@b.co"),))


def test_new_client_defaults() -> None:
    assert (DEFAULTS.terms_days, DEFAULTS.late_fee_grace_days, DEFAULTS.deposit_percent) == (14, 7, 0)
    assert (DEFAULTS.work_start, DEFAULTS.work_end) == ("09:00", "17:00")
    assert NEW_CLIENT_STATUS == "lead"


def test_normalise_checks_every_field_before_anything_is_saved() -> None:
    clean = normalise({"name": "  Acme ", "status": "Lead", "cadence_days": 0, "preferred_channel": "wa"})
    assert clean == {"name": "Acme", "status": "lead", "cadence_days": None, "preferred_channel": "whatsapp"}
    with pytest.raises(InputError, match="between 0 and 3650"):
        normalise({"terms_days": 4000})
