"""The Clients pane, driven with Pilot at 80×24; every test checks the store afterwards."""

from __future__ import annotations

from datetime import UTC, date, datetime

from textual.widgets import Input

from tests.helpers.clients_pane import card_text, open_clients, pane
from tests.helpers.pilot import Ready, screen_text
from vatui.domain.clients import Client, Contact
from vatui.domain.clock import FixedClock
from vatui.domain.money import Money
from vatui.services.clients.contacts import log_contact
from vatui.services.clients.manage import add_client
from vatui.services.tasks.manage import add_task
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.client_form import ClientFormModal
from vatui.ui.modals.contact_form import ContactFormModal
from vatui.ui.modals.text_view import TextViewModal
from vatui.ui.screens.clients import ClientsScreen
from vatui.ui.widgets.client_list import ClientList


async def select(app: VatuiApp, pilot: object, client_id: int) -> None:
    assert pane(app).query_one(ClientList).select_client(client_id)
    await pilot.pause()  # type: ignore[attr-defined]


async def test_grouped_with_counts_text_as_typed_and_the_card(
    app: VatuiApp, book: dict[str, int], ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_clients(pilot, ready)
        text = screen_text(app)
        assert "Leads (1)" in text and "Active (2)" in text
        assert "[bold]Lead[/] Co" in text
        assert "risky" in text
        await select(app, pilot, book["acme"])
        card = card_text(app)
        assert "04:30 there, outside hours" in card
        assert "whatsapp: +15550100 ★ preferred" in card
        assert "Ann Lee · owner · ann@acme.test" in card
        assert "retainer 0h of 20h this month (0 %)" in card
        assert "[ ] contract signed" in card
        assert "Reliability UNPROVEN" in card and "no payment history yet" in card
        assert "Prefers mornings" in card and "Door code" not in card
        await select(app, pilot, book["slow"])
        card = card_text(app)
        assert "Reliability RISKY" in card and "• paid 3 of 3 invoices late" in card
        assert "lifetime revenue $300.00" in card


async def test_v_reveals_and_masks_confidential_notes(
    app: VatuiApp, book: dict[str, int], ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_clients(pilot, ready)
        await select(app, pilot, book["acme"])
        assert "Door code" not in screen_text(app) + card_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert "[confidential] Door code 1234" in card_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert "Door code" not in card_text(app)
        await pilot.press("v")
        await select(app, pilot, book["slow"])
        await select(app, pilot, book["acme"])
        assert "Door code" not in card_text(app)


async def test_new_client_validates_as_you_type(
    app: VatuiApp, book: dict[str, int], ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_clients(pilot, ready)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ClientFormModal)
        await pilot.press(*"Bright Bakery")
        form.query_one("#client-email", Input).value = "not-an-email"
        form.query_one("#client-tz", Input).value = "europe/lond"
        form.query_one("#client-rate", Input).value = "12,5"
        await pilot.pause()
        text = screen_text(app)
        assert "'not-an-email' is not an e-mail address" in text
        assert "did you mean Europe/London" in text
        assert "write 12.50" in form.errors["rate"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ClientFormModal)
        assert len(ws.all(Client)) == 3
        form.query_one("#client-email", Input).value = "hello@bright.test"
        form.query_one("#client-tz", Input).value = "Europe/London"
        form.query_one("#client-rate", Input).value = "40"
        await pilot.pause()
        assert "09:30 there, inside hours" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ClientsScreen)
        bright = next(c for c in ws.all(Client) if c.name == "Bright Bakery")
        assert bright.status == "lead" and bright.timezone == "Europe/London"
        assert bright.hourly_rate == Money(4000, "USD") and bright.email == "hello@bright.test"
        assert pane(app).query_one(ClientList).selected_id == bright.id


async def test_enter_edits_status_and_vetting_with_the_keyboard(
    app: VatuiApp, book: dict[str, int], ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_clients(pilot, ready)
        await select(app, pilot, book["lead"])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ClientFormModal)
        await pilot.press("tab", "enter", "down", "down", "enter")  # status: lead → active
        await pilot.pause()
        app.screen.query_one("#client-vetting").focus()
        await pilot.pause()
        for _ in range(5):
            await pilot.press("space", "down")
        await pilot.press("ctrl+s")
        await pilot.pause()
        lead = ws.get(Client, book["lead"])
        assert lead.status == "active"
        assert [v.key for v in lead.vetting] == [
            "contract",
            "deposit",
            "references",
            "billing_contact",
            "nda",
        ]
        assert all(v.done_on == date(2026, 11, 27) for v in lead.vetting)
        assert "[bold]Lead[/] Co" == lead.name
        assert "Active (3)" in screen_text(app)


async def test_c_logs_a_contact_that_shows_on_today_the_day_it_is_due(
    app: VatuiApp,
    book: dict[str, int],
    ws: Workspace,
    clock: FixedClock,
    ready: Ready,
) -> None:
    async with app.run_test() as pilot:
        await open_clients(pilot, ready)
        await select(app, pilot, book["acme"])
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormModal)
        await pilot.press(*"Call about the launch", "tab")
        await pilot.press(*"2026-12-02")
        await pilot.press("ctrl+s")
        await pilot.pause()
        contacts = ws.all(Contact)
        assert len(contacts) == 1
        assert contacts[0].channel == "whatsapp" and contacts[0].follow_up == date(2026, 12, 2)
        assert "Call about the launch → follow up 02 Dec" in card_text(app)
        clock.moment = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
        await pilot.press("1")
        await pilot.pause()
        app.pane("today").reload()  # type: ignore[attr-defined]
        await pilot.pause()
        text = screen_text(app)
        assert "Follow-ups due (1)" in text and "Call about the launch" in text


