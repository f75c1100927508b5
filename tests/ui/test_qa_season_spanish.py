"""What a new VA in Bogotá met walking the season routine in Spanish at 80×24: words left in
English on the client card and the card form, and numbers written with a decimal point in a
workspace that writes ``1.234,56``."""

from __future__ import annotations

from datetime import UTC, date, datetime

from textual.app import App

from tests.helpers.clients_pane import open_clients, pane
from tests.helpers.pilot import Ready
from vatui.domain.tasks import Task
from vatui.i18n import set_language
from vatui.services.clients.contacts import log_contact
from vatui.services.clients.manage import add_client
from vatui.services.settings.theme import set_setting
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.task_form import TaskFormModal
from vatui.ui.widgets.client_card import ClientCard
from vatui.ui.widgets.client_list import ClientList


async def test_the_client_card_in_spanish_names_the_badge_and_the_direction_in_spanish(
    app: VatuiApp, ws: Workspace, ready: Ready
) -> None:
    set_setting(ws, "language", "es")
    client = add_client(ws, "Ángel Café SAS", status="active")
    log_contact(ws, client.id or 0, channel="email", summary="Propuesta enviada", direction="out")
    log_contact(ws, client.id or 0, channel="whatsapp", summary="Pidió otra cita", direction="in")
    async with app.run_test() as pilot:
        await open_clients(pilot, ready)
        screen = pane(app)
        assert screen.query_one(ClientList).select_client(client.id or 0)
        await pilot.pause()
        card = screen.query_one(ClientCard).text()
        assert "Fiabilidad SIN DATOS" in card and "UNPROVEN" not in card
        lines = card.splitlines()
        sent = next(line for line in lines if "Propuesta enviada" in line)
        got = next(line for line in lines if "Pidió otra cita" in line)
        assert "email saliente Propuesta" in sent
        assert "whatsapp entrante Pidió" in got


class _FormHost(App[None]):
    def __init__(self, form: TaskFormModal) -> None:
        super().__init__()
        self.form = form

    def on_mount(self) -> None:
        self.push_screen(self.form)


async def test_the_card_form_in_spanish_shows_the_priority_and_the_repeat_hint_in_spanish() -> None:
    set_language("es")
    moment = datetime(2026, 12, 1, 14, tzinfo=UTC)
    task = Task(
        title="Llamar a Ángel", priority="high", due=date(2026, 12, 4), created=moment, updated=moment
    )
    host = _FormHost(TaskFormModal(task, [], ("Inbox", "Next"), date(2026, 12, 1), "Inbox"))
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = "\n".join(strip.text for strip in host.screen._compositor.render_strips())
        assert "Prioridad alta" in text and "high" not in text
        assert "weekly" not in text and "semanal" in text
