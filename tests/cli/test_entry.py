"""The executable's fast path to the app, and everything else to the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from vatui.cli.entry import _app_only


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], (None, False)),
        (["--demo"], (None, True)),
        (["--data-dir", "/tmp/x"], ("/tmp/x", False)),
        (["--data-dir=/tmp/x", "--demo"], ("/tmp/x", True)),
    ],
)
def test_app_only_arguments_open_the_app(args: list[str], expected: tuple[str | None, bool]) -> None:
    assert _app_only(args) == expected


@pytest.mark.parametrize(
    "args",
    [["today"], ["--version"], ["--help"], ["--data-dir"], ["--data-dir", "--demo"], ["--data-dir="],
     ["--demo", "today"], ["-h"], ["--data-dir", "d", "add", "x"]],
)
def test_anything_else_goes_to_the_command_line(args: list[str]) -> None:
    assert _app_only(args) is None


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["today"], (None, False, None)),
        (["today", "--json"], (None, True, None)),
        (["--data-dir", "/d", "today", "--on", "fri", "--json"], ("/d", True, "fri")),
        (["--data-dir=/d", "today", "--on=+3d"], ("/d", False, "+3d")),
    ],
)
def test_plain_today_takes_the_fast_path(args: list[str], expected: tuple[str | None, bool, str | None]) -> None:
    from vatui.cli.entry import _today_only

    assert _today_only(args) == expected


@pytest.mark.parametrize(
    "args",
    [["today", "--help"], ["today", "--json", "--json"], ["today", "--on"], ["today", "extra"],
     ["--demo", "today"], ["task", "list"], [], ["today", "--on", "fri", "--on", "mon"]],
)
def test_anything_else_about_today_goes_to_click(args: list[str]) -> None:
    from vatui.cli.entry import _today_only

    assert _today_only(args) is None


def test_fast_path_prints_what_the_click_command_prints(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "VATUI_DATA_DIR": str(tmp_path / "data")}
    vatui = str(Path(sys.executable).with_name("vatui"))
    subprocess.run([vatui, "demo-data"], env=env, check=True, capture_output=True)
    via_click = "import sys; from vatui.cli.main import main; main(sys.argv[1:])"
    for args in (["today"], ["today", "--json"], ["today", "--on", "+3d"]):
        fast = subprocess.run([vatui, *args], env=env, capture_output=True, text=True)
        slow = subprocess.run([sys.executable, "-c", via_click, *args], env=env, capture_output=True, text=True)
        assert fast.returncode == slow.returncode == 0
        assert fast.stdout == slow.stdout and fast.stdout.strip()
    bad = subprocess.run([vatui, "today", "--on", "31/02"], env=env, capture_output=True, text=True)
    assert bad.returncode == 1 and bad.stderr.startswith("vatui: ") and bad.stderr.count("\n") == 1
