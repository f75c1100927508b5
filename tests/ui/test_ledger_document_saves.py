"""The Ledger's invoice viewer saves what the file's extension names (issue 10, item 3):
Markdown to .md, HTML to .html, a PDF to .pdf (opened with the system viewer when there is
one, never when there is none), the text otherwise."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from textual.widgets import Input, Static

from tests.helpers.pilot import Ready
from vatui.domain.money import Money
from vatui.services.clients.manage import add_client
from vatui.services.ledger.invoices import ItemSpec, new_invoice, send_invoice
from vatui.store.workspace import Workspace
from vatui.ui.app import VatuiApp
from vatui.ui.modals.text_view import TextViewModal


def _seed(ws: Workspace) -> None:
    c = add_client(ws, "Café <Olé> & Co", currency="EUR")
    inv = new_invoice(
        ws, c.id or 0, items=[ItemSpec("Diseño *web*", "2", Money(4550, "EUR"))], on=date(2026, 11, 1)
    )
    send_invoice(ws, inv.id or 0, date(2026, 11, 1))


async def _open_invoice(pilot: Any, ready: Ready) -> TextViewModal:
    await ready(pilot)
    await pilot.press("4")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    modal = pilot.app.screen
    assert isinstance(modal, TextViewModal)
    return modal


async def _save(pilot: Any, path: Path | None = None) -> str:
    await pilot.press("s")
    await pilot.pause()
    box = pilot.app.screen.query_one("#text-path", Input)
    if path is not None:
        box.value = str(path)
    await pilot.press("enter")
    for _ in range(20):
        await pilot.pause(0.05)
        status = str(pilot.app.screen.query_one("#text-status", Static).render())
        if "Writing" not in status:
            return status
    return status


async def test_md_html_pdf_and_txt_by_extension(
    app: VatuiApp, ws: Workspace, ready: Ready, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed(ws)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    async with app.run_test() as pilot:
        modal = await _open_invoice(pilot, ready)
        assert all(len(line) <= 80 for line in modal.text.splitlines())
        assert "Saved" in await _save(pilot, tmp_path / "inv.md")
        assert "Saved" in await _save(pilot, tmp_path / "inv.html")
        assert "Saved" in await _save(pilot, tmp_path / "inv.txt")
        status = await _save(pilot)  # the default: ~/INV-2026-0001.pdf
        assert "Saved to" in status and "viewer" not in status
    md = (tmp_path / "inv.md").read_text()
    assert md.startswith("# Invoice INV\\-2026\\-0001") and "Diseño \\*web\\*" in md
    html = (tmp_path / "inv.html").read_text()
    assert html.startswith("<!doctype html>") and "Café &lt;Olé&gt; &amp; Co" in html
    assert (tmp_path / "inv.txt").read_text().startswith("My VA Business")
    text = PdfReader(tmp_path / "INV-2026-0001.pdf").pages[0].extract_text()
    assert "Café <Olé> & Co" in text and "€91.00" in text


async def test_a_saved_pdf_opens_in_the_viewer_when_there_is_one(
    app: VatuiApp, ws: Workspace, ready: Ready, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed(ws)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    opened = tmp_path / "opened.txt"
    viewer = bin_dir / "xdg-open"
    viewer.write_text(f'#!/bin/sh\necho "$1" > "{opened}"\n')
    viewer.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("DISPLAY", ":0")
    target = tmp_path / "out" / "inv.pdf"
    target.parent.mkdir()
    async with app.run_test() as pilot:
        await _open_invoice(pilot, ready)
        status = await _save(pilot, target)
        assert "opening it in your PDF viewer" in status
        for _ in range(50):
            if opened.exists():
                break
            await pilot.pause(0.05)
    assert opened.read_text().strip() == str(target)
    assert target.read_bytes().startswith(b"%PDF-")
