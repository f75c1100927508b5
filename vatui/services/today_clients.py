"""Today's client sections: follow-ups due and clients past their contact cadence.

Filled in by the client book: until then there is nothing to show.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vatui.services.today import TriageSection
    from vatui.store.workspace import Workspace


def sections(ws: Workspace, on: date) -> list[TriageSection]:
    """The client sections of Today for ``on``."""
    return []
