"""``vatui settings``: every setting with its value; ``vatui settings set KEY VALUE``.

Keys are those of ``vatui.domain.settings_rules`` (``business_name``, ``time_rounding``,
``columns``…) and the dotted families ``payment_details.EUR``, ``reminder.es.polite`` and
``protocol.firm.days``. A bad value is refused with the values allowed; nothing is saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from vatui.cli.context import CliContext, emit_json, pass_ctx, say, show
from vatui.i18n import _

if TYPE_CHECKING:
    from vatui.services.session import Session


@click.group("settings", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
@click.pass_context
def settings_cmd(ctx: click.Context, as_json: bool) -> None:
    """Your business, language, formats, board and reminders: show them, or set one."""
    if ctx.invoked_subcommand is not None:
        return
    from vatui.services.settings.edit import settings_view

    obj = ctx.find_object(CliContext) or CliContext()
    view = _open(obj).run(settings_view)
    if as_json:
        emit_json(
            {
                "settings": {row.key: row.value for row in view.rows},
                "allowed": {row.key: row.allowed for row in view.rows},
                "problems": view.problems,
            }
        )
        return
    width = max(len(row.key) for row in view.rows)
    for row in view.rows:
        lines = row.value.splitlines() or [""]
        say(f"{row.key:<{width}}  {show(lines[0])}")
        for more in lines[1:]:
            say(f"{'':<{width}}  {show(more)}")
    for problem in view.problems:
        click.echo(f"vatui: {show(problem)}", err=True)


@settings_cmd.command("set", context_settings={"ignore_unknown_options": True})
@click.argument("key")
@click.argument("value")
@pass_ctx
def set_cmd(obj: CliContext, key: str, value: str) -> None:
    """Set KEY to VALUE (checked first: a bad value saves nothing).

    \b
    Keys: see `vatui settings`. With dots:
      payment_details.EUR "IBAN ES12 …"   (payment_details.* for any currency)
      reminder.es.polite "Hola {contact}, …"   (empty: the built-in text)
      protocol.firm.days 10   (protocol.friendly.days -3: before the due date)
    """
    from vatui.domain import settings_rules
    from vatui.services.settings.edit import set_from_text

    updated = _open(obj).run(set_from_text, key, value)
    say(_("{key} = {value}").format(key=key, value=show(settings_rules.value_of(updated, key), 200)))


def _open(obj: CliContext) -> Session:
    """A session for the settings, opened without the start-up housekeeping (which reads
    them: a bad hand-edited setting can then be seen and fixed), and its language in use
    from now on (what is refused is said in it), as every other command does."""
    from vatui.cli.language import apply_setting
    from vatui.services.session import Session
    from vatui.services.settings.edit import stored_language

    session = Session.open_bare(obj.directory, obj.clock)
    apply_setting(session.run(stored_language))
    return session


COMMANDS = [settings_cmd]
