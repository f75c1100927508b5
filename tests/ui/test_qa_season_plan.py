"""The Plan's legend fits 80 columns in Spanish, and its questions read as sentences: moving a task due within the week later names
both days plainly ("from Thu 3 Dec to Thu 17 Dec", never "from in 6 days (Thu 3 Dec)")."""

from __future__ import annotations

from tests.helpers.pilot import Ready, screen_text, settle
from tests.helpers.plan_seed import seed_plan
from vatui.services.settings.theme import set_setting
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.confirm import ConfirmModal
from vatui.ui.screens.plan import PlanScreen
from vatui.ui.widgets.plan_detail import PlanDetail


async def _move_the_mailing_list_two_weeks_on(app: VatuiApp, pilot: object, ready: Ready) -> str:
    await ready(pilot)  # type: ignore[arg-type]
    await pilot.press("5")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    heading = screen_text(app).splitlines()[1].rstrip()
    assert heading.endswith(("retainer", "iguala")), heading  # the legend fits 80 columns
    await pilot.press("j", "enter")  # type: ignore[attr-defined]  # the week of 30 Nov
    await settle(pilot)  # type: ignore[arg-type]
    screen = app.screen
    assert isinstance(screen, PlanScreen)
    for _ in range(8):
        item = screen.query_one(PlanDetail).selected_item
        if item is not None and item.title == "Migrate the mailing list":  # due Thu 3 Dec
            break
        await pilot.press("j")  # type: ignore[attr-defined]
    await pilot.press("m")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    await pilot.press("j", "j", "enter")  # type: ignore[attr-defined]  # the week of 14 Dec
    await settle(pilot)  # type: ignore[arg-type]
    confirm = app.screen
    assert isinstance(confirm, ConfirmModal)
    return confirm.question


async def test_moving_later_names_both_days_plainly(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    seed_plan(ws)
    async with app.run_test() as pilot:
        text = await _move_the_mailing_list_two_weeks_on(app, pilot, ready)
        assert "from Thu 3 Dec to Thu 17 Dec" in text and "in 6 days" not in text


async def test_in_spanish_too_with_the_house_quotes(app: VatuiApp, ws: Workspace, ready: Ready) -> None:
    seed_plan(ws)
    set_setting(ws, "language", "es")
    async with app.run_test() as pilot:
        text = await _move_the_mailing_list_two_weeks_on(app, pilot, ready)
        assert "del jue 3 dic al jue 17 dic" in text and "en 6 días" not in text
        assert "“Migrate the mailing list”" in text and "«" not in text
