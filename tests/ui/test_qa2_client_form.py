"""QA round 2: a stored channel handle or person field holding ``;`` or ``|`` (the form's
separators) shows escaped in the client form, and the form saves; the CLI's rule is the same."""

from __future__ import annotations

from textual.widgets import Input

from tests.helpers.clients_pane import open_client_form
from tests.helpers.pilot import Ready
from vatui.domain.changes import ClientChanges
from vatui.domain.clients import Channel, Client, Person
from vatui.services.clients.manage import add_client, change_client, read_channels
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.screens.clients import ClientsScreen

HANDLE = "Office line; ask for Ana"


async def test_a_handle_with_a_semicolon_shows_escaped_and_the_form_saves(
    app: VatuiApp,
    ws: Workspace,
    ready: Ready,
) -> None:
    client = add_client(ws, "Brightpath", terms_days=14)
    change_client(
        ws,
        client.id or 0,
        ClientChanges(
            channels_added=(Channel(kind="other", handle=HANDLE),),
            people_added=(Person(name="Ana | Bo", role="ops; admin", phone="C:\\x"),),
        ),
    )
    async with app.run_test() as pilot:
        form = await open_client_form(app, pilot, ready, client.id or 0)
        assert form.query_one("#client-channels", Input).value == "other:Office line\\; ask for Ana"
        assert form.query_one("#client-people", Input).value == "Ana \\| Bo|ops\\; admin||C:\\\\x"
        form.query_one("#client-terms", Input).value = "30"
        form.query_one("#client-channels", Input).value += "; whatsapp:+34 600"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ClientsScreen)
    saved = ws.get(Client, client.id or 0)
    assert saved.terms_days == 30
    assert [(c.kind, c.handle) for c in saved.channels] == [("other", HANDLE), ("whatsapp", "+34 600")]
    assert [(p.name, p.role, p.phone) for p in saved.people] == [("Ana | Bo", "ops; admin", "C:\\x")]


def test_the_cli_handle_and_the_form_line_agree() -> None:
    from vatui.services.clients.manage import channels_line, parse_channel, people_line, read_people

    typed = parse_channel(f"other:{HANDLE}")  # what `client edit --channel` stores
    assert typed.handle == HANDLE
    assert read_channels(channels_line([typed])) == (typed,)
    person = Person(name="A|B", role="x;y", email="", phone="")
    assert read_people(people_line([person])) == (person,)
