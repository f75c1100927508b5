"""Workspace settings: the business, the board, capacity and the collection protocol."""

from __future__ import annotations

from dataclasses import dataclass

from vatui.domain.numbers import NumberFormat, workspace_format
from vatui.domain.records import Record
from vatui.i18n import NC_

DEFAULT_COLUMNS = (
    NC_("board column", "Inbox"),
    NC_("board column", "Next"),
    NC_("board column", "Doing"),
    NC_("board column", "Waiting"),
    NC_("board column", "Done"),
)
"""The board's columns of a new workspace; a workspace started in another language gets
them in it (``pgettext("board column", …)`` at the first run). Stored names are data: a
workspace keeps its columns whatever language it is later used in."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ProtocolStep(Record):
    """One step of the collection protocol."""

    offset_days: int
    """Days relative to the due date (negative: before it)."""
    name: str
    """Short name: friendly, polite, firm, final."""
    template: str
    """Text with ``{client}``, ``{number}``, ``{amount_due}``, ``{due_date}``,
    ``{days_overdue}``, ``{business}``, ``{signature}``."""
    pauses_work: bool = False
    """Sending it puts the client on hold."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentDetail(Record):
    """How to pay the VA, for one currency (``*``: any currency without its own)."""

    currency: str
    """An ISO 4217 code, or ``*``."""
    text: str
    """Bank, IBAN, payment link: printed on invoices in that currency."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReminderTemplate(Record):
    """The text of one collection step in one language (replaces the built-in one)."""

    language: str
    """``en`` or ``es``."""
    step: str
    """The protocol step's name (friendly, polite, firm, final)."""
    text: str
    """Text with ``{client}``, ``{contact}``, ``{number}``, ``{amount}``, ``{due}``,
    ``{days_late}``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EmailTemplate(Record):
    """One part of the e-mail drafts in one language (replaces the built-in text)."""

    language: str
    """``en`` or ``es``."""
    part: str
    """``subject`` or ``body`` (of an invoice's e-mail), ``reminder_subject``."""
    text: str
    """Text with the reminder placeholders (``{contact}``, ``{number}``, ``{amount}``…)."""


DEFAULT_PROTOCOL = (
    ProtocolStep(
        offset_days=-3,
        name="friendly",
        template=(
            "Hi {contact},\n\nA friendly note that invoice {number} for {amount_due} is due on "
            "{due_date}. Thank you!\n\n{signature}"
        ),
    ),
    ProtocolStep(
        offset_days=1,
        name="polite",
        template=(
            "Hi {contact},\n\nInvoice {number} for {amount_due} was due on {due_date}. Could you "
            "let me know when to expect payment?\n\nThanks,\n{signature}"
        ),
    ),
    ProtocolStep(
        offset_days=7,
        name="firm",
        template=(
            "Hi {contact},\n\nInvoice {number} for {amount_due} is now {days_overdue} days "
            "overdue. Please arrange payment this week.\n\n{signature}"
        ),
    ),
    ProtocolStep(
        offset_days=14,
        name="final",
        template=(
            "Hi {contact},\n\nInvoice {number} for {amount_due} is {days_overdue} days overdue. "
            "Work is paused until it is paid.\n\n{signature}"
        ),
        pauses_work=True,
    ),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings(Record):
    """Everything the workspace is configured with."""

    business_name: str = "My VA Business"
    """Printed on invoices and reminders."""
    business_details: str = ""
    """Address, tax id, bank details: printed on invoices."""
    home_timezone: str = "UTC"
    """The VA's own zone (tz database name)."""
    default_currency: str = "USD"
    """Currency of new clients and expenses."""
    decimal_comma: bool = False
    """Amounts are typed as ``1.234,56``."""
    weekly_hours: int = 30
    """Hours available for client work in a week."""
    wip_limit: int = 3
    """Most cards in the doing column."""
    rounding_minutes: int = 15
    """Invoiced time is rounded up to this many minutes per task (0: none)."""
    columns: tuple[str, ...] = DEFAULT_COLUMNS
    """Board columns, left to right."""
    doing_column: str = "Doing"
    """The column the WIP limit counts."""
    waiting_column: str = "Waiting"
    """The column of tasks waiting on a client."""
    done_column: str = "Done"
    """The column of completed tasks."""
    protocol: tuple[ProtocolStep, ...] = DEFAULT_PROTOCOL
    """The collection protocol, in order."""
    archive_after_days: int = 90
    """Done tasks older than this move to the archive."""
    auto_archive: bool = True
    """Archive what is old enough whenever the workspace opens (else only ``vatui archive``)."""
    theme: str = "textual-dark"
    """The app's theme."""
    workspace_name: str = "vatui"
    """Shown in the app's header."""
    language: str = ""
    """The language of the app and the CLI: ``en`` or ``es``; empty: from the environment
    (``LANGUAGE``, ``LC_ALL``, ``LANG``), else English."""
    number_format: str = ""
    """How amounts are written and read: ``1,234.56``, ``1.234,56`` or ``1 234,56``; empty:
    ``1.234,56`` when ``decimal_comma``, else ``1,234.56``."""
    date_order: str = ""
    """How a numeric date such as ``3/4`` is read: ``dmy``, ``mdy`` or ``ymd``; empty: only
    dates that read one way are accepted."""
    week_start: str = "monday"
    """The first day of the week (``monday`` or ``sunday``)."""
    business_address: str = ""
    """The business's postal address: printed on invoices."""
    business_email: str = ""
    """The business's e-mail address: printed on invoices."""
    business_tax_id: str = ""
    """Tax id (NIT, RFC, NIF, EIN): printed on invoices."""
    payment_details: tuple[PaymentDetail, ...] = ()
    """How to pay, per currency (``*``: any other)."""
    reminder_templates: tuple[ReminderTemplate, ...] = ()
    """Reminder texts edited per language and step; the built-in text otherwise."""
    email_templates: tuple[EmailTemplate, ...] = ()
    """E-mail subjects and bodies edited per language; the built-in text otherwise."""
    paper_size: str = ""
    """The paper of PDF documents: ``a4`` or ``letter``; empty: from the home timezone
    (``vatui.domain.paper``)."""
    work_days: str = "mon,tue,wed,thu,fri"
    """The working weekdays, comma-separated (``mon`` … ``sun``): the forecast shares
    ``weekly_hours`` over them."""
    forecast_weeks: int = 8
    """How many weeks ``vatui plan`` and the Plan pane look ahead."""
    forecast_correction: bool = True
    """Whether the forecast multiplies estimates by each client's learned correction."""
    holiday_country: str = ""
    """Public holidays of this country (ISO code like ``CO``, ``MX``, ``ES``) come off the
    available hours; empty: none."""
    holiday_region: str = ""
    """The country's subdivision (``MD`` for Madrid) whose holidays count too; empty: national."""

    def __post_init__(self) -> None:
        # A board without columns has nowhere to put a task: a stored empty list (a damaged
        # or hand-edited file) reads as the default columns instead of crashing every reader.
        if not self.columns:
            object.__setattr__(self, "columns", DEFAULT_COLUMNS)

    @property
    def numbers(self) -> NumberFormat:
        """How numbers are typed and shown here: ``number_format``, else ``decimal_comma``."""
        return workspace_format(self.number_format, self.decimal_comma)
