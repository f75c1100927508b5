"""The Settings screen: every setting, checked as you type by the rule ``vatui settings set`` uses.

Keyboard only: tab and shift+tab move between fields, ctrl+s saves the fields that changed
(and only them), escape leaves without saving. A bad value is named under its field and
nothing is saved until it is fixed. The list scrolls, so it fits 80×24.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static, TextArea

from vatui.domain import settings_rules as rules
from vatui.domain.errors import VatuiError
from vatui.domain.settings import Settings
from vatui.i18n import _
from vatui.ui import render
from vatui.ui.widgets.safe_input import SafeInput
from vatui.ui.widgets.safe_text_area import SafeTextArea

if TYPE_CHECKING:
    from vatui.services.settings.edit import SettingsView

MULTILINE = ("business_address", "business_details")
"""Keys edited in a text area (besides payment details and reminders)."""


def label_of(key: str) -> str:
    """The setting's name for people."""
    labels = {
        "business_name": _("Your name or business"),
        "business_address": _("Address"),
        "business_email": _("E-mail"),
        "business_tax_id": _("Tax id"),
        "business_details": _("Other details on invoices"),
        "home_timezone": _("Your timezone"),
        "default_currency": _("Currency"),
        "language": _("Language"),
        "number_format": _("Number format"),
        "date_order": _("Date order"),
        "week_start": _("Week starts on"),
        "paper_size": _("Paper for PDF documents"),
        "weekly_hours": _("Hours a week"),
        "wip_limit": _("Most tasks in Doing"),
        "time_rounding": _("Round time up to (minutes)"),
        "columns": _("Board columns"),
        "archive_after_days": _("Archive done tasks after (days)"),
        "auto_archive": _("Archive when vatui opens"),
        "workspace_name": _("Workspace name"),
        "theme": _("Theme"),
        "work_days": _("Working days"),
        "forecast_weeks": _("Weeks the plan looks ahead"),
        "forecast_correction": _("Correct estimates from your log"),
        "holiday_country": _("Public holidays of (country)"),
        "holiday_region": _("Public holidays of (region)"),
    }
    if key in labels:
        return labels[key]
    parts = key.split(".")
    if parts[0] == "payment_details":
        return _("How to pay, {currency}").format(currency=_("any currency") if parts[1] == "*" else parts[1])
    if parts[0] == "protocol":
        return _("Reminder {step}: days after the due date").format(step=parts[1])
    if parts[0] == "email_subject":
        return _("E-mail subject of an invoice, {language}").format(language=parts[1])
    if parts[0] == "email_body":
        return _("E-mail text of an invoice, {language}").format(language=parts[1])
    if parts[0] == "email_reminder_subject":
        return _("E-mail subject of a reminder, {language}").format(language=parts[1])
    return _("Reminder {step} in {language}").format(step=parts[2], language=parts[1])


def editable_keys(view: SettingsView) -> list[str]:
    """The keys shown: every setting, plus payment details for the default currency and any."""
    keys = [row.key for row in view.rows]
    for extra in (f"payment_details.{view.settings.default_currency}", "payment_details.*"):
        if extra not in keys:
            keys.insert(keys.index("home_timezone"), extra)
    return keys


