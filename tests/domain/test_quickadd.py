"""parse_quick_add and describe, on a fixed today."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vatui.domain.errors import ParseError
from vatui.domain.quickadd import QuickAdd, describe, parse_quick_add
from vatui.domain.recurrence import Recurrence

TODAY = date(2026, 11, 27)  # a Friday
CLIENTS = [
    (1, "Acme"),
    (2, "Acorn Ltd"),
    (3, "Big Co"),
    (4, "Big Corp"),
    (5, "Acme Industries"),
    (6, "Zeta [bold]"),
    (7, "Ñandú Café"),
]
COLUMNS = ["Inbox", "Next", "Doing", "Waiting", "Done"]


def qa(text: str) -> QuickAdd:
    return parse_quick_add(text, CLIENTS, TODAY, COLUMNS)


def test_the_product_example() -> None:
    q = qa("Draft newsletter @acme due:fri !high ~2h #email every:monday in:next")
    assert q == QuickAdd(
        title="Draft newsletter",
        client_id=1,
        client_name="Acme",
        due=date(2026, 12, 4),
        priority="high",
        estimate_minutes=120,
        tags=("email",),
        recurrence=Recurrence("week", weekday=0),
        column="Next",
    )


def test_plain_title_has_nothing_else() -> None:
    assert qa("Call the bank") == QuickAdd(title="Call the bank")


@pytest.mark.parametrize(
    ("token", "client_id"),
    [
        ("@acme", 1),  # exact name wins over "Acme Industries"
        ("@ACME", 1),
        ("@acme-ind", 5),
        ("@acmeindustries", 5),
        ("@acme_industries", 5),
        ("@acor", 2),
        ("@big-co", 3),  # exact (spaces as -) wins over the prefix of "Big Corp"
        ("@bigco", 3),
        ("@big_co", 3),
        ("@big-cor", 4),
        ("@zeta", 6),
        ("@ñandú", 7),
        ("@acme,", 1),  # trailing punctuation is forgiven
    ],
)
def test_client_by_name_or_unique_prefix(token: str, client_id: int) -> None:
    q = qa(f"Send report {token}")
    assert q.client_id == client_id
    assert q.client_name == dict(CLIENTS)[client_id]
    assert q.title == "Send report"


def test_an_ambiguous_client_prefix_is_refused_naming_every_candidate() -> None:
    with pytest.raises(ParseError) as err:
        qa("Send report @ac")
    message = str(err.value)
    for name in ("Acme", "Acorn Ltd", "Acme Industries"):
        assert name in message
    with pytest.raises(ParseError, match="Big Co, Big Corp"):
        qa("x @big")


def test_duplicate_client_names_are_refused_with_their_ids() -> None:
    with pytest.raises(ParseError, match=r"Acme \(#1\), Acme \(#9\)"):
        parse_quick_add("x @acme", [(1, "Acme"), (9, "Acme")], TODAY, COLUMNS)


def test_an_unknown_client_is_refused() -> None:
    with pytest.raises(ParseError, match="no client matches '@nobody'"):
        qa("x @nobody")
    with pytest.raises(ParseError, match="no client"):
        parse_quick_add("x @acme", [], TODAY, COLUMNS)


def test_an_email_address_in_the_title_is_not_a_client() -> None:
    q = qa("Reply to email@example.com today")
    assert q.client_id is None
    assert q.title == "Reply to email@example.com today"


def test_a_lone_marker_character_is_text() -> None:
    q = qa("Meet @ 3pm ! ~ #")
    assert q == QuickAdd(title="Meet @ 3pm ! ~ #")


@pytest.mark.parametrize(
    ("token", "due"),
    [
        ("due:fri", date(2026, 12, 4)),
        ("due:+3d", date(2026, 11, 30)),
        ("due:2026-12-05", date(2026, 12, 5)),
        ("due:5dec", date(2026, 12, 5)),
        ("due:dec-5", date(2026, 12, 5)),
        ("due:dec5", date(2026, 12, 5)),
        ("due:next-week", date(2026, 11, 30)),
        ("due:next_week", date(2026, 11, 30)),
        ("due:in-3-days", date(2026, 11, 30)),
        ("due:eom", date(2026, 11, 30)),
        ("DUE:Tomorrow", date(2026, 11, 28)),
    ],
)
def test_due_dates(token: str, due: date) -> None:
    assert qa(f"Pay rent {token}").due == due


def test_an_ambiguous_due_date_is_refused_with_context() -> None:
    with pytest.raises(ParseError) as err:
        qa("Pay rent due:03/04")
    assert str(err.value).startswith("due:")
    assert "ambiguous" in str(err.value)


@pytest.mark.parametrize(
    ("token", "priority"),
    [
        ("!low", "low"),
        ("!l", "low"),
        ("!med", "med"),
        ("!medium", "med"),
        ("!m", "med"),
        ("!high", "high"),
        ("!H", "high"),
        ("!HIGH", "high"),
    ],
)
def test_priorities(token: str, priority: str) -> None:
    assert qa(f"x {token}").priority == priority


def test_unknown_priority_is_refused() -> None:
    with pytest.raises(ParseError, match="not a priority"):
        qa("x !urgent")
    with pytest.raises(ParseError, match="not a priority"):
        qa("x !1")


def test_estimate_and_bad_estimate() -> None:
    assert qa("x ~1h30m").estimate_minutes == 90
    assert qa("x ~0:45").estimate_minutes == 45
    with pytest.raises(ParseError, match="~"):
        qa("x ~2x")
    assert qa("copy ~/reports").title == "copy ~/reports"


def test_tags_are_lowercase_unique_and_ordered() -> None:
    q = qa("Fix PR #42 #Bug #urgent #bug #BUG, #ui")
    assert q.tags == ("bug", "urgent", "ui")
    assert q.title == "Fix PR #42"


def test_recurrence() -> None:
    assert qa("x every:2w").recurrence == Recurrence("week", interval=2)
    assert qa("x every:2-weeks").recurrence == Recurrence("week", interval=2)
    assert qa("x every:15th").recurrence == Recurrence("month", monthday=15)
    with pytest.raises(ParseError, match="every"):
        qa("x every:sometimes")
    with pytest.raises(ParseError, match="every"):
        qa("x every:-2w")


@pytest.mark.parametrize(
    ("token", "column"),
    [
        ("in:next", "Next"),
        ("in:NEXT", "Next"),
        ("in:inb", "Inbox"),
        ("in:wait", "Waiting"),
        ("in:doi", "Doing"),
        ("in:done", "Done"),
    ],
)
def test_column_by_prefix(token: str, column: str) -> None:
    assert qa(f"x {token}").column == column


def test_column_ambiguous_or_unknown_is_refused() -> None:
    with pytest.raises(ParseError, match="Doing, Done"):
        qa("x in:do")
    with pytest.raises(ParseError, match="Inbox, Next, Doing, Waiting, Done"):
        qa("x in:later")


def test_column_with_spaces_in_its_name() -> None:
    q = parse_quick_add("x in:in-progress", [], TODAY, ["To Do", "In Progress"])
    assert q.column == "In Progress"


@pytest.mark.parametrize(
    "text", ["x due:fri due:mon", "x !high !low", "x @acme @acorn", "x ~1h ~2h", "x in:next in:done"]
)
def test_a_marker_given_twice_is_refused(text: str) -> None:
    with pytest.raises(ParseError, match="twice"):
        qa(text)


@pytest.mark.parametrize("text", ["", "   ", "@acme due:fri !high", "#email ~2h"])
def test_an_empty_title_is_refused(text: str) -> None:
    with pytest.raises(ParseError, match="needs a title"):
        qa(text)


def test_a_key_without_a_value_is_refused() -> None:
    with pytest.raises(ParseError, match="needs a value"):
        qa("x due:")


def test_title_is_kept_exactly_as_typed() -> None:
    text = "  [bold]Draft[/]   the  🎉 newsletter [@click=app.quit]x  @big-co  !m "
    assert qa(text).title == "[bold]Draft[/]   the  🎉 newsletter [@click=app.quit]x"


def test_markers_between_title_words_leave_one_space() -> None:
    assert qa("Draft @acme newsletter !high for   Monday").title == "Draft newsletter for   Monday"


def test_other_colons_are_title_text() -> None:
    q = qa("10:30 call re: https://example.com/a:b")
    assert q.title == "10:30 call re: https://example.com/a:b"
    assert q.due is None


def test_describe() -> None:
    q = qa("Draft newsletter @acme due:fri !high ~2h #email every:monday in:next")
    assert describe(q, TODAY) == (
        "Draft newsletter · client Acme · due Fri 4 Dec · high priority · estimate 2h"
        " · #email · every Monday · in Next"
    )
    assert describe(qa("x due:+3d"), TODAY) == "x · due in 3 days (Mon 30 Nov)"
    assert describe(qa("Just a title"), TODAY) == "Just a title"


# A title word: no whitespace, and not something quick add reads as a marker.
title_words = st.text(
    alphabet=st.characters(blacklist_categories=("Zs", "Zl", "Zp", "Cc", "Cs")), min_size=1, max_size=8
).filter(lambda w: w[0] not in "@!~#" and ":" not in w and w.split() == [w])
separators = st.sampled_from([" ", "  ", "\t", " \u3000 "])


@st.composite
def titles(draw: st.DrawFn) -> str:
    parts = draw(st.lists(title_words, min_size=1, max_size=6))
    out = parts[0]
    for word in parts[1:]:
        out += draw(separators) + word
    return out


markers = st.lists(
    st.sampled_from(["@acme", "due:fri", "!high", "~2h", "#email", "every:monday", "in:next"]),
    unique=True,
)


@given(title=titles(), before=markers, after=markers)
def test_quick_add_never_loses_the_title(title: str, before: list[str], after: list[str]) -> None:
    after = [m for m in after if m not in before]
    text = " ".join([*before, title, *after])
    q = qa(text)
    assert q.title == title
    assert ("@acme" in before + after) == (q.client_id == 1)
    assert ("#email" in before + after) == (q.tags == ("email",))


pieces = st.sampled_from(
    [
        "x",
        " ",
        "@",
        "@ac",
        "@acme",
        "@big",
        "due:",
        "due:fri",
        "due:03/04",
        "!",
        "!h",
        "!x",
        "~",
        "~2h",
        "~0",
        "#",
        "#a",
        "#1",
        "every:",
        "every:2w",
        "in:",
        "in:d",
        "in:n",
        ":",
        "🎉",
        "[b]",
        "\u0663",
        "\n",
    ]
)


@given(
    text=st.one_of(
        st.text(), st.lists(pieces, max_size=8).map("".join), st.lists(pieces, max_size=8).map(" ".join)
    )
)
def test_any_text_gives_a_quick_add_or_a_parse_error(text: str) -> None:
    try:
        q = qa(text)
    except ParseError as exc:
        assert str(exc)
    else:
        assert q.title.strip()
        # every word of the title is a word of the text, in order
        remaining = iter(text.split())
        assert all(word in remaining for word in q.title.split())
        assert describe(q, TODAY).startswith(q.title)
