"""A burst of keys into a form in a real terminal (tmux, 80×24): fast typing over SSH, a
macro, a paste. Every part lands in the field it was typed for (vatui/ui/key_burst.py).

``make test`` installs tmux when it is missing; without it this test fails, it never skips.
"""

from __future__ import annotations

import subprocess

import pytest

from tests.helpers.terminal import VATUI, Terminal


@pytest.fixture
def new_client_form(terminal: Terminal) -> Terminal:
    """vatui on the small demo, the Clients pane's new-client form open, its Name focused."""
    subprocess.run([VATUI, "demo-data"], env=terminal.env, check=True, capture_output=True, timeout=120)
    terminal.start(VATUI)
    terminal.wait_for("· Today")
    terminal.keys("3")
    terminal.wait_for("· Clients")
    terminal.keys("n")
    terminal.wait_for("New client")
    return terminal


def field(screen: str, label: str) -> str:
    """The text of one form row (``│ Name         Acme …``), label dropped."""
    for line in screen.splitlines():
        text = line.strip(" │")
        if text.startswith(label):
            return text[len(label) :].strip()
    raise AssertionError(f"no {label!r} row on:\n{screen}")


def test_a_burst_with_tabs_fills_each_field(new_client_form: Terminal) -> None:
    # One write: the name, Tab over Status and Preferred, then the e-mail.
    new_client_form.keys("Acme Burst\t\t\tops@burst.example", literal=True)
    screen = new_client_form.wait_for("ops@burst.example")
    assert field(screen, "Name") == "Acme Burst"
    assert field(screen, "E-mail") == "ops@burst.example"


def test_a_paste_with_tabs_fills_each_field(new_client_form: Terminal) -> None:
    # A row copied from a spreadsheet, pasted as one bracketed paste.
    new_client_form.tmux("set-buffer", "Acme Paste\tlead")
    new_client_form.tmux("paste-buffer", "-p")
    screen = new_client_form.wait_for("Acme Paste")
    assert field(screen, "Name") == "Acme Paste"
    assert "lead" not in field(screen, "Name")
