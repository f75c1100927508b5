"""Rebuild the message catalogs: ``make catalog``.

1. extract every ``_()``, ``ngettext()``, ``N_()`` and ``pgettext()`` string in vatui/ into
   ``vatui/locale/vatui.pot``;
2. merge it into each ``vatui/locale/<lang>/LC_MESSAGES/vatui.po`` (new strings arrive
   untranslated; strings gone from the code are dropped);
3. compile each ``.po`` into the ``.mo`` that ships (committed: tests/i18n checks it is
   current);
4. list what is untranslated or fuzzy, and exit 1 when anything is.

Needs babel (a test dependency); the running app only reads the ``.mo`` with gettext.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PACKAGE = ROOT / "vatui"
LOCALE = PACKAGE / "locale"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "NC_": ((1, "c"), 2)}


def extract() -> Catalog:
    """Every marked string of the package, in source order."""
    pot = Catalog(project="vatui", charset="utf-8", fuzzy=False)
    found = extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    )
    for filename, lineno, message, comments, context in found:
        pot.add(message, locations=[(f"vatui/{filename}", lineno)], auto_comments=comments, context=context)
    for message, context, where in inside_f_strings():
        if pot.get(message, context=context) is None:
            pot.add(message, locations=[where], context=context)
    for text, where in cli_help().items():
        if text not in pot:
            pot.add(
                text, locations=[(where, 0)], auto_comments=["the description of a command (its docstring)"]
            )
    return pot


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def inside_f_strings() -> list[tuple[str | tuple[str, str], str | None, tuple[str, int]]]:
    """Marked strings babel's extractor does not see: those inside f-strings (``f"{_('due on')}"``)."""
    found: list[tuple[str | tuple[str, str], str | None, tuple[str, int]]] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = str(path.relative_to(ROOT))
        for joined in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(joined, ast.JoinedStr):
                continue
            for call in ast.walk(joined):
                if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
                    continue
                args = [_literal(a) for a in call.args]
                name = call.func.id
                if name in ("_", "N_") and args and args[0]:
                    found.append((args[0], None, (where, call.lineno)))
                elif name == "ngettext" and len(args) >= 2 and args[0] and args[1]:
                    found.append(((args[0], args[1]), None, (where, call.lineno)))
                elif name in ("pgettext", "NC_") and len(args) >= 2 and args[0] and args[1]:
                    found.append((args[1], args[0], (where, call.lineno)))
    return found


def cli_help() -> dict[str, str]:
    """Every command's description (click takes it from the docstring), with its module."""
    import importlib

    import click

    from vatui.cli.main import LAZY_COMMANDS, cli

    found: dict[str, str] = {}

    def walk(command: click.Command, module: str) -> None:
        if command.help:
            found.setdefault(vars(command).get("_vatui_help", command.help), module)
        if isinstance(command, click.Group):
            for sub in command.commands.values():
                walk(sub, module)

    walk(cli, "vatui/cli/main.py")
    names = sorted({m for modules in LAZY_COMMANDS.values() for m in modules})
    modules = [importlib.import_module(f"vatui.cli.{name}") for name in names]  # all first: some
    for name, module in zip(names, modules, strict=True):  # add subcommands to another's group
        for command in getattr(module, "COMMANDS", []):
            walk(command, f"vatui/cli/{name}.py")
    return found


def untranslated(catalog: Catalog) -> list[str]:
    """The msgids of ``catalog`` with an empty (or partly empty) or fuzzy translation."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id[0] if isinstance(message.id, tuple) else message.id)
    return missing


def main() -> int:
    pot = extract()
    pot_path = LOCALE / "vatui.pot"
    if pot_path.exists():  # a stable header: only a change of strings changes the files
        with open(pot_path, "rb") as src:
            pot.creation_date = read_po(src).creation_date
    with open(pot_path, "wb") as out:
        write_po(out, pot, omit_header=False, sort_by_file=False, width=100)
    problems = 0
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/vatui.po")):
        with open(po_path, "rb") as src:
            catalog = read_po(src)
        catalog.update(pot, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        with open(po_path, "wb") as out:
            write_po(out, catalog, width=100)
        with open(po_path.with_suffix(".mo"), "wb") as out:
            write_mo(out, catalog)
        missing = untranslated(catalog)
        lang = po_path.parent.parent.name
        print(f"{lang}: {len(pot)} strings, {len(missing)} untranslated")
        for msgid in missing:
            print(f"  {msgid!r}")
        problems += len(missing)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
