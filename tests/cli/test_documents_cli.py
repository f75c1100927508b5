"""``vatui invoice show`` and ``vatui status-report`` writing documents: the format from
``--format`` or the file's extension, a PDF refused onto a terminal, a file written whole
or not at all, one clear line and exit 1 for a path that cannot be written."""

from __future__ import annotations

import io
import os
import pty
import subprocess
from pathlib import Path

from pypdf import PdfReader

from tests.helpers.cli_run import VATUI, one_line_error, run_vatui


def _seed(data: Path) -> None:
    for args in (
        ("settings", "set", "business_name", "Ana Gómez VA"),
        ("client", "add", "Compañía Ñandú", "--currency", "EUR", "--rate", "50"),
        ("invoice", "new", "compañía", "--item", "Diseño de logo", "2", "45.50"),
        ("invoice", "send", "#1"),  # numbered at send: INV-2026-0001
    ):
        result = run_vatui(data, *args)
        assert result.returncode == 0, (args, result.stderr)


def test_pdf_to_a_file_by_extension_and_to_a_pipe(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _seed(data)
    out = tmp_path / "INV-2026-0001.pdf"
    result = run_vatui(data, "invoice", "show", "INV-2026-0001", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Wrote" in result.stdout and result.stderr == ""
    text = PdfReader(out).pages[0].extract_text()
    assert "Compañía Ñandú" in text and "Diseño de logo" in text and "€91.00" in text
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    piped = subprocess.run(
        [VATUI, "invoice", "show", "INV-2026-0001", "--format", "pdf"],
        env={**os.environ, "VATUI_DATA_DIR": str(data)},
        capture_output=True,
        check=True,
    )
    assert piped.stdout.startswith(b"%PDF-")
    assert "Ana Gómez VA" in PdfReader(io.BytesIO(piped.stdout)).pages[0].extract_text()
    md = tmp_path / "inv.md"
    assert run_vatui(data, "invoice", "show", "INV-2026-0001", "-o", str(md)).returncode == 0
    assert md.read_text().startswith("# Invoice INV\\-2026\\-0001")
    html = tmp_path / "inv.html"
    assert run_vatui(data, "invoice", "show", "INV-2026-0001", "-o", str(html)).returncode == 0
    assert html.read_text().startswith("<!doctype html>")


def test_pdf_onto_a_terminal_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _seed(data)
    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [VATUI, "invoice", "show", "INV-2026-0001", "--format", "pdf"],
            env={**os.environ, "VATUI_DATA_DIR": str(data)},
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
        os.set_blocking(leader, False)
        try:
            shown = os.read(leader, 65536)
        except BlockingIOError:
            shown = b""
    finally:
        os.close(leader)
        os.close(follower)
    assert result.returncode == 1
    assert "a PDF is not text" in result.stderr and "-o FILE.pdf" in result.stderr
    assert b"%PDF" not in shown


def test_unwritable_path_is_one_line_and_nothing_is_left(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _seed(data)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = run_vatui(data, "invoice", "show", "INV-2026-0001", "-o", str(locked / "x.pdf"))
        if os.geteuid() != 0:  # root writes anywhere: the missing folder below covers it
            assert "could not write" in one_line_error(result)
            assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)
    result = run_vatui(data, "invoice", "show", "INV-2026-0001", "-o", str(tmp_path / "nope" / "x.pdf"))
    assert "could not write" in one_line_error(result)
    assert not (tmp_path / "nope").exists()
    link = tmp_path / "link.pdf"
    link.symlink_to(tmp_path / "elsewhere.pdf")
    refused = run_vatui(data, "invoice", "show", "INV-2026-0001", "-o", str(link))
    assert "symbolic link" in one_line_error(refused)
    assert not (tmp_path / "elsewhere.pdf").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_status_report_as_pdf_and_missing_glyph_warning(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for args in (("client", "add", "田中デザイン", "--currency", "JPY"),):
        assert run_vatui(data, *args).returncode == 0
    out = tmp_path / "status.pdf"
    env_dir = tmp_path / "no-fonts"
    env_dir.mkdir()
    result = subprocess.run(
        [VATUI, "status-report", "田中", "-o", str(out)],
        env={**os.environ, "VATUI_DATA_DIR": str(data), "VATUI_FONT_PATH": str(env_dir)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("vatui: warning: no font here has these characters")
    assert "'田' U+7530" in result.stderr and "VATUI_FONT_PATH" in result.stderr
    text = PdfReader(out).pages[0].extract_text()
    assert "Weekly status" in text and "\ufffd" in text
