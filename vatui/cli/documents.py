"""Writing a document (an invoice, a status report) from the command line.

The format is the one asked for with ``--format``, else the one ``-o FILE``'s extension
names, else the command's default. Text goes to stdout when no file is named; a PDF too,
but only into a pipe or a file: to a terminal it is refused (it is binary). A file is
written whole or not at all (``documents.save``). Warnings (characters no font has) go
to stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vatui.cli.context import CliContext, say, show
from vatui.domain.errors import InputError
from vatui.i18n import _
from vatui.services.documents.files import Document, format_of, save


def document_format(fmt: str | None, output: Path | None, default: str = "txt") -> str:
    """The format to write: ``--format``, else ``-o``'s extension, else ``default``."""
    if fmt:
        return fmt
    return (format_of(output) if output is not None else None) or default


def refuse_pdf_to_terminal(fmt: str, output: Path | None) -> None:
    """A PDF is bytes, not text: never onto a terminal (``InputError``, nothing made)."""
    if fmt == "pdf" and output is None and sys.stdout.isatty():
        raise InputError(_("a PDF is not text: name a file with -o FILE.pdf (or pipe it: … | lpr)"))


def write_document(obj: CliContext, doc: Document, output: Path | None) -> None:
    """Write ``doc`` to ``output`` (else stdout) and report warnings on stderr."""
    refuse_pdf_to_terminal(doc.fmt, output)
    for warning in doc.warnings:
        click.echo(_("vatui: warning: {warning}").format(warning=warning), err=True)
    if output is None:
        sys.stdout.buffer.write(doc.payload)
        sys.stdout.flush()
        return
    save(output, doc, obj.directory)
    say(_("Wrote {path}").format(path=show(str(output))))
