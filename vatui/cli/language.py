"""The language of the command line, chosen before the click commands are imported.

Click evaluates ``help=`` texts when its decorators run, at import: for ``--help`` to be in
the workspace's language, the language is chosen first. The environment (``LANGUAGE``,
``LC_ALL``, ``LANG``) already applies at import; the workspace setting ``language`` applies
once the workspace is open (``CliContext.session``) and, for ``--help``, from a read-only peek
at the workspace file here (any problem: the environment's language stays).
"""

from __future__ import annotations

from vatui.i18n import set_language


def apply_setting(language: str) -> None:
    """Use the workspace's ``language`` setting (empty: the environment's)."""
    if language:
        set_language(language)


def peek_language(data_dir_override: str | None) -> str:
    """The ``language`` setting of the workspace in the data directory, or ``""``.

    Never creates, locks or changes anything: a missing or unreadable workspace is ``""``.
    """
    from vatui.domain.errors import VatuiError
    from vatui.paths import data_dir, workspace_path
    from vatui.services.peek import peek_document

    try:
        path = workspace_path(data_dir(data_dir_override))
        settings = (peek_document(path, ("settings",)) or {}).get("settings", {})
        for doc in settings.values():
            value = doc.get("language", "")
            return value if isinstance(value, str) else ""
    except (OSError, ValueError, AttributeError, VatuiError):
        return ""
    return ""


def data_dir_in(args: list[str]) -> str | None:
    """The ``--data-dir`` given on the command line, if any (``VATUI_DATA_DIR`` otherwise)."""
    import os

    for i, arg in enumerate(args):
        if arg == "--data-dir" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--data-dir="):
            return arg.split("=", 1)[1]
    return os.environ.get("VATUI_DATA_DIR") or None


def choose_for_help(args: list[str]) -> None:
    """Before ``--help`` is shown: the workspace's language, when it sets one."""
    if "--help" in args or "-h" in args:
        apply_setting(peek_language(data_dir_in(args)))
