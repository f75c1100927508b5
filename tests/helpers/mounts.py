"""Real small and read-only filesystems for tests, where this process may mount them.

``tmpfs(path, size)`` mounts a tmpfs of ``size`` bytes on ``path``; ``read_only(path)``
makes ``path`` read-only in place (a read-only bind mount of itself). Each yields
``True`` when it mounted, ``False`` when it could not (not root, no mount(8), a
container without the capability): the caller then emulates the same failure and says
so in its assertions, never skipping.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _mount(*args: str) -> bool:
    try:
        return subprocess.run(["mount", *args], capture_output=True, check=False).returncode == 0
    except OSError:  # no mount(8)
        return False


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


@contextmanager
def tmpfs(path: Path, size: int) -> Iterator[bool]:
    """A tmpfs of ``size`` bytes mounted on ``path`` (created if needed)."""
    path.mkdir(parents=True, exist_ok=True)
    mounted = _mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path))
    try:
        yield mounted
    finally:
        if mounted:
            _umount(path)


@contextmanager
def read_only(path: Path) -> Iterator[bool]:
    """``path`` (a directory) made read-only for everyone, root included."""
    mounted = _mount("--bind", str(path), str(path))
    if mounted and not _mount("-o", "remount,bind,ro", str(path)):
        _umount(path)
        mounted = False
    try:
        yield mounted
    finally:
        if mounted:
            _umount(path)
