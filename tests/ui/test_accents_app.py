"""Accents and case never hide a match in the app: the Board's ``/`` and ``f``, the pickers' order."""

from __future__ import annotations

from textual.widgets import OptionList

from tests.helpers.board import add_client, open_board
from vatui.services.tasks import manage as task_service
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.board_client_picker import BoardClientPickerModal


def spanish_board(ws: Workspace) -> None:
    angel = add_client(ws, "Ángel Ruiz")
    zeta = add_client(ws, "Zeta Café")
    andres = add_client(ws, "Andrés")
    task_service.add_task(ws, "Revisar el menú", client_id=zeta)
    task_service.add_task(ws, "Llamar a Ángel", client_id=angel)
    task_service.add_task(ws, "Factura de noviembre", client_id=andres)
    task_service.add_task(ws, "Publicar la carta", client_id=zeta)


def shown(board: object) -> set[str]:
    return {t.title for c in board.columns for t in c.tasks}  # type: ignore[attr-defined]


async def test_slash_menu_finds_menú_and_cafe_finds_café(app: VatuiApp, ws: Workspace) -> None:
    spanish_board(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("slash", *"MENU")
        await pilot.pause()
        assert shown(board) == {"Revisar el menú"}
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("slash", *"cafe")  # the client's name, folded too
        await pilot.pause()
        assert shown(board) == {"Revisar el menú", "Publicar la carta"}


async def test_f_angel_finds_ángel_and_the_list_sorts_ángel_with_the_as(app: VatuiApp, ws: Workspace) -> None:
    spanish_board(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("f")
        assert isinstance(app.screen, BoardClientPickerModal)
        listing = app.screen.query_one(OptionList)
        names = [
            str(listing.get_option_at_index(i).prompt).split("  (")[0] for i in range(listing.option_count)
        ]
        assert names == ["Andrés", "Ángel Ruiz", "Zeta Café"]
        await pilot.press(*"angel", "enter")
        await pilot.pause()
        assert shown(board) == {"Llamar a Ángel"}


async def test_the_palette_ignores_accents_in_what_is_typed(app: VatuiApp, ws: Workspace) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await app.when_ready()
        await pilot.pause()
        await pilot.press("ctrl+p", *"Ápp: gó tó Lédger")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.current_mode == "ledger"


async def test_quick_add_in_spanish_reads_the_date_order_and_saves(app: VatuiApp, ws: Workspace) -> None:
    from textual.content import Content
    from textual.widgets import Static

    from vatui.domain.tasks import Task
    from vatui.services.clients.manage import add_client as add_client_service

    add_client_service(ws, "Ángel Ruiz")
    with ws.transaction(None) as tx:
        tx.save(tx.settings().with_(date_order="dmy"))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.when_ready()
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Enviar menú @angel vence:3/4 !alta cada:mes")
        await pilot.pause()
        content = app.screen.query_one("#quick-add-preview", Static).content
        text = content.plain if isinstance(content, Content) else str(content)
        assert "client Ángel Ruiz" in text
        assert "due Sat 3 Apr 2027" in text
        assert "high priority" in text and "every month" in text
        await pilot.press("enter")
        await pilot.pause()
    [task] = [t for t in ws.all(Task) if t.title == "Enviar menú"]
    assert task.due is not None and task.due.isoformat() == "2027-04-03"
    assert task.priority == "high" and task.recurrence == "monthly"
