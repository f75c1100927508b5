"""Files the command line writes, and problems with the data folder, as real processes
(issue 8, item 6): exports and documents are 0600 under umask 000 and never land on
vatui's own files or follow a link; an unusable data folder is one line and exit 1;
a read-only data folder still answers reads.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.cli_run import one_line_error, run_vatui
from tests.helpers.mounts import read_only


@pytest.fixture
def books(data_dir: Path) -> Iterator[Path]:
    """A workspace with a client, a task and a sent invoice (INV-…), made through the CLI."""
    for args in (
        ("client", "add", "Acme", "--rate", "50", "--note", "secret plan"),
        ("add", "Draft newsletter @acme"),
        ("invoice", "new", "Acme", "--item", "Work", "2", "50"),
    ):
        result = run_vatui(data_dir, *args)
        assert result.returncode == 0, result.stderr
    yield data_dir


def _invoice(data: Path) -> str:
    listed = json.loads(run_vatui(data, "invoice", "list", "--json").stdout)
    return f"#{listed['invoices'][0]['id']}"  # a draft: numbered when sent


_NUMBERS: dict[Path, str] = {}


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def _outputs(data: Path, target: Path) -> list[tuple[str, ...]]:
    number = _NUMBERS.get(data) or _NUMBERS.setdefault(data, _invoice(data))
    return [
        ("status-report", "Acme", "-o", str(target)),
        ("export", "json", "-o", str(target)),
        ("export", "hledger", "-o", str(target)),
        ("invoice", "show", number, "-o", str(target)),
    ]


def test_every_output_is_0600_under_umask_000(books: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for n, args in enumerate(_outputs(books, out / "x")):
        target = out / f"file{n}"
        args = (*args[:-1], str(target))
        result = run_vatui(books, *args, umask=0)
        assert result.returncode == 0, (args, result.stderr)
        assert _mode(target) == 0o600, args
    existing = out / "file0"
    os.chmod(existing, 0o666)
    assert run_vatui(books, "status-report", "Acme", "-o", str(existing), umask=0).returncode == 0
    assert _mode(existing) == 0o600
    assert run_vatui(books, "export", "csv", str(out / "csv"), umask=0).returncode == 0
    assert _mode(out / "csv") == 0o700
    assert {_mode(p) for p in (out / "csv").iterdir()} == {0o600}
    assert [p.name for p in out.rglob("*.tmp")] == []


def test_no_output_lands_on_vatuis_own_files(books: Path) -> None:
    assert run_vatui(books, "backup").returncode == 0
    (books / "archive").mkdir()
    (books / "archive" / "2025.json").write_text("{}")
    backup = next((books / "backups").iterdir())
    assert run_vatui(books, "client", "list").returncode == 0  # the open after that change stamps it
    snapshot = {p: p.read_bytes() for p in books.rglob("*") if p.is_file()}
    for args in _outputs(books, books / "workspace.json"):  # every command on the workspace
        line = one_line_error(run_vatui(books, *args))
        assert "vatui's own" in line, (args, line)
    others = (books / "workspace.lock", backup, books / "archive" / "2025.json", books / "backups" / "new.md")
    for n, target in enumerate(others):  # and each other file with one of them in turn
        args = _outputs(books, target)[n]
        line = one_line_error(run_vatui(books, *args))
        assert "vatui's" in line, (args, line)
    line = one_line_error(run_vatui(books, "export", "csv", str(books / "backups")))
    assert "backups" in line
    assert {p: p.read_bytes() for p in books.rglob("*") if p.is_file()} == snapshot


def test_an_output_that_is_a_link_or_a_folder_is_refused(books: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious")
    os.chmod(victim, 0o644)
    link = tmp_path / "report.md"
    link.symlink_to(victim)
    for args in _outputs(books, link):
        line = one_line_error(run_vatui(books, *args))
        assert "symbolic link" in line
    assert victim.read_text() == "precious" and _mode(victim) == 0o644 and link.is_symlink()
    for args in _outputs(books, tmp_path):  # click refuses a folder as a usage error (exit 2)
        result = run_vatui(books, *args)
        assert result.returncode in (1, 2) and "Traceback" not in result.stderr
        assert "directory" in result.stderr or "folder" in result.stderr


@pytest.mark.parametrize(
    ("breakage", "words"),
    [
        ("data-is-file", "is not a folder"),
        ("workspace-is-dir", "not a regular file"),
        ("lock-is-dir", "workspace.lock should be a file"),
        ("backups-is-file", "backups should be a folder"),
        ("archive-is-file", "archive should be a folder"),
        ("workspace-is-link", "symbolic link"),
        ("backups-is-link", "symbolic link"),
        ("workspace-is-fifo", "not a regular file"),
    ],
)
def test_an_unusable_data_folder_is_one_line_and_exit_1(
    data_dir: Path, tmp_path: Path, breakage: str, words: str
) -> None:
    if breakage == "data-is-file":
        data_dir.write_text("not a folder")
    else:
        assert run_vatui(data_dir, "add", "Before").returncode == 0
        target = {
            "workspace-is-dir": "workspace.json",
            "lock-is-dir": "workspace.lock",
            "backups-is-file": "backups",
            "archive-is-file": "archive",
            "workspace-is-link": "workspace.json",
            "backups-is-link": "backups",
            "workspace-is-fifo": "workspace.json",
        }[breakage]
        path = data_dir / target
        if path.is_dir():
            path.rmdir()
        elif path.exists():
            path.rename(tmp_path / "moved")
        if breakage in ("workspace-is-dir", "lock-is-dir"):
            path.mkdir()
        elif breakage.endswith("-is-file"):
            path.write_text("x")
        elif breakage == "workspace-is-link":
            path.symlink_to(tmp_path / "moved")
        elif breakage == "backups-is-link":
            path.symlink_to(tmp_path)
        else:  # a workspace.json that cannot be opened: a FIFO
            os.mkfifo(path)
    for args in (("today",), ("task", "list"), ("add", "After")):
        line = one_line_error(run_vatui(data_dir, *args, timeout=10))
        assert words in line, (args, line)


def test_a_read_only_data_folder_still_answers_reads(
    books: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (books / "workspace.json").read_bytes()
    with read_only(books) as mounted:
        if mounted:

            def vatui(*args: str) -> tuple[int, str, str]:
                result = run_vatui(books, *args)
                return result.returncode, result.stdout, result.stderr
        else:  # no mount here: every write under the folder fails as on a read-only filesystem
            vatui = _in_process_read_only(books, monkeypatch, capsys)
        for args in (
            ("today",),
            ("today", "--json"),
            ("task", "list"),
            ("report", "pnl"),
            ("client", "list"),
            ("invoice", "list"),
            ("export", "json"),
        ):
            code, out, err = vatui(*args)
            assert code == 0 and out and err == "", (args, err)
        code, out, err = vatui("task", "list", "--json")
        assert [t["title"] for t in json.loads(out)] == ["Draft newsletter"]
        for args in (("add", "Not saved"), ("backup",), ("client", "add", "Beta")):
            code, out, err = vatui(*args)
            lines = err.strip().splitlines()
            assert code == 1 and len(lines) == 1 and lines[0].startswith("vatui: "), (args, err)
            assert "Read-only" in err or "read-only" in err, err
            assert "Traceback" not in err
    assert (books / "workspace.json").read_bytes() == before


def _in_process_read_only(books: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Emulate a read-only folder in this process: writes, creates and renames under it fail with EROFS."""
    import errno

    real_open, real_replace, real_access, real_mkdir = os.open, os.replace, os.access, os.mkdir
    root = str(books)

    def under(path: object) -> bool:
        return str(os.path.abspath(os.fspath(path))).startswith(root)  # type: ignore[arg-type]

    def erofs(path: object) -> OSError:
        return OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    def open_(path: object, flags: int, mode: int = 0o777, **kw: object) -> int:
        if under(path) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise erofs(path)
        return real_open(path, flags, mode, **kw)  # type: ignore[arg-type]

    def replace(src: object, dst: object, **kw: object) -> None:
        if under(dst):
            raise erofs(dst)
        real_replace(src, dst, **kw)  # type: ignore[arg-type]

    def access(path: object, mode: int, **kw: object) -> bool:
        if under(path) and mode & os.W_OK:
            return False
        return real_access(path, mode, **kw)  # type: ignore[arg-type]

    def mkdir(path: object, mode: int = 0o777, **kw: object) -> None:
        if under(path):
            raise erofs(path)
        real_mkdir(path, mode, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "mkdir", mkdir)
    monkeypatch.setenv("VATUI_DATA_DIR", str(books))
    monkeypatch.setenv("TZ", "UTC")

    def vatui(*args: str) -> tuple[int, str, str]:
        from vatui.cli.main import main

        capsys.readouterr()
        try:
            main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return vatui


def test_root_ignores_chmod_0500_so_the_read_only_test_mounts(tmp_path: Path) -> None:
    """Why the read-only test mounts instead of chmod-ing: as root, 0500 still lets writes through."""
    folder = tmp_path / "ro"
    folder.mkdir()
    os.chmod(folder, 0o500)
    can_write = subprocess.run(["sh", "-c", f"touch {folder}/x"], capture_output=True).returncode == 0
    assert can_write == (os.geteuid() == 0)
    os.chmod(folder, 0o700)
