"""Today's money sections: reminders due, unpaid deposits, payments expected, retainer burn.

Filled in by the ledger: until then there is nothing to show.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vatui.services.today import TriageSection
    from vatui.store.workspace import Workspace


def sections(ws: Workspace, on: date) -> list[TriageSection]:
    """The money sections of Today for ``on``."""
    return []