class SettingsScreen(Screen[None]):
    """Edit the settings; saves only what changed."""

    DEFAULT_CSS = """
    SettingsScreen #settings-list { height: 1fr; padding: 0 1; }
    SettingsScreen .setting-label { margin-top: 1; }
    SettingsScreen .setting-allowed { color: $text-muted; }
    SettingsScreen .setting-error { color: $text-error; height: auto; display: none; }
    SettingsScreen .setting-error.-shown { display: block; }
    SettingsScreen #settings-problems { color: $text-error; height: auto; }
    SettingsScreen Input { width: 1fr; }
    SettingsScreen TextArea { height: 4; background: $boost; }
    SettingsScreen Input { background: $boost; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", _("Save"), id="settings_save", priority=True),
        Binding("escape", "close", _("Close"), id="settings_close"),
    ]

    def __init__(self, view: SettingsView) -> None:
        super().__init__(id="settings")
        self.view = view
        self.keys = editable_keys(view)
        self.original = {key: rules.value_of(view.settings, key) for key in self.keys}
        self.shown = {**self.original, **view.bad}
        """What each field starts with: a bad hand-edited value is shown as stored, to be fixed."""
        for key in view.bad:
            self.original[key] = "\0"  # never equal to what is typed: saved once it is good
        self.errors: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Static(
            render.label(_("Settings — ctrl+s saves what changed · esc closes"), "bold"), id="settings-title"
        )
        with VerticalScroll(id="settings-list"):
            if self.view.problems:
                yield Static(render.block("\n".join(self.view.problems)), id="settings-problems")
            for index, key in enumerate(self.keys):
                yield Static(
                    render.label(label_of(key), "bold") + render.text(f"  {key}"), classes="setting-label"
                )
                yield Static(render.text(rules.describe(key)), classes="setting-allowed")
                value = self.shown[key]
                if key in MULTILINE or key.startswith(("payment_details.", "reminder.", "email_body.")):
                    yield SafeTextArea(
                        value, id=f"setting-{index}", soft_wrap=True, tab_behavior="focus", compact=True
                    )
                else:
                    yield SafeInput(value, id=f"setting-{index}", compact=True)
                yield Static("", id=f"setting-error-{index}", classes="setting-error")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        bad = [i for i, key in enumerate(self.keys) if key in self.view.bad and not self._check(i)]
        self.query_one(f"#setting-{bad[0] if bad else 0}").focus()

    def _value(self, index: int) -> str:
        widget = self.query_one(f"#setting-{index}")
        return (
            widget.text if isinstance(widget, TextArea) else widget.value if isinstance(widget, Input) else ""
        )

    def _index(self, widget_id: str | None) -> int | None:
        if widget_id is None or not widget_id.startswith("setting-"):
            return None
        return int(widget_id.removeprefix("setting-"))

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _changed(self, event: Input.Changed | TextArea.Changed) -> None:
        widget = event.input if isinstance(event, Input.Changed) else event.text_area
        index = self._index(widget.id)
        if index is not None:
            self._check(index)

    def _check(self, index: int) -> bool:
        key = self.keys[index]
        error = self.query_one(f"#setting-error-{index}", Static)
        try:
            rules.apply(self.view.settings, key, self._value(index))
        except VatuiError as exc:
            self.errors[key] = str(exc)
            error.update(render.text(str(exc)))
            error.add_class("-shown")
            return False
        self.errors.pop(key, None)
        error.update("")
        error.remove_class("-shown")
        return True

    def changes(self) -> dict[str, str]:
        """The keys whose text differs from what was shown."""
        return {
            key: self._value(i) for i, key in enumerate(self.keys) if self._value(i) != self.original[key]
        }

    def action_save(self) -> None:
        """Save what changed (ctrl+s); nothing is saved while a field is refused."""
        from vatui.services.settings.edit import set_settings

        changed = self.changes()
        bad = [i for i, key in enumerate(self.keys) if key in changed and not self._check(i)]
        if bad:
            self.query_one(f"#setting-{bad[0]}").focus()
            self.app.bell()
            return
        if not changed:
            self.dismiss(None)
            return
        app = self.app
        saved: Settings | None = app.run_service(set_settings, changed)  # type: ignore[attr-defined]
        if saved is None:
            return
        app.inform(_("Settings saved: {keys}").format(keys=", ".join(changed)))  # type: ignore[attr-defined]
        from vatui.domain.money_display import set_display

        set_display(saved.numbers, saved.default_currency)  # money shown as the workspace now writes it
        if "language" in changed:
            app.inform(_("The language changes the next time vatui starts"))  # type: ignore[attr-defined]
        self.dismiss(None)

    def action_close(self) -> None:
        """Leave without saving (escape)."""
        self.dismiss(None)
