"""Readers in other threads (the app's workers) never see a change half-applied.

A transaction changes copies of the tables it touches; a table or document once handed out
never changes; another thread reading while a transaction is open reads the document as it
was before it; ``Workspace.snapshot()`` freezes one moment for a worker.
"""

from __future__ import annotations

import copy
import threading
import time

import pytest
from tinydb import TinyDB
from tinydb.table import Table

from vatui.store.workspace import Workspace

TOTAL = 100


def _accounts(ws: Workspace) -> None:
    with ws.transaction("open accounts") as tx:
        tx.insert("accounts", {"balance": TOTAL})
        tx.insert("accounts", {"balance": 0})


def _transfer(ws: Workspace, pause: float) -> None:
    """Move 1 from account 1 to account 2, with a pause between the two halves, and add then
    drop a scratch document (the table changes size mid-transaction)."""
    with ws.transaction("transfer") as tx:
        a, b = tx.get_doc("accounts", 1), tx.get_doc("accounts", 2)
        assert a is not None and b is not None
        tx.update("accounts", 1, {"balance": a["balance"] - 1})
        scratch = tx.insert("accounts", {"balance": 0})
        time.sleep(pause)
        tx.update("accounts", 2, {"balance": b["balance"] + 1})
        tx.remove("accounts", scratch)


def test_a_reader_thread_never_sees_a_transfer_half_done(ws: Workspace) -> None:
    _accounts(ws)
    seen: list[str] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            try:
                docs = ws.docs("accounts")
                total = sum(int(d["balance"]) for d in docs.values())
                time.sleep(0)  # let the writer run while this reader holds the table
                again = sum(int(d["balance"]) for d in docs.values())
            except RuntimeError as exc:  # "dictionary changed size during iteration"
                seen.append(str(exc))
                continue
            if total != TOTAL or again != TOTAL:
                seen.append(f"{total} then {again}")

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for _ in range(60):
            _transfer(ws, pause=0.002)
    finally:
        stop.set()
        thread.join()
    assert seen == []
    assert [d["balance"] for d in ws.docs("accounts").values()] == [TOTAL - 60, 60]


def test_a_table_handed_out_never_changes(ws: Workspace) -> None:
    _accounts(ws)
    held = ws.docs("accounts")
    held_meta = ws.docs("meta")
    before, before_meta = copy.deepcopy(dict(held)), copy.deepcopy(dict(held_meta))
    _transfer(ws, pause=0)  # updates, an insert and a remove (which raises the id floor)
    assert dict(held) == before
    assert dict(held_meta) == before_meta
    assert ws.docs("accounts")["2"]["balance"] == 1
    assert ws.meta()["id_floor"]["accounts"] == 3


def test_a_snapshot_keeps_its_moment_and_refuses_changes(ws: Workspace) -> None:
    _accounts(ws)
    snap = ws.snapshot()
    _transfer(ws, pause=0)
    assert snap.docs("accounts")["1"]["balance"] == TOTAL
    assert snap.settings() == ws.settings()
    assert ws.docs("accounts")["1"]["balance"] == TOTAL - 1
    with pytest.raises(RuntimeError), snap.transaction("no"):
        pass
    assert ws.docs("accounts")["1"]["balance"] == TOTAL - 1


def test_a_failed_transaction_leaves_the_held_tables_alone(ws: Workspace) -> None:
    _accounts(ws)
    held = ws.docs("accounts")
    with pytest.raises(ZeroDivisionError), ws.transaction("fails") as tx:
        tx.update("accounts", 1, {"balance": 0})
        _ = 1 / 0
    assert held["1"]["balance"] == TOTAL
    assert ws.docs("accounts")["1"]["balance"] == TOTAL


def test_opening_a_workspace_leaves_tinydb_itself_alone(ws: Workspace) -> None:
    assert TinyDB.table_class is Table
    assert type(ws.table("tasks")).__name__ == "VatuiTable"
