"""The fixed "now" of every test that does not say otherwise (the ``clock`` fixture's)."""

from __future__ import annotations

from datetime import UTC, datetime

#: Friday 27 November 2026, 09:30 UTC.
NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
