"""An invoice or a reminder with its e-mail: save the draft .eml, copy the body or a link.

Besides what ``TextViewModal`` does (``c`` copy the text, ``s`` save it, ``m`` mark sent):
``e`` asks for a path and writes the e-mail draft there (``.eml``, the invoice attached),
``b`` copies the e-mail's body, ``l`` copies a link that opens the message: ``mailto:``, or
``https://wa.me/…`` when the client prefers WhatsApp. vatui sends nothing; the modal saves
nothing in the workspace: the caller hands it the draft and the functions that write it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from textual.binding import Binding, BindingType

from vatui.domain.errors import VatuiError
from vatui.i18n import _
from vatui.ui.modals.text_view import TextViewModal


@dataclass(frozen=True, slots=True)
class MailActions:
    """What the e-mail keys do, given by the caller (which calls the services)."""

    body: str
    """The e-mail's body (``b`` copies it)."""
    default_path: str
    """The path first offered for the draft (``~/INV-2026-0001.eml``)."""
    link: Callable[[], str]
    """The ``mailto:``/``wa.me`` link; raises ``VatuiError`` when it cannot be made."""
    link_kind: str
    """``WhatsApp`` or ``mailto``, for the message."""
    write: Callable[[Path], object]
    """Write the draft to a path; raises ``VatuiError`` when refused (nothing written)."""


class MailTextViewModal(TextViewModal):
    """``TextViewModal`` with the e-mail keys (``e`` save .eml, ``b`` copy body, ``l`` copy link)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "save_eml", _("Save e-mail draft"), id="text_save_eml"),
        Binding("b", "copy_body", _("Copy e-mail body"), id="text_copy_body"),
        Binding("l", "copy_link", _("Copy link"), id="text_copy_link"),
    ]

    def __init__(self, title: str, text: str, mail: MailActions, **options: Any) -> None:
        super().__init__(title, text, **options)
        self.mail = mail
        self._eml_overwrite: Path | None = None

    def on_mount(self) -> None:
        super().on_mount()
        body = self.query_one("#text-dialog")
        body.border_subtitle = (
            _("c copy · s save · m mark sent · e .eml · b body · l link")
            if self.sendable
            else _("c copy · s save · e .eml · b body · l link")
        )

    def action_copy_body(self) -> None:
        """Copy the e-mail's body (OSC 52)."""
        self.app.copy_to_clipboard(self.mail.body)
        self._status(_("E-mail body copied to the clipboard."))

    def action_copy_link(self) -> None:
        """Copy the mailto: (or wa.me) link (OSC 52)."""
        try:
            link = self.mail.link()
        except VatuiError as exc:
            self._status(_("cannot make the link: {reason}").format(reason=exc), error=True)
            return
        self.app.copy_to_clipboard(link)
        self._status(_("{kind} link copied to the clipboard.").format(kind=self.mail.link_kind))

    def action_save_eml(self) -> None:
        """Ask where to write the e-mail draft."""
        from vatui.ui.modals.text_prompt import TextPromptModal

        def chosen(raw: str | None) -> None:
            if raw:
                self._write_eml(Path(raw).expanduser())

        self.app.push_screen(
            TextPromptModal(
                _("Save the e-mail draft to"),
                self.mail.default_path,
                hint=_("A draft .eml: open it in your mail client to send it (vatui sends nothing)."),
                check=_path_given,
            ),
            chosen,
        )

    def _write_eml(self, path: Path) -> None:
        if path.exists() and self._eml_overwrite != path:
            self._eml_overwrite = path
            self._status(
                _("{path} exists: press e and save it again to replace it").format(path=path), error=True
            )
            return
        if not self._written(path, lambda: self.mail.write(path)):
            return
        self.done = "saved" if self.done is None or self.done == "copied" else self.done
        self._status(_("E-mail draft saved to {path}").format(path=path))


def _path_given(text: str) -> str:
    from vatui.domain.errors import InputError

    value = text.strip()
    if not value:
        raise InputError(_("type a file name"))
    return value
