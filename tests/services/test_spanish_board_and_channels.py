"""A workspace started in Spanish gets its board in Spanish (issue 9: a Spanish VA meets no
English string): the columns, and the roles (doing, waiting, done) that follow them."""

from __future__ import annotations

from vatui.domain.changes import TaskChanges
from vatui.domain.settings import DEFAULT_COLUMNS
from vatui.services.settings.first_run import default_columns, set_up
from vatui.services.tasks.manage import add_task, change_task
from vatui.store.workspace import Workspace


def test_a_spanish_first_run_names_the_columns_in_spanish(ws: Workspace) -> None:
    settings = set_up(ws, {"language": "es", "business_name": "Ana"})
    assert settings.columns == ("Entrada", "Siguiente", "En curso", "En espera", "Hecho")
    assert (settings.doing_column, settings.waiting_column, settings.done_column) == (
        "En curso",
        "En espera",
        "Hecho",
    )
    task = add_task(ws, "Llamar a Ángel")
    assert task.column == "Entrada"
    done = change_task(ws, task.id or 0, TaskChanges(), column="hecho")
    assert done.column == "Hecho" and done.is_done


def test_an_english_first_run_keeps_the_english_board(ws: Workspace) -> None:
    assert set_up(ws, {"language": "en"}).columns == DEFAULT_COLUMNS
    assert default_columns("") == DEFAULT_COLUMNS


def test_channels_are_shown_in_the_language_and_stored_as_typed() -> None:
    from vatui.domain.clients import channel_word
    from vatui.i18n import language_of

    with language_of("es"):
        assert channel_word("phone") == "teléfono" and channel_word("other") == "otro"
        assert channel_word("email") == "email" and channel_word("fax") == "fax"
    assert channel_word("phone") == "phone"
