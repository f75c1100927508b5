"""Properties of the store against a plain-dict model (hypothesis).

Arbitrary sequences of transactions (inserts, updates, removes; some labelled, some
failing half-way) and undos, run alternately through two sessions of the same workspace,
always leave every session, the file on disk and a freshly opened workspace equal to a
model made of plain dicts. Ids are never reused, even after a delete.
"""

from __future__ import annotations

import copy
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.workspace_file import read_workspace
from vatui.domain.clock import FixedClock
from vatui.domain.errors import InputError, RuleError
from vatui.store.workspace import UNDO_DEPTH, Workspace

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
TABLES = ("tasks", "clients", "time")

text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=12)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=6,
)
documents = st.dictionaries(text, json_values, max_size=4)
op = st.one_of(
    st.tuples(st.just("insert"), st.sampled_from(TABLES), documents),
    st.tuples(st.just("update"), st.sampled_from(TABLES), st.integers(0, 50), documents),
    st.tuples(st.just("remove"), st.sampled_from(TABLES), st.integers(0, 50)),
)
step = st.one_of(
    st.tuples(
        st.just("tx"),
        st.booleans(),  # which session
        st.one_of(st.none(), text),  # undo label
        st.lists(op, max_size=5),
        st.booleans(),  # fail after the operations
    ),
    st.tuples(st.just("undo"), st.booleans()),
)


class Boom(Exception):
    """Raised inside a transaction to abandon it."""


@dataclass
class Model:
    """What the store should hold: tables of documents, id floors, the undo stack."""

    tables: dict[str, dict[int, dict[str, Any]]] = field(default_factory=lambda: {t: {} for t in TABLES})
    floors: dict[str, int] = field(default_factory=dict)
    undo: list[list[tuple[str, int, Any, Any]]] = field(default_factory=list)

    def next_id(self, table: str) -> int:
        return max(max(self.tables[table], default=0), self.floors.get(table, 0)) + 1

    def remove(self, table: str, doc_id: int) -> None:
        del self.tables[table][doc_id]
        self.floors[table] = max(self.floors.get(table, 0), doc_id)


def _pick(model: Model, table: str, index: int) -> int | None:
    ids = sorted(model.tables[table])
    return ids[index % len(ids)] if ids else None


def _run_tx(ws: Workspace, model: Model, label: str | None, ops: list[Any], fail: bool) -> None:
    draft = copy.deepcopy(model)
    changes: list[tuple[str, int, Any, Any]] = []
    try:
        with ws.transaction(label) as tx:
            for kind, table, *args in ops:
                if kind == "insert":
                    expected = draft.next_id(table)
                    assert tx.insert(table, copy.deepcopy(args[0])) == expected
                    draft.tables[table][expected] = copy.deepcopy(args[0])
                    changes.append((table, expected, None, copy.deepcopy(args[0])))
                    continue
                doc_id = _pick(draft, table, args[0])
                if doc_id is None:
                    continue
                before = copy.deepcopy(draft.tables[table][doc_id])
                if kind == "update":
                    tx.update(table, doc_id, copy.deepcopy(args[1]))
                    draft.tables[table][doc_id] = {**before, **copy.deepcopy(args[1])}
                    changes.append((table, doc_id, before, copy.deepcopy(draft.tables[table][doc_id])))
                else:
                    tx.remove(table, doc_id)
                    draft.remove(table, doc_id)
                    changes.append((table, doc_id, before, None))
            if fail:
                raise Boom
    except Boom:
        return
    if label is not None and changes:
        draft.undo = [*draft.undo, changes][-UNDO_DEPTH:]
    model.tables, model.floors, model.undo = draft.tables, draft.floors, draft.undo


def _run_undo(ws: Workspace, model: Model) -> None:
    if not model.undo:
        with pytest.raises(RuleError):
            ws.undo()
        return
    changes = model.undo[-1]
    final = {(t, i): after for t, i, _before, after in changes}
    if any(model.tables[t].get(i) != after for (t, i), after in final.items()):
        with pytest.raises(RuleError):
            ws.undo()
        return
    ws.undo()
    for table, doc_id, before, after in reversed(changes):
        if after is not None:
            model.remove(table, doc_id)
        if before is not None:
            model.tables[table][doc_id] = copy.deepcopy(before)
    model.undo.pop()


def _as_model(docs: Any) -> dict[int, dict[str, Any]]:
    return {int(k): dict(v) for k, v in docs.items()}


def _check(model: Model, *sessions: Workspace) -> None:
    for ws in sessions:
        for table in TABLES:
            assert _as_model(ws.docs(table)) == model.tables[table], table


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(step, max_size=14))
def test_transactions_and_undo_match_a_dict_model(steps: list[Any]) -> None:
    clock = FixedClock(NOW)
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "data"
        sessions = (Workspace.open(directory, clock), Workspace.open(directory, clock))
        model = Model()
        for item in steps:
            if item[0] == "tx":
                _, which, label, ops, fail = item
                _run_tx(sessions[which], model, label, ops, fail)
            else:
                _run_undo(sessions[item[1]], model)
            _check(model, *sessions)
        reopened = Workspace.open(directory, clock)
        _check(model, reopened)
        on_disk = read_workspace(directory)
        for table in TABLES:
            assert _as_model(on_disk.get(table, {})) == model.tables[table]
        assert len(on_disk["undo"]) == len(model.undo)
        for ws in (*sessions, reopened):
            ws.close()


@settings(max_examples=40, deadline=None)
@given(doc=documents)
def test_any_document_reads_back_as_written(doc: dict[str, Any]) -> None:
    clock = FixedClock(NOW)
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "data"
        ws = Workspace.open(directory, clock)
        with ws.transaction("add") as tx:
            doc_id = tx.insert("tasks", copy.deepcopy(doc))
        assert dict(Workspace.open(directory, clock).docs("tasks")[str(doc_id)]) == doc


def test_a_deleted_id_is_never_handed_out_again(ws: Workspace) -> None:
    with ws.transaction("add") as tx:
        first = tx.insert("tasks", {"title": "a"})
        second = tx.insert("tasks", {"title": "b"})
    with ws.transaction("time on b") as tx:
        tx.insert("time", {"task_id": second, "minutes": 30})
    with ws.transaction("delete b") as tx:
        tx.remove("tasks", second)
    with ws.transaction("add") as tx:
        third = tx.insert("tasks", {"title": "c"})
    assert third == second + 1 and first < second
    assert ws.meta()["id_floor"]["tasks"] == second


@pytest.mark.parametrize("value", ["bad \udcff byte", 2**70], ids=["lone-surrogate", "huge-int"])
def test_a_value_json_cannot_hold_is_refused_clearly(ws: Workspace, value: Any) -> None:
    with ws.transaction("add") as tx:
        tx.insert("tasks", {"title": "kept"})
    before = ws.path.read_bytes()
    with pytest.raises(InputError, match="nothing was changed"), ws.transaction("add") as tx:
        tx.insert("tasks", {"title": "also lost"})
        tx.insert("tasks", {"title": value})
    assert ws.path.read_bytes() == before
    assert [d["title"] for d in ws.docs("tasks").values()] == ["kept"]
