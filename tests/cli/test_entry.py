"""The executable's fast path to the app, and everything else to the command line."""

from __future__ import annotations

import os
import subprocess
import sys
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
    [
        ["today"],
        ["--version"],
        ["--help"],
        ["--data-dir"],
        ["--data-dir", "--demo"],
        ["--data-dir="],
        ["--demo", "today"],
        ["-h"],
        ["--data-dir", "d", "add", "x"],
    ],
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
def test_plain_today_takes_the_fast_path(
    args: list[str], expected: tuple[str | None, bool, str | None]
) -> None:
    from vatui.cli.entry import _today_only

    assert _today_only(args) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["today", "--help"],
        ["today", "--json", "--json"],
        ["today", "--on"],
        ["today", "extra"],
        ["--demo", "today"],
        ["task", "list"],
        [],
        ["today", "--on", "fri", "--on", "mon"],
    ],
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
        slow = subprocess.run(
            [sys.executable, "-c", via_click, *args], env=env, capture_output=True, text=True
        )
        assert fast.returncode == slow.returncode == 0
        assert fast.stdout == slow.stdout and fast.stdout.strip()
    bad = subprocess.run([vatui, "today", "--on", "31/02"], env=env, capture_output=True, text=True)
    assert bad.returncode == 1 and bad.stderr.startswith("vatui: ") and bad.stderr.count("\n") == 1


VATUI_BIN = str(Path(sys.executable).with_name("vatui"))


def _demo_env(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "VATUI_DATA_DIR": str(tmp_path / "data"), "VATUI_CONFIG_DIR": str(tmp_path / "cfg")}
    subprocess.run(
        [VATUI_BIN, "demo-data", "--size", "small"], env=env, check=True, capture_output=True, timeout=60
    )
    return env


@pytest.mark.parametrize("args", [["time", "list"], ["task", "list", "--all", "--json"], ["today"]])
def test_a_reader_that_leaves_early_is_no_error(tmp_path: Path, args: list[str]) -> None:
    """``vatui time list | head -1``: exit 0 and nothing on stderr once the pipe closes."""
    env = _demo_env(tmp_path)
    result = subprocess.run(
        f"{VATUI_BIN} {' '.join(args)} | head -c 1 >/dev/null; echo ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "0", result
    assert result.stderr == ""


def test_shell_completion_prints_a_script_and_never_opens_the_app(tmp_path: Path) -> None:
    env = {**os.environ, "VATUI_DATA_DIR": str(tmp_path / "data"), "_VATUI_COMPLETE": "bash_source"}
    result = subprocess.run(
        [VATUI_BIN], env=env, capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 0
    assert "_vatui_completion()" in result.stdout and "\x1b[" not in result.stdout
    words = subprocess.run(
        [VATUI_BIN],
        capture_output=True,
        text=True,
        timeout=30,
        env={**env, "_VATUI_COMPLETE": "bash_complete", "COMP_WORDS": "vatui rep", "COMP_CWORD": "1"},
    )
    assert "report" in words.stdout


def test_help_names_the_environment_and_the_paths(tmp_path: Path) -> None:
    env = {**os.environ, "VATUI_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run([VATUI_BIN, "--help"], env=env, capture_output=True, text=True, timeout=30)
    text = " ".join(result.stdout.split())
    assert "VATUI_DATA_DIR" in text and "VATUI_CONFIG_DIR" in text and "_VATUI_COMPLETE" in text
    assert str(tmp_path / "data") in text.replace(" ", "")  # the help wraps long paths
