"""Correcting records in the app: a task's time entries and checklist, a waiting task's
follow-up, a payment (deleted with a reason), a client's contact log and notes.

Each flow shows a ``RecordListModal``; a key closes it with what was asked; the flow asks
for input with a modal (which saves nothing), calls the service through
``app.run_service`` (a refusal is shown, nothing saved), and opens the list again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from vatui.domain.clock import local_date
from vatui.domain.text import one_line
from vatui.i18n import _

if TYPE_CHECKING:
    from vatui.ui.modals.record_list import RecordAction
    from vatui.ui.modals.time_entry_form import TimeEntryEdit
    from vatui.ui.pane import PaneHost


def _today(app: PaneHost) -> Any:
    return app.session.today()


def _title(app: PaneHost, task_id: int) -> str:
    title = app.session.task_title(task_id)
    return one_line(f"#{task_id}" if title is None else title, 40)


# time entries ----------------------------------------------------------------------------


def time_entries(app: PaneHost, task_id: int, selected: str | None = None) -> None:
    """List a task's time entries: ``e`` edits one, ``x`` deletes one (billed time is locked)."""
    from vatui.services.tasks.time_entries import describe, task_time_entries
    from vatui.ui.modals.record_list import RecordListModal

    entries = app.session.run(task_time_entries, task_id)
    zone = ZoneInfo(app.session.settings().home_timezone)
    rows = [(str(e.id), describe(e, zone)) for e in entries]

    def done(got: RecordAction | None) -> None:
        if got is None or got.ref is None:
            return
        entry_id = int(got.ref)
        if got.action == "delete":
            _delete_entry(app, task_id, entry_id)
        elif got.action == "edit":
            _edit_entry(app, task_id, entry_id)

    app.push_screen(
        RecordListModal(
            _("Time on “{title}”").format(title=_title(app, task_id)),
            rows,
            ("edit", "delete"),
            empty=_("No time logged on this task."),
            selected=selected,
        ),
        done,
    )


def _delete_entry(app: PaneHost, task_id: int, entry_id: int) -> None:
    from vatui.services.tasks.time_entries import delete_time_entry, describe
    from vatui.ui.modals.confirm import ConfirmModal

    entry = next((e for e in _entries(app, task_id) if e.id == entry_id), None)
    if entry is None:
        return

    def answered(yes: bool | None) -> None:
        if yes and app.run_service(delete_time_entry, entry_id) is not None:
            app.inform(_("Deleted time entry #{id} (u undoes).").format(id=entry_id))
        time_entries(app, task_id)

    zone = ZoneInfo(app.session.settings().home_timezone)
    app.push_screen(
        ConfirmModal(
            _("Delete time entry {entry}?").format(entry=describe(entry, zone)), yes=_("Delete"), no=_("Keep")
        ),
        answered,
    )


def _entries(app: PaneHost, task_id: int) -> list[Any]:
    from vatui.services.tasks.time_entries import task_time_entries

    return app.session.run(task_time_entries, task_id)


def _edit_entry(app: PaneHost, task_id: int, entry_id: int) -> None:
    from vatui.services.tasks.time_entries import edit_time_entry
    from vatui.ui.modals.time_entry_form import TimeEntryFormModal

    entry = next((e for e in _entries(app, task_id) if e.id == entry_id), None)
    if entry is None:
        return
    if entry.invoice_id is not None:  # the service refuses it too; say so before a form is filled
        from vatui.services.tasks.time_entries import check_editable

        app.run_service(check_editable, entry_id)
        time_entries(app, task_id, str(entry_id))
        return
    zone = ZoneInfo(app.session.settings().home_timezone)
    day = entry.start.astimezone(zone).date()

    def done(got: TimeEntryEdit | None) -> None:
        if got is not None and any(v is not None for v in (got.minutes, got.on, got.note, got.billable)):
            if (
                app.run_service(
                    edit_time_entry,
                    entry_id,
                    minutes=got.minutes,
                    on=got.on,
                    note=got.note,
                    billable=got.billable,
                )
                is not None
            ):
                app.inform(_("Time entry #{id} corrected (u undoes).").format(id=entry_id))
        time_entries(app, task_id, str(entry_id))

    app.push_screen(
        TimeEntryFormModal(entry, day, _today(app), _("Time entry #{id}").format(id=entry_id)), done
    )


