"""The new/edit client form: every field checked as you type, nothing saved by the form.

E-mail addresses, tz database names (with completion from the tz database and the
client's clock as a preview), working hours, amounts in the client's currency, whole
numbers and percentages each say right beside the field what is wrong. ``enter`` or
``ctrl+s`` returns a ``ClientFormResult`` only when every field is valid; the Clients
pane turns it into ``add_client`` / ``edit_client``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, Label, Select, SelectionList

from vatui.domain.amounts import amount_input, parse_amount
from vatui.domain.client_contacts import (
    channels_line,
    check_email,
    check_preferred,
    people_line,
    read_channels,
    read_people,
)
from vatui.domain.client_fields import (
    DEFAULTS,
    MAX_DAYS,
    MAX_NOTE,
    NEW_CLIENT_STATUS,
    check_name,
    clean_tags,
    parse_late_fee,
    parse_retainer_hours,
)
from vatui.domain.clients import CHANNEL_KINDS, STATUSES, VETTING_KEYS, Client, VettingCheck
from vatui.domain.durations import format_duration
from vatui.domain.errors import InputError, VatuiError
from vatui.domain.localtime import all_zones, check_zone, complete_zone, local_time, parse_hours
from vatui.domain.money import check_currency
from vatui.domain.money_display import format_money
from vatui.domain.numbers import NumberFormat, number_format
from vatui.domain.reliability import VETTING_LABELS
from vatui.domain.settings_values import NUMBER_FORMATS
from vatui.domain.text import one_line
from vatui.i18n import _
from vatui.ui.modals.fields_form import FieldsFormModal, Parser
from vatui.ui.modals.form import form_bindings
from vatui.ui.widgets.marked import MarkedCheckbox, MarkedSelectionList

FIELDS = (
    "name",
    "email",
    "channels",
    "people",
    "tz",
    "hours",
    "currency",
    "rate",
    "terms",
    "deposit",
    "retainer_hours",
    "retainer_fee",
    "late_fee",
    "grace",
    "cadence",
    "tags",
    "note",
)
"""The text fields, top to bottom."""


@dataclass(frozen=True, slots=True)
class ClientFormResult:
    """What the form was filled with, checked: ready for ``add_client``/``edit_client``."""

    fields: dict[str, Any]
    """Every client field (``name`` included), as ``normalise`` takes them."""
    note: str = ""
    """A new note to add, if any."""
    note_confidential: bool = False
    """Whether the new note is confidential."""
    opened: dict[str, Any] | None = None
    """The fields as the form was opened with (editing): only what differs is saved."""


def _whole(text: str, low: int, high: int, what: str) -> int | None:
    raw = text.strip().rstrip("%").strip()
    if not raw:
        return None
    if not (raw.isascii() and raw.isdigit()):  # "²" and "٣" are digits to str.isdigit, not to int()
        raise InputError(_("{what}: a whole number, like 14").format(what=what))
    value = int(raw)
    if not low <= value <= high:
        raise InputError(_("{what} must be between {low} and {high}").format(what=what, low=low, high=high))
    return value


class ClientFormModal(FieldsFormModal[ClientFormResult | None]):
    """Create or edit a client. Returns the filled form, or ``None`` on ``escape``."""

    STATUS_ID: ClassVar[str] = "client-status-line"
    PREFIX: ClassVar[str] = "client-"
    FIRST: ClassVar[str] = "name"
    ALSO_CHECK: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "currency": ("rate", "retainer_fee"),
        "hours": ("tz",),
    }
    BINDINGS: ClassVar[list[BindingType]] = form_bindings("client_form")

    DEFAULT_CSS = """
    ClientFormModal #client-form { width: 78; }
    ClientFormModal #client-form-scroll { height: auto; max-height: 18; }
    ClientFormModal .form-label { width: 13; }
    ClientFormModal .form-input { width: 1fr; }
    ClientFormModal .form-short { width: 16; }
    ClientFormModal .form-select { width: 16; }
    ClientFormModal .form-hint.-below { padding-left: 13; }
    ClientFormModal #client-vetting { height: 5; width: 1fr; }
    """

    def __init__(
        self,
        client: Client | None,
        *,
        today: date,
        now: datetime,
        default_currency: str = "USD",
        decimal_comma: bool | NumberFormat = False,
    ) -> None:
        super().__init__()
        self.client = client
        """The client being edited, or ``None`` for a new one."""
        self.today = today
        """Today at home (the date of newly ticked vetting items)."""
        self.now = now
        """Now (UTC), for the clock preview."""
        self.default_currency = client.currency if client else default_currency
        """The currency a new client starts with."""
        self.decimal_comma = decimal_comma
        """Amounts are typed as ``1.234,56``."""
        self._opened: dict[str, Any] | None = None

    # building ------------------------------------------------------------------------

    def _initial(self) -> dict[str, str]:
        c = self.client
        if c is None:
            return {
                "currency": self.default_currency,
                "hours": DEFAULTS.hours,
                "terms": str(DEFAULTS.terms_days),
                "deposit": str(DEFAULTS.deposit_percent),
                "grace": str(DEFAULTS.late_fee_grace_days),
            }
        email = next((ch.handle for ch in c.channels if ch.kind == "email"), "")
        others = [ch for ch in c.channels if not (ch.kind == "email" and ch.handle == email)]
        return {
            "name": c.name,
            "email": email,
            "channels": channels_line(others),
            "people": people_line(c.people),
            "tz": c.timezone or "",
            "hours": f"{c.work_start}-{c.work_end}",
            "currency": c.currency,
            "rate": amount_input(c.hourly_rate, self.decimal_comma) if c.hourly_rate else "",
            "terms": str(c.terms_days),
            "deposit": str(c.deposit_percent),
            "retainer_hours": format_duration(c.retainer_minutes) if c.retainer_minutes else "",
            "retainer_fee": amount_input(c.retainer_fee, self.decimal_comma) if c.retainer_fee else "",
            "late_fee": c.late_fee_percent.replace(".", number_format(self.decimal_comma).decimal)
            if c.late_fee_percent
            else "",
            "grace": str(c.late_fee_grace_days),
            "cadence": str(c.cadence_days or ""),
            "tags": " ".join(c.tags),
        }

    def _rows(self, rows: tuple[tuple[str, str, str], ...], *, short: bool = False) -> ComposeResult:
        """A field a row (name, label, example), filled with what the client has."""
        v = self._initial()
        for name, label, example in rows:
            # "e.g.": a placeholder in a dimmer grey alone looks like a value (NO_COLOR, 16 colours).
            shown = _("e.g. {example}").format(example=example) if example else ""
            yield from self.field_row(
                name,
                label,
                v.get(name, ""),
                shown,
                classes="form-short" if short else "form-input",
                hint_below=not short,
                suggester=SuggestFromList(all_zones(), case_sensitive=False) if name == "tz" else None,
            )

    def compose(self) -> ComposeResult:
        c = self.client
        done = {ch.key for ch in c.vetting} if c else set()
        decimal = number_format(self.decimal_comma).decimal  # examples as this workspace writes
        with Vertical(id="client-form", classes="form-dialog") as form:
            form.border_title = Content(
                _("Edit {name}").format(name=one_line(c.name, 40)) if c else _("New client")
            )
            with VerticalScroll(id="client-form-scroll"):
                yield from self._rows((("name", _("Name"), _("Acme Corp")),))
                with Horizontal(classes="form-row"):
                    statuses = [(_(s), s) for s in STATUSES]
                    yield from self.select(
                        _("Status"), statuses, c.status if c else NEW_CLIENT_STATUS, "client-status"
                    )
                    preferred = c.preferred_channel if c and c.preferred_channel else Select.NULL
                    kinds = [(k, k) for k in CHANNEL_KINDS]
                    yield from self.select(
                        _("Preferred"), kinds, preferred, "client-preferred", prompt=_("none")
                    )
                yield from self._rows(
                    (
                        ("email", _("E-mail"), "ops@example.com"),
                        ("channels", _("Channels"), "whatsapp:+34600000000; slack:#acme"),
                        ("people", _("People"), "Ann Lee|owner|ann@x.com|+1 555"),
                        ("tz", _("Timezone"), "America/New_York"),
                    )
                )
                yield from self._rows(
                    (
                        ("hours", _("Hours"), "09:00-17:30"),
                        ("currency", _("Currency"), "EUR"),
                        ("rate", _("Rate/hour"), f"45{decimal}00"),
                        ("terms", _("Terms days"), "14"),
                        ("deposit", _("Deposit %"), "0"),
                        ("retainer_hours", _("Retainer h"), "20"),
                        ("retainer_fee", _("Retainer fee"), "800"),
                        ("late_fee", _("Late fee %"), f"1{decimal}5"),
                        ("grace", _("Grace days"), "7"),
                        ("cadence", _("Cadence d"), "7"),
                    ),
                    short=True,
                )
                yield from self._rows((("tags", _("Tags"), "vip retainer"),))
                with Horizontal(classes="form-row"):
                    yield Label(_("Vetting"), classes="form-label")
                    yield MarkedSelectionList[str](
                        *[(_(VETTING_LABELS[k]), k, k in done) for k in VETTING_KEYS],
                        id="client-vetting",
                        compact=True,
                    )
                yield from self._rows((("note", _("New note"), _("optional")),))
                with Horizontal(classes="form-row"):
                    yield Label("", classes="form-label")
                    yield MarkedCheckbox(
                        _("confidential (masked, never exported)"), id="client-note-secret", compact=True
                    )
                with Horizontal(classes="form-row"):
                    languages = [(_("yours"), ""), ("English", "en"), ("Español", "es")]
                    yield from self.select(
                        _("Writes in"), languages, c.language if c else "", "client-language"
                    )
                    formats = [(_("yours"), ""), *((f, f) for f in NUMBER_FORMATS)]
                    number_format_ = c.number_format if c else ""
                    yield from self.select(_("Numbers"), formats, number_format_, "client-number-format")
            yield from self.buttons()

    def resting(self) -> str:
        return _("ctrl+s saves · escape cancels")

    def opened(self, values: dict[str, Any]) -> None:
        if (
            self.client is not None
        ):  # what the user does not change is not saved over another session's change
            self._opened = self._fields(values)

    # checking ------------------------------------------------------------------------

    def _value(self, name: str) -> str:
        return self.query_one(f"#client-{name}", Input).value

    def _currency(self) -> str:
        try:
            return check_currency(self._value("currency") or self.default_currency)
        except VatuiError:
            return self.default_currency

    def parsers(self) -> dict[str, Parser]:
        def amount(text: str) -> tuple[Any, str]:
            if not text.strip():
                return None, ""
            money = parse_amount(text, self._currency(), self.decimal_comma)
            if money.currency != self._currency():
                raise InputError(_("the client is billed in {cur}").format(cur=self._currency()))
            return (money if money.minor else None), "→ " + format_money(
                money, number_format(self.decimal_comma)
            )

        def tz(text: str) -> tuple[Any, str]:
            if not text.strip():
                return None, _("no timezone: their clock will not show")
            try:
                zone = check_zone(text)
            except InputError:
                near = complete_zone(text, 3)
                if near:
                    raise InputError(
                        _("not a timezone; did you mean {names}?").format(names=", ".join(near))
                    ) from None
                raise
            start, end = self._hours_or_default()
            return zone, local_time(self.now, zone, start, end).label()

        def hours(text: str) -> tuple[Any, str]:
            return parse_hours(text or DEFAULTS.hours), ""

        def email(text: str) -> tuple[Any, str]:
            return (check_email(text) if text.strip() else None), ""

        def channels(text: str) -> tuple[Any, str]:
            parsed = read_channels(text)
            return parsed, ", ".join(c.kind for c in parsed)

        def people(text: str) -> tuple[Any, str]:
            parsed = read_people(text)
            return parsed, ", ".join(p.name for p in parsed)

        def note(text: str) -> tuple[Any, str]:
            if len(text) > MAX_NOTE:
                raise InputError(_("the note is too long"))
            return text.strip(), ""

        return {
            "name": lambda t: (check_name(t), ""),
            "email": email,
            "channels": channels,
            "people": people,
            "tz": tz,
            "hours": hours,
            "currency": lambda t: (check_currency(t or self.default_currency), ""),
            "rate": amount,
            "retainer_fee": amount,
            "terms": lambda t: (_whole(t, 0, MAX_DAYS, _("terms")), ""),
            "deposit": lambda t: (_whole(t, 0, 100, _("the deposit")), ""),
            "retainer_hours": lambda t: (
                (parse_retainer_hours(t, self.decimal_comma) if t.strip() else None),
                "",
            ),
            "late_fee": lambda t: ((parse_late_fee(t, self.decimal_comma) if t.strip() else None), ""),
            "grace": lambda t: (_whole(t, 0, MAX_DAYS, _("grace days")), ""),
            "cadence": lambda t: (_whole(t, 0, MAX_DAYS, _("cadence")), ""),
            "tags": lambda t: (clean_tags(t.replace(",", " ").split()), ""),
            "note": note,
        }

    def _hours_or_default(self) -> tuple[str, str]:
        try:
            return parse_hours(self._value("hours") or DEFAULTS.hours)
        except VatuiError:
            return DEFAULTS.work_start, DEFAULTS.work_end

    # result --------------------------------------------------------------------------

    def build(self, v: dict[str, Any]) -> ClientFormResult | None:
        """The form as a result; ``None`` when the preferred channel is not one of the channels."""
        fields = self._fields(v)
        try:
            check_preferred(fields["preferred_channel"], fields["channels"])
        except InputError as exc:
            self.errors["channels"] = str(exc)
            return None
        secret = self.query_one("#client-note-secret", Checkbox).value
        return ClientFormResult(fields, note=v["note"] or "", note_confidential=secret, opened=self._opened)

    def _fields(self, v: dict[str, Any]) -> dict[str, Any]:
        """The client fields from the parsed text fields ``v`` and the other widgets."""
        from vatui.domain.clients import Channel

        channels = tuple(v["channels"] or ())
        if v["email"]:
            channels = (Channel(kind="email", handle=v["email"]), *channels)
        preferred = self.query_one("#client-preferred", Select).value
        status = self.query_one("#client-status", Select).value
        ticked = set(self.query_one("#client-vetting", SelectionList).selected)
        had = {ch.key: ch for ch in self.client.vetting} if self.client else {}
        vetting = tuple(
            had.get(k) or VettingCheck(key=k, done_on=self.today) for k in VETTING_KEYS if k in ticked
        )
        start, end = v["hours"] or (None, None)
        return {
            "name": v["name"],
            "status": status if isinstance(status, str) else NEW_CLIENT_STATUS,
            "channels": channels,
            "preferred_channel": preferred if isinstance(preferred, str) else None,
            "people": v["people"] or (),
            "timezone": v["tz"],
            "work_start": start,
            "work_end": end,
            "currency": v["currency"],
            "hourly_rate": v["rate"],
            "retainer_fee": v["retainer_fee"],
            "retainer_minutes": v["retainer_hours"],
            "terms_days": v["terms"] if v["terms"] is not None else DEFAULTS.terms_days,
            "deposit_percent": v["deposit"] or DEFAULTS.deposit_percent,
            "late_fee_percent": v["late_fee"],
            "late_fee_grace_days": v["grace"] if v["grace"] is not None else DEFAULTS.late_fee_grace_days,
            "cadence_days": v["cadence"],
            "tags": v["tags"] or (),
            "vetting": vetting,
            "language": _select_text(self.query_one("#client-language", Select).value),
            "number_format": _select_text(self.query_one("#client-number-format", Select).value),
        }

    def refusal(self, first: str) -> str:
        return _("{field}: {error}").format(field=first, error=self.errors[first])


def _select_text(value: object) -> str:
    """A select's value as text (blank: empty)."""
    return value if isinstance(value, str) else ""
