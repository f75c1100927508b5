"""Importing a Trello board export: lists → columns, cards → tasks, all or nothing."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.import_files import DATA, workspace_bytes
from vatui.domain.errors import InputError
from vatui.domain.tasks import ChecklistItem, Task
from vatui.services.clients.manage import add_client
from vatui.services.exchange.import_plan import ImportRefused, summary_lines
from vatui.services.exchange.imports import import_trello
from vatui.store.workspace import Workspace

BOARD = DATA / "trello" / "board.json"
BROKEN = DATA / "trello" / "board-broken.json"


def by_title(ws: Workspace) -> dict[str, Task]:
    return {t.title: t for t in ws.all(Task)}


def test_a_board_imports_as_a_va_expects(ws: Workspace) -> None:
    cafe = add_client(ws, "Café Olé")
    plan = import_trello(ws, BOARD, client="CAFE OLE")
    tasks = by_title(ws)
    assert len(tasks) == 5  # 7 cards, 2 archived
    assert {i.label for i in plan.items if i.action == "skip"} == {
        "Campaña de verano (archivada)",
        "Idea vieja",
    }
    news = tasks["Preparar la newsletter de diciembre ☕"]
    assert news.column == "Inbox" and news.due == date(2026, 12, 4) and news.client_id == cafe.id
    assert news.tags == ("newsletter", "purple")  # a label without a name is its colour
    assert news.checklist == (
        ChecklistItem(text="Borrador", done=True),
        ChecklistItem(text="Revisión con Lucía"),
        ChecklistItem(text="Enviar 🚀"),
    )
    # markup is kept as text; comments follow the description, oldest first
    assert news.notes.startswith(
        "Temas: **Navidad** en el café, horarios nuevos.\n[bold]Revisar[/bold] el enlace "
        "[@click=app.quit]aquí[/]"
    )
    assert news.notes.index("2026-11-19: Primero el asunto") < news.notes.index("2026-11-21: ¿Podemos añadir")
    assert news.source == "trello:6740a1b2c3d4e5f6012345c1"
    assert tasks["Programar posts de Instagram"].checklist == (
        ChecklistItem(text="Semana 1: Lunes", done=True),
        ChecklistItem(text="Semana 2: Lunes"),
    )
    assert tasks["Responder correos de clientes 📧"].column == "Doing"
    assert tasks["Fotos del menú de otoño"].column == "Waiting"  # "Esperando a la clienta"
    # the escape sequence in a card name is neutralised, never stored raw
    invoice = tasks["Factura ␛[31mnoviembre␛[0m enviada"]
    assert invoice.column == "Done" and invoice.completed == datetime(2026, 11, 18, 16, 40, tzinfo=UTC)
    assert all("\x1b" not in t.title + t.notes for t in tasks.values())
    assert ("Hecho ✅", "Done") in plan.mapping and ("Esperando a la clienta", "Waiting") in plan.mapping


def test_reimport_updates_what_changed_and_duplicates_nothing(ws: Workspace, tmp_path: Path) -> None:
    import_trello(ws, BOARD)
    first = by_title(ws)
    board = json.loads(BOARD.read_text(encoding="utf-8"))
    board["cards"][1]["name"] = "Responder correos (urgente)"
    board["cards"][3]["idList"] = board["lists"][1]["id"]  # moved to Doing
    board["cards"].append(
        {**board["cards"][0], "id": "6740a1b2c3d4e5f6012345ca", "name": "Tarjeta nueva", "idChecklists": []}
    )
    changed = tmp_path / "board.json"
    changed.write_text(json.dumps(board), encoding="utf-8")
    plan = import_trello(ws, changed)
    counts = plan.counts()["task"]
    assert counts == {"add": 1, "update": 2, "skip": 5}  # 3 unchanged, 2 archived
    tasks = by_title(ws)
    assert len(tasks) == 6
    assert tasks["Responder correos (urgente)"].id == first["Responder correos de clientes 📧"].id
    assert tasks["Fotos del menú de otoño"].column == "Doing"
    doing = [t.position for t in tasks.values() if t.column == "Doing"]
    assert tasks["Fotos del menú de otoño"].position == max(doing) and len(set(doing)) == len(doing)
    again = import_trello(ws, changed)
    assert again.counts()["task"] == {"add": 0, "update": 0, "skip": 8}
    assert len(ws.all(Task)) == 6


def test_a_broken_board_is_refused_with_its_lines_and_nothing_written(ws: Workspace, data_dir: Path) -> None:
    add_client(ws, "Café Olé")
    before = workspace_bytes(data_dir)
    with pytest.raises(ImportRefused) as refused:
        import_trello(ws, BROKEN, client="Café Olé")
    lines = BROKEN.read_text(encoding="utf-8").splitlines()
    due_card = 1 + lines.index('      "id": "6740a1b2c3d4e5f6012345c2",')
    lost_card = 1 + lines.index('      "id": "6740a1b2c3d4e5f6012345c9",')
    assert refused.value.problems == [
        f"{BROKEN}:{due_card}: the due date 'el viernes' is not a date",
        f"{BROKEN}:{lost_card}: the card's list '6740a1b2c3d4e5f60123ffff' is not on the board",
    ]
    assert workspace_bytes(data_dir) == before


def test_not_a_board_is_refused_with_its_line(ws: Workspace, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "cards": [\n    {"id": 1,,}\n  ]\n}\n', encoding="utf-8")
    with pytest.raises(ImportRefused, match=r"bad\.json:3: not JSON"):
        import_trello(ws, bad)
    other = tmp_path / "other.json"
    other.write_text('{"name": "not a board"}', encoding="utf-8")
    with pytest.raises(ImportRefused, match=r"other\.json:1: not a Trello board export"):
        import_trello(ws, other)


def test_a_one_megabyte_description_is_refused(ws: Workspace, tmp_path: Path) -> None:
    board = json.loads(BOARD.read_text(encoding="utf-8"))
    board["cards"][2]["desc"] = "x" * 1_000_001
    big = tmp_path / "big.json"
    big.write_text(json.dumps(board, indent=1), encoding="utf-8")
    with pytest.raises(ImportRefused, match=r"big\.json:\d+: the description is over 1 MB"):
        import_trello(ws, big)
    assert ws.all(Task) == []


def test_dry_run_writes_nothing_and_shows_what_the_import_does(ws: Workspace, data_dir: Path) -> None:
    add_client(ws, "Café Olé")
    before = workspace_bytes(data_dir)
    dry = import_trello(ws, BOARD, client="Café Olé", dry_run=True)
    assert workspace_bytes(data_dir) == before
    real = import_trello(ws, BOARD, client="Café Olé")
    assert summary_lines(dry) == summary_lines(real)
    assert "  + task “Fotos del menú de otoño” — Waiting (from Esperando a la clienta)" in summary_lines(real)


def test_undo_takes_the_whole_import_back(ws: Workspace) -> None:
    import_trello(ws, BOARD)
    assert len(ws.all(Task)) == 5
    assert ws.undo().startswith("import Trello board ") and ws.undo_label() is None
    assert ws.all(Task) == []


def test_lists_go_where_the_va_says(ws: Workspace) -> None:
    import_trello(ws, BOARD, column_maps=("esperando a la clienta=Next", "Por hacer=Doing"))
    tasks = by_title(ws)
    assert tasks["Fotos del menú de otoño"].column == "Next"
    assert tasks["Preparar la newsletter de diciembre ☕"].column == "Doing"
    with pytest.raises(InputError, match="no column 'Nowhere'"):
        import_trello(ws, BOARD, column_maps=("Doing=Nowhere",))
    with pytest.raises(InputError, match="no client called “Nobody”"):
        import_trello(ws, BOARD, client="Nobody")


def test_unknown_lists_go_to_the_first_column_or_the_star_column(ws: Workspace, tmp_path: Path) -> None:
    board = json.loads(BOARD.read_text(encoding="utf-8"))
    board["lists"][2]["name"] = "Cosas de Ana"
    renamed = tmp_path / "board.json"
    renamed.write_text(json.dumps(board), encoding="utf-8")
    plan = import_trello(ws, renamed, dry_run=True)
    assert ("Cosas de Ana", "Inbox") in plan.mapping
    plan = import_trello(ws, renamed, column_maps=("*=Next",), dry_run=True)
    assert ("Cosas de Ana", "Next") in plan.mapping and ("Doing", "Doing") in plan.mapping


def test_a_recurring_card_updates_its_open_occurrence(ws: Workspace) -> None:
    from vatui.services.tasks.manage import complete_task, edit_task

    import_trello(ws, BOARD)
    first = by_title(ws)["Fotos del menú de otoño"]
    edit_task(ws, first.id or 0, recurrence="monday")
    _done, following = complete_task(ws, first.id or 0)
    assert following is not None and following.source == first.source
    plan = import_trello(ws, BOARD)
    moved = [i for i in plan.items if i.label == "Fotos del menú de otoño"]
    assert [(i.action, i.detail.split(":")[0]) for i in moved] == [("update", f"#{following.id}")]
    assert len(ws.all(Task)) == 6


def test_a_card_twice_in_the_file_is_a_problem(ws: Workspace, tmp_path: Path) -> None:
    board = json.loads(BOARD.read_text(encoding="utf-8"))
    board["cards"].append(dict(board["cards"][0]))
    twice = tmp_path / "twice.json"
    twice.write_text(json.dumps(board), encoding="utf-8")
    with pytest.raises(
        ImportRefused, match=r"twice\.json:1: the card '6740a1b2c3d4e5f6012345c1' is in the file twice"
    ):
        import_trello(ws, twice)
    assert ws.all(Task) == []


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda c: c.update(desc="x" * 10_001), "the notes is too long"),
        (lambda c: c.update(labels=[{"name": "=1+1", "color": "red"}]), "'=1\\+1' is not a tag"),
        (lambda c: c.update(labels=[{"name": "t" * 51, "color": "red"}]), "a tag is too long"),
        (lambda c: c.update(name="T" * 501), "the title is too long"),
    ],
    ids=["notes", "formula-label", "long-label", "title"],
)
def test_every_text_of_a_card_meets_the_rules_of_typed_input(
    ws: Workspace, tmp_path: Path, data_dir: Path, change: Any, words: str
) -> None:
    board = json.loads(BOARD.read_text(encoding="utf-8"))
    change(board["cards"][2])
    big = tmp_path / "big.json"
    big.write_text(json.dumps(board, indent=1), encoding="utf-8")
    before = workspace_bytes(data_dir)
    with pytest.raises(ImportRefused, match=rf"big\.json:\d+: {words}"):
        import_trello(ws, big)
    assert workspace_bytes(data_dir) == before


def test_a_checklist_item_longer_than_a_title_is_refused(ws: Workspace, tmp_path: Path) -> None:
    board = json.loads(BOARD.read_text(encoding="utf-8"))
    checklist = next(c for c in board["checklists"] if c.get("checkItems"))
    checklist["checkItems"][0]["name"] = "c" * 501
    big = tmp_path / "big.json"
    big.write_text(json.dumps(board, indent=1), encoding="utf-8")
    with pytest.raises(ImportRefused, match=r"big\.json:\d+: a checklist item is too long"):
        import_trello(ws, big)


def test_a_due_date_outside_the_business_range_is_refused(ws: Workspace, tmp_path: Path) -> None:
    board = json.loads(BOARD.read_text(encoding="utf-8"))
    board["cards"][2]["due"] = "9999-12-31T12:00:00.000Z"
    far = tmp_path / "far.json"
    far.write_text(json.dumps(board, indent=1), encoding="utf-8")
    with pytest.raises(ImportRefused, match=r"far\.json:\d+: .*out of range: dates go from 1970-01-01"):
        import_trello(ws, far)