# checklist and follow-up -----------------------------------------------------------------


def checklist(app: PaneHost, task_id: int, selected: str | None = None) -> None:
    """A task's checklist: ``space`` ticks, ``n`` adds, ``e`` edits nothing (remove and add), ``x`` removes."""
    from vatui.services.tasks import checklist as svc
    from vatui.ui.modals.record_list import RecordListModal
    from vatui.ui.modals.text_prompt import TextPromptModal

    task = app.session.task(task_id)
    rows = [
        (str(n), f"[{'x' if item.done else ' '}] {one_line(item.text, 66)}")
        for n, item in enumerate(task.checklist, start=1)
    ]

    def added(text: str | None) -> None:
        if text is not None:
            app.run_service(svc.add_checklist_item, task_id, text)
        checklist(app, task_id, str(len(task.checklist) + 1))

    def done(got: RecordAction | None) -> None:
        if got is None:
            return
        if got.action == "add":
            app.push_screen(TextPromptModal(_("Add a checklist line"), check=svc.check_item_text), added)
            return
        number = int(got.ref or 0)
        if got.action == "tick":
            item = task.checklist[number - 1]
            app.run_service(svc.tick_checklist_item, task_id, number, not item.done)
        elif got.action == "delete":
            app.run_service(svc.remove_checklist_item, task_id, number)
            number = max(number - 1, 1)
        checklist(app, task_id, str(number))

    app.push_screen(
        RecordListModal(
            _("Checklist of “{title}”").format(title=_title(app, task_id)),
            rows,
            ("tick", "add", "delete"),
            empty=_("No checklist yet: n adds a line."),
            selected=selected,
        ),
        done,
    )


def follow_up(app: PaneHost, task_id: int) -> None:
    """Ask when to chase the client about a waiting task (an empty answer is not accepted)."""
    from vatui.services.tasks.checklist import set_follow_up
    from vatui.ui.modals.date_prompt import DatePromptModal

    def done(when: Any) -> None:
        if when is not None and app.run_service(set_follow_up, task_id, when) is not None:
            app.inform(
                _("Follow up “{title}” on {day}.").format(title=_title(app, task_id), day=when.isoformat())
            )

    app.push_screen(
        DatePromptModal(
            _("Follow up “{title}” on").format(title=_title(app, task_id)), _today(app), default="+3d"
        ),
        done,
    )


# payments --------------------------------------------------------------------------------


def delete_payment(app: PaneHost, payment_id: int) -> None:
    """Ask why, then delete a payment; a paid invoice's payment asks first (it reopens it)."""
    from vatui.domain.ledger import Payment
    from vatui.services.ledger.payment_corrections import check_reason
    from vatui.ui.modals.confirm import ConfirmModal
    from vatui.ui.modals.text_prompt import TextPromptModal

    payment = app.session.record(Payment, payment_id)
    invoice = app.session.invoice(payment.invoice_id)
    reopen = invoice.status == "paid"

    def reason_given(reason: str | None) -> None:
        if reason is None:
            return
        from vatui.services.ledger.payment_corrections import delete_payment as svc_delete

        done = app.run_service(svc_delete, payment_id, reason, reopen=reopen)
        if done is not None:
            app.inform(
                _("Deleted payment #{id} on {number}: {status}, {due} due (u undoes).").format(
                    id=payment_id, number=invoice.label, status=_(done.invoice.status), due=done.due.format()
                )
            )

    title = _("Delete payment #{id} of {amount} on {number}: why?").format(
        id=payment_id, amount=payment.amount.format(), number=invoice.label
    )
    prompt = TextPromptModal(title, hint=_("The reason is kept on the invoice."), check=check_reason)

    def confirmed(yes: bool | None) -> None:
        if yes:
            app.push_screen(prompt, reason_given)

    if reopen:
        app.push_screen(
            ConfirmModal(
                _(
                    "{number} is paid: its payments are locked. Delete this payment anyway? {number} becomes "
                    "unpaid again."
                ).format(number=invoice.label),
                yes=_("Delete"),
                no=_("Keep"),
            ),
            confirmed,
        )
    else:
        app.push_screen(prompt, reason_given)


