"""While an import is the newest undoable change, the automatic archive waits.

An import can bring back records old enough for the archive (a JSON export's archived
years, Trello cards done long ago). If opening the workspace moved them to the archive at
once, ``vatui undo`` could no longer take the import back (the records it added would be
gone from the workspace). So the archive run at open (``auto_archive``) waits while the
newest undo step is an import; the next change, or ``vatui archive``, lets it run.
"""

from __future__ import annotations

from vatui.i18n import _
from vatui.store.workspace import Workspace

IMPORT_LABELS = ("import Trello board {file}", "import {kind} from {file}", "import JSON export {name}")
"""The undo labels of the imports (before translation and formatting)."""


def import_on_top(ws: Workspace) -> bool:
    """Whether the newest undoable change is an import."""
    label = ws.undo_label()
    if label is None:
        return False
    return any(label.startswith(_(template).split("{", 1)[0]) for template in IMPORT_LABELS)
