"""The executable's fast path to the app, and everything else to the command line."""

from __future__ import annotations

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
