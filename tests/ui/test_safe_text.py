"""The text fields and toasts clean what they are given, typed or pasted: no control
character is ever part of what Textual draws (the real-terminal proof is in
test_escapes_tmux.py)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input, TextArea

import vatui.ui
from tests.helpers.pilot import Ready
from vatui.ui.app import VatuiApp
from vatui.ui.widgets.safe_input import SafeInput
from vatui.ui.widgets.safe_text_area import SafeTextArea

EVIL = "a\x1b]52;c;SEFDS0VE\x07\x1b]2;PWNED\x07\x1b[2J\x9b\x7fb"
ACTIVE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


class Form(App[None]):
    def compose(self) -> ComposeResult:
        yield SafeInput(EVIL, id="one")
        yield SafeTextArea("line\n" + EVIL + "\tend", id="many")


async def test_given_set_typed_and_pasted_values_are_cleaned() -> None:
    app = Form()
    async with app.run_test() as pilot:
        one = app.query_one("#one", Input)
        many = app.query_one("#many", TextArea)
        assert one.value == "a␛]52;c;SEFDS0VE␇␛]2;PWNED␇␛[2J�␡b"
        assert many.text == "line\na␛]52;c;SEFDS0VE␇␛]2;PWNED␇␛[2J�␡b\tend"
        one.value = "x\x1b[2J"
        assert one.value == "x␛[2J"
        one.focus()
        one.post_message(events.Paste("p\x1b]2;T\x07\nsecond line"))
        await pilot.pause()
        assert not ACTIVE.search(one.value) and "p␛]2;T␇" in one.value
        many.focus()
        many.post_message(events.Paste("q\x1b]52;c;SEFDS0VE\x07\nr"))
        await pilot.pause()
        assert not ACTIVE.search(many.text.replace("\t", "")) and "q␛]52;c;SEFDS0VE␇\nr" in many.text
        many.load_text("\x07bell")
        assert many.text == "␇bell"
        many.insert("\x1b[2J")
        assert "\x1b" not in many.text
        for widget in (one, many):
            for y in range(2):
                line = "".join(seg.text for seg in widget.render_line(y))
                assert not ACTIVE.search(line), line


async def test_every_toast_is_cleaned(ws: object, app: VatuiApp) -> None:
    async with app.run_test() as pilot:
        await pilot.pause()
        app.notify("Saved " + EVIL, title="T\x1b]2;x\x07")
        app.screen.notify("Screen " + EVIL, markup=False)
        await pilot.pause()
        notes = list(app._notifications)
        assert len(notes) >= 2
        for note in notes:
            assert not ACTIVE.search(note.message) and not ACTIVE.search(note.title)
        assert any("␛]52" in note.message for note in notes)


async def test_a_paste_is_cleaned_before_any_widget_sees_it(ws: object, app: VatuiApp, ready: Ready) -> None:
    """Textual's own fields (the command palette's) get a cleaned paste too."""
    from textual.command import CommandInput, CommandPalette

    async with app.run_test() as pilot:
        await ready(pilot)  # opened before the app was ready, the palette failed on a busy machine
        app.action_command_palette()
        await pilot.pause()
        palette_input = app.screen.query_one(CommandInput)
        palette_input.focus()
        await pilot.pause()
        app.post_message(events.Paste("undo\x1b]2;PWNED\x07"))
        await pilot.pause()
        assert palette_input.value == "undo␛]2;PWNED␇"
        # The palette searches for what was pasted in a worker, and shows "no matches" on a
        # timer: closed before the app ends, so neither runs on a palette being torn down
        # (Textual's palette then queries its removed list: NoMatches, seen on a busy machine).
        await app.workers.wait_for_complete()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)


def test_no_form_uses_textual_text_fields_directly() -> None:
    """Every text field in vatui/ui is a Safe one (a new form cannot forget it)."""
    root = Path(vatui.ui.__file__).parent
    raw = re.compile(r"(?<![\w.])(Input|TextArea)\(")
    offenders = [
        f"{path.relative_to(root)}:{n}"
        for path in root.rglob("*.py")
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if raw.search(line)
    ]
    assert offenders == []


def test_a_keymap_key_with_control_characters_is_refused(tmp_path: Path) -> None:
    from vatui.ui.keymap import load_keymap

    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\nundo = "ctrl+z\\u001b]2;PWNED\\u0007"\nquick_add = "ctrl+n"\n')
    loaded = load_keymap(path)
    assert loaded.keys == {"quick_add": "ctrl+n"}
    assert len(loaded.problems) == 1 and "'undo'" in loaded.problems[0]


@given(st.text())
def test_clean_block_keeps_lines_and_tabs_and_nothing_else_active(text: str) -> None:
    from vatui.ui.widgets.safe_input import clean_block

    shown = clean_block(text)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", shown)
    assert shown.count("\t") == text.count("\t")
    assert shown.count("\n") == text.replace("\r\n", "\n").count("\n")
    assert clean_block(shown) == shown
