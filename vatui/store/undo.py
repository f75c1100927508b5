"""Undo: every labelled transaction keeps before/after images of what it touched in the
``undo`` table (the newest 50), so the newest change can be undone from any session, unless
what it wrote was changed since.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vatui.domain.errors import RuleError
from vatui.i18n import _

if TYPE_CHECKING:
    from vatui.store.transaction import Tx
    from vatui.store.workspace import Workspace

UNDO_DEPTH = 50


def push(ws: Workspace, tx: Tx) -> None:
    """Keep ``tx``'s changes as the newest undo step (inside its transaction); drop the oldest
    beyond ``UNDO_DEPTH``."""
    table = ws.table("undo")
    table.insert({"label": tx.label, "at": ws.clock.now().isoformat(), "changes": tx.changes})
    ids = sorted(int(k) for k in ws.docs("undo"))
    if len(ids) > UNDO_DEPTH:
        table.remove(doc_ids=ids[: len(ids) - UNDO_DEPTH])


def label(ws: Workspace) -> str | None:
    """What ``undo`` would undo, or ``None``."""
    steps = ws.docs("undo")
    if not steps:
        return None
    return str(steps[max(steps, key=int)]["label"])


def undo(ws: Workspace) -> str:
    """Undo the newest undoable change in one transaction; returns its label."""
    with ws.transaction(None) as tx:
        steps = ws.docs("undo")
        if not steps:
            raise RuleError(_("nothing to undo"))
        key = max(steps, key=int)
        entry = steps[key]
        final = {(c["table"], c["id"]): c["after"] for c in entry["changes"]}  # last one wins
        for (table_name, doc_id), after in final.items():
            if tx.get_doc(table_name, doc_id) != after:
                raise RuleError(_("cannot undo “{label}”: it was changed since").format(label=entry["label"]))
        for change in reversed(entry["changes"]):
            table, doc_id, before = change["table"], change["id"], change["before"]
            if change["after"] is not None:
                tx.remove(table, doc_id)
            if before is not None:
                tx.insert(table, before, doc_id)
        ws.table("undo").remove(doc_ids=[int(key)])
        return str(entry["label"])
