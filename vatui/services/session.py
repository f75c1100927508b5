"""The one door to the store: a ``Session`` owns the open workspace for the app or a command.

The UI and the CLI hold a ``Session`` and never the ``Workspace``: they read through its
named queries (``settings()``, ``task(id)``, ``today()`` …) and change things by running a
service use case on it, ``session.run(tasks.complete, task_id)``: the use case gets the
workspace as its first argument, and the call is typed from the use case's own signature.
A worker thread reads a ``snapshot()``: a session frozen at one moment.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from vatui.domain.clock import Clock
from vatui.domain.errors import VatuiError
from vatui.domain.ledger import Invoice
from vatui.domain.records import Record
from vatui.domain.settings import Settings
from vatui.domain.tasks import Task
from vatui.services import queries
from vatui.store.errors import DiskWriteError, RefusedWorkspace
from vatui.store.lock import hold_every_lock_for_exit
from vatui.store.workspace import Workspace

if TYPE_CHECKING:
    from vatui.domain.clients import Client, Contact  # imported when asked for: not every command needs them

P = ParamSpec("P")
T = TypeVar("T")
R = TypeVar("R", bound=Record)

__all__ = ["Session", "UseCase", "Workspace", "hold_every_lock_for_exit", "open_workspace"]

UseCase = Callable[Concatenate[Workspace, P], T]
"""A service function whose first argument is the workspace it works on."""


def open_workspace(
    directory: Path, clock: Clock | None = None, *, backup: bool = False, lenient_settings: bool = False
) -> Workspace:
    """Open the workspace and do what is due once per open, for the app and the CLI alike.

    ``lenient_settings`` (the app): a bad hand-edited setting is read as its default, to be
    named and fixed, instead of refusing every command. ``backup`` (the app at start) backs the file up first when it changed since the last
    backup. Then the recurring expenses that fell due are created, the drafts of recurring
    invoices whose periods came (exactly once, ``services.ledger.recurring``; their notices in
    ``ws.notices``), and done tasks older
    than the archive age and paid invoices of closed years move to ``archive/YYYY.json``
    (a cheap scan decides; the move itself happens once, the first time it is due) unless
    the ``auto_archive`` setting is off. A housekeeping that found nothing to do or say is stamped
    (``services.kept_housekeeping``): the next open of the same data on the same day at
    home skips it. In a folder that cannot be written (read-only)
    or on a full disk, the housekeeping is left for later and the workspace is still
    opened for reading.
    """
    from vatui.services import kept_housekeeping
    from vatui.services.common import home_today

    before = kept_housekeeping.fingerprint(directory)  # before anything is read
    ws = Workspace.open(directory, clock, backup=backup)
    ws.lenient_settings = lenient_settings
    if not ws.writable():  # a read-only folder: reads still work, the housekeeping waits
        return ws
    try:
        today = home_today(ws)
        if kept_housekeeping.is_done(directory, before, today):
            return ws  # stamped: not even the housekeeping's modules are imported
        notices = _housekeep(ws, today)
    except DiskWriteError:  # a full disk: the command itself says so if it writes
        return ws
    if not notices:  # a draft refused is said at every open until it is fixed
        kept_housekeeping.keep(directory, before, today)  # only if nothing was written meanwhile
    return ws


def _housekeep(ws: Workspace, today: date) -> list[str]:
    """``open_workspace``'s housekeeping for ``today``; the notices it has for the VA. Each
    step asks its cheap question first and imports what does the work only when there is
    some (an open with nothing due imports none of the expense, recurring invoice and
    archive-hold services)."""
    from vatui.services.ledger.expenses_due import due_expense_count
    from vatui.services.queries import recurring_invoice_docs
    from vatui.store.archive import has_archivable

    if due_expense_count(ws, today):
        from vatui.services.ledger.expenses import create_due_expenses

        create_due_expenses(ws, today)
    notices: list[str] = []
    if recurring_invoice_docs(ws):
        from vatui.services.ledger.recurring import create_due_invoices

        notices = create_due_invoices(ws, today).notices
        ws.notices.extend(notices)
    if ws.settings().auto_archive and has_archivable(ws, today):
        from vatui.services.exchange.archive_hold import import_on_top
        from vatui.store.archive import archive_old

        if not import_on_top(ws):
            archive_old(ws, today)  # waits while an import is the newest undo step (archive_hold)
    return notices


def housekeeping_due(ws: Workspace, first: date, last: date) -> date | None:
    """The first day from ``first`` to ``last`` on which ``open_workspace``'s housekeeping
    has something to do (``None``: none): each rule's own "first due" query. A kept Today
    summary (``services.today.kept``) is served only before that day."""
    from vatui.services.ledger.expenses_due import first_expense_due
    from vatui.services.queries import recurring_invoice_docs
    from vatui.store.archive import first_archivable

    days = [first_expense_due(ws, first, last)]
    if recurring_invoice_docs(ws):
        from vatui.services.ledger.recurring import first_invoice_due

        days.append(first_invoice_due(ws, first, last))
    if ws.settings().auto_archive:
        days.append(first_archivable(ws, first, last))
    found = [d for d in days if d is not None]
    return min(found) if found else None


class Session:
    """An open workspace seen through services: named reads, and use cases run on it."""

    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace

    # opening and closing ----------------------------------------------------------

    @classmethod
    def open(
        cls,
        directory: Path,
        clock: Clock | None = None,
        *,
        backup: bool = False,
        lenient_settings: bool = False,
        keep_last_good: bool = False,
    ) -> Session:
        """Open the workspace in ``directory`` with the once-per-open housekeeping
        (``open_workspace``). ``keep_last_good`` (the app): reads survive a file damaged
        while open, and ``refusal`` says why writes are refused."""
        ws = open_workspace(directory, clock, backup=backup, lenient_settings=lenient_settings)
        ws.keep_last_good = keep_last_good
        return cls(ws)

    @classmethod
    def open_bare(cls, directory: Path, clock: Clock | None = None) -> Session:
        """Open without the housekeeping (which reads the settings): a bad hand-edited
        setting can then be seen and fixed (``vatui settings``)."""
        return cls(Workspace.open(directory, clock))

    @staticmethod
    def exists(directory: Path) -> bool:
        """Whether a workspace file exists in ``directory``."""
        return Workspace.exists(directory)

    def close(self, *, compact: bool = False) -> None:
        """Release the workspace file; with ``compact`` (the app as it ends), first fold the
        journal of changes into ``workspace.json``, so that the file holds everything while
        vatui is closed (a hand edit, a copy). Nothing is lost when that cannot be done now:
        the journal stays, and the next session reads it."""
        if compact:
            try:
                self._compact_keeping_summary()
            except (VatuiError, OSError):
                pass
        self._ws.close()

    def _compact_keeping_summary(self) -> None:
        """Fold the journal in; the kept Today summary follows the folded files (same data)."""
        from vatui.services.today import kept_file

        with self._ws.locked():  # no other writer between the two fingerprints
            before = kept_file.fingerprint(self._ws.directory)
            if self._ws.compact():
                kept_file.rekey(self._ws.directory, before, kept_file.fingerprint(self._ws.directory))

    def hold_for_exit(self, timeout: float) -> bool:
        """Before the process ends at once: let a change in progress finish (``timeout``
        seconds at most) and start no new one; whether none was left."""
        return self._ws.hold_for_exit(timeout)

    def snapshot(self) -> Session:
        """A read-only session frozen at this moment, for a worker thread: whatever is
        changed meanwhile, it reads every table as it was; running a change raises."""
        return Session(self._ws.snapshot())

    def unchanged_since(self, snapshot: Session) -> bool:
        """Whether this session still reads exactly what ``snapshot`` (one of its
        ``snapshot()``s) froze: no table changed since, here or in another session (one stat
        tells; a change gives its table a new mapping, a reload from disk gives every table
        one). What a pane read ahead from the snapshot is then still true."""
        now = self._ws._document()
        then = snapshot._ws._document()
        return now.keys() == then.keys() and all(now[name] is then[name] for name in now)

    def with_archive(self) -> Session:
        """A read-only session in which archived records read as if they were live (showing
        an archived invoice); it has no changes to run."""
        from vatui.services.archived import with_archive

        return Session(with_archive(self._ws))

    # what the session is ----------------------------------------------------------

    @property
    def directory(self) -> Path:
        """The data folder."""
        return self._ws.directory

    @property
    def clock(self) -> Clock:
        """The clock every date and time is read from."""
        return self._ws.clock

    @property
    def notices(self) -> list[str]:
        """One-line notices from the housekeeping done at open, to show once."""
        return self._ws.notices

    @property
    def refusal(self) -> RefusedWorkspace | None:
        """Why the file is refused now (damaged or newer while open), if it is."""
        return self._ws.refusal

    @property
    def read_only(self) -> bool:
        """Whether changes are refused now (the file was damaged or replaced while open)."""
        return self._ws.refusal is not None

    def writable(self) -> bool:
        """Whether the data folder can be written."""
        return self._ws.writable()

    def refresh(self) -> bool:
        """Reload if another session changed the file; whether it did (``RefusedWorkspace``
        for a damaged or newer file, unless opened with ``keep_last_good``)."""
        return self._ws.refresh()

    def changed_on_disk(self) -> bool:
        """Cheap check (one stat) whether another session wrote the file."""
        return self._ws.changed_on_disk()

    # named reads ------------------------------------------------------------------

    def settings(self) -> Settings:
        """The workspace settings."""
        return self._ws.settings()

    def settings_problems(self) -> list[str]:
        """One line per bad hand-edited setting, by name."""
        return self._ws.settings_problems()

    def today(self) -> date:
        """Today's date at home (the ``home_timezone`` setting)."""
        return queries.home_today(self._ws)

    def now(self) -> datetime:
        """This moment, from the session's clock."""
        return self._ws.clock.now()

    def record(self, kind: type[R], record_id: int) -> R:
        """One live record of ``kind`` (``NotFoundError`` when there is none): a payment,
        an expense, a time entry, a period of time off, a recurring invoice …"""
        return self._ws.get(kind, record_id)

    def records(self, kind: type[R]) -> list[R]:
        """Every live record of ``kind``."""
        return self._ws.all(kind)

    def client(self, client_id: int) -> Client:
        """One client."""
        from vatui.domain.clients import Client

        return self._ws.get(Client, client_id)

    def contact(self, contact_id: int) -> Contact:
        """One contact."""
        from vatui.domain.clients import Contact

        return self._ws.get(Contact, contact_id)

    def task(self, task_id: int) -> Task:
        """One task."""
        return self._ws.get(Task, task_id)

    def invoice(self, invoice_id: int) -> Invoice:
        """One invoice."""
        return self._ws.get(Invoice, invoice_id)

    def task_title(self, task_id: int) -> str | None:
        """A live task's title, without reading the task whole (``None``: no such task)."""
        return queries.task_title(self._ws, task_id)

    def client_name(self, client_id: int) -> str | None:
        """A client's name, archived clients included (``None``: no such client)."""
        return queries.client_name(self._ws, client_id)

    def client_names(self) -> dict[int, str]:
        """Every client's name by id, archived ones included."""
        return queries.client_names(self._ws)

    def is_empty(self) -> bool:
        """Whether the workspace holds neither a task nor a client yet."""
        return queries.is_empty(self._ws)

    def undo_label(self) -> str | None:
        """What ``undo`` would undo, or ``None``."""
        return self._ws.undo_label()

    # changes ----------------------------------------------------------------------

    def run(self, use_case: UseCase[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a service use case on the workspace: ``run(fn, a, b=1)`` is ``fn(ws, a, b=1)``.

        Reads go through it too when a service computes them (``run(build_plan, weeks=3)``).
        """
        return use_case(self._ws, *args, **kwargs)

    def undo(self) -> str:
        """Undo the newest undoable change; its label (``RuleError`` when there is none)."""
        return self._ws.undo()