async def test_today_c_on_a_follow_up_logs_a_contact_and_clears_it(
    app: VatuiApp,
    book: dict[str, int],
    ws: Workspace,
    ready: Ready,
) -> None:
    due = log_contact(
        ws, book["acme"], channel="slack", summary="Asked for the logo", follow_up=date(2026, 11, 27)
    )
    async with app.run_test() as pilot:
        await ready(pilot)
        from vatui.ui.widgets.triage_list import TriageList

        triage = app.screen.query_one(TriageList)
        for i, option in enumerate(triage.options):
            if getattr(option, "item", None) is not None and option.item.kind == "contact":  # type: ignore[attr-defined]
                triage.highlighted = i
        await pilot.press("c")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ContactFormModal)
        assert modal.channel == "slack"
        await pilot.press(*"Got the logo", "ctrl+s")
        await pilot.pause()
        assert ws.get(Contact, due.id or 0).follow_up_done
        assert "Follow-ups due (0)" in screen_text(app)


async def test_board_c_passes_a_task_id(
    app: VatuiApp, book: dict[str, int], ws: Workspace, ready: Ready
) -> None:
    task = add_task(ws, "Send invoice", client_id=book["slow"])
    async with app.run_test() as pilot:
        await ready(pilot)
        from vatui.ui.flows.clients import contact_about

        contact_about(app, "task", task.id)
        await pilot.pause()
        assert isinstance(app.screen, ContactFormModal)
        assert app.screen.client_name == "Slow Pay"
        await pilot.press("escape")
        await pilot.pause()
        assert ws.all(Contact) == []


async def test_r_drafts_the_report_and_m_logs_it_sent(
    app: VatuiApp, book: dict[str, int], ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_clients(pilot, ready)
        await select(app, pilot, book["acme"])
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TextViewModal)
        assert app.screen.text.startswith("# Weekly status — Acme Corp")
        assert "Door code" not in app.screen.text
        await pilot.press("m")
        await pilot.pause()
        contacts = ws.all(Contact)
        assert [c.summary for c in contacts] == ["Weekly status report sent (week of 23 Nov 2026)"]
        assert contacts[0].channel == "whatsapp"


async def test_x_archives_after_asking_and_u_undoes(
    app: VatuiApp, book: dict[str, int], ws: Workspace, ready: Ready
) -> None:
    async with app.run_test() as pilot:
        await open_clients(pilot, ready)
        await select(app, pilot, book["lead"])
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert not ws.get(Client, book["lead"]).archived
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert ws.get(Client, book["lead"]).archived
        assert "Leads (1)" not in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert not ws.get(Client, book["lead"]).archived
        # D deletes only a client without history
        await select(app, pilot, book["slow"])
        await pilot.press("D")
        await pilot.pause()
        assert "has history" in app.messages[-1]
        assert ws.get(Client, book["slow"]).name == "Slow Pay"


