"""Every free-text field refuses control characters (and overlong text) before anything is
saved, whichever way it comes in (CLI or form: both go through these services); names
differing only by case, width or zero-width characters are duplicates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from tests.helpers.ledger import client, eur, sent_invoice
from vatui.domain.clients import Channel, Client, Person
from vatui.domain.errors import InputError
from vatui.domain.tasks import ChecklistItem
from vatui.services.clients import manage as svc
from vatui.services.clients.contacts import log_contact
from vatui.services.ledger.expenses import add_expense
from vatui.services.ledger.invoices import ItemSpec, new_invoice
from vatui.services.ledger.payments import record_payment
from vatui.services.settings.theme import set_theme
from vatui.services.tasks.manage import add_task, edit_task, quick_add
from vatui.services.tasks.timer import add_time
from vatui.store.workspace import Workspace

EVIL = "\x1b]52;c;SEFDS0VE\x07\x1b]2;PWNED\x07\x1b[2J"


def _disk(ws: Workspace) -> str:
    return (ws.directory / "workspace.json").read_text()


def _cases(ws: Workspace) -> dict[str, Callable[[str], Any]]:
    acme = client(ws, "Acme")
    task = add_task(ws, "Plain task", client_id=acme.id)
    inv = sent_invoice(ws, acme, 10000)
    cid, tid = acme.id or 0, task.id or 0
    return {
        "client name": lambda t: svc.add_client(ws, f"New{t}"),
        "client rename": lambda t: svc.edit_client(ws, cid, name=f"Acme{t}"),
        "person": lambda t: svc.edit_client(ws, cid, people=(Person(name=f"Ann{t}"),)),
        "person role": lambda t: svc.edit_client(ws, cid, people=(Person(name="Ann", role=f"owner{t}"),)),
        "channel handle": lambda t: svc.edit_client(
            ws, cid, channels=(Channel(kind="slack", handle=f"#a{t}"),)
        ),
        "client tag": lambda t: svc.edit_client(ws, cid, tags=(f"vip{t}",)),
        "client note": lambda t: svc.add_note(ws, cid, f"note{t}"),
        "task title": lambda t: add_task(ws, f"Task{t}"),
        "quick add": lambda t: quick_add(ws, f"Task{t} @acme"),
        "task retitle": lambda t: edit_task(ws, tid, title=f"Task{t}"),
        "task notes": lambda t: edit_task(ws, tid, notes=f"line one\nline two{t}"),
        "new task notes": lambda t: add_task(ws, "Other", notes=f"n{t}"),
        "task tag": lambda t: edit_task(ws, tid, tags=(f"x{t}",)),
        "checklist": lambda t: edit_task(ws, tid, checklist=(ChecklistItem(text=f"step{t}"),)),
        "contact summary": lambda t: log_contact(ws, cid, channel="email", summary=f"said{t}"),
        "time note": lambda t: add_time(ws, tid, 30, date(2026, 11, 20), note=f"call{t}"),
        "invoice line": lambda t: new_invoice(ws, cid, items=[ItemSpec(f"Work{t}", "1", eur(100))]),
        "invoice notes": lambda t: new_invoice(
            ws, cid, items=[ItemSpec("Work", "1", eur(100))], notes=f"n{t}"
        ),
        "payment method": lambda t: record_payment(ws, inv.id or 0, eur(100), method=f"bank{t}"),
        "payment reference": lambda t: record_payment(ws, inv.id or 0, eur(100), reference=f"r{t}"),
        "expense vendor": lambda t: add_expense(ws, eur(500), category="software", vendor=f"V{t}"),
        "expense note": lambda t: add_expense(ws, eur(500), category="software", note=f"N{t}"),
        "theme": lambda t: set_theme(ws, f"nord{t}"),
    }


CASES = [
    "client name",
    "client rename",
    "person",
    "person role",
    "channel handle",
    "client tag",
    "client note",
    "task title",
    "quick add",
    "task retitle",
    "task notes",
    "new task notes",
    "task tag",
    "checklist",
    "contact summary",
    "time note",
    "invoice line",
    "invoice notes",
    "payment method",
    "payment reference",
    "expense vendor",
    "expense note",
    "theme",
]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("escape", [EVIL, "\x07", "\x9b2J", "\x7f", "\u202e"])
def test_control_characters_are_refused_and_nothing_is_saved(ws: Workspace, case: str, escape: str) -> None:
    action = _cases(ws)[case]
    before = _disk(ws)
    with pytest.raises(InputError, match="contains a control character"):
        action(escape)
    assert _disk(ws) == before
    assert "\\u001b" not in before and "\\u0007" not in before


def test_the_cases_accept_plain_text(ws: Workspace) -> None:
    cases = _cases(ws)
    assert set(cases) == set(CASES)
    for name in CASES:
        if name not in {"client rename"}:
            cases[name]("ok")


def test_newlines_are_kept_in_long_text_only(ws: Workspace) -> None:
    acme = client(ws, "Acme")
    task = add_task(ws, "T", notes="one\r\ntwo\tthree")
    assert task.notes == "one\ntwo\tthree"
    assert svc.add_note(ws, acme.id or 0, "a\nb").notes[-1].text == "a\nb"
    with pytest.raises(InputError, match="U\\+000A newline"):
        add_task(ws, "one\ntwo")
    with pytest.raises(InputError, match="U\\+0009 TAB"):
        add_expense(ws, eur(500), category="software", vendor="a\tb")


@pytest.mark.parametrize(
    ("action", "limit"),
    [
        (lambda ws, t: add_task(ws, t), 500),
        (lambda ws, t: svc.add_client(ws, t), 200),
        (lambda ws, t: add_task(ws, "T", notes=t), 10_000),
    ],
)
def test_free_text_is_capped(ws: Workspace, action: Callable[[Workspace, str], Any], limit: int) -> None:
    action(ws, "x" * limit)
    with pytest.raises(InputError, match=f"too long \\({limit + 1} characters, at most {limit}\\)"):
        action(ws, "y" * (limit + 1))


def test_a_megabyte_title_is_refused(ws: Workspace) -> None:
    before = _disk(ws)
    with pytest.raises(InputError, match="too long"):
        add_task(ws, "x" * 1_000_000)
    assert _disk(ws) == before


@pytest.mark.parametrize(
    "twin",
    [
        "Ac\u200bme",
        "\ufeffAcme",
        "Acme\u2060",
        "A\u200cc\u200dme",
        "ACME",
        "Ａｃｍｅ",
        "Acme  ",
        "Ac\u00adme",
    ],
)
def test_a_name_differing_only_by_invisible_characters_is_a_duplicate(ws: Workspace, twin: str) -> None:
    svc.add_client(ws, "Acme")
    other = svc.add_client(ws, "Beta")
    with pytest.raises(InputError, match="already exists"):
        svc.add_client(ws, twin)
    with pytest.raises(InputError, match="already exists"):
        svc.edit_client(ws, other.id or 0, name=twin)
    assert sorted(c.name for c in ws.all(Client)) == ["Acme", "Beta"]


def test_a_client_may_rename_itself_by_case_or_zero_width(ws: Workspace) -> None:
    acme = svc.add_client(ws, "Acme")
    assert svc.edit_client(ws, acme.id or 0, name="ACME").name == "ACME"


@pytest.mark.parametrize("empty", ["\u200b", "\u200b\ufeff ", " \u2060 "])
def test_a_name_of_only_invisible_characters_is_empty(ws: Workspace, empty: str) -> None:
    with pytest.raises(InputError, match="needs a name"):
        svc.add_client(ws, empty)
    with pytest.raises(InputError, match="needs a name"):
        svc.parse_person(empty)


# QA round 2 --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "twin",
    [
        "Brightpath Coaching\u200e",
        "Brightpath\u00a0Coaching",
        "\u200fBrightpath Coaching",
        "Brightpath\u2003Coaching",
        "Brightpath Coaching\U000e0041",
        "Bright\u3164path Coaching",
    ],
)
def test_a_look_alike_twin_is_a_duplicate_named_in_quotes(ws: Workspace, twin: str) -> None:
    svc.add_client(ws, "Brightpath Coaching")
    with pytest.raises(InputError) as refused:
        svc.add_client(ws, twin)
    message = str(refused.value)
    assert message.startswith("a client called “") and message.endswith("” already exists")
    assert "\\x" not in message and "\\u" not in message and "'" not in message


@pytest.mark.parametrize(
    "empty",
    [
        "\u200e",
        "\u3164",
        "\u2800",
        "\U000e0041",
        "\u115f\u1160",
        "\u00a0\u2000",
        "\ufff9\ufffb",
        "\u061c",
        "\u180e",
    ],
)
def test_a_name_or_title_that_shows_nothing_is_refused(ws: Workspace, empty: str) -> None:
    with pytest.raises(InputError, match="needs a name"):
        svc.add_client(ws, empty)
    with pytest.raises(InputError, match="needs a name"):
        svc.parse_person(empty)
    with pytest.raises(InputError, match="needs a title"):
        add_task(ws, empty)
    assert ws.all(Client) == []
