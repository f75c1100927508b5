"""Click's own error messages (a mistyped command, a missing argument…) in the language in use.

Click words them with the standard library's ``gettext``, which has no catalog for them:
:func:`error_text` says them again with vatui's, from what the exception carries (its kind,
its parameter, its context). A message click already built in English is matched against
click's own wording (:data:`CLICK_MESSAGES`, click 8's exact text) and said again from the
catalog with the same values; any other message (vatui's own, already translated) is kept.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import click

from vatui.i18n import N_, NC_, _, ngettext, pgettext

#: Click's messages, word for word: the English click builds is recognised by them.
CLICK_MESSAGES = (
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Missing command."),
    N_("Option {name!r} does not take a value."),
    N_("Option {name!r} requires an argument."),
    N_("Option {name!r} requires {nargs} arguments."),
    N_("Argument {name!r} takes {nargs} values."),
    N_("Got unexpected extra argument ({args})"),
    N_("Got unexpected extra arguments ({args})"),
    N_("{value!r} is not {choice}."),
    N_("{value!r} is not one of {choices}."),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"),
    N_("{value!r} does not match the format {format}."),
    N_("{value!r} does not match the formats {formats}."),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
)

#: Click's words put inside those messages (the kind of number or of path).
CLICK_WORDS = {
    "integer": NC_("click", "integer"),
    "float": NC_("click", "float"),
    "file": NC_("click", "file"),
    "File": NC_("click", "File"),
    "directory": NC_("click", "directory"),
    "Directory": NC_("click", "Directory"),
    "path": NC_("click", "path"),
    "Path": NC_("click", "Path"),
}

_FIELD = re.compile(r"\{(\w+)(?:![rs])?\}")


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """``template`` as a pattern that captures each of its values."""
    parts: list[str] = []
    seen: set[str] = set()
    end = 0
    for field in _FIELD.finditer(template):
        parts.append(re.escape(template[end : field.start()]))
        name = field.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
        seen.add(name)
        end = field.end()
    parts.append(re.escape(template[end:]))
    return re.compile("".join(parts), re.DOTALL)


@lru_cache(maxsize=1)
def _most_words_first() -> tuple[str, ...]:
    """The templates, the most specific first (``is not one of {choices}`` before
    ``is not {choice}``, which would match it too)."""
    return tuple(sorted(CLICK_MESSAGES, key=lambda template: -len(_FIELD.sub("", template))))


def translate_message(message: str) -> str:
    """A message click built in English, in the language in use (others unchanged)."""
    for template in _most_words_first():
        found = _pattern(template).fullmatch(message)
        if found is None:
            continue
        values = found.groupdict()
        for key in ("number_type", "name"):
            if values.get(key) in CLICK_WORDS:
                values[key] = pgettext("click", CLICK_WORDS[values[key]])
        return _fill(_(template), values)
    return message


def _fill(template: str, values: dict[str, str]) -> str:
    """``template`` with its fields replaced by the text captured (already quoted)."""
    return _FIELD.sub(lambda field: values.get(field.group(1), field.group(0)), template)


def _possibilities(exc: click.UsageError) -> str:
    possibilities = getattr(exc, "possibilities", None)
    if not possibilities:
        return ""
    listed = ", ".join(repr(name) for name in sorted(possibilities))
    return " " + ngettext(
        "Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", len(possibilities)
    ).format(possibility=listed, possibilities=listed)


def _param_hint(exc: click.BadParameter) -> str | None:
    hint = exc.param_hint
    if hint is None and exc.param is not None:
        hint = exc.param.get_error_hint(exc.ctx) if exc.ctx is not None else None
    if hint is None or isinstance(hint, str):
        return hint
    return " / ".join(repr(one) for one in hint)


def _missing(exc: click.MissingParameter) -> str:
    kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "parameter")
    missing = {
        "argument": _("Missing argument"),
        "option": _("Missing option"),
    }.get(kind, _("Missing parameter"))
    hint = _param_hint(exc)
    text = f"{missing} {hint}." if hint else f"{missing}."
    extra = translate_message(exc.message) if exc.message else ""
    if exc.param is not None and isinstance(exc.param.type, click.Choice):
        choices = ",\n\t".join(str(choice) for choice in exc.param.type.choices)
        extra = f"{extra}. " if extra else ""
        extra += _("Choose from:\n\t{choices}").format(choices=choices)
    return f"{text} {extra}" if extra else text


def message_of(exc: click.ClickException) -> str:
    """What went wrong, without the usage line: click's words in the language in use."""
    if isinstance(exc, click.MissingParameter):
        return _missing(exc)
    if isinstance(exc, click.BadParameter):
        hint = _param_hint(exc)
        message = translate_message(exc.message)
        if hint is None:
            return _("Invalid value: {message}").format(message=message)
        return _("Invalid value for {param_hint}: {message}").format(param_hint=hint, message=message)
    if isinstance(exc, click.UsageError):
        return translate_message(exc.message) + _possibilities(exc)
    return exc.format_message()


def error_text(exc: click.ClickException) -> str:
    """All click prints for ``exc`` (the usage and the help hint first for a usage error),
    in the language in use."""
    message = _("Error: {message}").format(message=message_of(exc))
    ctx = exc.ctx if isinstance(exc, click.UsageError) else None
    if ctx is None:
        return message
    lines = [ctx.get_usage()]
    help_names = ctx.command.get_help_option_names(ctx)
    if ctx.command.get_help_option(ctx) is not None and help_names:
        lines.append(
            _("Try '{command} {option}' for help.").format(
                command=ctx.command_path, option=max(help_names, key=len)
            )
        )
    return "\n".join(lines) + "\n\n" + message
