"""Click's own error messages said again by vatui: word for word in English, in Spanish from the catalog."""

from __future__ import annotations

from collections.abc import Callable

import click
import pytest

from vatui.cli.click_errors import error_text, translate_message
from vatui.i18n import language_of


@click.command("pay")
@click.argument("number")
@click.option("--format", "fmt", type=click.Choice(["txt", "md"]))
@click.option("--count", type=int)
@click.option("--mode", type=click.Choice(["a", "b"]), required=True)
def pay(number: str, fmt: str | None, count: int | None, mode: str) -> None:
    """Pay."""


@click.group("vatui")
def root() -> None:
    """Root."""


root.add_command(pay)


def _error(command: click.Command, args: list[str]) -> click.ClickException:
    try:
        command.main(args=args, prog_name="vatui", standalone_mode=False)
    except click.ClickException as exc:
        return exc
    raise AssertionError("no error")


CASES: list[tuple[click.Command, list[str]]] = [
    (pay, []),
    (pay, ["1"]),
    (pay, ["1", "--mode", "a", "--format", "pdf"]),
    (pay, ["1", "--mode", "a", "--count", "x"]),
    (pay, ["1", "--mode", "a", "--dry-run"]),
    (pay, ["1", "--mode", "a", "--formt", "txt"]),
    (pay, ["1", "2", "--mode", "a"]),
    (pay, ["1", "--count"]),
    (root, ["frob"]),
    (root, ["pya"]),
]


@pytest.mark.parametrize(("command", "args"), CASES)
def test_english_is_clicks_own_text(
    command: click.Command, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    exc = _error(command, args)
    exc.show()
    assert error_text(exc) + "\n" == capsys.readouterr().err


@pytest.mark.parametrize(("command", "args"), CASES)
def test_spanish_has_no_click_english_left(command: click.Command, args: list[str]) -> None:
    exc = _error(command, args)
    with language_of("es"):
        text = error_text(exc)
    for english in ("Error: Missing", "No such", "Invalid value", "Try '", "is not", "Did you", "Got unexp"):
        assert english not in text, text
    assert "Error: " in text


@pytest.mark.parametrize(
    ("english", "spanish"),
    [
        ("No such option '--x'.", "No existe la opción '--x'."),
        ("'pdf' is not one of 'txt', 'md'.", "'pdf' no es uno de 'txt', 'md'."),
        ("'x' is not a valid integer.", "'x' no es un número entero válido."),
        ("a message of vatui's own", "a message of vatui's own"),
    ],
)
def test_a_message_click_built_is_said_again(english: str, spanish: str) -> None:
    translate: Callable[[str], str] = translate_message
    with language_of("es"):
        assert translate(english) == spanish
    assert translate(english) == english
