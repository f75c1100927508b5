"""Stored text never reaches the terminal raw from the command line: every listing, every
document and every error message shows escape sequences visibly; new text carrying them
is refused with one line and exit 1, nothing saved."""

from __future__ import annotations

import subprocess
from pathlib import Path

import click
import pytest

from tests.helpers.cli_inprocess import Vatui, make_vatui
from tests.helpers.clock import NOW
from tests.helpers.hostile import ACTIVE, seed
from tests.helpers.terminal import VATUI
from vatui.cli.main import _safe_message
from vatui.domain.clock import FixedClock

SHOWN = "␛]52;c;SEFDS0VE␇"  # how the OSC 52 sequence looks once neutralised


@pytest.fixture
def vatui(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, clock: FixedClock, data_dir: Path
) -> Vatui:
    seed(data_dir, NOW.date())
    return make_vatui(capsys, monkeypatch, clock)


READS = [
    ("today",),
    ("task", "list"),
    ("task", "show", "1"),
    ("client", "list"),
    ("client", "show", "acme"),
    ("client", "show", "acme", "--confidential"),
    ("contact", "list"),
    ("status-report", "acme"),
    ("invoice", "list"),
    ("invoice", "show", "INV-2026-0901"),
    ("invoice", "show", "INV-2026-0901", "--format", "md"),
    ("invoice", "show", "INV-2026-0901", "--format", "html"),
    ("remind", "INV-2026-0901"),
    ("expense", "list"),
    ("time", "list", "--from", "2026-11-01"),
    ("report", "pnl"),
    ("report", "clients"),
    ("report", "aging"),
    ("export", "hledger"),
]


@pytest.mark.parametrize("args", READS, ids=" ".join)
def test_stored_escapes_are_shown_never_obeyed(vatui: Vatui, args: tuple[str, ...]) -> None:
    result = vatui(*args)
    assert result.code == 0, result.err
    assert not ACTIVE.search(result.out.replace("\t", "")), result.out
    assert not ACTIVE.search(result.err), result.err


def test_the_listings_show_the_escape_visibly(vatui: Vatui) -> None:
    for args in (("task", "list"), ("client", "show", "acme"), ("contact", "list")):
        assert SHOWN in vatui(*args).out


def test_an_error_listing_two_matching_clients_shows_names_cleaned(vatui: Vatui) -> None:
    assert vatui("client", "add", "Acme Two").code == 0
    for args in (
        ("add", "Call them @acme"),
        ("client", "show", "acme"),
        ("invoice", "new", "acme"),
        ("contact", "log", "acme", "--channel", "email", "--summary", "hi"),
    ):
        result = vatui(*args)
        assert result.code == 1, args
        assert "several clients" in result.err and "␛]52" in result.err, result.err
        assert not ACTIVE.search(result.err), result.err
        assert result.err.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [
        ("add", "Title \x1b]2;PWNED\x07"),
        ("client", "add", "Evil\x1b[2J"),
        ("client", "edit", "acme", "--note", "n\x1b]52;c;SEFDS0VE\x07"),
        ("client", "edit", "acme", "--tag", "t\x07"),
        ("client", "edit", "acme", "--person", "Bo\x9b2J"),
        ("client", "edit", "acme", "--channel", "slack:#x\x1b]0;t\x07"),
        ("contact", "log", "acme", "--channel", "email", "--summary", "hi\x1b[2J"),
        ("task", "edit", "1", "--title", "T\x7f"),
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_new_text_with_control_characters_is_refused(
    vatui: Vatui, data_dir: Path, args: tuple[str, ...]
) -> None:
    before = (data_dir / "workspace.json").read_bytes()
    result = vatui(*args)
    assert result.code == 1, (result.out, result.err)
    assert "contains a control character" in result.err
    assert result.err.count("\n") == 1 and not ACTIVE.search(result.err)
    assert (data_dir / "workspace.json").read_bytes() == before


def test_an_invisible_twin_of_a_client_name_is_a_duplicate(vatui: Vatui) -> None:
    assert vatui("client", "add", "Beta").code == 0
    result = vatui("client", "add", "Be\u200bta")
    assert result.code == 1 and "already exists" in result.err


def test_click_errors_are_cleaned_at_the_one_place_they_are_printed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _safe_message(click.UsageError("bad value 'x\x1b]2;PWNED\x07'")).show()
    err = capsys.readouterr().err
    assert "x␛]2;PWNED␇" in err and not ACTIVE.search(err)


def test_real_processes_never_print_escapes(data_dir: Path, tmp_path: Path) -> None:
    seed(data_dir)
    env = {"PATH": "/usr/bin:/bin", "VATUI_DATA_DIR": str(data_dir), "VATUI_CONFIG_DIR": str(tmp_path / "c")}
    subprocess.run([VATUI, "client", "add", "Acme Two"], env=env, check=True, capture_output=True)
    for args, code in (
        (["add", "x @acme"], 1),
        (["today"], 0),
        (["today", "--on", "x\x1b[2J"], 1),
        (["task", "list"], 0),
    ):
        result = subprocess.run([VATUI, *args], env=env, capture_output=True, timeout=30)
        assert result.returncode == code, result
        assert not ACTIVE.search(result.stdout.decode().replace("\t", "")), result.stdout
        assert not ACTIVE.search(result.stderr.decode()), result.stderr


WRITES = [
    ("client", "edit", "acme", "--rate", "60"),
    ("task", "move", "1", "next"),
    ("time", "start", "1"),
    ("time", "stop"),
    ("task", "done", "1"),
    ("pay", "INV-2026-0901", "10"),
    ("remind", "INV-2026-0901"),
    ("status-report", "acme", "--mark-sent"),
    ("invoice", "new", "acme", "--unbilled"),
    ("client", "archive", "acme"),
    ("undo",),
    ("undo",),
    ("time", "add", "1", "30m", "--on", "yesterday"),
    ("contact", "done", "1"),
    ("task", "delete", "1", "--yes"),
]


def test_messages_after_a_change_show_stored_text_cleaned(vatui: Vatui) -> None:
    for args in WRITES:
        result = vatui(*args)
        assert result.code == 0, (args, result.err)
        assert not ACTIVE.search(result.out.replace("\t", "")), (args, result.out)
        assert not ACTIVE.search(result.err), (args, result.err)
