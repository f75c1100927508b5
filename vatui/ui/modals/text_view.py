"""Show drafted text (a reminder, a status report): copy it, save it, mark it sent.

``c`` copies through OSC 52 (works over SSH in most terminals), ``s`` asks for a path
(``~/vatui-<slug>.md`` by default, or the caller's ``save_name``) and writes there, ``m``
closes with "sent" so the caller can log it, ``escape`` closes. The modal saves nothing in
the workspace: it returns what the user did and the caller acts on it.

The opener hands in a ``TextSaver`` that writes the file (the modal reaches no service).
For a document (an invoice, a status report) the file's extension chooses what is written
(``.md`` Markdown, ``.html`` HTML, ``.pdf`` a PDF, anything else the text shown). A saved
PDF is opened in the system's viewer when there is one, and a notification says where it
was saved.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal, Protocol

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from vatui.domain.errors import VatuiError
from vatui.i18n import _
from vatui.ui import render
from vatui.ui.widgets.safe_input import SafeInput

TextViewResult = Literal["copied", "saved", "sent"] | None
"""What the user did: ``"sent"`` (marked sent), else the last of copied/saved, else ``None``."""


def slug(title: str) -> str:
    """A file-name-safe slug of ``title`` (``"Reminder INV-2026-0003"`` → ``reminder-inv-2026-0003``)."""
    words = re.sub(r"[^\w]+", "-", title.casefold(), flags=re.ASCII).strip("-")
    return words[:60] or "text"


@dataclass(frozen=True, slots=True)
class Saved:
    """What saving did besides writing the file."""

    warnings: tuple[str, ...] = ()
    """What the user should know about the file (a PDF's missing characters)."""
    opened: bool = False
    """Whether the file was opened in the system's viewer (a PDF)."""


class TextSaver(Protocol):
    """Writes what a text view shows, where the user says; given by the opener."""

    @property
    def documents(self) -> bool:
        """Whether the file's extension chooses a document's format (else the text is written)."""
        ...

    def check(self, path: Path) -> None:
        """Raise ``VatuiError`` for a destination refused before asking to replace it."""
        ...

    def slow(self, path: Path) -> bool:
        """Whether writing ``path`` takes a moment (a PDF): the modal says so first."""
        ...

    def save(self, path: Path, text: str) -> Saved:
        """Write ``text`` (or the document) to ``path``; raise ``VatuiError``/``OSError`` when
        nothing was written."""
        ...


class TextViewModal(ModalScreen[TextViewResult]):
    """Drafted text, shown as typed; returns ``"copied"``, ``"saved"``, ``"sent"`` or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "copy", _("Copy"), id="text_copy"),
        Binding("s", "save", _("Save to file"), id="text_save"),
        Binding("m", "sent", _("Mark sent"), id="text_sent"),
        Binding("escape", "close", _("Close"), id="text_close"),
    ]

    def __init__(
        self,
        title: str,
        text: str,
        *,
        saver: TextSaver,
        sendable: bool = True,
        save_name: str | None = None,
        reflow: Callable[[int], str] | None = None,
    ) -> None:
        super().__init__(classes="vatui-modal")
        self.view_title = title
        self.text = text
        self.sendable = sendable
        """Whether ``m`` (mark sent) means anything here: not for a preview or a report."""
        self.saver = saver
        """Writes the text, or the document in the format a saved file's extension names."""
        self.save_name = save_name
        """The path first offered by ``s``."""
        self.reflow = reflow
        """The text laid out for a width (an invoice narrower than its 80 columns, to fit)."""
        self._shown_width = 0
        self.done: TextViewResult = None
        self._overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="text-dialog", classes="modal-body") as body:
            body.border_title = render.text(self.view_title)
            body.border_subtitle = (
                _("c copy · s save · m mark sent · esc close")
                if self.sendable
                else _("c copy · s save · esc close")
            )
            with VerticalScroll(id="text-scroll"):
                yield Static(render.block(self.text), id="text-body")
            yield SafeInput(id="text-path", classes="-hidden")
            yield Static(id="text-status", classes="preview")

    def on_mount(self) -> None:
        self.query_one("#text-scroll").focus()
        if self.reflow is not None:
            self.call_after_refresh(self._fit)

    def on_resize(self) -> None:
        if self.reflow is not None:
            self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Lay the text out for the room the viewer has (the saved document keeps its width)."""
        if self.reflow is None:
            return
        width = self.query_one("#text-scroll").scrollable_content_region.width
        if width < 20 or width == self._shown_width:
            return
        self._shown_width = width
        self.query_one("#text-body", Static).update(render.block(self.reflow(min(width, 80))))
        self.call_after_refresh(self._fit)  # a scrollbar may have come or gone

    def _status(self, message: str, *, error: bool = False) -> None:
        status = self.query_one("#text-status", Static)
        status.update(render.text(message))
        status.set_class(error, "-error")

    def action_copy(self) -> None:
        """Copy the text to the clipboard (OSC 52)."""
        self.app.copy_to_clipboard(self.text)
        self.done = "copied" if self.done != "saved" else self.done
        self._status(_("Copied to the clipboard (your terminal must allow OSC 52)."))

    def action_save(self) -> None:
        """Ask where to save the text."""
        path_input = self.query_one("#text-path", Input)
        path_input.value = self.save_name or f"~/vatui-{slug(self.view_title)}.md"
        path_input.remove_class("-hidden")
        path_input.focus()
        self._overwrite = None
        if self.saver.documents:
            self._status(_("Save to which file? .pdf, .html, .md or .txt; enter saves, esc cancels"))
        else:
            self._status(_("Save to which file? enter saves, esc cancels"))

    @on(Input.Submitted, "#text-path")
    def _save_to(self, event: Input.Submitted) -> None:
        raw = event.value.strip()
        if not raw:
            self._status(_("type a file name"), error=True)
            return
        path = Path(raw).expanduser()
        try:  # a link, a folder or vatui's own file is refused before asking to replace it
            self.saver.check(path)
        except VatuiError as exc:
            self._status(_("cannot save: {reason}").format(reason=exc), error=True)
            return
        if path.exists() and self._overwrite != path:
            self._overwrite = path
            self._status(_("{path} exists: enter again to replace it").format(path=path), error=True)
            return
        if self.saver.slow(path):  # a second or so: say so before the screen stands still
            self._status(_("Writing the PDF…"))
            self.call_after_refresh(self._write, path)
            return
        self._write(path)

    def _written(self, path: Path, write: Callable[[], object]) -> bool:
        """Call ``write``; when it fails (a refused destination, a full disk: nothing was
        written), say why in place and return False."""
        try:
            write()
        except VatuiError as exc:
            self._status(_("cannot save: {reason}").format(reason=exc), error=True)
            return False
        except OSError as exc:
            self._status(
                _("cannot save to {path}: {reason}").format(path=path, reason=exc.strerror or exc), error=True
            )
            return False
        return True

    def _write(self, path: Path) -> None:
        """Write the text, or the document; say what happened."""
        outcome: list[Saved] = []
        if not self._written(path, lambda: outcome.append(self.saver.save(path, self.text))):
            return
        saved = outcome[0]
        self.done = "saved"
        path_input = self.query_one("#text-path", Input)
        path_input.add_class("-hidden")
        self.query_one("#text-scroll").focus()
        said = _("Saved to {path}").format(path=path)
        if saved.opened:
            said = _("Saved to {path}; opening it in your PDF viewer").format(path=path)
        self._status(" ".join((said, *saved.warnings)), error=bool(saved.warnings))
        self.app.notify(said, markup=False)
        for warning in saved.warnings:
            self.app.notify(warning, severity="warning", markup=False, timeout=12)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``m`` only where the text can be sent (not an import's preview)."""
        return self.sendable or action != "sent"

    def action_sent(self) -> None:
        """Close, telling the caller the text was sent."""
        if self.sendable:
            self.dismiss("sent")

    def action_close(self) -> None:
        """Close (or leave the path prompt)."""
        path_input = self.query_one("#text-path", Input)
        if not path_input.has_class("-hidden"):
            path_input.add_class("-hidden")
            self.query_one("#text-scroll").focus()
            self._status("")
            return
        self.dismiss(self.done)
