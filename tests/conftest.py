"""Shared fixtures: a fixed clock, a private data directory, an open workspace."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.clock import NOW
from tests.helpers.terminal import Terminal, make_terminal
from vatui.domain.clock import FixedClock
from vatui.i18n import set_language
from vatui.store.workspace import Workspace

# The tests read English whatever the machine's language (LANG=es_CO.UTF-8 would make the
# app and the command line Spanish); tests/i18n chooses Spanish where it means to.
os.environ["LANGUAGE"] = "en"
set_language("en")

SLOW_FIRST = Path(__file__).with_name("slow_first.txt")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests listed in tests/slow_first.txt first, longest first; the others after them in
    the order they were collected. With the tests handed out two at a time (make test), the
    long ones run while every worker is busy instead of finishing alone at the end."""
    listed = [line.strip() for line in SLOW_FIRST.read_text().splitlines()]
    rank = {test: n for n, test in enumerate(t for t in listed if t and not t.startswith("#"))}
    items.sort(key=lambda item: rank.get(item.nodeid, len(rank)))  # a stable sort


@pytest.fixture(autouse=True)
def english_again() -> Iterator[None]:
    """A test that switched the app to Spanish (a first run answered ``es``) leaves English
    behind: the catalog and the key descriptions the screen classes hold; and money shown
    with a decimal point again."""
    yield
    from vatui import i18n
    from vatui.domain.money_display import set_display
    from vatui.domain.numbers import POINT

    set_display(POINT, "USD")  # a workspace writing 1.234,56 leaves 1,234.56 behind
    if i18n.language() != "en":
        from vatui.ui.language import retranslate_classes, switch_language

        english = switch_language("en")
        if english:
            retranslate_classes(english)


@pytest.fixture
def clock() -> FixedClock:
    """A clock fixed at ``NOW``."""
    return FixedClock(NOW)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data directory, also set as ``VATUI_DATA_DIR``."""
    directory = tmp_path / "data"
    monkeypatch.setenv("VATUI_DATA_DIR", str(directory))
    monkeypatch.setenv("VATUI_CONFIG_DIR", str(tmp_path / "config"))
    return directory


@pytest.fixture
def ws(data_dir: Path, clock: FixedClock) -> Iterator[Workspace]:
    """An open, empty workspace on the fixed clock."""
    workspace = Workspace.open(data_dir, clock)
    yield workspace
    workspace.close()


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """A real terminal (tmux, 80×24) with a private data directory; see tests/helpers/terminal.py."""
    yield from make_terminal(tmp_path)