async def test_filter_narrows_and_escape_clears(app: VatuiApp, book: dict[str, int], ready: Ready) -> None:
    async with app.run_test() as pilot:
        await open_clients(pilot, ready)
        await pilot.press("slash", *"slow")
        await pilot.pause()
        listing = pane(app).query_one(ClientList)
        listed = [getattr(o, "client_id", None) for o in listing.options]
        assert [i for i in listed if i is not None] == [book["slow"]]
        assert listing.selected_id == book["slow"]
        await pilot.press("enter")
        await pilot.press("escape")
        await pilot.pause()
        listed = [getattr(o, "client_id", None) for o in listing.options]
        assert len([i for i in listed if i is not None]) == 3


async def test_palette_has_the_clients_commands(app: VatuiApp, book: dict[str, int], ready: Ready) -> None:
    async with app.run_test() as pilot:
        await open_clients(pilot, ready)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"log contact")
        await pilot.pause(0.3)
        assert "Clients: log contact" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormModal)


async def test_edit_and_save_keeps_every_field_and_adds_a_confidential_note(
    app: VatuiApp,
    book: dict[str, int],
    ws: Workspace,
    ready: Ready,
) -> None:
    before = ws.get(Client, book["acme"])
    async with app.run_test() as pilot:
        await open_clients(pilot, ready)
        await select(app, pilot, book["acme"])
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ClientFormModal)
        form.query_one("#client-note", Input).value = "Owner's private number"
        form.query_one("#client-note-secret").toggle()  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ClientsScreen)
    after = ws.get(Client, book["acme"])
    same = (
        "name",
        "status",
        "people",
        "channels",
        "preferred_channel",
        "timezone",
        "work_start",
        "work_end",
        "currency",
        "hourly_rate",
        "retainer_minutes",
        "retainer_fee",
        "terms_days",
        "deposit_percent",
        "late_fee_percent",
        "late_fee_grace_days",
        "vetting",
        "cadence_days",
        "tags",
    )
    assert {k: getattr(after, k) for k in same} == {k: getattr(before, k) for k in same}
    assert [(n.text, n.confidential) for n in after.notes] == [
        ("Prefers mornings", False),
        ("Door code 1234", True),
        ("Owner's private number", True),
    ]


async def test_cadence_line_on_today_opens_the_contact_form(
    app: VatuiApp,
    ws: Workspace,
    clock: FixedClock,
    ready: Ready,
) -> None:
    clock.moment = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    quiet = add_client(ws, "Quiet Co", status="active", cadence_days=7)
    clock.moment = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
    async with app.run_test() as pilot:
        await ready(pilot)
        assert "Past contact cadence (1)" in screen_text(app)
        from vatui.ui.widgets.triage_list import TriageList

        triage = app.screen.query_one(TriageList)
        for i, option in enumerate(triage.options):
            if getattr(option, "item", None) is not None and option.item.ref == quiet.id:  # type: ignore[attr-defined]
                triage.highlighted = i
        assert triage.selected_item is not None and triage.selected_item.kind == "client"
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormModal)
        await pilot.press(*"Checking in", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert [c.summary for c in ws.all(Contact)] == ["Checking in"]
        assert "Past contact cadence (0)" in screen_text(app)


async def test_enter_on_a_today_follow_up_opens_its_client(
    app: VatuiApp, book: dict[str, int], ws: Workspace, ready: Ready
) -> None:
    log_contact(ws, book["slow"], channel="email", summary="Chase the payment", follow_up=date(2026, 11, 27))
    async with app.run_test() as pilot:
        await ready(pilot)
        from vatui.ui.widgets.triage_list import TriageList

        triage = app.screen.query_one(TriageList)
        for i, option in enumerate(triage.options):
            if getattr(option, "item", None) is not None and option.item.kind == "contact":  # type: ignore[attr-defined]
                triage.highlighted = i
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ClientsScreen)
        assert pane(app).query_one(ClientList).selected_id == book["slow"]
        assert "Chase the payment → follow up 27 Nov" in card_text(app)
