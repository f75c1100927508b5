"""Quick add (``a``): live preview, the error in place, nothing saved until it is valid."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widgets import Static

from tests.helpers.pilot import Ready, Seed, screen_text
from vatui.domain.tasks import Task
from vatui.services.clients.manage import add_client
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.quick_add import QuickAddModal, column_token
from vatui.ui.screens.today import TodayScreen


def preview(app: VatuiApp) -> str:
    """The preview line's text, whole (on screen it may wrap)."""
    content = app.screen.query_one("#quick-add-preview", Static).content
    return content.plain if isinstance(content, Content) else str(content)


def titles(ws: Workspace) -> set[str]:
    return {t.title for t in ws.all(Task)}


async def test_valid_text_previews_then_adds(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, QuickAddModal)
        await pilot.press(*"Draft invoice @acme due:tue !high ~1h30m #billing in:next")
        await pilot.pause()
        text = preview(app)
        assert text.startswith("→ Draft invoice · client Acme Corp")
        assert "client Acme Corp" in screen_text(app)
        assert "due in 4 days (Tue 1 Dec)" in text
        assert "high priority" in text and "estimate 1h30m" in text
        assert "#billing" in text and "in Next" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        [task] = [t for t in ws.all(Task) if t.title == "Draft invoice"]
        assert task.client_id == seeded.acme and task.due == date(2026, 12, 1)
        assert task.priority == "high" and task.estimate_minutes == 90
        assert task.tags == ("billing",) and task.column == "Next"
        assert any("Added “Draft invoice” to Next" in m for m in app.messages)


async def test_due_today_appears_in_today_right_away(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("a", *"Pay the VAT due:today", "enter")
        await pilot.pause()
        assert "Due today (3)" in screen_text(app)
        assert "Pay the VAT" in screen_text(app)


async def test_invalid_text_shows_the_error_and_saves_nothing(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    before = titles(ws)
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("a", *"Renew domain due:03/04")
        await pilot.pause()
        assert "ambiguous" in screen_text(app).lower()
        await pilot.press("enter")  # refused while invalid
        await pilot.pause()
        assert isinstance(app.screen, QuickAddModal)
        assert titles(ws) == before
        await pilot.press("escape", "y")  # discard what was typed
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert titles(ws) == before


async def test_ambiguous_client_names_both_and_saves_nothing(
    app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready
) -> None:
    add_client(ws, "Acme Labs")
    before = titles(ws)
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("a", *"Call about renewal @acme")
        await pilot.pause()
        text = preview(app)
        assert "fits several clients" in text
        assert "Acme Corp" in text and "Acme Labs" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuickAddModal)
        assert titles(ws) == before
        await pilot.press(*" Corp")  # "@acme Corp" is still ambiguous: fix the token instead
        await pilot.press("ctrl+u")
        await pilot.press(*"Call about renewal @acme-c")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        [task] = [t for t in ws.all(Task) if t.title == "Call about renewal"]
        assert task.client_id == seeded.acme


async def test_empty_enter_is_refused(app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready) -> None:
    before = titles(ws)
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("a", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuickAddModal)
        assert "type a title first" in screen_text(app)
        await pilot.press(*"@acme !high", "enter")
        await pilot.pause()
        assert "needs a title" in screen_text(app)
        assert titles(ws) == before


async def test_default_column_from_the_pane(app: VatuiApp, seeded: Seed, ws: Workspace, ready: Ready) -> None:
    async with app.run_test() as pilot:
        await ready(pilot)
        app.screen.quick_add_column = lambda: "Waiting"  # type: ignore[attr-defined]
        await pilot.press("a", *"Wait for the logo files", "enter")
        await pilot.pause()
        [task] = [t for t in ws.all(Task) if t.title == "Wait for the logo files"]
        assert task.column == "Waiting"
        await pilot.press("a", *"Sketch ideas in:inbox", "enter")  # an explicit column wins
        await pilot.pause()
        [task] = [t for t in ws.all(Task) if t.title == "Sketch ideas"]
        assert task.column == "Inbox"


def test_column_token_joins_words() -> None:
    assert column_token("Waiting on client") == "in:Waiting-on-client"