# contacts and notes ----------------------------------------------------------------------


def contacts(app: PaneHost, client_id: int, selected: str | None = None) -> None:
    """A client's contact log: ``e`` edits a contact, ``x`` deletes one."""
    from vatui.services.clients.contact_edits import describe_contact
    from vatui.services.clients.contacts import list_contacts
    from vatui.ui.modals.record_list import RecordListModal

    rows = [
        (str(c.id), describe_contact(c, app.session.settings().home_timezone))
        for c in app.session.run(list_contacts, client_id)
    ]

    def done(got: RecordAction | None) -> None:
        if got is None or got.ref is None:
            return
        contact_id = int(got.ref)
        if got.action == "delete":
            from vatui.services.clients.contact_edits import delete_contact

            if app.run_service(delete_contact, contact_id) is not None:
                app.inform(_("Deleted contact #{id} (u undoes).").format(id=contact_id))
            contacts(app, client_id)
        elif got.action == "edit":
            _edit_contact(app, client_id, contact_id)

    name = _client_name(app, client_id)
    app.push_screen(
        RecordListModal(
            _("Contact log — {name}").format(name=name),
            rows,
            ("edit", "delete"),
            empty=_("No contacts logged yet."),
            selected=selected,
        ),
        done,
    )


def _client_name(app: PaneHost, client_id: int) -> str:
    name = app.session.client_name(client_id)
    return one_line(f"#{client_id}" if name is None else name, 40)


def _edit_contact(app: PaneHost, client_id: int, contact_id: int) -> None:
    from vatui.services.clients.contact_edits import edit_contact
    from vatui.ui.modals.contact_edit import ContactEditModal, contact_changes

    contact = app.session.contact(contact_id)
    zone = ZoneInfo(app.session.settings().home_timezone)

    def done(got: Any) -> None:
        if got is not None:
            changes = contact_changes(contact, got, zone)
            if changes and app.run_service(edit_contact, contact_id, **changes) is not None:
                app.inform(_("Contact #{id} corrected (u undoes).").format(id=contact_id))
        contacts(app, client_id, str(contact_id))

    app.push_screen(ContactEditModal(contact, _client_name(app, client_id), _today(app), zone), done)


def notes(app: PaneHost, client_id: int, reveal: bool, selected: str | None = None) -> None:
    """A client's notes: ``e`` edits one, ``x`` deletes one; confidential ones stay masked
    (and cannot be edited) until revealed with ``v``."""
    from vatui.services.clients.notes import check_note_text, delete_note, edit_note, list_notes
    from vatui.ui.modals.record_list import RecordListModal
    from vatui.ui.modals.text_prompt import TextPromptModal

    found = dict(app.session.run(list_notes, client_id))
    rows = []
    for n, note in found.items():
        text = (
            one_line(note.text, 60) if reveal or not note.confidential else _("•••• confidential (v reveals)")
        )
        lock = _("[confidential] ") if note.confidential else ""
        day = local_date(note.created, app.session.settings().home_timezone)
        rows.append((str(n), f"{n}. {day.isoformat()} {lock}{text}"))

    def done(got: RecordAction | None) -> None:
        if got is None or got.ref is None:
            return
        number = int(got.ref)
        note = found[number]
        if got.action == "delete":
            if app.run_service(delete_note, client_id, number, expect=note) is not None:
                app.inform(_("Deleted note {n} (u undoes).").format(n=number))
            notes(app, client_id, reveal)
        elif note.confidential and not reveal:
            app.inform(_("This note is confidential: reveal notes with v first."), error=True)
            notes(app, client_id, reveal, got.ref)
        else:

            def edited(text: str | None) -> None:
                if text is not None and text != note.text:
                    app.run_service(edit_note, client_id, number, text=text, expect=note)
                notes(app, client_id, reveal, str(number))

            app.push_screen(
                TextPromptModal(
                    _("Note {n}").format(n=number), note.text, check=check_note_text, multiline=True
                ),
                edited,
            )

    app.push_screen(
        RecordListModal(
            _("Notes — {name}").format(name=_client_name(app, client_id)),
            rows,
            ("edit", "delete"),
            empty=_("No notes yet."),
            selected=selected,
        ),
        done,
    )
