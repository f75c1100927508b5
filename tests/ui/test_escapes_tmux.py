"""Stored text never acts on a real terminal: every form and modal opened on a workspace
whose texts carry OSC 52 (clipboard), OSC 0/2 (title), CSI 2J (clear) and BEL.

tmux is set up so that an escape WOULD act if it got through: ``set-clipboard on`` turns
OSC 52 into a paste buffer, OSC 0/2 set the pane title, BEL raises the window's bell flag
(the session is detached), CSI 2J blanks the screen. After each form or modal the test
asserts: no paste buffer, the pane title unchanged, no bell, the app's header still on
screen — and the hostile text shown visibly (``␛]52…``).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.helpers.hostile import seed
from tests.helpers.terminal import VATUI, Terminal

TITLE = "vatui-escape-test"


class Probe:
    """A vatui in tmux, set up so that a stray escape sequence leaves a trace."""

    def __init__(self, terminal: Terminal, tmp_path: Path) -> None:
        self.t = terminal
        seed(tmp_path / "data")
        terminal.tmux(
            "new-session",
            "-d",
            "-x",
            "80",
            "-y",
            "24",
            f"{VATUI}; sleep 30",
            ";",
            "set",
            "-g",
            "set-clipboard",
            "on",
            ";",
            "set",
            "-g",
            "allow-passthrough",
            "on",
            ";",
            "set",
            "-g",
            "allow-rename",
            "on",
            ";",
            "set",
            "-g",
            "monitor-bell",
            "on",
            ";",
            "set",
            "-g",
            "bell-action",
            "any",
            ";",
            "select-pane",
            "-T",
            TITLE,
        )
        self.steps: list[str] = []
        terminal.wait_for("Overdue (")

    def check(self, step: str, *, header: bool = True) -> str:
        """Assert nothing acted; returns the screen. ``header``: the app's header shows
        (false for a modal that covers the whole screen)."""
        self.steps.append(step)
        screen = self.t.screen()
        buffers = self.t.tmux("list-buffers")
        title = self.t.tmux("display", "-p", "#{pane_title}").strip()
        bell = self.t.tmux("display", "-p", "#{window_bell_flag}").strip()
        where = f"after {' → '.join(self.steps)}"
        assert buffers == "", f"the clipboard was set {where}: {buffers}"
        assert title == TITLE, f"the pane title became {title!r} {where}"
        assert bell == "0", f"the bell rang {where}"
        top = (screen.splitlines() or [""])[0]
        assert not top.startswith("CLEARED"), f"the screen was cleared and written over {where}:\n{screen}"
        if header:
            assert "vatui ·" in screen.splitlines()[0], f"the screen was cleared {where}:\n{screen}"
        return screen

    def wait_gone(self, text: str) -> None:
        """Wait until ``text`` is no longer on screen."""
        deadline = time.monotonic() + 10
        while text in self.t.screen():
            assert time.monotonic() < deadline, f"{text!r} never went away:\n{self.t.screen()}"
            time.sleep(0.1)

    def wait_count(self, text: str, count: int) -> None:
        """Wait until ``text`` shows exactly ``count`` times."""
        deadline = time.monotonic() + 10
        while self.t.screen().count(text) != count:
            assert time.monotonic() < deadline, f"{text!r} not {count} times:\n{self.t.screen()}"
            time.sleep(0.1)

    def open(
        self,
        keys: tuple[str, ...],
        expect: str,
        *,
        shown: bool = True,
        close: tuple[str, ...] = ("Escape",),
        step: str = "",
        header: bool = True,
    ) -> None:
        """Press ``keys``, wait for ``expect``, check, close with ``close``, check again."""
        for key in keys:
            self.t.keys(key)
        try:
            self.t.wait_for(expect)
        except AssertionError:
            self.check(step or expect, header=header)  # say what acted, if something did
            raise
        self.check(step or expect, header=header)
        if shown:
            self.t.wait_for("␛]")
        for key in close:
            self.t.keys(key)
        self.wait_gone(expect)
        self.check(f"closing {step or expect}")


@pytest.fixture
def probe(terminal: Terminal, tmp_path: Path) -> Probe:
    return Probe(terminal, tmp_path)


def test_board_forms_and_modals(probe: Probe) -> None:
    probe.t.keys("2")
    probe.t.wait_for("· Board")
    probe.t.wait_for("Title␛]52")
    probe.check("board")
    probe.open(("Enter",), "Edit card")
    probe.open(("n",), "New card", shown=False)
    probe.open(("x",), "Delete “", close=("n",))
    probe.open(("s",), "enter ok", step="due date prompt", shown=False)
    probe.open(("c",), "Log contact", step="contact form", header=False)
    probe.open(("f",), "Filter by client", step="client picker")
    probe.open(("a",), "Quick add", shown=False)


def test_quick_add_preview_and_select_lists(probe: Probe) -> None:
    probe.t.keys("a")
    probe.t.wait_for("Quick add")
    probe.t.keys("Call them @acm", literal=True)
    probe.t.wait_for("Acme␛]52")
    probe.check("quick add preview")
    probe.t.keys("Escape")  # something was typed: the form asks before throwing it away
    probe.t.wait_for("Discard what you typed?")
    probe.t.keys("y")
    probe.wait_gone("Discard what you typed?")
    probe.wait_gone("Quick add")
    probe.t.keys("2")
    probe.t.wait_for("Title␛]52")
    probe.t.keys("n")
    probe.t.wait_for("New card")
    time.sleep(0.5)  # the form focuses its title once mounted: a Tab sent before that is lost
    probe.t.keys("Tab")
    probe.t.keys("Enter")  # open the client list: the client's name shows twice (card + list)
    probe.wait_count("Acme␛]52", 2)
    probe.check("client select open")
    probe.t.keys("Escape")  # the list closes: only the card behind still names the client
    probe.wait_count("Acme␛]52", 1)
    probe.t.keys("Escape")
    probe.wait_gone("New card")
    probe.check("closed")


def test_clients_forms_and_modals(probe: Probe) -> None:
    probe.t.keys("3")
    probe.t.wait_for("· Clients")
    probe.t.wait_for("#vip␛]52")
    probe.check("clients pane")
    probe.open(("Enter",), "Edit Acme", step="client form", header=False)
    probe.open(("c",), "Log contact", step="contact form", header=False)
    probe.open(("r",), "copy", step="status report viewer")
    probe.open(("x",), "Confirm", close=("n",), step="archive confirm")


def test_ledger_forms_and_modals(probe: Probe) -> None:
    probe.t.keys("4")
    probe.t.wait_for("· Ledger")
    probe.t.wait_for("INV-2026-0901")
    probe.check("ledger pane")
    probe.open(("p",), "records", step="payment form")
    probe.open(("r",), "mark sent", step="reminder viewer")
    probe.open(("e",), "New expense", shown=False, step="expense form")
    probe.open(("x",), "Void INV", close=("n",), shown=False, step="void confirm")
    probe.t.keys("]")
    probe.t.keys("]")
    probe.t.wait_for("Bank␛")
    probe.check("payments tab")


def test_help_and_palette(probe: Probe) -> None:
    probe.open(("?",), "Keys:", shown=False, step="help")
    probe.t.keys("C-p")
    probe.t.wait_for("Search for commands")
    probe.t.keys("undo", literal=True)
    probe.t.wait_for("App: undo seed␛]52")
    probe.check("palette with the undo label")
    probe.t.keys("Escape")
    probe.check("palette closed")
