"""Stored text never acts on a terminal: the input rule (``check_text``), the display
cleaning (``clean``/``one_line``) and the duplicate-name key (``name_key``)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vatui.domain.errors import InputError
from vatui.domain.text import MAX_NAME, ZERO_WIDTH, check_tag, check_text, clean, name_key, one_line

#: What a terminal would act on: any C0 control but newline, DEL, any C1 control.
ACTIVE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")

ESCAPES = [
    "\x1b]52;c;SEFDS0VE\x07",  # OSC 52: set the clipboard
    "\x1b]2;PWNED\x07",  # OSC 2: window title
    "\x1b]0;PWNED\x1b\\",  # OSC 0 ended by ST
    "\x1b[2J",  # CSI 2J: clear the screen
    "\x07",  # BEL
    "\x9b2J",  # C1 CSI
    "\x7f",  # DEL
    "\x00",
    "\u202e",  # right-to-left override
]


@pytest.mark.parametrize("escape", ESCAPES)
def test_check_text_refuses_control_characters_with_a_clear_message(escape: str) -> None:
    with pytest.raises(InputError) as exc:
        check_text(f"Acme{escape}Corp", "the name", MAX_NAME)
    message = str(exc.value)
    assert message.startswith("the name “Acme") and "” contains a control character (U+" in message
    assert not ACTIVE.search(message)


def test_newline_and_tab_only_in_long_text() -> None:
    with pytest.raises(InputError, match="U\\+000A newline"):
        check_text("one\ntwo", "the title", 500)
    with pytest.raises(InputError, match="U\\+0009 TAB"):
        check_text("one\ttwo", "the title", 500)
    assert check_text("one\r\ntwo\tthree\n", "the note", 500, multiline=True) == "one\ntwo\tthree"
    with pytest.raises(InputError, match="U\\+000D CR"):
        check_text("one\rtwo", "the note", 500, multiline=True)
    with pytest.raises(InputError, match="U\\+001B ESC"):
        check_text("one\n\x1b[2J", "the note", 500, multiline=True)


def test_check_text_strips_and_caps_length() -> None:
    assert check_text("  Acme  ", "the name", 4) == "Acme"
    with pytest.raises(InputError, match=r"the name is too long \(5 characters, at most 4\)"):
        check_text("Acmes", "the name", 4)
    assert check_text("Zoë 東京 🎉 naïve", "the name", 50) == "Zoë 東京 🎉 naïve"


@given(st.text())
def test_check_text_accepts_only_what_cannot_act(text: str) -> None:
    try:
        kept = check_text(text, "the note", 100_000, multiline=True)
    except InputError as exc:
        assert not ACTIVE.search(str(exc))
        return
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", kept)


@given(st.text())
def test_clean_leaves_nothing_a_terminal_acts_on(text: str) -> None:
    assert not ACTIVE.search(clean(text))
    assert "\n" not in clean(text)
    assert not ACTIVE.search(clean(text, keep_newlines=True))
    assert "\n" not in one_line(text, 20) and len(one_line(text, 20)) <= 20


@pytest.mark.parametrize("escape", ESCAPES)
def test_clean_shows_escapes_visibly(escape: str) -> None:
    shown = clean(f"a{escape}b")
    assert shown.startswith("a") and shown.endswith("b") and len(shown) > 2
    assert "\x1b" not in shown and "\x07" not in shown


@pytest.mark.parametrize(
    "other",
    ["acme", "ACME", "Ac\u200bme", "\ufeffAcme", "A\u2060c\u200dme\u200c", "Ａｃｍｅ", " Acme ", "Acme"],
)
def test_names_differing_only_by_case_width_or_zero_width_share_a_key(other: str) -> None:
    assert name_key(other) == name_key("Acme")


def test_different_names_keep_different_keys() -> None:
    assert name_key("Acme Corp") != name_key("AcmeCorp")
    assert name_key("Acme") != name_key("Acne")


@given(st.text(), st.lists(st.sampled_from(ZERO_WIDTH)), st.integers(min_value=0, max_value=50))
def test_zero_width_never_makes_a_new_name(name: str, extra: list[str], where: int) -> None:
    at = min(where, len(name))
    padded = name[:at] + "".join(extra) + name[at:]
    assert name_key(padded) == name_key(name)


@pytest.mark.parametrize("tag", ["=1+1", "+cmd", "@sum", "-x", "two words", "t" * 51, "a\x1bb"])
def test_a_tag_is_one_word_that_starts_with_a_letter_or_digit_within_its_cap(tag: str) -> None:
    with pytest.raises(InputError):
        check_tag(tag)


def test_a_tag_loses_its_hash_and_case() -> None:
    assert check_tag(" #Email ") == "email"
    assert check_tag("2026-q4") == "2026-q4"
    assert check_tag("hostelería") == "hostelería"
    assert check_tag("#") == ""


# QA round 2: every invisible or blank-looking character, every space-like one -------------

INVISIBLES = [
    "\u200e",
    "\u200f",
    "\u061c",
    "\ufff9",
    "\ufffa",
    "\ufffb",
    "\U000e0041",
    "\U000e007f",
    "\u3164",
    "\u115f",
    "\u1160",
    "\u2800",
    "\u180e",
    "\uffa0",
    "\ufe0f",
    "\u206f",
]
SPACES = ["\u00a0", "\u2000", "\u2005", "\u200a", "\u202f", "\u205f", "\u3000", "\u1680"]


@pytest.mark.parametrize("char", INVISIBLES)
def test_the_name_key_ignores_every_invisible_character(char: str) -> None:
    from vatui.domain.text import has_visible

    assert name_key(f"Brightpath Coaching{char}") == name_key("Brightpath Coaching")
    assert name_key(f"Bright{char}path") == name_key("Brightpath")
    assert not has_visible(char) and not has_visible(f" {char}{char} ")


@pytest.mark.parametrize("space", SPACES)
def test_the_name_key_folds_every_space_like_character(space: str) -> None:
    assert name_key(f"Brightpath{space}Coaching") == name_key("Brightpath Coaching")


def test_a_name_with_a_zwj_emoji_keeps_it_but_the_key_ignores_it() -> None:
    from vatui.domain.text import has_visible, quoted

    family = "Team \U0001f468\u200d\U0001f469"
    assert has_visible(family) and name_key(family) == name_key("Team \U0001f468\U0001f469")
    assert quoted("Brightpath\u00a0Coaching") == "“Brightpath\u00a0Coaching”"


@given(
    st.recursive(
        st.none() | st.text() | st.integers(-(2**53), 2**53),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
        max_leaves=10,
    )
)
def test_inert_json_reads_back_the_same_and_holds_no_active_character(value: object) -> None:
    import json

    import orjson

    from vatui.domain.text import inert_json

    out = inert_json(orjson.dumps(value, option=orjson.OPT_INDENT_2)).decode("utf-8")
    assert json.loads(out) == value
    assert not re.search("[\u0080-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]", out)


def test_inert_json_escapes_c1_and_bidi() -> None:
    import orjson

    from vatui.domain.text import inert_json

    assert inert_json(orjson.dumps("a\u009bb\u202ec\u2066")) == b'"a\\u009bb\\u202ec\\u2066"'
