"""The user's key remapping: ``keymap.toml`` in the config directory.

The file maps binding ids to keys::

    [keys]
    quick_add = "ctrl+n"
    undo = "ctrl+z"
    today_done = "x,space"      # several keys for one binding: comma-separated

Every binding of the app has an id (see ``docs/app.md`` for the list). The keymap is
applied with ``App.set_keymap``; a file that cannot be read gives a message, never a crash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vatui.i18n import _
from vatui.paths import config_dir

KEYMAP_FILE = "keymap.toml"


@dataclass(frozen=True)
class LoadedKeymap:
    """What the keymap file asked for, and what was wrong with it."""

    keys: dict[str, str] = field(default_factory=dict)
    """Binding id → key(s), ready for ``App.set_keymap``."""
    problems: tuple[str, ...] = ()
    """Messages for the user about entries that were ignored."""


def keymap_path(directory: Path | None = None) -> Path:
    """Where the keymap file lives (``keymap.toml`` in the config directory)."""
    return (directory or config_dir()) / KEYMAP_FILE


def load_keymap(path: Path | None = None) -> LoadedKeymap:
    """Read the keymap file; a missing file is an empty keymap."""
    path = path or keymap_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return LoadedKeymap()
    except OSError as exc:
        return LoadedKeymap(
            problems=(_("cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc),)
        )
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return LoadedKeymap(problems=(_("{path} is not valid TOML: {reason}").format(path=path, reason=exc),))
    table = data.get("keys", {})
    if not isinstance(table, dict):
        return LoadedKeymap(problems=(_('{path}: [keys] must be a table of id = "key"').format(path=path),))
    keys: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, value in table.items():
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = ",".join(value)
        if not isinstance(value, str) or not value.strip() or not value.isprintable():
            problems.append(
                _('{path}: the key for {id!r} must be a string like "ctrl+n"').format(
                    path=path, id=binding_id
                )
            )
            continue
        keys[str(binding_id)] = ",".join(part.strip() for part in value.split(",") if part.strip())
    return LoadedKeymap(keys, tuple(problems))
