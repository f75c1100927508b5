"""Show drafted text (a reminder, a status report): copy it, save it, mark it sent.

``c`` copies through OSC 52 (works over SSH in most terminals), ``s`` asks for a path
(``~/vatui-<slug>.md`` by default, or the caller's ``save_name``) and writes there, ``m``
closes with "sent" so the caller can log it, ``escape`` closes. The modal saves nothing in
the workspace: it returns what the user did and the caller acts on it.

A document (an invoice, a status report) comes with ``documents``: the file's extension
then chooses what is written (``.md`` Markdown, ``.html`` HTML, ``.pdf`` a PDF, anything
else the text shown). A saved PDF is opened in the system's viewer when there is one, and
a notification says where it was saved.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from vatui.domain.errors import VatuiError
from vatui.i18n import _
from vatui.services.documents.files import format_of
from vatui.services.output import check_destination
from vatui.ui import render
from vatui.ui.widgets.safe_input import SafeInput

if TYPE_CHECKING:
    from vatui.services.documents.files import DocumentMaker

TextViewResult = Literal["copied", "saved", "sent"] | None
"""What the user did: ``"sent"`` (marked sent), else the last of copied/saved, else ``None``."""


def slug(title: str) -> str:
    """A file-name-safe slug of ``title`` (``"Reminder INV-2026-0003"`` → ``reminder-inv-2026-0003``)."""
    words = re.sub(r"[^\w]+", "-", title.casefold(), flags=re.ASCII).strip("-")
    return words[:60] or "text"


def write_text(path: Path, text: str, data_dir: Path | None = None) -> None:
    """Write ``text`` to ``path`` with vatui's one safe writer (0600, atomic, no links).

    Refuses a link, a folder, and vatui's own files in ``data_dir`` (``InputError``).
    """
    from vatui.services.output import write_private

    payload = text if text.endswith("\n") else text + "\n"
    write_private(path, payload.encode("utf-8"), data_dir)


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
        sendable: bool = True,
        documents: DocumentMaker | None = None,
        save_name: str | None = None,
        reflow: Callable[[int], str] | None = None,
    ) -> None:
        super().__init__(classes="vatui-modal")
        self.view_title = title
        self.text = text
        self.sendable = sendable
        """Whether ``m`` (mark sent) means anything here: not for a preview or a report."""
        self.documents = documents
        """Makes the document in the format a saved file's extension names (else the text)."""
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
        if self.documents is not None:
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
        ws = getattr(self.app, "_session", None)  # the open Session (PaneApp), for its data folder
        data_dir = getattr(ws, "directory", None)
        try:  # a link, a folder or vatui's own file is refused before asking to replace it
            check_destination(path, data_dir)
        except VatuiError as exc:
            self._status(_("cannot save: {reason}").format(reason=exc), error=True)
            return
        if path.exists() and self._overwrite != path:
            self._overwrite = path
            self._status(_("{path} exists: enter again to replace it").format(path=path), error=True)
            return
        fmt = format_of(path) if self.documents is not None else None
        if fmt == "pdf":  # a second or so: say so before the screen stands still
            self._status(_("Writing the PDF…"))
            self.call_after_refresh(self._write, path, fmt, data_dir)
            return
        self._write(path, fmt, data_dir)

    def _write(self, path: Path, fmt: str | None, data_dir: Path | None) -> None:
        """Write the text, or the document in ``fmt``; say what happened."""
        warnings: tuple[str, ...] = ()
        try:
            if fmt is None or self.documents is None:
                write_text(path, self.text, data_dir)
            else:
                from vatui.services.documents.files import save

                doc = self.documents(fmt)
                save(path, doc, data_dir)
                warnings = doc.warnings
        except VatuiError as exc:  # a refused destination, a full disk: nothing was written
            self._status(_("cannot save: {reason}").format(reason=exc), error=True)
            return
        except OSError as exc:
            self._status(
                _("cannot save to {path}: {reason}").format(path=path, reason=exc.strerror or exc), error=True
            )
            return
        self.done = "saved"
        path_input = self.query_one("#text-path", Input)
        path_input.add_class("-hidden")
        self.query_one("#text-scroll").focus()
        saved = _("Saved to {path}").format(path=path)
        if fmt == "pdf":
            from vatui.services.documents.viewer import open_in_viewer

            if open_in_viewer(path):
                saved = _("Saved to {path}; opening it in your PDF viewer").format(path=path)
        self._status(" ".join((saved, *warnings)), error=bool(warnings))
        self.app.notify(saved, markup=False)
        for warning in warnings:
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
